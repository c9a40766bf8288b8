import Foundation
import Testing

/// `kaizen start`, `extend`, `conclude` and `adopt` through the binary, on
/// fixture folders and git repositories.
@Suite struct EditCommandTests {
    static let today = ["--today", "2026-11-20"]
    static let path = "experiments/review-pairs.md"

    /// A planned experiment with a comment and a quoted title, kept apart from the edits, and an empty Learnings section.
    static let planned = Records.experiment(status: "planned")
        .replacingOccurrences(of: "start: 2026-10-01\n", with: "")
        .replacingOccurrences(of: "title: Review pairs\n", with: "title: 'Review pairs'   # short\n") + "\n## Learnings\n"

    /// A proven improvement with adaptation notes.
    static let improvement = Records.improvement.replacingOccurrences(of: "status: trialling", with: "status: proven")
        + "\n## Adaptation notes\n\n- Pair across time zones only in the overlap hours.\n- Rotate pairs weekly.\n"

    func folder(_ files: [String: String] = [:]) throws -> FixtureFolder {
        try FixtureFolder(["kaizen.yml": Records.config, Self.path: Self.planned].merging(files) { $1 })
    }

    func bytes(_ folder: FixtureFolder, _ path: String) throws -> Data {
        try Data(contentsOf: folder.url.appendingPathComponent(path))
    }

