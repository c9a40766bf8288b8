@testable import KaizenKit
import Testing

@Suite struct NoRollbackRuleTests {
    static let advice = "say how you will reverse the change if it does harm, e.g. 'switch the review-pairs flag off and go back to single reviews'"

    @Test func aMissingOrEmptyRollbackIsReported() {
        let harness = RuleHarness([
            .experiment("review-pairs", status: "planned", rollback: .absent).markingStart("1"),
            .experiment("trunk-based-platform", status: "planned", rollback: "").markingKey("rollback", "1"),
            .experiment("change-board-bypass", status: "planned", rollback: "1️⃣\"  \""),
        ])
        harness.expect("no-rollback", [
            ExpectedFinding("experiments/change-board-bypass.md", "1", "no rollback: \(Self.advice)", severity: .warning),
            ExpectedFinding("experiments/review-pairs.md", "1", "no rollback: \(Self.advice)", severity: .warning),
            ExpectedFinding("experiments/trunk-based-platform.md", "1", "no rollback: \(Self.advice)", severity: .warning),
        ])
    }

    @Test func theTemplatePlaceholderIsReported() {
        let harness = RuleHarness([
            .experiment("review-pairs", status: "planned", rollback: "1️⃣\"<how to reverse the change if it does harm>\""),
        ])
        harness.expect("no-rollback", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the rollback still holds the placeholder '<how to reverse the change if it does harm>': \(Self.advice)", severity: .warning),
        ])
    }

    @Test func answersThatSayThereIsNoPlanAreReported() {
        let harness = RuleHarness([
            .experiment("review-pairs", status: "planned", rollback: "1️⃣N/A"),
            .experiment("trunk-based-platform", status: "planned", rollback: "1️⃣\" TBD \""),
        ])
        harness.expect("no-rollback", [
            ExpectedFinding("experiments/review-pairs.md", "1", "'N/A' is not a rollback plan: \(Self.advice)", severity: .warning),
            ExpectedFinding("experiments/trunk-based-platform.md", "1", "'TBD' is not a rollback plan: \(Self.advice)", severity: .warning),
        ])
    }

    @Test func aRollbackOfTheWrongTypeIsLeftToWrongType() {
        let harness = RuleHarness([.experiment("review-pairs", status: "planned", rollback: "{flag: review-pairs, set: off}")])
        harness.expect("no-rollback", [])
        #expect(harness.diagnostics().map(\.rule) == ["wrong-type"])
    }

    @Test func aRollbackThatSaysHowToReverseThePracticePasses() {
        let harness = RuleHarness([
            .experiment("review-pairs", status: "planned", rollback: "switch the review-pairs flag off and go back to single reviews"),
            .experiment("change-board-bypass", status: "planned", rollback: """
                |
                Withdraw the pre-approval list.
                Send every change to the Thursday board again.
                """),
        ])
        harness.expect("no-rollback", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
