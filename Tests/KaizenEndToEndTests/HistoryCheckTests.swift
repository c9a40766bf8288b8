import Foundation
import Testing

/// The history rules through the binary, on real repositories built with the
/// `git` program: `kaizen check --against REF` (the working tree against a
/// revision), `kaizen check --staged --against HEAD` (the index against HEAD)
/// and the pre-commit hook that runs the latter inside `git commit`.
@Suite struct HistoryCheckTests {
    static let today = "2026-11-20"
    static let remedy = "restore it, or conclude this experiment (outcome inconclusive) and start a new one with the new goal"
    /// What goalposts-moved says when review-pairs.md's target goes from 4 to 2 (the value is at 9:13).
    static let targetMoved = "9:13: error: the target of signal 1 ('review wait (hours)') changed from '4' to '2' "
        + "after the experiment started running: \(remedy) [goalposts-moved]"

    /// An experiment (running unless told) with a body long enough that git and kaizen pair
    /// it with itself after a rename and a one-line edit.
    static func experiment(_ title: String, status: String = "running", reviewBy: String = "2026-12-20", extra: String = "") -> String {
        Records.experiment(title: title, status: status, reviewBy: reviewBy, extra: extra)
            + RecordText.prose(seed: title, lines: 12).joined(separator: "\n") + "\n"
    }

    static let concluded = experiment("Smaller batches", status: "concluded", extra: "outcome: retained\nconcluded: 2026-11-15\n")
        .replacingOccurrences(of: "target: 4\n", with: "target: 4\n    result: 3\n")
        + "\n## Learnings\n\nSmaller batches halved the wait, but only with a second reviewr on call.\n"

    static let constraint = """
        ---
        kind: constraint
        title: Shared staging queue
        status: resolved
        level: cross-team
        observed:
          - {date: 2026-10-01, team: payments, note: waited two days for staging}
        ---

        """

    /// The records on `main`, all valid on 2026-11-20, with `kaizen.yml` at `root`.
    /// (Experiments start on 2026-10-01: deadlines past 2026-12-30 break too-long.)
    private func repository(root: String = "") throws -> GitFixture {
        let repo = try GitFixture()
        let files = [
            "kaizen.yml": Records.config,
            "experiments/review-pairs.md": Self.experiment("Review pairs"),
            "experiments/wip-limit.md": Self.experiment("Lower the WIP limit"),
            "experiments/smaller-batches.md": Self.concluded,
            "experiments/trunk.md": Self.experiment("Trunk-based development", status: "planned"),
            "improvements/pair-reviews.md": Records.improvement,
            "constraints/shared-staging.md": Self.constraint,
        ]
        for (path, contents) in files { try repo.write(root + path, contents) }
        try repo.commit("Records as they stand on main")
        return repo
    }

    /// Rewrites the file at `path` in the work tree.
    private func edit(_ repo: GitFixture, _ path: String, _ change: (String) -> String) throws {
        try repo.write(path, change(try repo.read(path)))
    }

    private func kaizen(_ arguments: [String], in repo: GitFixture, folder: String = "") throws -> KaizenProcess.Result {
        try KaizenProcess.run(arguments + ["--today", Self.today], in: repo.workTree.appendingPathComponent(folder))
    }

