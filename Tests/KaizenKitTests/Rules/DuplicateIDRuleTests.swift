@testable import KaizenKit
import Testing

@Suite struct DuplicateIDRuleTests {
    @Test func theSameIdInTwoFoldersIsReportedInBothFiles() {
        let harness = RuleHarness([
            .improvement("review-pairs").markingStart("1"),
            .experiment("review-pairs", status: "planned").markingStart("1"),
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
            .improvement("trunk-based-development", status: "proposed").markingStart("1"),
            .improvement("Trunk-Based-Development", status: "proposed").markingStart("1"),
            .experiment("trunk-based-development", in: "experiments/subfolder", status: "planned").markingStart("1"),
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
            .improvement("review-pairs"),
            .experiment("review-pairs-payments", improvement: "review-pairs", status: "planned"),
        ])
        harness.expect("duplicate-id", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
