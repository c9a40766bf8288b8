@testable import KaizenKit
import Testing

@Suite struct PossibleDuplicateRuleTests {
    static let pairsSummary = RecordFixture.Value.summary("Two developers review every pull request together before merging.")

    @Test func twoImprovementsThatShareMostWordsAreEachReported() {
        let harness = RuleHarness([
            .improvement("review-pairs", title: "1️⃣Review pull requests in pairs", area: "feedback",
                         body: Self.pairsSummary),
            .improvement("pair-review", title: "1️⃣Pair review of pull requests", status: "proposed", area: "feedback",
                         body: .summary("Every pull request is reviewed by two developers together before merge.")),
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
            .improvement("trunk-based-development", title: "1️⃣Trunk-based development", status: "proposed", body: """
                ## Summary

                Merge small changes to trunk daily behind feature flags.

                ## Context

                Needs a pipeline under ten minutes.
                """),
            .improvement("daily-merges", title: "1️⃣Daily merges to trunk", status: "proposed", body: """
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
            .improvement("review-pairs", title: "Review pull requests in pairs", area: "feedback",
                         body: Self.pairsSummary),
            .improvement("standard-changes", title: "Pre-approved standard changes", status: "proposed", level: "system", area: "policy-delay",
                         body: .summary("Routine changes from an agreed list skip the weekly change-advisory board.")),
            .improvement("pairing", title: "Pair review", status: "proposed", area: "feedback"),
            .experiment("review-pairs-payments", title: "Review pull requests in pairs", improvement: "review-pairs", status: "planned",
                        body: Self.pairsSummary),
        ])
        harness.expect("possible-duplicate", [])
        #expect(harness.diagnostics().isEmpty)
    }

    /// Two testing practices in the same area with the same tags share their
    /// labels and some words (test, ci, merge), 29 % similar, but are not one practice.
    @Test func sameAreaAndTagsButDifferentPracticesPass() {
        let harness = RuleHarness([
            .improvement("flaky-quarantine", title: "Quarantine flaky tests automatically", status: "proposed", area: "feedback",
                         tags: "[ci, testing]", body: """
                ## Summary

                A test that fails and then passes on a retry of the same commit moves to a quarantine suite that no longer blocks merges.

                ## Context

                Needs a CI pipeline that records retries per test.
                """),
            .improvement("contract-tests", title: "Contract tests instead of end-to-end tests", status: "proposed", area: "feedback",
                         tags: "[ci, testing]", body: """
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
        func improvement(_ id: String, _ summary: String) -> RecordFixture {
            .improvement(id, title: "1️⃣Trunk-based development", status: "proposed", body: .summary(summary))
        }
        return RuleHarness([
            improvement("trunk-checkout", "Merge small changes to trunk daily behind feature flags, deleting release branches."),
            improvement("trunk-mobile", "Merge small changes to trunk daily behind feature flags, deleting release branches entirely."),
            improvement("trunk-payments", "Merge small changes to trunk daily behind feature flags."),
        ])
    }

    /// Retiring the twin, as the advice says, settles it: a retired
    /// improvement is neither reported nor named as another's twin.
    @Test func aRetiredTwinIsSettled() {
        func twin(_ id: String, status: RecordFixture.Value) -> RecordFixture {
            .improvement(id, title: "Review pull requests in pairs", status: status, area: "feedback",
                         body: Self.pairsSummary)
        }
        let harness = RuleHarness([twin("review-pairs", status: "trialling"), twin("pair-review", status: "retired")])
        harness.expect("possible-duplicate", [])
    }
}
