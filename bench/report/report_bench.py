#!/usr/bin/env python3
"""Benchmarks `kaizen report` against `kaizen timeline` on the same generated history.

The report reads the same history as the timeline (every record's status
changes, for the days the front matter leaves out) and parses every record
besides, so it should cost little more. Both run on the repository
timeline_bench.py generates (default: 5,000 records over 50,000 first-parent
commits, shared with it under bench/out/timeline), both with --today
2026-11-20, in one run, median of --runs after a warm-up:

  cold   no caches: `kaizen timeline --no-cache` against `kaizen report
         --no-cache` with the parse cache removed before each run (the first
         run in a fresh clone)
  warm   both caches in place (every later run)

The target is report <= 1.3x timeline in each. Prints a Markdown table, also
written to OUT/report-results.json.

usage: report_bench.py --kaizen PATH [--quick] [--runs 5] [--out DIR]
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "timeline"))
import timeline_bench  # noqa: E402  (shares the generator, the timing and the repository)

TARGET = 1.3
TODAY = "2026-11-20"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kaizen", required=True, help="the kaizen binary")
    parser.add_argument("--quick", action="store_true", help="a small repository, for trying the bench out")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "out", "timeline"))
    arguments = parser.parse_args()
    kaizen = os.path.abspath(arguments.kaizen)
    if not timeline_bench.supports_timeline(kaizen):
        sys.exit("report_bench: this kaizen has no timeline command")
    os.makedirs(arguments.out, exist_ok=True)
    size = timeline_bench.QUICK_SIZE if arguments.quick else timeline_bench.FULL_SIZE
    repository = timeline_bench.repository_for(size, arguments.out)
    cache = os.path.join(repository, ".git", "kaizen")

    def without_parse_cache(command):
        # The shell and rm cost a few milliseconds, which only flatters the timeline's side.
        return ["sh", "-c", f"rm -f {cache}/parse-*.cache; exec \"$@\"", "sh", *command]

    timeline = [kaizen, "timeline", "--today", TODAY]
    report = [kaizen, "report", "--today", TODAY]
    rows = []
    timeline_bench.note("cold: no caches")
    cold_timeline = timeline_bench.measure(without_parse_cache(timeline + ["--no-cache"]), repository, arguments.runs)
    cold_report = timeline_bench.measure(without_parse_cache(report + ["--no-cache"]), repository, arguments.runs)
    rows.append(("cold (no caches)", cold_timeline, cold_report))
    timeline_bench.note("warm: both caches in place")
    warm_timeline = timeline_bench.measure(timeline, repository, arguments.runs)
    warm_report = timeline_bench.measure(report, repository, arguments.runs)
    rows.append(("warm (caches in place)", warm_timeline, warm_report))

    records = len(timeline_bench.record_files(repository))
    commits = timeline_bench.git(repository, "rev-list", "--first-parent", "--count", "HEAD").strip()
    print(f"\n`kaizen report` against `kaizen timeline`, {records} records, {commits} first-parent commits, "
          f"median of {arguments.runs}:\n")
    print("| scenario | timeline | report | report ÷ timeline | target | peak memory (report) |")
    print("|---|---:|---:|---:|---:|---:|")
    results = []
    for name, (timeline_seconds, _), (report_seconds, report_rss) in rows:
        ratio = report_seconds / timeline_seconds
        verdict = "met" if ratio <= TARGET else "missed"
        print(f"| {name} | {timeline_bench.duration(timeline_seconds)} | {timeline_bench.duration(report_seconds)} "
              f"| {ratio:.2f}× | ≤ {TARGET}× ({verdict}) | {timeline_bench.mebibytes(report_rss)} |")
        results.append(dict(scenario=name, timeline_seconds=timeline_seconds, report_seconds=report_seconds,
                            ratio=ratio, target=TARGET, report_peak_rss=report_rss))
    with open(os.path.join(arguments.out, "report-results.json"), "w") as file:
        json.dump(dict(records=records, commits=int(commits), runs=arguments.runs, results=results), file, indent=2)


if __name__ == "__main__":
    main()
