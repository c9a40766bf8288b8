@testable import KaizenKit
import Testing

@Suite struct ExpiresSoonRuleTests {
    @Test func aRunningExperimentWithinTheNoticeIsReportedWithTheDaysLeft() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                start: 2026-10-01
                review-by: 1️⃣2026-11-21
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5}]
                status: running
                start: 2026-10-01
                review-by: 1️⃣2026-12-04
                rollback: return to release branches cut every two weeks
                ---
                """),
        ])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires in 1 day, on 2026-11-21: plan its review, then conclude or extend it"),
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "the experiment expires in 14 days, on 2026-12-04: plan its review, then conclude or extend it"),
        ])
    }

    @Test func anExperimentDueTodayExpiresToday() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: running
            start: 2026-10-01
            review-by: 1️⃣2026-11-20
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires today: plan its review, then conclude or extend it"),
        ])
    }

    @Test func theLatestExtensionSetsTheDeadline() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: running
            start: 2026-10-01
            review-by: 2026-11-10
            extensions:
              - until: 1️⃣2026-11-27
                reason: too few reviews during the release freeze
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires in 7 days, on 2026-11-27: plan its review, then conclude or extend it"),
        ])
    }

    @Test func theNoticeComesFromKaizenYml() {
        let harness = RuleHarness(config: "expiry-notice-days: 3\n", [
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                start: 2026-10-01
                review-by: 1️⃣2026-11-23
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5}]
                status: running
                start: 2026-10-01
                review-by: 2026-11-24
                rollback: return to release branches cut every two weeks
                ---
                """),
        ])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires in 3 days, on 2026-11-23: plan its review, then conclude or extend it"),
        ])
    }

    @Test func experimentsWithTimeLeftOrNotRunningPass() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                start: 2026-10-01
                review-by: 2026-12-05
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("experiments/change-board-bypass.md", """
                ---
                kind: experiment
                title: Standard changes skip the change-advisory board
                teams: [platform]
                hypothesis: If we pre-approve standard changes, we expect no change to wait for the weekly board
                signals: [{metric: changes waiting for the board, baseline: 11, target: 0}]
                status: planned
                review-by: 2026-11-25
                rollback: send every change to the board again
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5, result: 4}]
                status: concluded
                start: 2026-09-01
                review-by: 2026-11-25
                outcome: retained
                concluded: 2026-11-18
                rollback: return to release branches cut every two weeks
                ---

                ## Learnings

                Daily merges need fast CI.
                """),
        ])
        harness.expect("expires-soon", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
