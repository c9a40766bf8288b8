#!/usr/bin/env python3
"""Benchmarks `kaizen lsp`: latency from a didChange to its publishDiagnostics.

Generates N records with bench/generate_records.py into a fresh git
repository under --out, commits them (so the parse cache is written on the
first open, as in a real clone), starts the given kaizen's `lsp` on pipes,
opens one experiment and then, --runs times, sends one incremental didChange
(a character typed into its title) and waits for the publishDiagnostics
that carries the new version. Measured in the same run:

  didChange -> publishDiagnostics, with the default debounce (what an editor sees)
  the same with --debounce-ms 0 (the check itself plus the round trip)
  the same on an improvement, with the default debounce (possible-duplicate
      then compares it with every other improvement)
  a no-op round trip: a hover outside the front matter, answered null
      (the transport's floor: framing, JSON, pipes, the actor)
  `kaizen check` on the same one file, as a process (what a
      check-on-save plugin would cost without a server)

Prints a Markdown table of medians, with p90 and the ratio to the no-op
round trip, and writes OUT/results.json. Target: median under 50 ms with the
default debounce.

usage: lsp_bench.py --kaizen PATH [--records 5000] [--runs 41] [--out DIR]
"""
import argparse
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "hook"))
from hook_bench import ENV, GENERATOR, git  # noqa: E402  (the same generated repository and git environment)

TARGET_SECONDS = 0.05
RECORD = "experiments/experiment-00000.md"
# An improvement edit also runs possible-duplicate, which compares it with every improvement.
IMPROVEMENT = "improvements/improvement-00000.md"


def note(text):
    print(f"lsp_bench: {text}", file=sys.stderr, flush=True)


class Server:
    """`kaizen lsp` on pipes, spoken to with Content-Length frames."""

    def __init__(self, kaizen, repository, extra):
        self.process = subprocess.Popen([kaizen, "lsp", *extra], cwd=repository, env=ENV,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.next_id = 0

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send(dict(id=self.next_id, method=method, params=params))
        return self.next_id

    def read(self, timeout=60):
        """The next message from the server."""
        deadline = time.monotonic() + timeout
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                length = int(self.buffer[:header_end].split(b":")[1])
                start = header_end + 4
                if len(self.buffer) >= start + length:
                    body = self.buffer[start:start + length]
                    self.buffer = self.buffer[start + length:]
                    return json.loads(body)
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.process.stdout], [], [], remaining)[0]:
                sys.exit("lsp_bench: the server did not answer in time")
            chunk = os.read(self.process.stdout.fileno(), 1 << 16)
            if not chunk:
                sys.exit("lsp_bench: the server closed its output")
            self.buffer += chunk

    def wait_for(self, predicate):
        while True:
            message = self.read()
            if predicate(message):
                return message

    def close(self):
        identifier = self.request("shutdown", None)
        self.wait_for(lambda m: m.get("id") == identifier)
        self.send(dict(method="exit"))
        code = self.process.wait(timeout=30)
        if code != 0:
            sys.exit(f"lsp_bench: kaizen lsp exited {code} after shutdown and exit")


def prepare(records, out):
    repository = os.path.join(out, f"repo-{records}")
    if os.path.lexists(repository):
        shutil.rmtree(repository)
    note(f"generating {records} records in {repository}")
    subprocess.run([sys.executable, GENERATOR, str(records), repository], check=True)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "--no-verify", "-m", f"{records} records")
    return repository


def change_latencies(kaizen, repository, runs, extra, record=RECORD):
    """Seconds from each didChange to the publishDiagnostics of its version, and the no-op round trips."""
    path = os.path.join(repository, record)
    uri = "file://" + path
    with open(path) as file:
        text = file.read()
    title_line = next(i for i, line in enumerate(text.split("\n")) if line.startswith("title:"))
    server = Server(kaizen, repository, extra)
    identifier = server.request("initialize", dict(processId=None, rootUri=None, capabilities={}))
    server.wait_for(lambda m: m.get("id") == identifier)
    server.send(dict(method="initialized", params={}))
    started = time.perf_counter()
    server.send(dict(method="textDocument/didOpen",
                     params=dict(textDocument=dict(uri=uri, languageId="markdown", version=1, text=text))))
    server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    opened = time.perf_counter() - started
    changes, round_trips = [], []
    for version in range(2, runs + 2):
        started = time.perf_counter()
        server.send(dict(method="textDocument/didChange", params=dict(
            textDocument=dict(uri=uri, version=version),
            contentChanges=[dict(range=dict(start=dict(line=title_line, character=7), end=dict(line=title_line, character=7)),
                                 text="x")])))
        server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"].get("version") == version)
        changes.append(time.perf_counter() - started)
        started = time.perf_counter()
        # Line 0 is the opening `---`: not a reference, so the answer is null after no work.
        identifier = server.request("textDocument/hover", dict(textDocument=dict(uri=uri), position=dict(line=0, character=0)))
        server.wait_for(lambda m: m.get("id") == identifier)
        round_trips.append(time.perf_counter() - started)
    server.close()
    return opened, changes, round_trips


