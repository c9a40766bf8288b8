@testable import KaizenKit
import Testing

@Suite struct PossibleDuplicateRuleTests {
    @Test func twoImprovementsThatShareMostWordsAreEachReported() {
        let harness = RuleHarness([
            ("improvements/review-pairs.md", """
                ---
                kind: improvement
                title: 1️⃣Review pull requests in pairs
                status: trialling
                origin: payments
                level: team
                area: feedback
                ---

                ## Summary

                Two developers review every pull request together before merging.
                """),
            ("improvements/pair-review.md", """
                ---
                kind: improvement
                title: 1️⃣Pair review of pull requests
                status: proposed
                origin: platform
                level: team
                area: feedback
                ---

                ## Summary

                Every pull request is reviewed by two developers together before merge.
                """),
        ])
        harness.expect("possible-duplicate", [
            ExpectedFinding("improvements/pair-review.md", "1",
                "this improvement reads much like 'review-pairs' (73% of words shared): if it is the same practice, build on that record instead of starting another"),
            ExpectedFinding("improvements/review-pairs.md", "1",
                "this improvement reads much like 'pair-review' (73% of words shared): if it is the same practice, build on that record instead of starting another"),
        ])
    }

    @Test func onlyTheTitleAndSummaryAreCompared() {
        let harness = RuleHarness([
            ("improvements/trunk-based-development.md", """
                ---
                kind: improvement
                title: 1️⃣Trunk-based development
                status: proposed
                origin: platform
                level: team
                area: flow
                ---

                ## Summary

                Merge small changes to trunk daily behind feature flags.

                ## Context

                Needs a pipeline under ten minutes.
                """),
            ("improvements/daily-merges.md", """
                ---
                kind: improvement
                title: 1️⃣Daily merges to trunk
                status: proposed
                origin: payments
                level: team
                area: flow
                ---

                ## Summary

                Small changes merge to trunk daily, hidden behind feature flags.

                ## Context

                Works only with release toggles, a canary stage and a rollback button.
                """),
        ])
        harness.expect("possible-duplicate", [
            ExpectedFinding("improvements/daily-merges.md", "1",
                "this improvement reads much like 'trunk-based-development' (73% of words shared): if it is the same practice, build on that record instead of starting another"),
            ExpectedFinding("improvements/trunk-based-development.md", "1",
                "this improvement reads much like 'daily-merges' (73% of words shared): if it is the same practice, build on that record instead of starting another"),
        ])
    }

    @Test func differentPracticesShortTextsAndExperimentsPass() {
        let harness = RuleHarness([
            ("improvements/review-pairs.md", """
                ---
                kind: improvement
                title: Review pull requests in pairs
                status: trialling
                origin: payments
                level: team
                area: feedback
                ---

                ## Summary

                Two developers review every pull request together before merging.
                """),
            ("improvements/standard-changes.md", """
                ---
                kind: improvement
                title: Pre-approved standard changes
                status: proposed
                origin: platform
                level: system
                area: policy-delay
                ---

                ## Summary

                Routine changes from an agreed list skip the weekly change-advisory board.
                """),
            ("improvements/pairing.md", """
                ---
                kind: improvement
                title: Pair review
                status: proposed
                origin: platform
                level: team
                area: feedback
                ---
                """),
            ("experiments/review-pairs-payments.md", """
                ---
                kind: experiment
                title: Review pull requests in pairs
                teams: [payments]
                improvement: review-pairs
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---

                ## Summary

                Two developers review every pull request together before merging.
                """),
        ])
        harness.expect("possible-duplicate", [])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test func aClusterOfLookalikesReportsEachRecordOnceWithItsClosestTwin() {
        func improvement(_ id: String, _ team: String, _ summary: String) -> (String, String) {
            ("improvements/\(id).md", """
                ---
                kind: improvement
                title: 1️⃣Trunk-based development
                status: proposed
                origin: \(team)
                level: team
                area: flow
                ---

                ## Summary

                \(summary)
                """)
        }
        let harness = RuleHarness([
            improvement("trunk-checkout", "checkout", "Merge small changes to trunk daily behind feature flags, deleting release branches."),
            improvement("trunk-mobile", "mobile", "Merge small changes to trunk daily behind feature flags, deleting release branches entirely."),
            improvement("trunk-payments", "payments", "Merge small changes to trunk daily behind feature flags."),
        ])
        harness.expect("possible-duplicate", [
            ExpectedFinding("improvements/trunk-checkout.md", "1",
                "this improvement reads much like 'trunk-mobile' (93% of words shared, and 1 other improvement like it): if it is the same practice, build on that record instead of starting another"),
            ExpectedFinding("improvements/trunk-mobile.md", "1",
                "this improvement reads much like 'trunk-checkout' (93% of words shared, and 1 other improvement like it): if it is the same practice, build on that record instead of starting another"),
            ExpectedFinding("improvements/trunk-payments.md", "1",
                "this improvement reads much like 'trunk-checkout' (77% of words shared, and 1 other improvement like it): if it is the same practice, build on that record instead of starting another"),
        ])
    }
}
