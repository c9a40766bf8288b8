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
                "this improvement reads much like 'review-pairs' (87% similar, sharing pull, request, review): if it is the same practice, build on that record instead: move what this one adds into it, and retire this one"),
            ExpectedFinding("improvements/review-pairs.md", "1",
                "this improvement reads much like 'pair-review' (87% similar, sharing pull, request, review): if it is the same practice, build on that record instead: move what this one adds into it, and retire this one"),
        ])
    }

    /// The same practice written up twice, titled differently and with a
    /// different Context: the Context's words lower the similarity (the
    /// whole record is compared), but the title, summary and area still make
    /// it reach the threshold.
    @Test func theSamePracticeWithADifferentContextIsReported() {
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
                "this improvement reads much like 'trunk-based-development' (54% similar, sharing trunk, flow, daily): if it is the same practice, build on that record instead: move what this one adds into it, and retire this one"),
            ExpectedFinding("improvements/trunk-based-development.md", "1",
                "this improvement reads much like 'daily-merges' (54% similar, sharing trunk, flow, daily): if it is the same practice, build on that record instead: move what this one adds into it, and retire this one"),
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

    /// Two testing practices in the same area with the same tags share their
    /// labels and some words (test, ci, merge), 29 % similar, but are not one practice.
    @Test func sameAreaAndTagsButDifferentPracticesPass() {
        let harness = RuleHarness([
            ("improvements/flaky-quarantine.md", """
                ---
                kind: improvement
                title: Quarantine flaky tests automatically
                status: proposed
                origin: checkout
                level: team
                area: feedback
                tags: [ci, testing]
                ---

                ## Summary

                A test that fails and then passes on a retry of the same commit moves to a quarantine suite that no longer blocks merges.

                ## Context

                Needs a CI pipeline that records retries per test.
                """),
            ("improvements/contract-tests.md", """
                ---
                kind: improvement
                title: Contract tests instead of end-to-end tests
                status: proposed
                origin: payments
                level: team
                area: feedback
                tags: [ci, testing]
                ---

                ## Summary

                Consumers publish the interactions they rely on as pacts, and providers verify them in their own pipeline on every merge.

                ## Context

                Needs a pact broker that both teams can reach.
                """),
        ])
        harness.expect("possible-duplicate", [])
    }

    @Test func aClusterOfLookalikesReportsEachRecordOnceWithItsClosestTwin() {
        let harness = Self.cluster()
        harness.expect("possible-duplicate", [
            ExpectedFinding("improvements/trunk-checkout.md", "1",
                "this improvement reads much like 'trunk-mobile' (95% similar, sharing trunk, based, development), and like 1 other improvement: if it is the same practice, build on that record instead: move what this one adds into it, and retire this one"),
            ExpectedFinding("improvements/trunk-mobile.md", "1",
                "this improvement reads much like 'trunk-checkout' (95% similar, sharing trunk, based, development), and like 1 other improvement: if it is the same practice, build on that record instead: move what this one adds into it, and retire this one"),
            ExpectedFinding("improvements/trunk-payments.md", "1",
                "this improvement reads much like 'trunk-checkout' (90% similar, sharing trunk, based, development), and like 1 other improvement: if it is the same practice, build on that record instead: move what this one adds into it, and retire this one"),
        ])
    }

    /// A check of a few files (the pre-commit hook, an editor's buffer)
    /// compares just those with every improvement: each gets the finding the
    /// whole check gives it.
    @Test func aCheckOfSomeFilesReportsWhatTheWholeCheckReportsForThem() {
        let whole = Self.cluster().findings("possible-duplicate")
        for scope in [["improvements/trunk-payments.md"], ["improvements/trunk-checkout.md", "improvements/trunk-mobile.md"]] {
            var harness = Self.cluster()
            harness.scope = Set(scope)
            #expect(harness.findings("possible-duplicate") == whole.filter { scope.contains($0.path) })
        }
    }

    static func cluster() -> RuleHarness {
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
        return RuleHarness([
            improvement("trunk-checkout", "checkout", "Merge small changes to trunk daily behind feature flags, deleting release branches."),
            improvement("trunk-mobile", "mobile", "Merge small changes to trunk daily behind feature flags, deleting release branches entirely."),
            improvement("trunk-payments", "payments", "Merge small changes to trunk daily behind feature flags."),
        ])
    }

    /// Retiring the twin, as the advice says, settles it: a retired
    /// improvement is neither reported nor named as another's twin.
    @Test func aRetiredTwinIsSettled() {
        let text = { (status: String) in
            """
            ---
            kind: improvement
            title: Review pull requests in pairs
            status: \(status)
            origin: payments
            level: team
            area: feedback
            ---

            ## Summary

            Two developers review every pull request together before merging.
            """
        }
        let harness = RuleHarness([("improvements/review-pairs.md", text("trialling")), ("improvements/pair-review.md", text("retired"))])
        harness.expect("possible-duplicate", [])
    }
}
