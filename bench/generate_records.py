#!/usr/bin/env python3
"""Writes a synthetic kaizen repository: N records in the usual folders.

The records look like a large organisation's: about 30% improvements, 55%
experiments and 15% constraints, 1-2 KB each, across 40 teams, with realistic
fields and body sections. Deterministic for a given N and seed.

usage: generate_records.py N DEST [--seed S]
"""
import argparse
import os
import random

TEAMS = [f"team-{i:02d}" for i in range(40)]
AREAS = ["dependencies", "architecture", "deployment-safety", "decision-rights",
         "policy-delay", "feedback", "learning-loops", "flow"]
COMMON = ("review pairing deploy pipeline flag trunk branch incident postmortem handoff "
          "approval queue cache flaky test contract schema migration canary rollback "
          "oncall runbook alert dashboard latency backlog estimate slice demo feedback "
          "mentoring rotation ownership platform template golden path budget policy").split()


def vocabulary(size, rng):
    """Pronounceable made-up words, so texts differ the way real prose does."""
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


WORDS = COMMON + vocabulary(6000, random.Random(1))
# Zipf-like weights: common words often, the long tail rarely, as in real text.
WEIGHTS = [1.0 / (rank + 1) for rank in range(len(WORDS))]


def sentence(rng, words=12):
    text = " ".join(rng.choices(WORDS, WEIGHTS, k=words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def date(rng, start_day=0, span=300):
    # Days after 2026-01-01, as YYYY-MM-DD.
    import datetime
    day = datetime.date(2026, 1, 1) + datetime.timedelta(days=start_day + rng.randint(0, span))
    return day, day.isoformat()


def improvement(rng, index, constraint_ids):
    status = rng.choice(["proposed", "trialling", "proven", "retired"])
    links = rng.sample(constraint_ids, k=min(len(constraint_ids), rng.randint(0, 2)))
    return f"""---
kind: improvement
title: "{sentence(rng, 5)[:-1]} {index}"
status: {status}
origin: {rng.choice(TEAMS)}
level: {rng.choice(["team", "cross-team", "system"])}
area: {rng.choice(AREAS)}
constraints: [{", ".join(links)}]
tags: [{", ".join(rng.sample(WORDS, 3))}]
---

## Summary

{paragraph(rng, 3)}

## Context

{paragraph(rng, 3)}

## Implementation guide

1. {sentence(rng)}
2. {sentence(rng)}
3. {sentence(rng)}

## Adaptation notes

{paragraph(rng, 2)}
"""


def experiment(rng, improvement_ids):
    import datetime
    status = rng.choices(["planned", "running", "concluded"], weights=[2, 1, 6])[0]
    start_day, start = date(rng, 0, 240)
    review_by = (start_day + datetime.timedelta(days=rng.randint(20, 80))).isoformat()
    lines = [
        "---",
        "kind: experiment",
        f'title: "{sentence(rng, 6)[:-1]}"',
        f"teams: [{', '.join(rng.sample(TEAMS, rng.choice([1, 1, 1, 2])))}]",
        f"improvement: {rng.choice(improvement_ids)}",
        f"hypothesis: If we {' '.join(rng.sample(WORDS, 5))}, we expect {rng.choice(WORDS)} time to fall from {rng.randint(20, 90)} to {rng.randint(2, 19)} hours",
        "signals:",
    ]
    for _ in range(rng.randint(1, 3)):
        lines += [f"  - metric: {rng.choice(WORDS)} time (hours)",
                  f"    baseline: {rng.randint(20, 90)}",
                  f"    target: {rng.randint(2, 19)}"]
        if status == "concluded":
            lines.append(f"    result: {rng.randint(2, 40)}")
    lines.append(f"status: {status}")
    if status != "planned":
        lines.append(f"start: {start}")
    lines += [f"review-by: {review_by}", f"rollback: {sentence(rng, 8)}"]
    if status == "concluded":
        concluded = (start_day + datetime.timedelta(days=rng.randint(10, 19))).isoformat()
        lines += [f"outcome: {rng.choice(['retained', 'discarded', 'inconclusive'])}", f"concluded: {concluded}"]
    lines += ["---", "", "## Plan", "", paragraph(rng, 3), "", "## Observations", "", paragraph(rng, 2), "",
              "## Learnings", "", paragraph(rng, 2) if status == "concluded" else "<!-- once concluded -->", ""]
    return "\n".join(lines)


def constraint(rng):
    observed = []
    for _ in range(rng.randint(1, 4)):
        _, day = date(rng, 0, 300)
        observed.append(f"  - date: {day}\n    team: {rng.choice(TEAMS)}\n    note: {sentence(rng, 8)}")
    return f"""---
kind: constraint
title: "{sentence(rng, 5)[:-1]}"
status: {rng.choice(["open", "easing", "resolved"])}
level: {rng.choice(["team", "cross-team", "system"])}
observed:
{chr(10).join(observed)}
---

## Description

{paragraph(rng, 3)}

## Effect

{paragraph(rng, 2)}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("dest")
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    n = arguments.count
    counts = {"constraints": n * 15 // 100, "improvements": n * 30 // 100}
    counts["experiments"] = n - counts["constraints"] - counts["improvements"]
    for folder in counts:
        os.makedirs(os.path.join(arguments.dest, folder), exist_ok=True)
    teams = "\n".join(f"  {team}: {{wip-limit: 50}}" for team in TEAMS)
    with open(os.path.join(arguments.dest, "kaizen.yml"), "w") as file:
        file.write(f"version: 1\nteams:\n{teams}\n")
    constraint_ids = [f"constraint-{i:05d}" for i in range(counts["constraints"])]
    improvement_ids = [f"improvement-{i:05d}" for i in range(counts["improvements"])]
    for i, record_id in enumerate(constraint_ids):
        write(arguments.dest, "constraints", record_id, constraint(rng))
    for i, record_id in enumerate(improvement_ids):
        write(arguments.dest, "improvements", record_id, improvement(rng, i, constraint_ids))
    for i in range(counts["experiments"]):
        write(arguments.dest, "experiments", f"experiment-{i:05d}", experiment(rng, improvement_ids))


def write(dest, folder, record_id, text):
    with open(os.path.join(dest, folder, record_id + ".md"), "w") as file:
        file.write(text)


if __name__ == "__main__":
    main()
