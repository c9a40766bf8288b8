@testable import KaizenKit
import Testing

@Suite struct NoRollbackRuleTests {
    @Test func aMissingOrEmptyRollbackIsReported() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                1️⃣---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5}]
                status: planned
                review-by: 2026-12-18
                1️⃣rollback:
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
                review-by: 2026-12-18
                rollback: 1️⃣"  "
                ---
                """),
        ])
        let advice = "say how you will reverse the change if it does harm, e.g. 'switch the review-pairs flag off and go back to single reviews'"
        harness.expect("no-rollback", [
            ExpectedFinding("experiments/change-board-bypass.md", "1", "no rollback: \(advice)", severity: .warning),
            ExpectedFinding("experiments/review-pairs.md", "1", "no rollback: \(advice)", severity: .warning),
            ExpectedFinding("experiments/trunk-based-platform.md", "1", "no rollback: \(advice)", severity: .warning),
        ])
    }

    @Test func theTemplatePlaceholderIsReported() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 2026-12-18
            rollback: 1️⃣"<how to reverse the change if it does harm>"
            ---
            """)])
        harness.expect("no-rollback", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the rollback still holds the placeholder '<how to reverse the change if it does harm>': say how you will reverse the change if it does harm, e.g. 'switch the review-pairs flag off and go back to single reviews'", severity: .warning),
        ])
    }

    @Test func answersThatSayThereIsNoPlanAreReported() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: 1️⃣N/A
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5}]
                status: planned
                review-by: 2026-12-18
                rollback: 1️⃣" TBD "
                ---
                """),
        ])
        let advice = "say how you will reverse the change if it does harm, e.g. 'switch the review-pairs flag off and go back to single reviews'"
        harness.expect("no-rollback", [
            ExpectedFinding("experiments/review-pairs.md", "1", "'N/A' is not a rollback plan: \(advice)", severity: .warning),
            ExpectedFinding("experiments/trunk-based-platform.md", "1", "'TBD' is not a rollback plan: \(advice)", severity: .warning),
        ])
    }

    @Test func aRollbackOfTheWrongTypeIsLeftToWrongType() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 2026-12-18
            rollback: {flag: review-pairs, set: off}
            ---
            """)])
        harness.expect("no-rollback", [])
        #expect(harness.diagnostics().map(\.rule) == ["wrong-type"])
    }

    @Test func aRollbackThatSaysHowToReverseThePracticePasses() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
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
                review-by: 2026-12-18
                rollback: |
                  Withdraw the pre-approval list.
                  Send every change to the Thursday board again.
                ---
                """),
        ])
        harness.expect("no-rollback", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