def check_latencies(kaizen, repository, runs):
    samples = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        code = subprocess.run([kaizen, "check", RECORD], cwd=repository, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        if code not in (0, 1):
            sys.exit(f"lsp_bench: kaizen check exited {code}")
        samples.append(time.perf_counter() - started)
    return samples[1:]  # the first run writes the parse cache


def milliseconds(seconds):
    return f"{seconds * 1000:.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kaizen", required=True, help="the kaizen binary (a release build)")
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=41)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "out", "lsp"))
    arguments = parser.parse_args()
    kaizen = os.path.abspath(arguments.kaizen)
    if not (os.path.isfile(kaizen) and os.access(kaizen, os.X_OK)):
        sys.exit(f"lsp_bench: {kaizen} is not an executable (build it with `make release`)")
    runs = max(1, arguments.runs)
    out = os.path.abspath(arguments.out)
    os.makedirs(out, exist_ok=True)
    repository = prepare(arguments.records, out)
    os.sync()

    note("timing didChange -> publishDiagnostics (default debounce)")
    opened, changes, round_trips = change_latencies(kaizen, repository, runs, [])
    note("timing didChange -> publishDiagnostics (--debounce-ms 0)")
    _, undebounced, _ = change_latencies(kaizen, repository, runs, ["--debounce-ms", "0"])
    note(f"timing didChange -> publishDiagnostics on {IMPROVEMENT} (default debounce)")
    _, improvement_changes, _ = change_latencies(kaizen, repository, runs, [], IMPROVEMENT)
    note("timing kaizen check on the one file")
    checks = check_latencies(kaizen, repository, runs)

    floor = statistics.median(round_trips)
    rows = [
        dict(scenario="no-op round trip (hover answered null): the floor", samples=round_trips),
        dict(scenario="didChange -> publishDiagnostics, default debounce", samples=changes),
        dict(scenario="didChange -> publishDiagnostics, --debounce-ms 0", samples=undebounced),
        dict(scenario=f"didChange -> publishDiagnostics on {IMPROVEMENT}, default debounce", samples=improvement_changes),
        dict(scenario=f"`kaizen check {RECORD}` as a process", samples=checks),
    ]
    for row in rows:
        samples = sorted(row.pop("samples"))
        row["median_seconds"] = statistics.median(samples)
        row["p90_seconds"] = samples[min(len(samples) - 1, int(len(samples) * 0.9))]
        row["runs"] = len(samples)
        row["ratio_vs_floor"] = row["median_seconds"] / floor
    # Both kinds of edit a person makes count: the improvement one is the slower.
    met = rows[1]["median_seconds"] < TARGET_SECONDS and rows[3]["median_seconds"] < TARGET_SECONDS

    print(f"\nkaizen lsp benchmark: {arguments.records} records, edits to {RECORD}; "
          f"didOpen (loading every record) took {milliseconds(opened)}\n")
    print("| scenario | runs | median | p90 | ratio vs no-op round trip |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['scenario']} | {row['runs']} | {milliseconds(row['median_seconds'])} "
              f"| {milliseconds(row['p90_seconds'])} | {row['ratio_vs_floor']:.0f}x |")
    print(f"\nTarget: didChange -> publishDiagnostics median under {TARGET_SECONDS * 1000:.0f} ms, "
          f"for an experiment and an improvement: "
          f"{'met' if met else 'NOT met'}.")
    results = dict(records=arguments.records, kaizen=kaizen, repository=repository, record=RECORD,
                   open_seconds=opened, rows=rows, target_seconds=TARGET_SECONDS, met=met,
                   load_average=os.getloadavg())
    with open(os.path.join(out, "results.json"), "w") as file:
        json.dump(results, file, indent=2, sort_keys=True)
        file.write("\n")
    note(f"wrote {os.path.join(out, 'results.json')}")


if __name__ == "__main__":
    main()
