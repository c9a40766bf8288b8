import Foundation
import Testing

/// `kaizen observe` through the binary: a constraint seen again gets a new
/// observed entry, as `extend` gives an experiment a new extension.
@Suite struct ObserveCommandTests {
    static let today = ["--today", "2026-11-20"]
    static let path = "constraints/shared-staging.md"

    static let constraint = RecordFixture.constraint(
        "shared-staging", title: "One staging environment for five teams", level: "cross-team",
        observed: "- date: 2026-10-01\n  team: payments\n  note: Waited two days for a staging slot.",
        body: "## Description\n\nFive teams share one staging environment.\n").text

    /// The arguments with which platform observes the staging constraint on `date`.
    static func platformObserves(_ note: String, on date: String) -> [String] {
        ["observe", "shared-staging", "--team", "platform", "--note", note, "--date", date] + today
    }

    func folder(_ files: [String: String] = [:]) throws -> FixtureFolder {
        try FixtureFolder(["kaizen.yml": Records.config, Self.path: Self.constraint].merging(files) { $1 })
    }

    @Test func anObservationIsAppendedAndTheResultPassesCheck() throws {
        let folder = try folder()
        let observed = try folder.run(Self.platformObserves("Load test waited a day", on: "2026-11-18"))
        #expect(observed.status == 0)
        #expect(observed.stdout == "constraints/shared-staging.md\nobserved by platform on 2026-11-18 (observation 2): Load test waited a day\n")
        #expect(observed.stderr == "")
        #expect(try folder.read(Self.path) == Self.constraint.replacingOccurrences(
            of: "    note: Waited two days for a staging slot.\n",
            with: "    note: Waited two days for a staging slot.\n  - date: 2026-11-18\n    team: platform\n    note: \"Load test waited a day\"\n"))
        let checked = try folder.run(["check"] + Self.today)
        #expect(checked.stdout == "1 record checked: no problems\n")
        let shown = try folder.run(["show", "shared-staging", "--format", "json", "--no-history"] + Self.today)
        #expect(shown.stdout.contains("\"recurring\" : true"))
    }

    @Test func anObservationDatedAfterTodayIsNotWritten() throws {
        let folder = try folder()
        let result = try folder.run(Self.platformObserves("Planned outage", on: "2026-11-25"))
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            constraints/shared-staging.md:10:1: error: observed 2026-11-25 is in the future (today is 2026-11-20): write the date it was seen [date-order]
            kaizen: nothing was written: after observe, constraints/shared-staging.md would fail `kaizen check`; give --date the day it was seen: an observation records what happened, not what is expected

            """)
        #expect(try folder.read(Self.path) == Self.constraint)
    }

    @Test func wrongRecordsTeamsAndNotesAreUsageErrors() throws {
        let folder = try folder(["experiments/review-pairs.md": Records.experiment()])
        let cases: [([String], String)] = [
            (["observe", "shared-stagin", "--team", "payments", "--note", "x"],
             "kaizen: error: no record has the id 'shared-stagin' (did you mean 'shared-staging'?)\n"),
            (["observe", "review-pairs", "--team", "payments", "--note", "x"],
             "kaizen: error: 'review-pairs' is an experiment, not a constraint: observe changes constraints only\n"),
            (["observe", "shared-staging", "--team", "paymnets", "--note", "x"],
             "kaizen: error: unknown team 'paymnets' (did you mean 'payments'?); the teams in kaizen.yml are payments, platform\n"),
            (["observe", "shared-staging", "--team", "payments", "--note", "x", "--reopen"],
             "kaizen: error: 'shared-staging' is open, not resolved: --reopen sets a resolved constraint that is back to open\n"),
        ]
        for (arguments, message) in cases {
            let result = try folder.run(arguments + Self.today)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
            #expect(result.stdout == "")
        }
        let empty = try folder.run(["observe", "shared-staging", "--team", "payments", "--note", "  "] + Self.today)
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("Error: --note is empty: say what was seen\n"))
        #expect(try folder.read(Self.path) == Self.constraint)
    }

    /// Constraints have no order, so a resolved one reopened passes the history rules.
    @Test func aResolvedConstraintReopenedPassesTheHistoryRules() throws {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write(Self.path, Self.constraint.replacingOccurrences(of: "status: open\n", with: "status: resolved\n"))
        try repo.commit("Staging resolved")
        let reopened = try repo.kaizen(["observe", "shared-staging", "--team", "payments", "--note", "Queue is back", "--reopen"] + Self.today)
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout == "constraints/shared-staging.md\nstatus resolved → open, observed by payments on 2026-11-20 (observation 2): Queue is back\n")
        let checked = try repo.kaizen(["check", "--against", "HEAD"] + Self.today)
        #expect(checked.stdout == "1 record checked: no problems\n")
    }
}
