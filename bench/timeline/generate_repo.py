#!/usr/bin/env python3
"""Generates a synthetic git repository with a long history of kaizen records.

For benchmarking `kaizen timeline`. The repository holds kaizen.yml at the
root, records in experiments/ (most), improvements/ and constraints/, and
non-record files (src/, docs/, README files) that most commits touch. Over C
first-parent commits, records are created until N exist; the commits that
touch records (a share F of the ordinary ones) move statuses through their
lifecycles (planned -> running -> concluded, ...), edit body text and other
fields, sometimes several records at once, rename R files (about half exact,
half with an edit; some into subfolders such as experiments/archive/2021/),
delete a few records and re-create some of them later with the same id. M merge
commits each bring in a topic branch of 1-4 commits (first parent = main line,
usually with main-line commits in between).

The history is streamed into one `git fast-import` process, so 50,000 commits
take well under a minute or two. Deterministic: the same parameters give the
same commit ids (fixed people, time zones and dates: the first commit is
2020-01-01T00:00:00+00:00 and each commit is one hour after the previous one).
Afterwards the objects are repacked with `git repack -a -d -f` (fast-import's
pack has poor deltas; a cloned or gc'd repository has git's usual ones; about
15 s at full size, --no-repack skips it), HEAD is main with a checked-out work
tree, and a commit-graph is written with generation version 1 (libgit2 1.5.1
cannot read git 2.39's default GDA2 chunk).

The generator's state is kept in .git/kaizen-bench-generator.pickle, so that

    generate_repo.py DEST --append K

adds K more ordinary commits (a share F touching records, no merges or
renames) on top of refs/heads/main of an existing generated repository, also
deterministically. The new commits stay in their own fast-import pack and the
commit-graph is not rewritten (as after an ordinary `git pull`) unless
--commit-graph is given.

A one-line summary goes to stderr.

usage: generate_repo.py DEST [--records N] [--commits C] [--touch-share F]
                             [--renames R] [--merges M] [--deletes D] [--seed S]
                             [--no-repack]
       generate_repo.py DEST --append K [--commit-graph]

C counts first-parent commits, merges included (`git rev-list --first-parent
--count main` == C); the topic-branch commits come on top of it.
"""
import argparse
import datetime
import math
import os
import pickle
import random
import subprocess
import sys
import time

EPOCH = 1577836800  # 2020-01-01T00:00:00+00:00
STEP = 3600  # one hour between consecutive commits
STATE_FILE = "kaizen-bench-generator.pickle"
TOPIC_REF = "refs/heads/topic"

# Name, email, UTC offset. Fixed, so commit ids are stable; several offsets and
# non-ASCII names, as in real teams.
PEOPLE = [
    ("Ana Lima", "ana@example.com", "+0100"),
    ("Jonas Weber", "jonas@example.com", "+0200"),
    ("Priya Raman", "priya@example.com", "+0530"),
    ("Tomás Ortega", "tomas@example.com", "+0100"),
    ("Mei Chen", "mei@example.com", "+0800"),
    ("Kwame Mensah", "kwame@example.com", "+0000"),
    ("Chloé Dubois", "chloe@example.com", "+0100"),
    ("Sam Carter", "sam@example.com", "-0500"),
    ("Diego Souza", "diego@example.com", "-0300"),
    ("Yuki Sato", "yuki@example.com", "+0900"),
]
TEAMS = ["team-a", "team-b", "team-c", "team-d", "team-e"]
KINDS = {  # folder, id prefix, share of records, status lifecycle
    "experiment": ("experiments", "exp", 70, ["planned", "running", "concluded"]),
    "improvement": ("improvements", "imp", 20, ["proposed", "trialling", "proven", "retired"]),
    "constraint": ("constraints", "con", 10, ["open", "easing", "resolved"]),
}
RECORD_FOLDERS = tuple(folder + "/" for folder, *_ in KINDS.values())
SRC_MODULES, SRC_FILES_PER_MODULE, SRC_LINES = 50, 20, 24
DOCS = 20

