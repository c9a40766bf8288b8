@testable import KaizenKit
import Testing

@Suite struct UnprovenClaimRuleTests {
    static let trunkBased = """
        ---
        kind: improvement
        title: Trunk-based development
        status: 1️⃣proven
        origin: platform
        level: team
        area: flow
        ---

        ## Summary

        Everyone merges small changes to trunk at least daily; unfinished work hides behind feature flags.

        ## Context

        Works for teams with a pipeline under ten minutes and a feature-flag service.

        ## Implementation guide

        1. Cut the pipeline below ten minutes.
        2. Add a feature-flag library.
        3. Stop cutting release branches.

        ## Adaptation notes

        Teams shipping mobile apps kept a short release branch for store submission.
        """

    @Test func aProvenImprovementWithNoExperimentIsReportedAtItsStatus() {
        let harness = RuleHarness([("improvements/trunk-based-development.md", Self.trunkBased)])
        harness.expect("unproven-claim", [
            ExpectedFinding("improvements/trunk-based-development.md", "1",
                "marked proven, but no concluded experiment retained it: link one with 'improvement: trunk-based-development' and 'outcome: retained', or set status back to trialling"),
        ])
    }

    @Test func experimentsThatDidNotRetainItAreNoEvidence() {
        let harness = RuleHarness([
            ("improvements/trunk-based-development.md", Self.trunkBased),
            ("experiments/trunk-based-payments.md", """
                ---
                kind: experiment
                title: Trunk-based development in the payments team
                teams: [payments]
                improvement: trunk-based-development
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5, result: 9}]
                status: concluded
                start: 2026-06-01
                review-by: 2026-08-15
                outcome: discarded
                concluded: 2026-08-14
                rollback: return to release branches cut every two weeks
                ---

                ## Learnings

                The weekly change board held every release, so merging daily changed nothing.
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                improvement: trunk-based-development
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5}]
                status: running
                start: 2026-10-01
                review-by: 2026-12-18
                outcome: retained
                rollback: return to release branches cut every two weeks
                ---
                """),
        ])
        harness.expect("unproven-claim", [
            ExpectedFinding("improvements/trunk-based-development.md", "1",
                "marked proven, but no concluded experiment retained it: link one with 'improvement: trunk-based-development' and 'outcome: retained', or set status back to trialling"),
        ])
    }

    @Test func aProvenImprovementRetainedByAConcludedExperimentPasses() {
        let harness = RuleHarness([
            ("improvements/trunk-based-development.md", Self.trunkBased),
            ("improvements/review-pairs.md", """
                ---
                kind: improvement
                title: Review pull requests in pairs
                status: trialling
                origin: payments
                level: team
                area: feedback
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                improvement: trunk-based-development
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5, result: 4}]
                status: concluded
                start: 2026-06-01
                review-by: 2026-08-15
                outcome: retained
                concluded: 2026-08-14
                rollback: return to release branches cut every two weeks
                ---

                ## Learnings

                Daily merges need fast CI: the team cut the pipeline to eight minutes first.
                """),
        ])
        harness.expect("unproven-claim", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
