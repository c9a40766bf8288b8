import Foundation
import Testing

/// Two commands that write records, run at the same moment on one workspace:
/// every edit a command reports as made is in the file, and a refused one says
/// why and exits 2. Without the workspace's write lock, an edit reported as
/// made was lost in most of these pairs.
@Suite struct ConcurrentEditTests {
    static let path = "experiments/review-pairs.md"
    static let today = ["--today", "2026-11-20"]
    static let pairs = 50

    /// A running experiment that `conclude` accepts: results and learnings written.
    static let running = RecordFixture.experiment(
        "review-pairs", signals: .text(RecordFixture.signalsWithResult), start: "2026-11-01", reviewBy: "2026-12-20",
        body: "## Plan\n\nPair on every review.\n\n## Learnings\n\nPairs cut the wait.\n").text

    /// Planned, so nothing was measured yet: abandoning it (discarded) goes against no signal.
    static let planned = running.replacingOccurrences(of: "status: running\nstart: 2026-11-01\n", with: "status: planned\n")
        .replacingOccurrences(of: "result: 3\n", with: "result: not measured\n")

    /// A command, and the lines its edit leaves in the record when it is applied.
    struct Edit {
        var arguments: [String]
        var leaves: [String]
    }

    static func extend(until: String, reason: String) -> Edit {
        Edit(arguments: ["extend", "review-pairs", "--until", until, "--reason", reason], leaves: ["  - until: \(until)\n", "    reason: \(reason)\n"])
    }

    static func conclude(_ outcome: String) -> Edit {
        Edit(arguments: ["conclude", "review-pairs", "--outcome", outcome, "--date", "2026-11-19"], leaves: ["outcome: \(outcome)\n", "concluded: 2026-11-19\n"])
    }

    static func start(on date: String) -> Edit {
        Edit(arguments: ["start", "review-pairs", "--date", date], leaves: ["start: \(date)\n"])
    }

    /// A constraint that `observe` accepts.
    static let constraint = """
        ---
        kind: constraint
        title: Shared staging
        status: open
        level: team
        observed:
          - date: 2026-11-01
            team: payments
            note: waited
        ---

        """

    static func observe(_ note: String) -> Edit {
        Edit(arguments: ["observe", "shared-staging", "--team", "platform", "--note", note], leaves: ["    note: \"\(note)\"\n"])
    }

    /// Runs `first` and `second` at once, `pairs` times, each time on a fresh
    /// copy of `record` at `path`; returns how many times each was applied.
    func race(_ record: String, at path: String = Self.path, _ first: Edit, _ second: Edit) throws -> (first: Int, second: Int) {
        var applied = (first: 0, second: 0)
        for _ in 0..<Self.pairs {
            let folder = try FixtureFolder(["kaizen.yml": Records.config, path: record])
            let runs = try [first, second].map { try BackgroundKaizen($0.arguments + Self.today, in: folder.url) }
            let results = try runs.map { try $0.finish() }
            let text = try folder.read(path)
            for (edit, result) in zip([first, second], results) {
                #expect([0, 2].contains(result.status), "\(edit.arguments): \(result.stderr)")
                if result.status == 0 {
                    #expect(edit.leaves.allSatisfy(text.contains), "\(edit.arguments) reported success, but the file reads:\n\(text)")
                } else {
                    #expect(result.stderr.hasPrefix("kaizen: error: "), "\(edit.arguments): \(result.stderr)")
                }
            }
            #expect(results.contains { $0.status == 0 }, "neither \(first.arguments) nor \(second.arguments) was applied")
            applied.first += results[0].status == 0 ? 1 : 0
            applied.second += results[1].status == 0 ? 1 : 0
        }
        return applied
    }

    @Test func twoExtensionsAreBothKeptWhenTheLaterOneLandsLast() throws {
        let applied = try race(Self.running, Self.extend(until: "2027-01-10", reason: "Freeze"),
                               Self.extend(until: "2027-01-20", reason: "Holidays"))
        // "Holidays" always fits after "Freeze"; the reverse order refuses "Freeze".
        #expect(applied.second == Self.pairs)
    }

    /// Observations, like extensions, are appended: two at once both land.
    @Test func twoObservationsAreBothKept() throws {
        let applied = try race(Self.constraint, at: "constraints/shared-staging.md", Self.observe("Load test waited"),
                               Self.observe("Demo waited"))
        #expect(applied.first == Self.pairs && applied.second == Self.pairs)
    }

    @Test func concludeAndExtendNeverLoseTheOneThatSucceeded() throws {
        _ = try race(Self.running, Self.conclude("retained"), Self.extend(until: "2027-01-10", reason: "Freeze"))
    }

    @Test func twoConclusionsApplyExactlyOne() throws {
        let applied = try race(Self.running, Self.conclude("retained"), Self.conclude("inconclusive"))
        #expect(applied.first + applied.second == Self.pairs)
    }

    @Test func twoStartsApplyExactlyOne() throws {
        let applied = try race(Self.planned, Self.start(on: "2026-11-02"), Self.start(on: "2026-11-03"))
        #expect(applied.first + applied.second == Self.pairs)
    }

    @Test func startAndAbandoningConclusionNeverLoseTheOneThatSucceeded() throws {
        _ = try race(Self.planned, Self.start(on: "2026-11-02"), Self.conclude("discarded"))
    }

    /// Two records of one id in different folders: a duplicate id no check
    /// before the write could see.
    @Test func twoNewRecordsNeverTakeTheSameId() throws {
        for _ in 0..<Self.pairs {
            let folder = try FixtureFolder(["kaizen.yml": Records.config])
            let runs = try ["improvement", "constraint"].map {
                try BackgroundKaizen(["new", $0, "Shared title", "--team", "payments"] + Self.today, in: folder.url)
            }
            let results = try runs.map { try $0.finish() }
            #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.stderr))")
            let created = ["improvements", "constraints"].filter {
                FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("\($0)/shared-title.md").path)
            }
            #expect(created.count == 1)
        }
    }
}