COMMON = ("review pairing deploy pipeline flag trunk branch incident postmortem handoff "
          "approval queue cache flaky test contract schema migration canary rollback "
          "oncall runbook alert dashboard latency backlog estimate slice demo feedback "
          "mentoring rotation ownership platform template golden path budget policy").split()


def _vocabulary(size):
    """Pronounceable made-up words (fixed seed), so texts differ like prose does."""
    rng = random.Random(1)
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


WORDS = COMMON + _vocabulary(4000)
CUM_WEIGHTS = []
_total = 0.0
for _rank in range(len(WORDS)):  # Zipf-like
    _total += 1.0 / (_rank + 1)
    CUM_WEIGHTS.append(_total)


def words(rng, count):
    return " ".join(rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=count))


def sentence(rng, count=12):
    text = words(rng, count)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=3):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def day_of(timestamp, plus_days=0):
    moment = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc)
    return (moment.date() + datetime.timedelta(days=plus_days)).isoformat()


class Record:
    __slots__ = ("id", "kind", "path", "fields", "sections", "status")

    def __init__(self, record_id, kind, path):
        self.id, self.kind, self.path = record_id, kind, path
        self.fields = []  # [key, text]; text starting with "\n" is a block
        self.sections = []  # [heading, [lines]]
        self.status = None

    def set(self, key, value, after=None):
        for field in self.fields:
            if field[0] == key:
                field[1] = value
                return
        position = len(self.fields)
        if after is not None:
            for index, field in enumerate(self.fields):
                if field[0] == after:
                    position = index + 1
        self.fields.insert(position, [key, value])

    def render(self):
        lines = ["---"]
        for key, value in self.fields:
            lines.append(f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}")
        lines.append("---")
        for heading, body in self.sections:
            lines += ["", f"## {heading}", ""] + body
        lines.append("")
        return "\n".join(lines)


class State:
    """Everything needed to continue the history later (pickled after a run)."""

    def __init__(self, params):
        self.params = params
        self.rng = random.Random(params["seed"])
        self.commits = 0  # commits emitted so far: drives the dates
        self.mark = 0
        self.records = {}  # id -> Record (live and deleted)
        self.live = []  # ids of live records
        self.deleted = []  # [id, earliest position to re-create]
        self.numbers = {kind: 0 for kind in KINDS}
        self.src = {}  # path -> [lines]
        self.docs = {}  # path -> text
        self.locked = set()  # ids and paths a topic branch has changed
        self.head = None
        self.stats = dict(commits=0, first_parent=0, topic=0, merges=0, record_commits=0,
                          created=0, recreated=0, renames_exact=0, renames_edited=0, deleted=0)

    def now(self):
        return EPOCH + STEP * self.commits


class Writer:
    """Builds fast-import commands; one commit at a time."""

    def __init__(self, stream, state):
        self.stream, self.state = stream, state

    def commit(self, ref, parent, changes, message, merge=None, counts_first_parent=True):
        state = self.state
        state.mark += 1
        when = state.now()
        state.commits += 1
        name, email, zone = state.rng.choice(PEOPLE)
        message = message.encode()
        header = (f"commit {ref}\nmark :{state.mark}\n"
                  f"author {name} <{email}> {when} {zone}\n"
                  f"committer {name} <{email}> {when} {zone}\n"
                  f"data {len(message)}\n").encode()
        parts = [header, message, b"\n"]
        if parent:
            parts.append(f"from {parent}\n".encode())
        if merge:
            parts.append(f"merge {merge}\n".encode())
        touches_records = False
        for path, content in changes.items():
            touches_records = touches_records or path.startswith(RECORD_FOLDERS)
            if content is None:
                parts.append(f"D {path}\n".encode())
            else:
                data = content.encode()
                parts += [f"M 100644 inline {path}\ndata {len(data)}\n".encode(), data, b"\n"]
        parts.append(b"\n")
        self.stream.write(b"".join(parts))
        stats = state.stats
        stats["commits"] += 1
        stats["first_parent"] += counts_first_parent
        stats["record_commits"] += touches_records
        return f":{state.mark}"


# --- records -------------------------------------------------------------------

