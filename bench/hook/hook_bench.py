#!/usr/bin/env python3
"""Benchmarks the installed pre-commit hook against `git diff --cached --name-only`, in one run.

Generates N records with bench/generate_records.py into a fresh repository
under --out, commits them, runs `kaizen hooks install`, then modifies and
stages one record and times `sh .git/hooks/pre-commit` (which runs
`kaizen check --staged --against HEAD`) with the given kaizen first on PATH:

  cold     the first run, with no parse cache in .git/kaizen/ (one run; the
           files were just written, so the OS file cache is warm)
  warm     the same staged change again: every record comes from the cache
           (median of --runs)
  edited   a new edit of the same record staged before each run: one record
           is parsed and the cache rewritten (median of --runs)

beside `git diff --cached --name-only` (median of --runs), the least a hook
that looks at the index can cost. Prints a Markdown table with each time, its
ratio to that baseline and the peak resident memory (per process tree, from
os.wait4), and writes it to OUT/results.json. Ratios, not absolute times,
are what compare across machines. Target: warm under 0.2 s.

usage: hook_bench.py --kaizen PATH [--records 5000] [--runs 11] [--out DIR]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(os.path.dirname(HERE), "generate_records.py")
TARGET_SECONDS = 0.2
STAGED_RECORD = "experiments/experiment-00000.md"
ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C",
           GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
for _name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
    ENV.pop(_name, None)


def note(text):
    print(f"hook_bench: {text}", file=sys.stderr, flush=True)


def timed(command, cwd, env, allowed=(0,)):
    """Wall seconds, peak resident memory (bytes) and exit status of one run."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped: keep Popen from waiting again
        code = process.returncode
        if code not in allowed:
            output.seek(0)
            sys.exit(f"hook_bench: `{' '.join(command)}` exited {code}:\n{output.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss * 1024, code  # ru_maxrss is in KiB on Linux


def git(repository, *arguments):
    subprocess.run(["git", *arguments], cwd=repository, env=ENV, check=True, stdout=subprocess.DEVNULL)


def stage_edit(repository, number):
    """Appends a line to the staged record's body and stages it."""
    with open(os.path.join(repository, STAGED_RECORD), "a") as file:
        file.write(f"\nEdit {number} before the commit.\n")
    git(repository, "add", STAGED_RECORD)


def prepare(records, out, kaizen_env):
    """A fresh repository with `records` committed records and kaizen's hook installed."""
    repository = os.path.join(out, f"repo-{records}")
    if os.path.lexists(repository):
        shutil.rmtree(repository)
    note(f"generating {records} records in {repository}")
    subprocess.run([sys.executable, GENERATOR, str(records), repository], check=True)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "--no-verify", "-m", f"{records} records")
    subprocess.run(["kaizen", "hooks", "install"], cwd=repository, env=kaizen_env, check=True, stdout=subprocess.DEVNULL)
    return repository


def duration(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kaizen", required=True, help="the kaizen binary (a release build)")
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "out", "hook"))
    arguments = parser.parse_args()
    kaizen = os.path.abspath(arguments.kaizen)
    if not (os.path.isfile(kaizen) and os.access(kaizen, os.X_OK)):
        sys.exit(f"hook_bench: {kaizen} is not an executable (build it with `make release`)")
    runs = max(1, arguments.runs)
    out = os.path.abspath(arguments.out)
    os.makedirs(out, exist_ok=True)
    # The hook runs the kaizen on PATH: this one.
    kaizen_env = dict(ENV, PATH=os.path.dirname(kaizen) + os.pathsep + ENV.get("PATH", "/usr/bin:/bin"))

    repository = prepare(arguments.records, out, kaizen_env)
    # Writing back the 5,000 new files would otherwise run during the first timings.
    os.sync()
    hook = ["sh", os.path.join(".git", "hooks", "pre-commit")]
    # The hook fails the commit (exit 1) when the staged record has errors: still a full run.
    allowed = (0, 1)
    stage_edit(repository, 0)

    note("timing git diff --cached --name-only")
    baseline_command = ["git", "diff", "--cached", "--name-only"]
    timed(baseline_command, repository, ENV)  # warms the page cache
    baseline_samples = [timed(baseline_command, repository, ENV) for _ in range(runs)]
    baseline = statistics.median(s[0] for s in baseline_samples)
    baseline_rss = max(s[1] for s in baseline_samples)

    note("timing the hook: cold (no parse cache)")
    shutil.rmtree(os.path.join(repository, ".git", "kaizen"), ignore_errors=True)
    cold, cold_rss, status = timed(hook, repository, kaizen_env, allowed)
    if not os.path.isdir(os.path.join(repository, ".git", "kaizen")):
        note("warning: the cold run wrote nothing under .git/kaizen/")

    note("timing the hook: warm (nothing new staged)")
    warm_samples = [timed(hook, repository, kaizen_env, allowed) for _ in range(runs)]
    warm = statistics.median(s[0] for s in warm_samples)
    warm_rss = max(s[1] for s in warm_samples)

    note("timing the hook: a new edit staged before each run")
    edited_samples = []
    for number in range(1, runs + 1):
        stage_edit(repository, number)
        edited_samples.append(timed(hook, repository, kaizen_env, allowed))
    edited = statistics.median(s[0] for s in edited_samples)
    edited_rss = max(s[1] for s in edited_samples)

    rows = [
        dict(scenario="git diff --cached --name-only (baseline)", seconds=baseline, peak_rss_bytes=baseline_rss, runs=runs),
        dict(scenario="hook, cold: no parse cache (first run)", seconds=cold, peak_rss_bytes=cold_rss, runs=1),
        dict(scenario="hook, warm: every record from the cache", seconds=warm, peak_rss_bytes=warm_rss, runs=runs),
        dict(scenario="hook, edited: one record newly staged", seconds=edited, peak_rss_bytes=edited_rss, runs=runs),
    ]
    for row in rows:
        row["ratio_vs_baseline"] = row["seconds"] / baseline
    warm_met = warm < TARGET_SECONDS

    print(f"\npre-commit hook benchmark: {arguments.records} records, one staged ({STAGED_RECORD}), "
          f"median of {runs} runs unless noted; the hook exited {status}\n")
    print("| scenario | runs | time | ratio vs git diff --cached | peak RSS |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['scenario']} | {row['runs']} | {duration(row['seconds'])} | {row['ratio_vs_baseline']:.0f}x "
              f"| {row['peak_rss_bytes'] / 1024 / 1024:.1f} MiB |")
    print(f"\nTarget: warm under {TARGET_SECONDS:.1f} s: {'met' if warm_met else 'NOT met'}.")

    results = dict(records=arguments.records, runs=runs, kaizen=kaizen, repository=repository,
                   staged_record=STAGED_RECORD, hook_status=status, rows=rows,
                   target_seconds=TARGET_SECONDS, warm_met=warm_met,
                   git=subprocess.run(["git", "--version"], stdout=subprocess.PIPE, check=True).stdout.decode().strip())
    with open(os.path.join(out, "results.json"), "w") as file:
        json.dump(results, file, indent=2, sort_keys=True)
        file.write("\n")
    note(f"wrote {os.path.join(out, 'results.json')}")


if __name__ == "__main__":
    main()
