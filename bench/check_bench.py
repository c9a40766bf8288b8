#!/usr/bin/env python3
"""Benchmarks `kaizen check` against `cat` reading the same files, in one run.

For each repository size, generates the records (once, under bench/out/), then
runs each command several times and reports the median wall time, the ratio of
kaizen to the baseline, and kaizen's peak memory. Ratios, not absolute times,
are what compare across machines.

usage: check_bench.py --kaizen PATH [--sizes 1000,5000,20000] [--runs 11]
"""
import argparse
import glob
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, cwd):
    """Wall seconds and peak resident memory (KiB) of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {code}")
    return elapsed, usage.ru_maxrss


def measure(command, cwd, runs):
    timed(command, cwd)  # warm the page cache
    samples = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kaizen", required=True)
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=11)
    arguments = parser.parse_args()
    kaizen = os.path.abspath(arguments.kaizen)

    print(f"{'records':>8}  {'cat (ms)':>9}  {'kaizen check (ms)':>17}  {'ratio':>6}  {'kaizen peak RSS':>15}")
    for size in (int(s) for s in arguments.sizes.split(",")):
        repository = os.path.join(HERE, "out", f"records-{size}")
        if not os.path.exists(os.path.join(repository, "kaizen.yml")):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_records.py"), str(size), repository], check=True)
        files = sorted(glob.glob(os.path.join(repository, "*", "*.md")))
        baseline, _ = measure(["cat", *files], repository, arguments.runs)
        check, rss = measure([kaizen, "check", "--today", "2026-11-20", "--format", "json"], repository, arguments.runs)
        print(f"{size:>8}  {baseline * 1000:>9.1f}  {check * 1000:>17.1f}  {check / baseline:>5.1f}x  {rss / 1024:>12.1f} MiB")


if __name__ == "__main__":
    main()