def new_record(state, kind=None, record_id=None):
    rng = state.rng
    if kind is None:
        kind = rng.choices(list(KINDS), weights=[share for _, _, share, _ in KINDS.values()])[0]
    folder, prefix, _, lifecycle = KINDS[kind]
    if record_id is None:
        state.numbers[kind] += 1
        record_id = f"{prefix}-{state.numbers[kind]:05d}"
    record = Record(record_id, kind, f"{folder}/{record_id}.md")
    today = day_of(state.now())
    # Most records carry an id (it survives renames); some rely on the file name.
    if rng.random() < 0.8:
        record.set("id", record_id)
    title = sentence(rng, rng.randint(3, 5))[:-1]
    record.set("kind", kind)
    record.set("title", f"{title} {record_id.split('-')[1].lstrip('0') or '0'}")
    if kind == "experiment":
        record.set("teams", "[" + ", ".join(rng.sample(TEAMS, rng.choice([1, 1, 1, 2]))) + "]")
        if state.numbers["improvement"]:
            record.set("improvement", f"imp-{rng.randint(1, state.numbers['improvement']):05d}")
        record.set("hypothesis", f"If we {words(rng, 4)}, then {words(rng, 2)} time falls from "
                                 f"{rng.randint(20, 90)} to {rng.randint(2, 19)} hours, because {words(rng, 5)}")
        signals = "".join(f"\n  - metric: {words(rng, 2)} time (hours)\n    baseline: {rng.randint(20, 90)}"
                          f"\n    target: {rng.randint(2, 19)}" for _ in range(rng.randint(1, 2)))
        record.set("signals", signals)
        record.status = "running" if rng.random() < 0.3 else "planned"
        record.set("status", record.status)
        if record.status == "running":
            record.set("start", today)
        record.set("review-by", day_of(state.now(), rng.randint(30, 90)))
        record.set("rollback", sentence(rng, 8))
        record.sections = [["Plan", [paragraph(rng, 3)]],
                           ["Observations", ["<!-- Dated notes while it runs. -->"]],
                           ["Learnings", ["<!-- Once concluded. -->"]]]
    elif kind == "improvement":
        record.status = "proposed"
        record.set("status", record.status)
        record.set("origin", rng.choice(TEAMS))
        record.set("level", rng.choice(["team", "cross-team", "system"]))
        record.set("area", rng.choice(["flow", "feedback", "deployment-safety", "learning-loops"]))
        record.sections = [["Summary", [paragraph(rng, 2)]], ["Context", [paragraph(rng, 2)]],
                           ["Implementation guide", [f"{i}. {sentence(rng)}" for i in (1, 2, 3)]],
                           ["Adaptation notes", ["<!-- What other teams changed. -->"]]]
    else:
        record.status = "open"
        record.set("status", record.status)
        record.set("level", rng.choice(["team", "cross-team", "system"]))
        record.set("observed", f"\n  - date: {today}\n    team: {rng.choice(TEAMS)}\n    note: {sentence(rng, 8)}")
        record.sections = [["Description", [paragraph(rng, 3)]], ["Effect", [paragraph(rng, 2)]]]
    return record


def advance_status(state, record):
    """Moves the record one step along its lifecycle; False when it is at the end."""
    rng = state.rng
    lifecycle = KINDS[record.kind][3]
    position = lifecycle.index(record.status)
    if position == len(lifecycle) - 1:
        if record.kind == "experiment" or rng.random() < 0.9:
            return False
        record.status = lifecycle[1]  # reopened: retired -> trialling, resolved -> easing
    else:
        record.status = lifecycle[position + 1]
    record.set("status", record.status)
    today = day_of(state.now())
    if record.kind == "experiment":
        if record.status == "running":
            record.set("start", today, after="status")
        elif record.status == "concluded":
            record.set("outcome", rng.choice(["retained", "discarded", "inconclusive"]))
            record.set("concluded", today)
            record.sections[2][1] = [paragraph(rng, 2)]
    return True


def edit_body(state, record):
    rng = state.rng
    if rng.random() < 0.25:  # rewrite the first section's text
        record.sections[0][1] = [paragraph(rng, rng.randint(2, 3))]
    else:  # a dated note at the end of the last-but-one or last section
        section = record.sections[1] if record.kind == "experiment" else record.sections[-1]
        section[1].append(f"- {day_of(state.now())}: {sentence(rng, rng.randint(6, 14))}")


