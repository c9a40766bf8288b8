@testable import KaizenKit
import Testing

@Suite struct DuplicateIDRuleTests {
    @Test func theSameIdInTwoFoldersIsReportedInBothFiles() {
        let harness = RuleHarness([
            ("improvements/review-pairs.md", """
                1️⃣---
                kind: improvement
                title: Review pull requests in pairs
                status: trialling
                origin: payments
                level: team
                area: feedback
                ---
                """),
            ("experiments/review-pairs.md", """
                1️⃣---
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
        ])
        harness.expect("duplicate-id", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the id 'review-pairs' is also used by improvements/review-pairs.md: ids are unique across all kinds, ignoring case; rename one of the files"),
            ExpectedFinding("improvements/review-pairs.md", "1",
                "the id 'review-pairs' is also used by experiments/review-pairs.md: ids are unique across all kinds, ignoring case; rename one of the files"),
        ])
    }

    @Test func idsThatDifferOnlyInCaseCollide() {
        let harness = RuleHarness([
            ("improvements/trunk-based-development.md", """
                1️⃣---
                kind: improvement
                title: Trunk-based development
                status: proposed
                origin: platform
                level: team
                area: flow
                ---
                """),
            ("improvements/Trunk-Based-Development.md", """
                1️⃣---
                kind: improvement
                title: Trunk-based development with feature flags
                status: proposed
                origin: payments
                level: team
                area: flow
                ---
                """),
            ("experiments/subfolder/trunk-based-development.md", """
                1️⃣---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5}]
                status: planned
                review-by: 2026-12-18
                rollback: return to release branches cut every two weeks
                ---
                """),
        ])
        harness.expect("duplicate-id", [
            ExpectedFinding("experiments/subfolder/trunk-based-development.md", "1",
                "the id 'trunk-based-development' is also used by improvements/Trunk-Based-Development.md, improvements/trunk-based-development.md: ids are unique across all kinds, ignoring case; rename one of the files"),
            ExpectedFinding("improvements/Trunk-Based-Development.md", "1",
                "the id 'Trunk-Based-Development' is also used by experiments/subfolder/trunk-based-development.md, improvements/trunk-based-development.md: ids are unique across all kinds, ignoring case; rename one of the files"),
            ExpectedFinding("improvements/trunk-based-development.md", "1",
                "the id 'trunk-based-development' is also used by experiments/subfolder/trunk-based-development.md, improvements/Trunk-Based-Development.md: ids are unique across all kinds, ignoring case; rename one of the files"),
        ])
    }

    @Test func distinctIdsPass() {
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
                """),
            ("experiments/review-pairs-payments.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                improvement: review-pairs
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
        ])
        harness.expect("duplicate-id", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
