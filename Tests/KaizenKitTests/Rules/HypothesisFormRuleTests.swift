@testable import KaizenKit
import Testing

@Suite struct HypothesisFormRuleTests {
    @Test func aMissingOrEmptyHypothesisAsksForOne() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                1️⃣---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                1️⃣hypothesis:
                signals: [{metric: lead time (days), baseline: 9, target: 5}]
                status: planned
                review-by: 2026-12-18
                rollback: return to release branches cut every two weeks
                ---
                """),
        ])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "missing hypothesis: write 'hypothesis: If we <change>, we expect <observable effect>', e.g. 'If we review pull requests in pairs, we expect review wait time to fall from 2 days to 4 hours'", severity: .warning),
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "missing hypothesis: write 'hypothesis: If we <change>, we expect <observable effect>', e.g. 'If we review pull requests in pairs, we expect review wait time to fall from 2 days to 4 hours'", severity: .warning),
        ])
    }

    @Test func theTemplatePlaceholderIsReported() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: 1️⃣"If we <change>, we expect <observable effect>"
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 2026-12-18
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the hypothesis still holds the placeholder '<change>': write the change you will make and the effect you expect, e.g. 'If we review pull requests in pairs, we expect review wait time to fall from 2 days to 4 hours'", severity: .warning),
        ])
    }

    @Test func aHypothesisNotInTheIfWeExpectFormIsReported() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: 1️⃣Pairing on reviews will make payment changes ship faster
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 2026-12-18
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the hypothesis does not read 'If <change>, we expect <effect>': state the change you will make, then the effect you expect to observe"),
        ])
    }

    @Test func anEffectThatCannotBeObservedIsReported() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: 1️⃣If we review pull requests in pairs, we expect happier developers.
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 2026-12-18
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the expected effect 'happier developers' is not observable: say what will change and by how much, e.g. 'lead time to fall from 9 to 5 days'"),
        ])
    }

    @Test func aWordThatOnlyStartsLikeADirectionIsNotAnObservableEffect() {
        // "understanding" starts with the stem "under", "everyone" with "every":
        // neither says what will change or by how much.
        let harness = RuleHarness([("experiments/weekly-demo.md", """
            ---
            kind: experiment
            title: Weekly demo to the whole department
            teams: [platform]
            hypothesis: 1️⃣If we demo every Friday, we expect a shared understanding of the roadmap
            signals: [{metric: roadmap questions in the survey, baseline: 14, target: 5}]
            status: planned
            review-by: 2026-12-18
            rollback: stop the demo and send the written summary again
            ---
            """)])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/weekly-demo.md", "1",
                "the expected effect 'a shared understanding of the roadmap' is not observable: say what will change and by how much, e.g. 'lead time to fall from 9 to 5 days'"),
        ])
    }

    @Test func aCustomPatternFromKaizenYmlReplacesTheStandardForm() {
        let harness = RuleHarness(config: "hypothesis-pattern: '^We believe (?<change>.+) will result in (?<effect>.+)$'\n", [
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: 1️⃣If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("experiments/mob-programming.md", """
                ---
                kind: experiment
                title: Mob programming on the ledger rewrite
                teams: [payments]
                hypothesis: We believe mobbing on the ledger rewrite will result in happier developers
                signals: [{metric: ledger defects per release, baseline: 6, target: 2}]
                status: planned
                review-by: 2026-12-18
                rollback: go back to individual tickets
                ---
                """),
        ])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the hypothesis does not match the hypothesis-pattern in kaizen.yml: ^We believe (?<change>.+) will result in (?<effect>.+)$"),
        ])
    }

    @Test func aHypothesisOfTheWrongTypeIsLeftToWrongType() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis:
              - If we review pull requests in pairs
              - we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 2026-12-18
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("hypothesis-form", [])
        #expect(harness.diagnostics().map(\.rule) == ["wrong-type"])
    }

    @Test func hypothesesThatStateAChangeAndAMeasurableEffectPass() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours.
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: >-
                  if we merge to trunk at least daily behind feature flags
                  then we expect shorter lead times
                signals: [{metric: lead time (days), baseline: 9, target: 5}]
                status: planned
                review-by: 2026-12-18
                rollback: return to release branches cut every two weeks
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
                rollback: send every change to the board again
                ---
                """),
        ])
        harness.expect("hypothesis-form", [])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test func theChangeMayBePhrasedFreelyAndTheExpectationConditionally() {
        func experiment(_ id: String, _ hypothesis: String) -> (String, String) {
            ("experiments/\(id).md", """
                ---
                kind: experiment
                title: Review partners
                teams: [payments]
                hypothesis: \(hypothesis)
                signals: [{metric: time to first review (hours), baseline: 19, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: drop the partner rota
                ---
                """)
        }
        let harness = RuleHarness([
            experiment("partners", "If every developer has a daily review partner, we expect time to first review to fall from 19 to 4 hours"),
            experiment("partners-would", "If we pair reviewers, we'd expect fewer stale pull requests"),
            experiment("partners-team", "If reviews are paired then the team expects review wait to halve"),
        ])
        harness.expect("hypothesis-form", [])
    }
}