def edit_field(state, record):
    rng = state.rng
    if record.kind == "experiment":
        record.set("review-by", day_of(state.now(), rng.randint(20, 60)))
    elif record.kind == "improvement":
        record.set("level", rng.choice(["team", "cross-team", "system"]))
    else:
        record.set("level", rng.choice(["team", "cross-team", "system"]))


def change_record(state, record, changes):
    """One ordinary change: a status step, a body edit or another field."""
    roll = state.rng.random()
    if roll < 0.5:
        if not advance_status(state, record):
            edit_body(state, record)
    elif roll < 0.9:
        edit_body(state, record)
    else:
        edit_field(state, record)
    changes[record.path] = record.render()


def pick_record(state):
    """A live record no open topic branch has changed, or None."""
    for _ in range(50):
        if not state.live:
            return None
        record_id = state.rng.choice(state.live)
        if record_id not in state.locked:
            return state.records[record_id]
    return None


def create_record(state, changes):
    record = new_record(state)
    state.records[record.id] = record
    state.live.append(record.id)
    state.stats["created"] += 1
    changes[record.path] = record.render()
    return record


def rename_record(state, record, changes):
    rng = state.rng
    stem = record.path.rsplit("/", 1)[1][:-3]
    folder = KINDS[record.kind][0]
    has_id = record.fields[0][0] == "id"
    if has_id and rng.random() < 0.5 and "-" not in stem[4:]:
        # a descriptive file name; the id field keeps the identity
        slug = "-".join(record.fields[2][1].lower().split()[:3])
        new_path = f"{folder}/{stem}-{slug}.md"
    else:
        year = day_of(state.now())[:4]
        new_path = f"{folder}/archive/{year}/{stem}.md"
        if new_path == record.path:
            new_path = f"{folder}/{stem}.md"
    changes[record.path] = None
    record.path = new_path
    if rng.random() < 0.5:
        state.stats["renames_exact"] += 1
    else:
        if not advance_status(state, record):
            edit_body(state, record)
        state.stats["renames_edited"] += 1
    changes[record.path] = record.render()
    return True


def delete_record(state, record, changes, position):
    changes[record.path] = None
    state.live.remove(record.id)
    state.stats["deleted"] += 1
    if state.rng.random() < 0.5:  # re-created later with the same id
        state.deleted.append([record.id, position + state.rng.randint(50, 500)])


def recreate_record(state, changes, position):
    for index, (record_id, earliest) in enumerate(state.deleted):
        if earliest <= position:
            del state.deleted[index]
            old = state.records[record_id]
            record = new_record(state, old.kind, record_id)  # at {folder}/{id}.md
            state.records[record_id] = record
            state.live.append(record_id)
            state.stats["recreated"] += 1
            changes[record.path] = record.render()
            return True
    return False


# --- other files ---------------------------------------------------------------

def src_line(rng, number):
    return f"    let v{number} = {rng.randint(0, 99999)}  // {words(rng, rng.randint(2, 6))}"


def edit_src(state, changes, count):
    rng = state.rng
    for _ in range(count):
        while True:  # an open topic branch locks a few of the 1,000 files
            path = f"src/mod-{rng.randrange(SRC_MODULES):02d}/file-{rng.randrange(SRC_FILES_PER_MODULE):02d}.swift"
            if path not in state.locked:
                break
        lines = state.src[path]
        for _ in range(rng.randint(1, 3)):
            index = rng.randrange(1, len(lines) - 1)
            lines[index] = src_line(rng, index)
        changes[path] = "\n".join(lines) + "\n"
    return changes


def edit_doc(state, changes):
    rng = state.rng
    path = f"docs/guide-{rng.randrange(DOCS):02d}.md"
    if path in state.locked:
        return edit_src(state, changes, 1)
    # Front matter outside the record folders: not records, must be ignored.
    state.docs[path] += f"- {day_of(state.now())}: {sentence(rng, 10)}\n"
    changes[path] = state.docs[path]
    return changes


