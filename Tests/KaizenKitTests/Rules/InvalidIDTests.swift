@testable import KaizenKit
import Testing

@Suite struct InvalidIDTests {
    @Test func aFileNameThatIsNotASlugSuggestsOne() {
        let harness = RuleHarness([
            .experiment("Review-Pairs", status: "planned").markingStart("1"),
            .improvement("trunk_based development", status: "proposed").markingStart("1"),
            .constraint("change--board").markingStart("1"),
        ])
        harness.expect("invalid-id", [
            ExpectedFinding("constraints/change--board.md", "1",
                "the id 'change--board' (the file name) is not a lowercase slug of letters, digits and single hyphens, at most 60 characters: rename the file to change-board.md"),
            ExpectedFinding("experiments/Review-Pairs.md", "1",
                "the id 'Review-Pairs' (the file name) is not a lowercase slug of letters, digits and single hyphens, at most 60 characters: rename the file to review-pairs.md"),
            ExpectedFinding("improvements/trunk_based development.md", "1",
                "the id 'trunk_based development' (the file name) is not a lowercase slug of letters, digits and single hyphens, at most 60 characters: rename the file to trunk-based-development.md"),
        ])
    }

    @Test func aTooLongIdIsCutAtAWordBoundary() {
        let harness = RuleHarness([
            .experiment("pair-review-for-every-pull-request-that-touches-the-payment-service", status: "planned").markingStart("1"),
        ])
        harness.expect("invalid-id", [
            ExpectedFinding("experiments/pair-review-for-every-pull-request-that-touches-the-payment-service.md", "1",
                "the id 'pair-review-for-every-pull-request-that-touches-the-payment-service' (the file name) is not a lowercase slug of letters, digits and single hyphens, at most 60 characters: rename the file to pair-review-for-every-pull-request-that-touches-the-payment.md"),
        ])
    }

    @Test func aFileNameWithNothingToMakeASlugFromJustAsksForARename() {
        let harness = RuleHarness([.constraint("🚧").markingStart("1")])
        harness.expect("invalid-id", [
            ExpectedFinding("constraints/🚧.md", "1",
                "the id '🚧' (the file name) is not a lowercase slug of letters, digits and single hyphens, at most 60 characters: rename the file"),
        ])
    }

    @Test func lowercaseSlugsWithDigitsPass() {
        let harness = RuleHarness([
            .experiment("2026-q4-review-pairs", status: "planned"),
            .improvement("trunk-based-development", status: "proposed"),
        ])
        harness.expect("invalid-id", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
