#!/usr/bin/env python3
"""Benchmarks `kaizen timeline` against `git log` on a generated history, in one run.

Generates the repository with generate_repo.py (default: 5,000 records over
50,000 first-parent commits; cached under --out, keyed by the parameters and
the generator's source, so it is made once), then measures, reporting the
median wall time and the peak resident memory of each command (per process,
from os.wait4):

  floor        git log --format=%H%x00%an%x00%at --name-status -- experiments improvements constraints
               (one walk of the whole history with the changed record paths:
               the least any history tool must do)
  per file     git log --follow --format=%H -- FILE on a fixed sample of
               record files, the mean extrapolated to all records at HEAD
               (what a script calling git once per record would cost)
  full         kaizen timeline --format json --no-cache
  cache fill   kaizen timeline --format json on a fresh copy (one run; writes
               the cache under .git/kaizen/)
  incremental  kaizen timeline --format json with the cache at the old head
               and 100 new commits on top (a copy of the cache-filled
               repository, to which generate_repo.py --append added the
               commits, is copied afresh for each run)

It checks that an incremental run prints exactly what --no-cache prints (both
with --today 2026-11-20, so that the time in the current status is the same), and
prints a Markdown table with the targets: full <= 1.0x the git-log floor,
incremental <= 0.05x full, peak RSS < 200 MB; the table also goes to
OUT/results.json. Without --kaizen only the git rows are measured. Ratios,
not absolute times, are what compare across machines.

usage: timeline_bench.py [--kaizen PATH] [--quick] [--runs 3] [--out DIR]
                         [--records 5000] [--commits 50000] [--touch-share 0.3]
                         [--renames 200] [--merges 200] [--seed 1] [--sample 10]
                         [--append-commits 100]
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "generate_repo.py")
RECORD_FOLDERS = ["experiments", "improvements", "constraints"]
FULL_SIZE = dict(records=5000, commits=50000, touch_share=0.3, renames=200, merges=200, seed=1)
QUICK_SIZE = dict(records=500, commits=2000, touch_share=0.3, renames=20, merges=20, seed=1)
RSS_LIMIT = 200 * 1000 * 1000  # bytes
ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C")
for _name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
    ENV.pop(_name, None)


def note(text):
    print(f"timeline_bench: {text}", file=sys.stderr, flush=True)


def timed(command, cwd, output=None):
    """Wall seconds and peak resident memory (bytes) of one run."""
    sink = open(output, "wb") if output else subprocess.DEVNULL
    try:
        with tempfile.TemporaryFile() as stderr:
            started = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=sink, stderr=stderr)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)  # reaped: keep Popen from waiting again
            stderr.seek(0)
            errors = stderr.read().decode(errors="replace")
    finally:
        if output:
            sink.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"timeline_bench: `{' '.join(command)}` in {cwd} exited {code}:\n{errors}")
    return elapsed, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def measure(command, cwd, runs, warm_output=None):
    """Median seconds and peak RSS over `runs` runs, after one warm-up run."""
    timed(command, cwd, warm_output)  # warms the page cache (and keeps the output if asked)
    samples = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def git(repository, *arguments):
    return subprocess.run(["git", *arguments], cwd=repository, env=ENV, check=True,
                          stdout=subprocess.PIPE).stdout.decode()


def copy(source, destination):
    remove(destination)
    subprocess.run(["cp", "-a", source, destination], check=True)


def remove(path):
    if os.path.lexists(path):
        shutil.rmtree(path)


def repository_for(parameters, out):
    """The generated repository for these parameters, made if missing."""
    with open(GENERATOR, "rb") as file:
        generator = hashlib.sha256(file.read()).hexdigest()[:8]
    p = parameters
    name = (f"repo-r{p['records']}-c{p['commits']}-t{p['touch_share']}-rn{p['renames']}"
            f"-m{p['merges']}-s{p['seed']}-g{generator}")
    repository = os.path.join(out, name)
    if os.path.exists(os.path.join(repository, ".git", "kaizen-bench-generator.pickle")):
        return repository
    partial = repository + ".partial"
    remove(partial)
    note(f"generating {repository}")
    started = time.perf_counter()
    subprocess.run([sys.executable, GENERATOR, partial, "--records", str(p["records"]),
                    "--commits", str(p["commits"]), "--touch-share", str(p["touch_share"]),
                    "--renames", str(p["renames"]), "--merges", str(p["merges"]),
                    "--seed", str(p["seed"])], check=True)
    os.rename(partial, repository)
    note(f"generated in {time.perf_counter() - started:.1f} s")
    return repository


def record_files(repository):
    files = git(repository, "ls-files", "-z", "--", *RECORD_FOLDERS).split("\0")
    return sorted(f for f in files if f.endswith(".md") and os.path.basename(f) != "README.md")


def supports_timeline(kaizen):
    """True when `kaizen timeline --help` describes the timeline subcommand."""
    if not (os.path.isfile(kaizen) and os.access(kaizen, os.X_OK)):
        sys.exit(f"timeline_bench: {kaizen} is not an executable (build it with `make release`)")
    result = subprocess.run([kaizen, "timeline", "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.returncode == 0 and b"kaizen timeline" in result.stdout


def duration(seconds):
    if seconds is None:
        return "not run"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 120:
        return f"{seconds:.2f} s"
    minutes = seconds / 60
    if minutes < 120:
        return f"{seconds:.0f} s ({minutes:.0f} min)"
    return f"{seconds:.0f} s ({minutes / 60:.1f} h)"


def mebibytes(size):
    return "not run" if size is None else f"{size / 1024 / 1024:.1f} MiB"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kaizen", help="the kaizen binary (without it, only the git rows are measured)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 500 records, 2,000 commits, 20 renames, 20 merges")
    parser.add_argument("--records", type=int)
    parser.add_argument("--commits", type=int)
    parser.add_argument("--touch-share", type=float)
    parser.add_argument("--renames", type=int)
    parser.add_argument("--merges", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", type=int, default=10, help="record files timed with git log --follow")
    parser.add_argument("--append-commits", type=int, default=100)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "out", "timeline"))
    arguments = parser.parse_args()
    parameters = dict(QUICK_SIZE if arguments.quick else FULL_SIZE)
    for key in parameters:
        if getattr(arguments, key) is not None:
            parameters[key] = getattr(arguments, key)
    runs = max(1, arguments.runs)
    out = os.path.abspath(arguments.out)
    os.makedirs(out, exist_ok=True)

    kaizen = os.path.abspath(arguments.kaizen) if arguments.kaizen else None
    unsupported = False
    if kaizen and not supports_timeline(kaizen):
        note(f"{kaizen} has no `timeline` subcommand; measuring the git rows only")
        kaizen, unsupported = None, True

    repository = repository_for(parameters, out)
    head = git(repository, "rev-parse", "HEAD").strip()
    files = record_files(repository)
    first_parent = int(git(repository, "rev-list", "--first-parent", "--count", "HEAD"))
    all_commits = int(git(repository, "rev-list", "--count", "HEAD"))
    note(f"{len(files)} record files at HEAD, {first_parent} first-parent commits ({all_commits} in all)")

    # a) the floor: one git log over the record folders.
    note("timing the git-log floor")
    floor_command = ["git", "log", "--format=%H%x00%an%x00%at", "--name-status", "--", *RECORD_FOLDERS]
    floor, floor_rss = measure(floor_command, repository, runs)

    # b) git log --follow per file, extrapolated.
    sample = sorted(random.Random(parameters["seed"]).sample(files, min(arguments.sample, len(files))))
    note(f"timing git log --follow on {len(sample)} record files")
    per_file, per_file_rss = [], 0
    for path in sample:
        seconds, rss = measure(["git", "log", "--follow", "--format=%H", "--", path], repository, runs)
        per_file.append(seconds)
        per_file_rss = max(per_file_rss, rss)
    follow_mean = statistics.mean(per_file)
    follow_all = follow_mean * len(files)

    full = full_rss = fill = fill_rss = incremental = incremental_rss = None
    matches = records_out = events_out = None
    if kaizen:
        timeline = [kaizen, "timeline", "--format", "json"]
        # c) the whole history, without the cache.
        note("timing kaizen timeline --no-cache")
        full_json = os.path.join(out, "full.json")
        full, full_rss = measure(timeline + ["--no-cache"], repository, runs, warm_output=full_json)
        with open(full_json, "rb") as file:
            document = json.load(file)
        records_out = len(document["records"])
        events_out = sum(len(record["events"]) for record in document["records"])

        # d) incremental: cache at the old head, new commits on top.
        note(f"preparing the incremental state (+{arguments.append_commits} commits)")
        prepared = os.path.join(out, "incremental-prepared")
        scratch = os.path.join(out, "incremental-run")
        copy(repository, prepared)
        fill, fill_rss = timed(timeline, prepared)
        if not os.path.isdir(os.path.join(prepared, ".git", "kaizen")):
            note("warning: the cache-filling run wrote nothing under .git/kaizen/")
        subprocess.run([sys.executable, GENERATOR, prepared, "--append", str(arguments.append_commits)],
                       check=True, env=ENV)

        note("checking the incremental output against --no-cache")
        copy(prepared, scratch)
        incremental_json = os.path.join(out, "incremental.json")
        uncached_json = os.path.join(out, "incremental-no-cache.json")
        # --today: the time in the current status runs until "today", which
        # otherwise is the clock, seconds apart between the two runs.
        today = ["--today", "2026-11-20"]
        timed(timeline + today, scratch, incremental_json)
        timed(timeline + today + ["--no-cache"], scratch, uncached_json)
        with open(incremental_json, "rb") as a, open(uncached_json, "rb") as b:
            matches = a.read() == b.read()
        if not matches:
            note(f"warning: {incremental_json} differs from {uncached_json}")

        note("timing kaizen timeline with the cache at the old head")
        samples = []
        for _ in range(runs):
            copy(prepared, scratch)
            samples.append(timed(timeline, scratch))
        incremental = statistics.median(s[0] for s in samples)
        incremental_rss = max(s[1] for s in samples)
        remove(scratch)
        remove(prepared)

    full_met = None if full is None else (full <= 1.0 * floor and full_rss < RSS_LIMIT)
    incremental_met = None if incremental is None else (incremental <= 0.05 * full and incremental_rss < RSS_LIMIT)
    rows = [
        dict(scenario="git log --name-status over the record folders (floor)", seconds=floor,
             peak_rss_bytes=floor_rss, target="", met=None),
        dict(scenario=f"git log --follow per record file: mean of {len(sample)} "
                      f"({duration(follow_mean)}) x {len(files)} records", seconds=follow_all,
             peak_rss_bytes=per_file_rss, target="", met=None),
        dict(scenario="kaizen timeline --format json --no-cache (full)", seconds=full, peak_rss_bytes=full_rss,
             target="<= 1.0x floor, RSS < 200 MB", met=full_met),
        dict(scenario="kaizen timeline --format json, first run writing the cache (1 run)", seconds=fill,
             peak_rss_bytes=fill_rss, target="RSS < 200 MB",
             met=None if fill is None else fill_rss < RSS_LIMIT),
        dict(scenario=f"kaizen timeline --format json, cache at old head + {arguments.append_commits} commits",
             seconds=incremental, peak_rss_bytes=incremental_rss, target="<= 0.05x full, RSS < 200 MB",
             met=incremental_met),
    ]
    for row in rows:
        row["ratio_vs_floor"] = None if row["seconds"] is None else row["seconds"] / floor

    print(f"\n`kaizen timeline` benchmark: {len(files)} records, {first_parent} first-parent commits "
          f"({all_commits} in all, {parameters['merges']} merges, {parameters['renames']} renames), "
          f"median of {runs} runs\n")
    print("| scenario | time (median) | ratio vs git-log floor | peak RSS | target | met |")
    print("|---|---:|---:|---:|---|---|")
    for row in rows:
        ratio = "" if row["ratio_vs_floor"] is None else f"{row['ratio_vs_floor']:.2f}x"
        if row["seconds"] is not None and "cache at old head" in row["scenario"] and full:
            ratio += f" ({row['seconds'] / full:.3f}x full)"
        verdict = {None: "" if not row["target"] else "not run", True: "yes", False: "**no**"}[row["met"]]
        print(f"| {row['scenario']} | {duration(row['seconds'])} | {ratio} | {mebibytes(row['peak_rss_bytes'])} "
              f"| {row['target']} | {verdict} |")
    print("\nTargets: full <= 1.0x the git-log floor; incremental <= 0.05x full; peak RSS < 200 MB "
          f"({RSS_LIMIT / 1024 / 1024:.1f} MiB).")
    if kaizen:
        print(f"kaizen printed {records_out} records and {events_out} events; the incremental output "
              f"{'equals' if matches else 'DIFFERS from'} the --no-cache output.")
    elif unsupported:
        print(f"{arguments.kaizen} has no `timeline` subcommand: kaizen rows not run.")

    results = dict(parameters=parameters, repository=repository, head=head, record_files=len(files),
                   first_parent_commits=first_parent, commits=all_commits, runs=runs,
                   git=git(repository, "--version").strip(), kaizen=kaizen,
                   append_commits=arguments.append_commits, sample=sample, sample_seconds=per_file,
                   floor_command=floor_command, rows=rows, rss_limit_bytes=RSS_LIMIT,
                   targets=dict(full_vs_floor=1.0, incremental_vs_full=0.05, peak_rss_bytes=RSS_LIMIT),
                   full_met=full_met, incremental_met=incremental_met,
                   kaizen_records=records_out, kaizen_events=events_out,
                   incremental_matches_no_cache=matches)
    with open(os.path.join(out, "results.json"), "w") as file:
        json.dump(results, file, indent=2, sort_keys=True)
        file.write("\n")
    note(f"wrote {os.path.join(out, 'results.json')}")
    if unsupported or matches is False:
        sys.exit(1)


if __name__ == "__main__":
    main()