def initial_files(state):
    rng = state.rng
    changes = {}
    teams = "\n".join(f"  {team}: {{name: Team {team[-1].upper()}}}" for team in TEAMS)
    changes["kaizen.yml"] = f"version: 1\nteams:\n{teams}\n"
    changes["README.md"] = "# Synthetic kaizen benchmark repository\n\nGenerated by bench/timeline/generate_repo.py.\n"
    for folder, *_ in KINDS.values():
        changes[f"{folder}/README.md"] = f"# {folder.capitalize()}\n\nOne Markdown file per record.\n"
    for module in range(SRC_MODULES):
        for number in range(SRC_FILES_PER_MODULE):
            path = f"src/mod-{module:02d}/file-{number:02d}.swift"
            lines = [f"// {path}"] + [src_line(rng, i) for i in range(1, SRC_LINES - 1)] + ["// end"]
            state.src[path] = lines
            changes[path] = "\n".join(lines) + "\n"
    for number in range(DOCS):
        path = f"docs/guide-{number:02d}.md"
        state.docs[path] = (f"---\ntitle: Guide {number}\nstatus: draft\n---\n\n# Guide {number}\n\n"
                            f"{paragraph(rng, 3)}\n\n")
        changes[path] = state.docs[path]
    return changes


# --- the history ---------------------------------------------------------------