    @Test func startThenExtendEditOnlyTheirFieldsAndTheResultPassesCheck() throws {
        let folder = try folder()
        let started = try folder.run(["start", "review-pairs", "--date", "2026-11-02"] + Self.today)
        #expect(started.status == 0)
        #expect(started.stdout == "experiments/review-pairs.md\nstatus planned → running, start 2026-11-02\n")
        #expect(started.stderr == "")
        let extended = try folder.run(["extend", "review-pairs", "--until", "2027-01-15", "--reason", "Two weeks of code freeze"] + Self.today)
        #expect(extended.status == 0)
        #expect(extended.stdout == "experiments/review-pairs.md\ndeadline 2026-12-20 → 2027-01-15 (extension 1): Two weeks of code freeze\n")
        #expect(try folder.read(Self.path) == Self.planned
            .replacingOccurrences(of: "status: planned\n", with: "status: running\nstart: 2026-11-02\n")
            .replacingOccurrences(of: "review-by: 2026-12-20\n",
                                  with: "review-by: 2026-12-20\nextensions:\n  - until: 2027-01-15\n    reason: \"Two weeks of code freeze\"\n"))
        let checked = try folder.run(["check"] + Self.today)
        #expect(checked.status == 0)
        #expect(checked.stdout == "1 record checked: no problems\n")
    }

    @Test func crlfAByteOrderMarkAndTheFileModeSurviveTheBinary() throws {
        let text = "\u{FEFF}" + Self.planned.replacingOccurrences(of: "\n", with: "\r\n")
        let folder = try folder([Self.path: text])
        let url = folder.url.appendingPathComponent(Self.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        let started = try folder.run(["start", "review-pairs"] + Self.today)
        #expect(started.status == 0)
        #expect(try bytes(folder, Self.path) == Data(text.replacingOccurrences(
            of: "status: planned\r\n", with: "status: running\r\nstart: 2026-11-20\r\n").utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o640)
    }

    @Test func aConclusionThatWouldFailCheckLeavesTheFileAsItWas() throws {
        let running = Self.planned.replacingOccurrences(of: "status: planned\n", with: "status: running\nstart: 2026-11-02\n")
        let folder = try folder([Self.path: running])
        let before = try bytes(folder, Self.path)
        let result = try folder.run(["conclude", "review-pairs", "--outcome", "retained"] + Self.today)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            experiments/review-pairs.md:7:5: error: signal 'review wait (hours)' has no result: add 'result:' with the value you observed [conclusion-incomplete]
            experiments/review-pairs.md:20:1: error: the Learnings section is empty: write what you learned, whatever the outcome [conclusion-incomplete]
            kaizen: nothing was written: after conclude, experiments/review-pairs.md would fail `kaizen check`; fill in what the conclusion still lacks in experiments/review-pairs.md (a result under each signal, the Learnings section), then run conclude again

            """)
        #expect(try bytes(folder, Self.path) == before)
    }

    @Test func wrongStatusesUnknownIdsAndBadArgumentsAreUsageErrors() throws {
        let folder = try folder(["improvements/pair-reviews.md": Self.improvement])
        let before = try bytes(folder, Self.path)
        let cases: [([String], String)] = [
            (["extend", "review-pairs", "--until", "2027-01-15", "--reason", "x"],
             "'review-pairs' is planned, not running: extensions are for running experiments; while it is planned, change its review-by instead, or start it first (`kaizen start review-pairs`)"),
            (["conclude", "review-pairs", "--outcome", "inconclusive"],
             "'review-pairs' never ran (it is planned), so it cannot be concluded as inconclusive: start it first (`kaizen start review-pairs`), or conclude it as discarded if it was abandoned"),
            (["start", "review-pair"], "no record has the id 'review-pair' (did you mean 'review-pairs'?)"),
            (["start", "pair-reviews"], "'pair-reviews' is an improvement, not an experiment: start changes experiments only"),
            (["extend", "review-pairs", "--until", "2027-01-15", "--reason", "  "], "--reason is empty: say why the experiment needs longer"),
            (["conclude", "review-pairs", "--outcome", "kept"], "'kept'"),
        ]
        for (arguments, message) in cases {
            let result = try folder.run(arguments + Self.today)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout == "")
        }
        #expect(try bytes(folder, Self.path) == before)
    }

    @Test func aLinkLeadingOutOfTheRepositoryIsNotWrittenThrough() throws {
        let outside = try FixtureFolder(["review-pairs.md": Self.planned])
        let folder = try FixtureFolder(["kaizen.yml": Records.config])
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("experiments"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent(Self.path).path,
                                                   withDestinationPath: outside.url.appendingPathComponent("review-pairs.md").path)
        let result = try folder.run(["start", "review-pairs"] + Self.today)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("kaizen: error: 'review-pairs' cannot be edited: cannot read "))
        #expect(result.stderr.contains("experiments/review-pairs.md: it is a symbolic link to "))
        #expect(result.stderr.contains(", outside the repository, and kaizen does not follow links out of it: copy the file in, or remove the link\n"))
        #expect(try outside.read("review-pairs.md") == Self.planned)
    }

    @Test func startExtendAndConcludePassTheHistoryRulesCommitByCommit() throws {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write(Self.path, Self.planned)
        try repo.commit("Plan review pairs")

        /// Runs an edit command, then checks the working tree against the last commit, then commits.
        func step(_ arguments: [String]) throws {
            let edited = try repo.kaizen(arguments + Self.today)
            #expect(edited.status == 0, "\(arguments): \(edited.stderr)")
            let checked = try repo.kaizen(["check", "--against", "HEAD"] + Self.today)
            #expect(checked.status == 0, "\(arguments): \(checked.stdout)")
            #expect(checked.stdout == "1 record checked: no problems\n", "\(arguments)")
            try repo.commit(arguments.joined(separator: " "))
        }
        try step(["start", "review-pairs", "--date", "2026-10-05"])
        try step(["extend", "review-pairs", "--until", "2026-12-31", "--reason", "Freeze weeks"])
        // The team writes its results and learnings, as conclude asks.
        let text = try repo.read(Self.path)
            .replacingOccurrences(of: "    target: 4\n", with: "    target: 4\n    result: 3\n")
            .replacingOccurrences(of: "## Learnings\n", with: "## Learnings\n\nPairs cut the wait to six hours.\n")
        try repo.write(Self.path, text)
        try repo.commit("Results and learnings")
        try step(["conclude", "review-pairs", "--outcome", "retained", "--date", "2026-11-19"])
        #expect(try repo.read(Self.path) == text
            .replacingOccurrences(of: "status: running\n", with: "status: concluded\n")
            .replacingOccurrences(of: "    reason: \"Freeze weeks\"\n", with: "    reason: \"Freeze weeks\"\noutcome: retained\nconcluded: 2026-11-19\n"))
        let review = try repo.kaizen(["review", "HEAD~1..HEAD"] + Self.today)
        #expect(review.status == 0, "\(review.stdout)")
    }

    @Test func adoptWritesAnExperimentThatParsesAndLinksBack() throws {
        let retained = Self.planned
            .replacingOccurrences(of: "status: planned\n", with: "status: concluded\nstart: 2026-10-01\n")
            .replacingOccurrences(of: "    target: 4\n", with: "    target: 4\n    result: 3\n")
            .replacingOccurrences(of: "rollback: stop pairing\n", with: "rollback: stop pairing\nimprovement: pair-reviews\noutcome: retained\nconcluded: 2026-11-01\n")
            .replacingOccurrences(of: "## Learnings\n", with: "## Learnings\n\nIt halved the wait.\n")
        let folder = try folder(["improvements/pair-reviews.md": Self.improvement, Self.path: retained])
        let adopted = try folder.run(["adopt", "pair-reviews", "--team", "platform", "--review-by", "2026-12-18"] + Self.today)
        #expect(adopted.status == 0, "\(adopted.stderr)")
        let path = "experiments/platform-adopts-review-pairs.md"
        #expect(adopted.stdout == path + "\n")
        // A planned adoption is a draft: what is left to write is a warning until it starts.
        #expect(adopted.stderr.hasPrefix("kaizen: still to fill in:\n  \(path):7:13: warning: the hypothesis still holds the placeholder '<our value today>'"))
        let text = try folder.read(path)
        #expect(text.contains("improvement: pair-reviews\n"))
        #expect(text.contains("review-by: 2026-12-18\n"))
        #expect(text.contains("  - metric: \"review wait (hours)\"\n    baseline: \"<our value today>\"\n    target: \"4\"\n"))
        #expect(text.contains("Adopting [Review pairs](../improvements/pair-reviews.md) (`pair-reviews`, proven), which Payments developed."))
        #expect(text.contains("- [ ] Pair across time zones only in the overlap hours.\n- [ ] Rotate pairs weekly.\n"))

        let checked = try folder.run(["check", path] + Self.today)
        let rules = Set(checked.stdout.split(separator: "\n").filter { $0.hasSuffix("]") }.compactMap { $0.split(separator: "[").last?.dropLast() })
        #expect(rules == ["hypothesis-form", "no-signals"])
        let shown = try folder.run(["show", "pair-reviews", "--no-history"] + Self.today)
        #expect(shown.stdout.contains("  platform-adopts-review-pairs (experiment, planned): Platform adopts review pairs\n"))

        let again = try folder.run(["adopt", "pair-reviews", "--team", "platform"] + Self.today)
        #expect(again.status == 2)
        #expect(again.stderr.contains("platform already has an experiment for 'pair-reviews': platform-adopts-review-pairs"))
        let origin = try folder.run(["adopt", "pair-reviews", "--team", "payments"] + Self.today)
        #expect(origin.status == 2)
        #expect(origin.stderr.contains("payments is the origin of 'pair-reviews'"))
    }

    /// A start date given by hand before the record was first committed is
    /// likely a typo: the start still happens, with a note saying so.
    @Test func aStartDateBeforeTheRecordWasFirstCommittedGetsANote() throws {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write(Self.path, Self.planned.replacingOccurrences(of: "review-by: 2026-12-20", with: "review-by: 2026-04-01"))
        try repo.commit("Plan review pairs")
        let committed = try repo.gitText(["log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d"])
        let early = try repo.kaizen(["start", "review-pairs", "--date", "2026-02-20", "--today", "2026-03-10"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stderr == "kaizen: note: the start date 2026-02-20 is before experiments/review-pairs.md was first committed, "
            + "on \(committed): if it did start then, leave it; if not, correct 'start'\n")
        #expect(try repo.read(Self.path).contains("start: 2026-02-20\n"))
        try repo.resetHard(to: "HEAD")
        let later = try repo.kaizen(["start", "review-pairs", "--date", "2026-03-05", "--today", "2026-03-10"])
        #expect(later.status == 0)
        #expect(later.stderr == "")
    }
}