    @Test func eachRuleFiresOnATopicBranch() throws {
        let repo = try repository()
        try repo.branch("topic")
        try edit(repo, "experiments/review-pairs.md") { $0.replacingOccurrences(of: "target: 4", with: "target: 2") }
        try edit(repo, "improvements/pair-reviews.md") { $0.replacingOccurrences(of: "status: trialling", with: "status: proposed") }
        try repo.remove("experiments/wip-limit.md")
        try repo.commit("Easier target, doubts about pairing, drop the WIP limit trial")
        // --against compares the working tree, so uncommitted edits count too; a record
        // renamed (a new id) is paired with its old self by content, as git pairs renames.
        try repo.move("experiments/review-pairs.md", to: "experiments/pair-on-reviews.md")
        try edit(repo, "experiments/pair-on-reviews.md") { $0.replacingOccurrences(of: "review-by: 2026-12-20", with: "review-by: 2026-12-29") }

        let result = try kaizen(["check", "--against", "main"], in: repo)
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            experiments/pair-on-reviews.md:\(Self.targetMoved)
            experiments/pair-on-reviews.md:12:12: error: review-by moved from 2026-12-20 to 2026-12-29 without a new extensions entry: put the old date back and add `- {until: 2026-12-29, reason: ...}` under extensions [deadline-moved]
            experiments/wip-limit.md:1:1: error: the record 'wip-limit' was deleted, and with it what it taught: restore it (`git checkout` it back) and set status: concluded with outcome: discarded and say why in Learnings [record-deleted]
            improvements/pair-reviews.md:4:9: error: the status went from trialling to proposed: an improvement's status only moves forward (proposed → trialling → proven → retired); record new doubts in an experiment [illegal-transition]
            5 records checked: 4 errors

            """)
        // Without --against the same files are valid records.
        #expect(try kaizen(["check"], in: repo).status == 0)
    }

    @Test func legitimateEditsPass() throws {
        let repo = try repository()
        try repo.branch("topic")
        // Moving review-by along with a new extension is fine by the history rules, but
        // date-order wants each extension after review-by, so here review-by stays.
        let holidays = "extensions:\n  - {until: 2026-12-28, reason: half the team on holiday}\n"
        try edit(repo, "experiments/review-pairs.md") { $0.replacingOccurrences(of: "rollback:", with: holidays + "rollback:") }
        try edit(repo, "experiments/smaller-batches.md") { $0.replacingOccurrences(of: "reviewr", with: "reviewer") }
        try edit(repo, "experiments/trunk.md") {
            $0.replacingOccurrences(of: "from 48 to 4 hours", with: "from 48 to 8 hours")
                .replacingOccurrences(of: "target: 4", with: "target: 8").replacingOccurrences(of: "2026-12-20", with: "2026-12-27")
        }
        try edit(repo, "improvements/pair-reviews.md") { $0.replacingOccurrences(of: "status: trialling", with: "status: retired") }
        try edit(repo, "constraints/shared-staging.md") { $0.replacingOccurrences(of: "status: resolved", with: "status: open") }
        try repo.commit("Extend a trial, fix a typo, reshape a plan, retire pairing, staging is back")
        // Moved to another folder (same id), and renamed with a small edit (a new id: paired by content).
        try repo.move("experiments/smaller-batches.md", to: "experiments/2026/smaller-batches.md")
        try repo.move("experiments/trunk.md", to: "experiments/trunk-based-development.md")
        try edit(repo, "experiments/trunk-based-development.md") {
            $0.replacingOccurrences(of: "title: Trunk-based development", with: "title: Trunk-based development for payments")
        }

        let result = try kaizen(["check", "--against", "main"], in: repo)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "6 records checked: no problems\n")
    }

    @Test func aFolderNamedOnTheCommandLineTakesInTheRecordsDeletedFromIt() throws {
        let repo = try repository()
        try repo.remove("experiments/wip-limit.md")
        let inside = try kaizen(["check", "experiments", "--against", "main"], in: repo)
        #expect(inside.status == 1)
        #expect(inside.stdout.hasPrefix("experiments/wip-limit.md:1:1: error: the record 'wip-limit' was deleted"))
        // A folder elsewhere does not.
        let elsewhere = try kaizen(["check", "improvements", "--against", "main"], in: repo)
        #expect(elsewhere.status == 0, "\(elsewhere.stdout)")
    }

    @Test func theStagedCheckComparesTheIndexWithHead() throws {
        let repo = try repository()
        try repo.git(["rm", "-q", "experiments/wip-limit.md"])
        let deleted = try kaizen(["check", "--staged", "--against", "HEAD"], in: repo)
        #expect(deleted.status == 1)
        #expect(deleted.stdout == """
            experiments/wip-limit.md:1:1: error: the record 'wip-limit' was deleted, and with it what it taught: restore it (`git checkout` it back) and set status: concluded with outcome: discarded and say why in Learnings [record-deleted]
            0 records checked: 1 error

            """)

        try repo.git(["reset", "-q", "--hard"])
        try repo.git(["mv", "experiments/wip-limit.md", "experiments/lower-wip-limit.md"])
        try edit(repo, "experiments/lower-wip-limit.md") { $0.replacingOccurrences(of: "title: Lower the WIP limit", with: "title: Lower the WIP limit to 3") }
        try repo.git(["add", "experiments/lower-wip-limit.md"])
        let renamed = try kaizen(["check", "--staged", "--against", "HEAD"], in: repo)
        #expect(renamed.status == 0, "\(renamed.stdout)")
        #expect(renamed.stdout == "1 record checked: no problems\n")
    }

    @Test func anUnbornHeadIsAnEmptyBase() throws {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write("experiments/review-pairs.md", Self.experiment("Review pairs"))
        try repo.write("improvements/pair-reviews.md", Records.improvement)
        try repo.git(["add", "-A"])
        for staged in [[], ["--staged"]] {
            let result = try kaizen(["check", "--against", "HEAD"] + staged, in: repo)
            #expect(result.status == 0, "\(staged): \(result.stdout)\(result.stderr)")
            #expect(result.stdout == "2 records checked: no problems\n")
        }
    }

    @Test func anUnknownRevisionIsAnEnvironmentError() throws {
        let repo = try repository()
        let result = try kaizen(["check", "--against", "no-such-branch"], in: repo)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "kaizen: error: 'no-such-branch' names no commit in this repository: "
            + "pass a branch, tag or commit id (`git log --oneline` lists them)\n")
        let staged = try kaizen(["check", "--staged", "--against", "no-such-branch"], in: repo)
        #expect(staged.status == 2)
        #expect(staged.stderr == result.stderr)
    }

    @Test func outsideARepositoryThereIsNoHistoryToCompare() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config, "experiments/review-pairs.md": Self.experiment("Review pairs")])
        let result = try folder.run(["check", "--against", "main"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "kaizen: error: \(folder.url.path) is not inside a git repository, and history needs one: "
            + "run kaizen inside a git work tree (or `git init` one)\n")
    }

    @Test func aWorkspaceInASubfolderIsComparedWithTheSameSubfolder() throws {
        let repo = try repository(root: "teams/payments/")
        // A record-like file outside the workspace is not one of its records.
        try repo.write("experiments/outside.md", "not a record\n")
        try repo.commit("A file outside the workspace")
        try repo.branch("topic")
        try edit(repo, "teams/payments/experiments/review-pairs.md") { $0.replacingOccurrences(of: "target: 4", with: "target: 2") }
        try repo.remove("experiments/outside.md")

        let inside = try kaizen(["check", "--against", "main"], in: repo, folder: "teams/payments")
        #expect(inside.status == 1)
        #expect(inside.stdout == "experiments/review-pairs.md:\(Self.targetMoved)\n6 records checked: 1 error\n")
        let fromTop = try kaizen(["check", "--root", "teams/payments", "--against", "main"], in: repo)
        #expect(fromTop.stdout == "teams/payments/experiments/review-pairs.md:\(Self.targetMoved)\n6 records checked: 1 error\n")
        try repo.git(["add", "-A"])
        let staged = try kaizen(["check", "--staged", "--against", "HEAD"], in: repo, folder: "teams/payments")
        #expect(staged.status == 1)
        #expect(staged.stdout == "experiments/review-pairs.md:\(Self.targetMoved)\n1 record checked: 1 error\n")
    }

    /// `git commit` with kaizen on PATH, as a developer runs it.
    private func commitThroughTheHook(_ repo: GitFixture, _ arguments: [String]) throws -> FixtureProcess.Output {
        var environment = repo.environment
        environment["PATH"] = HookTests.path
        return try FixtureProcess.run("/usr/bin/git", ["commit", "-q"] + arguments, in: repo.workTree, environment: environment)
    }

    /// Staged first (no arguments), or staged by `git commit -a` or `git commit PATH`
    /// itself, which run the hook on a temporary index.
    @Test(arguments: [[], ["-a"], ["experiments/review-pairs.md"]])
    func theHookRefusesToCommitMovedGoalposts(staging: [String]) throws {
        let repo = try repository()
        let install = try FixtureProcess.run(KaizenProcess.binary.path, ["hooks", "install"], in: repo.workTree, environment: repo.environment)
        #expect(install.status == 0, "\(install.errorText)")
        try edit(repo, "experiments/review-pairs.md") { $0.replacingOccurrences(of: "target: 4", with: "target: 2") }
        if staging.isEmpty { try repo.git(["add", "-A"]) }
        let refused = try commitThroughTheHook(repo, ["-m", "Easier target"] + staging)
        #expect(refused.status == 1)
        #expect(refused.errorText.contains("experiments/review-pairs.md:\(Self.targetMoved)\n"), "\(refused.errorText)")
        #expect(try repo.gitText(["rev-list", "--count", "HEAD"]) == "1")

        // With the target put back, the same commit goes through.
        try edit(repo, "experiments/review-pairs.md") {
            $0.replacingOccurrences(of: "target: 2", with: "target: 4") + "Observed: the wait fell to 6 hours.\n"
        }
        if staging.isEmpty { try repo.git(["add", "-A"]) }
        let passed = try commitThroughTheHook(repo, ["-m", "An observation"] + staging)
        #expect(passed.status == 0, "\(passed.errorText)")
        #expect(try repo.gitText(["rev-list", "--count", "HEAD"]) == "2")
    }
}
