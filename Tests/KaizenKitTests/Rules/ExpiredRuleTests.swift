@testable import KaizenKit
import Testing

@Suite struct ExpiredRuleTests {
    @Test func aRunningExperimentPastItsReviewDateHasExpired() {
        let harness = RuleHarness([.experiment("late", reviewBy: "1️⃣2026-11-01")])
        harness.expect("expired", [
            ExpectedFinding("experiments/late.md", "1",
                "the experiment expired on 2026-11-01, 19 days ago: conclude it (status, outcome, learnings) or add an extension {until, reason}"),
        ])
    }

    @Test func theLatestExtensionSetsTheDeadline() {
        let harness = RuleHarness([.experiment("extended", start: "2026-09-01", reviewBy: "2026-10-01",
                                               extensions: "[{until: 2026-10-15, reason: holidays}, {until: 1️⃣2026-11-19, reason: too few reviews so far}]")])
        harness.expect("expired", [
            ExpectedFinding("experiments/extended.md", "1",
                "the experiment expired on 2026-11-19, 1 day ago: conclude it (status, outcome, learnings) or add an extension {until, reason}"),
        ])
    }

    @Test func experimentsWithinTheirTimeOrNotRunningPass() {
        let harness = RuleHarness([
            .experiment("due-today", reviewBy: "2026-11-20"),
            .experiment("planned-late", status: "planned", reviewBy: "2026-10-01"),
        ])
        harness.expect("expired", [])
    }
}