def plan(params, rng):
    """What each first-parent position does: a dict position -> action."""
    commits, merges = params["commits"], params["merges"]
    actions = {0: ("initial",)}
    topics = {}  # position where a topic branch starts -> (merge position, topic commits)
    if merges:
        spacing = (commits - 1) / (merges + 1)
        if spacing < 8:
            sys.exit("generate_repo.py: too many merges for the number of commits")
        for index in range(merges):
            position = int((index + 1) * spacing) + rng.randint(0, int(spacing / 4))
            position = min(position, commits - 1)
            actions[position] = ("merge",)
            topics[position - rng.randint(0, 3)] = (position, rng.randint(1, 4))
    ordinary = [p for p in range(1, commits) if p not in actions]
    record_positions = sorted(rng.sample(ordinary, round(params["touch_share"] * len(ordinary))))
    if not record_positions and params["records"]:
        sys.exit("generate_repo.py: no commit touches records; raise --touch-share or --commits")
    horizon = max(1, int(0.75 * len(record_positions)))  # all records exist by 3/4 of the history
    created = 0
    for k, position in enumerate(record_positions):
        target = min(params["records"], math.ceil(params["records"] * (k + 1) / horizon))
        actions[position] = ("create", target - created) if target > created else ("change",)
        created = max(created, target)
    late = [p for p in record_positions if actions[p] == ("change",) and p > commits // 10]
    special = params["renames"] + params["deletes"]
    if special > len(late):
        sys.exit("generate_repo.py: too many renames/deletes for the record-changing commits")
    chosen = rng.sample(late, special)
    for position in chosen[:params["renames"]]:
        actions[position] = ("rename",)
    for position in chosen[params["renames"]:]:
        actions[position] = ("delete",)
    return actions, topics


def ordinary_commit(state, writer, ref, parent, position, touches_records, counts_first_parent=True):
    """A commit changing records (or not), none of them locked by an open topic."""
    rng = state.rng
    changes = {}
    if touches_records:
        roll = rng.random()
        if state.deleted and rng.random() < 0.05 and recreate_record(state, changes, position):
            message = "Re-create a withdrawn record"
        elif roll < 0.08:  # a bulk update of a few records
            for _ in range(rng.randint(2, 4)):
                record = pick_record(state)
                if record and record.path not in changes:
                    change_record(state, record, changes)
            message = f"Update {len(changes)} records after the review"
        else:
            record = pick_record(state)
            if record is None:
                record = create_record(state, changes)
                message = f"Add {record.id}"
            else:
                change_record(state, record, changes)
                message = f"{record.id}: {record.status}"
            if roll > 0.96:
                edit_src(state, changes, 1)
    else:
        roll = rng.random()
        if roll < 0.05:
            edit_doc(state, changes)
            message = "Docs: note"
        elif roll < 0.052:
            path = "experiments/README.md"  # not a record
            changes[path] = f"# Experiments\n\nOne Markdown file per record. Updated {day_of(state.now())}.\n"
            message = "Experiments README"
        else:
            edit_src(state, changes, rng.choice([1, 1, 1, 2, 3]))
            message = f"Change {next(iter(changes))}"
    if not changes:  # e.g. every record locked: still a commit
        edit_src(state, changes, 1)
        message = "Change sources"
    return writer.commit(ref, parent, changes, message, counts_first_parent=counts_first_parent)


def topic_branch(state, writer, fork, count, position):
    """Commits on a topic branch from `fork`; returns (tip, changed paths)."""
    rng = state.rng
    records = []
    for _ in range(rng.randint(1, 2)):
        record = pick_record(state)
        if record and record.id not in state.locked:
            records.append(record)
            state.locked.add(record.id)
    touched = {}
    tip = fork
    for _ in range(count):
        changes = {}
        if records and rng.random() < 0.6:
            record = rng.choice(records)
            change_record(state, record, changes)
            message = f"{record.id}: {record.status}"
        else:
            edit_src(state, changes, 1)
            message = f"Change {next(iter(changes))}"
        state.locked.update(changes)
        touched.update(changes)
        tip = writer.commit(TOPIC_REF, tip, changes, message, counts_first_parent=False)
        state.stats["topic"] += 1
    return tip, touched


def history(state, writer):
    params, rng = state.params, state.rng
    actions, topics = plan(params, rng)
    main = None
    topic = None  # (tip, touched paths)
    for position in range(params["commits"]):
        if position in topics:
            tip, touched = topic_branch(state, writer, main, topics[position][1], position)
            topic = (tip, touched, f"topic-{position}")
        action = actions.get(position, ("ordinary",))
        kind = action[0]
        if kind == "initial":
            main = writer.commit("refs/heads/main", None, initial_files(state), "Initial commit")
        elif kind == "merge":
            tip, touched, name = topic
            # The topic's last version of each path it changed: the main line
            # has left those paths (and records) alone since the fork.
            main = writer.commit("refs/heads/main", main, touched, f"Merge branch '{name}'", merge=tip)
            state.stats["merges"] += 1
            state.locked.clear()
            topic = None
        elif kind == "create":
            changes = {}
            for _ in range(action[1]):
                create_record(state, changes)
            ids = [path.rsplit("/", 1)[1][:-3] for path in changes]
            main = writer.commit("refs/heads/main", main, changes, "Add " + ", ".join(ids))
        elif kind in ("rename", "delete"):
            changes = {}
            record = pick_record(state)
            if record is not None and kind == "rename" and rename_record(state, record, changes):
                message = f"Rename {record.id}"
            elif record is not None and kind == "delete":
                delete_record(state, record, changes, position)
                message = f"Withdraw {record.id}"
            else:
                sys.exit(f"generate_repo.py: could not {kind} a record at commit {position}")
            main = writer.commit("refs/heads/main", main, changes, message)
        else:
            main = ordinary_commit(state, writer, "refs/heads/main", main, position, kind == "change")
    return main


def append(state, writer, count):
    rng = state.rng
    parent = "refs/heads/main^0"
    base = state.stats["first_parent"]
    for index in range(count):
        touches_records = rng.random() < state.params["touch_share"]
        if touches_records and rng.random() < 0.1:
            changes = {}
            record = create_record(state, changes)
            parent = writer.commit("refs/heads/main", parent, changes, f"Add {record.id}")
        else:
            parent = ordinary_commit(state, writer, "refs/heads/main", parent, base + index, touches_records)


# --- git -----------------------------------------------------------------------

GIT_ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
for _name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
    GIT_ENV.pop(_name, None)


def git(dest, *arguments, capture=False):
    result = subprocess.run(["git", *arguments], cwd=dest, env=GIT_ENV, check=True,
                            stdout=subprocess.PIPE if capture else None)
    return result.stdout.decode().strip() if capture else None


def run_fast_import(dest, state, produce):
    process = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=dest, env=GIT_ENV,
                               stdin=subprocess.PIPE, bufsize=1 << 20)
    writer = Writer(process.stdin, state)
    try:
        produce(writer)
        process.stdin.write(b"done\n")
        process.stdin.close()
    except BrokenPipeError:
        pass
    if process.wait() != 0:
        sys.exit("generate_repo.py: git fast-import failed")


