import Foundation
import Testing

/// Commands killed part-way (SIGKILL: a closed terminal, a cancelled CI job)
/// at a random moment leave every record whole, as it was or as the command
/// would have left it, and a parse cache the next run can trust.
@Suite struct InterruptedWriteTests {
    static let today = ["--today", "2026-11-20"]
    static let concludable = Records.experiment()
        .replacingOccurrences(of: "    target: 4\n", with: "    target: 4\n    result: 3\n")
        + "\n## Learnings\n\nPairs cut the wait to six hours.\n"
    static let records = [
        "improvements/pair-reviews.md": Records.improvement,
        "experiments/review-pairs.md": concludable,
        "experiments/wip-limit.md": Records.experiment(title: "Lower the WIP limit"),
    ]
    static let folders = ["experiments", "improvements", "constraints"]

    /// Deterministic kill points, so a failure repeats with the same schedule.
    struct SeededDelays {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        /// Microseconds, from 0 to a little over `duration` seconds: a fixed
        /// bound would kill a slow build's runs before they write anything.
        mutating func next(within duration: TimeInterval) -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(Double((state >> 33) % 10_001) / 10_000 * duration * 1.1 * 1_000_000)
        }
    }

    private func repository() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        for (path, contents) in Self.records { try repo.write(path, contents) }
        try repo.commit("Records")
        return repo
    }

    /// Every file in the records folders, path to bytes.
    private func snapshot(_ repo: GitFixture) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in Self.folders {
            let url = repo.workTree.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
                files["\(folder)/\(name)"] = try Data(contentsOf: url.appendingPathComponent(name))
            }
        }
        return files
    }

    private func restore(_ repo: GitFixture, to files: [String: Data]) throws {
        for path in try snapshot(repo).keys where files[path] == nil && !isLeftover(path) { try repo.remove(path) }
        for (path, contents) in files { try contents.write(to: repo.workTree.appendingPathComponent(path)) }
    }

    /// What a killed write may leave behind: its hidden temporary file beside
    /// the record, `.NAME.UUID.tmp`, which discovery skips as it skips every
    /// hidden name (the README says so).
    private func isLeftover(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".md.")
    }

    @Test func killedEditsLeaveEveryRecordWholeAsBeforeOrAfter() throws {
        let repo = try repository()
        let before = try snapshot(repo)
        let commands = [
            ["conclude", "review-pairs", "--outcome", "retained", "--date", "2026-11-19"],
            ["extend", "wip-limit", "--until", "2026-12-28", "--reason", "Code freeze"],
            ["new", "experiment", "Smaller batches", "--team", "payments"],
        ]
        // Each command run to the end once gives the version a killed run may also leave.
        var after: [[String: Data]] = []
        var durations: [TimeInterval] = []
        for command in commands {
            let start = Date()
            let completed = try repo.kaizen(command + Self.today)
            durations.append(Date().timeIntervalSince(start))
            #expect(completed.status == 0, "\(command): \(completed.stderr)")
            after.append(try snapshot(repo))
            try restore(repo, to: before)
        }
        #expect(after[0]["experiments/review-pairs.md"] != before["experiments/review-pairs.md"])
        #expect(after[1]["experiments/wip-limit.md"] != before["experiments/wip-limit.md"])
        #expect(after[2]["experiments/smaller-batches.md"] != nil)
        let checked = try repo.kaizen(["check"] + Self.today)
        let listed = try repo.kaizen(["list"] + Self.today)

        var delays = SeededDelays(seed: 7)
        let environment = ["HOME": repo.home.path, "GIT_CONFIG_NOSYSTEM": "1"]
        for iteration in 0..<42 {
            let which = iteration % commands.count
            let run = try BackgroundKaizen(commands[which] + Self.today, in: repo.workTree, environment: environment)
            usleep(delays.next(within: durations[which]))
            run.kill()
            let now = try snapshot(repo).filter { !isLeftover($0.key) }
            #expect(now == before || now == after[which], "iteration \(iteration), \(commands[which][0]): a record is partial or stray")
            try restore(repo, to: before)
        }
        // Whatever was left behind, kaizen reads the records as it did before the killed runs.
        let checkedAfter = try repo.kaizen(["check"] + Self.today)
        #expect(checkedAfter.status == checked.status && checkedAfter.stdout == checked.stdout)
        #expect(try repo.kaizen(["list"] + Self.today).stdout == listed.stdout)
    }

    @Test func killedListRunsLeaveACacheTheNextRunTrusts() throws {
        let repo = try repository()
        for number in 1...60 {
            try repo.write("experiments/trial-\(number).md", Records.experiment(title: "Trial \(number)"))
        }
        try repo.commit("Sixty trials")
        let cache = repo.gitDirectory.appendingPathComponent("kaizen")
        let environment = ["HOME": repo.home.path, "GIT_CONFIG_NOSYSTEM": "1"]
        let start = Date()
        _ = try repo.kaizen(["list"] + Self.today)
        let duration = Date().timeIntervalSince(start)
        var delays = SeededDelays(seed: 11)
        for iteration in 0..<16 {
            // A change the cache must notice: a status, and so a line of the list.
            let status = iteration % 2 == 0 ? "planned" : "running"
            try repo.write("experiments/trial-\(iteration + 1).md", Records.experiment(title: "Trial \(iteration + 1)", status: status))
            let run = try BackgroundKaizen(["list"] + Self.today, in: repo.workTree, environment: environment)
            usleep(delays.next(within: duration))
            run.kill()
            let cached = try repo.kaizen(["list"] + Self.today)
            let kept = cache.deletingLastPathComponent().appendingPathComponent("kaizen-kept")
            try FileManager.default.moveItem(at: cache, to: kept)
            let fresh = try repo.kaizen(["list"] + Self.today)
            try FileManager.default.removeItem(at: cache)
            try FileManager.default.moveItem(at: kept, to: cache)
            #expect(cached.status == 0 && fresh.status == 0)
            #expect(cached.stdout == fresh.stdout, "iteration \(iteration)")
            #expect(cached.stdout.contains("trial-\(iteration + 1) "), "\(cached.stdout)")
        }
    }
}
