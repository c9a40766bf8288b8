@testable import KaizenKit
import Testing

@Suite struct InvalidValueTests {
    @Test func aMisspeltKindSuggestsTheClosestAndNamesTheFolderKind() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: 1️⃣experimnet
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 2026-12-18
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("invalid-value", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "'kind' cannot be 'experimnet' (did you mean 'experiment'?); it is one of improvement, experiment, constraint; this folder holds experiments"),
        ])
        // The folder's kind is used instead, so the rest of the record is still checked.
        #expect(harness.diagnostics().map(\.rule) == ["invalid-value"])
    }

    @Test func aKindOutsideTheFoldersHasNoFolderToFallBackOn() {
        let harness = RuleHarness([
            ("notes/review-pairs.md", """
                ---
                kind: 1️⃣Experiment
                title: Review pairs for payment changes
                ---
                """),
            ("notes/retro-2026-11.md", """
                ---
                kind: 1️⃣[experiment, improvement]
                title: November retrospective actions
                ---
                """),
        ])
        harness.expect("wrong-type", [
            ExpectedFinding("notes/retro-2026-11.md", "1",
                "'kind' must be one word, not a list: one of improvement, experiment, constraint"),
        ])
        harness.expect("invalid-value", [
            ExpectedFinding("notes/review-pairs.md", "1",
                "'kind' cannot be 'Experiment' (did you mean 'experiment'?); it is one of improvement, experiment, constraint"),
        ])
    }

    @Test func aStatusOutsideItsSetIsReportedWithOrWithoutASuggestion() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: 1️⃣runing
                start: 2026-10-01
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("constraints/change-board.md", """
                ---
                kind: constraint
                title: Weekly change-advisory board
                status: 1️⃣in-progress
                level: system
                observed: [{date: 2026-09-14, team: payments}]
                ---
                """),
        ])
        harness.expect("invalid-value", [
            ExpectedFinding("constraints/change-board.md", "1",
                "'status' cannot be 'in-progress'; it is one of open, easing, resolved"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "'status' cannot be 'runing' (did you mean 'running'?); it is one of planned, running, concluded"),
        ])
    }

    @Test func aPlaceholderLeftInAChoiceIsReportedAsSuch() {
        let harness = RuleHarness([("experiments/trunk-based-platform.md", """
            ---
            kind: experiment
            title: Trunk-based development in the platform team
            teams: [platform]
            hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
            signals: [{metric: lead time (days), baseline: 9, target: 5, result: 4}]
            status: concluded
            start: 2026-06-01
            review-by: 2026-08-15
            outcome: 1️⃣<retained|discarded|inconclusive>
            concluded: 2026-08-14
            rollback: return to release branches cut every two weeks
            ---

            ## Learnings

            Daily merges need fast CI.
            """)])
        harness.expect("invalid-value", [
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "'outcome' is still the placeholder '<retained|discarded|inconclusive>': choose one of retained, discarded, inconclusive"),
        ])
        harness.expect("conclusion-incomplete", [])
    }

    @Test func levelAndAreaAreCheckedAgainstTheirSets() {
        let harness = RuleHarness([("improvements/review-pairs.md", """
            ---
            kind: improvement
            title: Review pull requests in pairs
            status: proposed
            origin: payments
            level: 1️⃣crossteam
            area: 2️⃣code-review
            ---
            """)])
        harness.expect("invalid-value", [
            ExpectedFinding("improvements/review-pairs.md", "1",
                "'level' cannot be 'crossteam' (did you mean 'cross-team'?); it is one of team, cross-team, system"),
            ExpectedFinding("improvements/review-pairs.md", "2",
                "'area' cannot be 'code-review'; it is one of dependencies, architecture, deployment-safety, decision-rights, policy-delay, feedback, learning-loops, flow"),
        ])
    }

    @Test func areasAddedInKaizenYmlAreAllowedAndSuggested() {
        let harness = RuleHarness(config: "areas: [onboarding, on-call]\n", [
            ("improvements/buddy-onboarding.md", """
                ---
                kind: improvement
                title: An onboarding buddy for every new engineer
                status: proposed
                origin: platform
                level: team
                area: onboarding
                ---
                """),
            ("improvements/follow-the-sun.md", """
                ---
                kind: improvement
                title: Follow-the-sun on-call rota
                status: proposed
                origin: platform
                level: cross-team
                area: 1️⃣oncall
                ---
                """),
        ])
        harness.expect("invalid-value", [
            ExpectedFinding("improvements/follow-the-sun.md", "1",
                "'area' cannot be 'oncall' (did you mean 'on-call'?); it is one of dependencies, architecture, deployment-safety, decision-rights, policy-delay, feedback, learning-loops, flow, onboarding, on-call"),
        ])
    }

    @Test func valuesFromTheirSetsPass() {
        let harness = RuleHarness([
            ("improvements/review-pairs.md", """
                ---
                kind: improvement
                title: Review pull requests in pairs
                status: trialling
                origin: payments
                level: cross-team
                area: feedback
                ---
                """),
            ("experiments/review-pairs-payments.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                improvement: review-pairs
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                start: 2026-10-01
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("constraints/change-board.md", """
                ---
                kind: constraint
                title: Weekly change-advisory board
                status: easing
                level: system
                observed: [{date: 2026-09-14, team: payments}]
                ---
                """),
        ])
        harness.expect("invalid-value", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