def finish(dest, state, commit_graph, repack=False):
    git(dest, "symbolic-ref", "HEAD", "refs/heads/main")
    git(dest, "reset", "--hard", "--quiet")
    if repack:
        git(dest, "repack", "-a", "-d", "-f", "--quiet")
    if commit_graph:
        git(dest, "-c", "commitGraph.generationVersion=1", "commit-graph", "write", "--reachable")
    state.head = git(dest, "rev-parse", "refs/heads/main", capture=True)
    git_dir = os.path.join(dest, git(dest, "rev-parse", "--git-dir", capture=True))
    with open(os.path.join(git_dir, STATE_FILE), "wb") as file:
        pickle.dump(state, file, protocol=pickle.HIGHEST_PROTOCOL)


def load_state(dest):
    git_dir = os.path.join(dest, git(dest, "rev-parse", "--git-dir", capture=True))
    with open(os.path.join(git_dir, STATE_FILE), "rb") as file:
        state = pickle.load(file)
    head = git(dest, "rev-parse", "refs/heads/main", capture=True)
    if head != state.head:
        sys.exit(f"generate_repo.py: {dest}: main is at {head}, the generator left it at {state.head}")
    return state


def summary(dest, state, seconds, appended=None):
    s = state.stats
    live = len(state.live)
    what = f"appended {appended} commits to" if appended is not None else "generated"
    print(f"generate_repo.py: {what} {dest} in {seconds:.1f} s: {s['commits']} commits "
          f"({s['first_parent']} first-parent, {s['merges']} merges, {s['topic']} on topic branches), "
          f"{s['record_commits'] / max(1, s['commits']):.1%} touching records; "
          f"{s['created']} records created, {live} live, {s['deleted']} deleted, {s['recreated']} re-created; "
          f"{s['renames_exact']} exact + {s['renames_edited']} edited renames; head {state.head}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest")
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--commits", type=int, default=50000)
    parser.add_argument("--touch-share", type=float, default=0.3)
    parser.add_argument("--renames", type=int, default=200)
    parser.add_argument("--merges", type=int, default=200)
    parser.add_argument("--deletes", type=int, help="records deleted (default: records / 250)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--append", type=int, metavar="K", help="add K commits to an existing generated repository")
    parser.add_argument("--commit-graph", action="store_true", help="with --append: rewrite the commit-graph too")
    parser.add_argument("--no-repack", action="store_true",
                        help="keep fast-import's pack (by default it is repacked with fresh deltas)")
    arguments = parser.parse_args()
    dest = arguments.dest
    started = time.perf_counter()

    if arguments.append is not None:
        state = load_state(dest)
        before = state.stats["commits"]
        run_fast_import(dest, state, lambda writer: append(state, writer, arguments.append))
        finish(dest, state, arguments.commit_graph)
        summary(dest, state, time.perf_counter() - started, appended=state.stats["commits"] - before)
        return

    params = dict(records=arguments.records, commits=arguments.commits, touch_share=arguments.touch_share,
                  renames=arguments.renames, merges=arguments.merges, seed=arguments.seed,
                  deletes=arguments.records // 250 if arguments.deletes is None else arguments.deletes)
    if params["commits"] < 2:
        sys.exit("generate_repo.py: --commits must be at least 2")
    if os.path.exists(dest) and os.listdir(dest):
        sys.exit(f"generate_repo.py: {dest} exists and is not empty")
    os.makedirs(dest, exist_ok=True)
    git(dest, "init", "--quiet", "--initial-branch=main")
    git(dest, "config", "gc.auto", "0")  # no background repacking while benchmarking
    state = State(params)
    run_fast_import(dest, state, lambda writer: history(state, writer))
    if params["merges"]:
        git(dest, "update-ref", "-d", TOPIC_REF)
    finish(dest, state, True, repack=not arguments.no_repack)
    summary(dest, state, time.perf_counter() - started)


if __name__ == "__main__":
    main()
