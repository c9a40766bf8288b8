@testable import KaizenKit
import Testing

@Suite struct ExpiredRuleTests {
    @Test func aRunningExperimentPastItsReviewDateHasExpired() {
        let harness = RuleHarness([("experiments/late.md", """
            ---
            kind: experiment
            title: Late review pairs
            teams: [payments]
            hypothesis: If we pair on reviews, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: running
            start: 2026-09-01
            review-by: 1️⃣2026-11-01
            rollback: stop pairing
            ---
            """)])
        harness.expect("expired", [
            ExpectedFinding("experiments/late.md", "1",
                "the experiment expired on 2026-11-01, 19 days ago: conclude it (status, outcome, learnings) or add an extension {until, reason}"),
        ])
    }

    @Test func theLatestExtensionSetsTheDeadline() {
        let harness = RuleHarness([("experiments/extended.md", """
            ---
            kind: experiment
            title: Extended review pairs
            teams: [payments]
            hypothesis: If we pair on reviews, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: running
            start: 2026-09-01
            review-by: 2026-10-01
            extensions:
              - until: 2026-10-15
                reason: holidays
              - until: 1️⃣2026-11-19
                reason: too few reviews so far
            rollback: stop pairing
            ---
            """)])
        harness.expect("expired", [
            ExpectedFinding("experiments/extended.md", "1",
                "the experiment expired on 2026-11-19, 1 day ago: conclude it (status, outcome, learnings) or add an extension {until, reason}"),
        ])
    }

    @Test func experimentsWithinTheirTimeOrNotRunningPass() {
        let harness = RuleHarness([
            ("experiments/due-today.md", """
                ---
                kind: experiment
                title: Due today
                teams: [payments]
                hypothesis: If we pair on reviews, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                start: 2026-09-01
                review-by: 2026-11-20
                rollback: stop pairing
                ---
                """),
            ("experiments/planned-late.md", """
                ---
                kind: experiment
                title: Planned, never started
                teams: [payments]
                hypothesis: If we pair on reviews, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-10-01
                rollback: stop pairing
                ---
                """),
        ])
        harness.expect("expired", [])
    }
}
