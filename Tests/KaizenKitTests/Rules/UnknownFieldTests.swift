@testable import KaizenKit
import Testing

@Suite struct UnknownFieldTests {
    @Test func aMisspeltFieldSuggestsTheClosestOne() {
        let harness = RuleHarness([
            .experiment("review-pairs", status: .absent, start: .absent, reviewBy: .absent, extra: "1️⃣Status: planned\n2️⃣reveiw-by: 2026-12-18"),
        ])
        harness.expect("unknown-field", [
            ExpectedFinding("experiments/review-pairs.md", "1", "unknown field 'Status' (did you mean 'status'?)"),
            ExpectedFinding("experiments/review-pairs.md", "2", "unknown field 'reveiw-by' (did you mean 'review-by'?)"),
        ])
    }

    @Test func aFieldWithNoCloseMatchListsTheFieldsOfTheKind() {
        let harness = RuleHarness([
            .experiment("review-pairs", status: "planned", extra: "1️⃣owner: Dana"),
            .improvement("review-pairs-practice", extra: "1️⃣teams: [payments, platform]"),
        ])
        harness.expect("unknown-field", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "unknown field 'owner'; the fields are: kind, title, teams, improvement, constraints, hypothesis, signals, status, start, review-by, extensions, rollback, outcome, outcome-reason, concluded, tags"),
            ExpectedFinding("improvements/review-pairs-practice.md", "1",
                "unknown field 'teams'; the fields are: kind, title, status, origin, level, area, constraints, tags"),
        ])
    }

    @Test func anUnknownFieldInAListEntryNamesTheEntry() {
        let harness = RuleHarness([
            .experiment("review-pairs", signals: """
                - metric: review wait (hours)
                  baseline: 48
                  1️⃣targt: 4
                """, status: "planned"),
            .constraint("change-board", observed: """
                - date: 2026-09-14
                  team: payments
                - date: 2026-10-05
                  team: platform
                  1️⃣notes: a schema migration waited for the board
                """),
        ])
        harness.expect("unknown-field", [
            ExpectedFinding("constraints/change-board.md", "1", "observation 2: unknown field 'notes' (did you mean 'note'?)"),
            ExpectedFinding("experiments/review-pairs.md", "1", "signal 1: unknown field 'targt' (did you mean 'target'?)"),
        ])
    }

    @Test func everyFieldOfEachKindIsKnown() {
        let harness = RuleHarness([
            .improvement("trunk-based-development", status: "proven", constraints: "[release-branch-merges]", tags: "[git, ci]"),
            .experiment("trunk-based-platform", improvement: "trunk-based-development", constraints: "[release-branch-merges]",
                        status: "concluded", start: "2026-06-01", reviewBy: "2026-07-31",
                        extensions: "[{until: 2026-08-15, reason: the summer holidays halved the number of merges}]", concluded: "2026-08-14",
                        tags: "[git]"),
            .constraint("release-branch-merges", status: "easing", level: "team",
                        observed: "[{date: 2026-05-20, team: platform, note: three days of conflicts after the May release}]", tags: "[git]"),
        ])
        harness.expect("unknown-field", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
