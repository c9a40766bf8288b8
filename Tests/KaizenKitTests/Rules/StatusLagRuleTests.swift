@testable import KaizenKit
import Testing

@Suite struct StatusLagRuleTests {
    @Test func aProposedImprovementWithARunningOrConcludedExperimentShouldBeTrialling() {
        let harness = RuleHarness([
            .improvement("review-pairs", status: "1️⃣proposed"),
            .experiment("pairs-payments", improvement: "review-pairs"),
            .experiment("pairs-checkout", improvement: "review-pairs", status: "concluded", outcome: "discarded"),
            .experiment("pairs-mobile", improvement: "review-pairs", status: "planned"),
        ])
        harness.expect("status-lag", [
            ExpectedFinding("improvements/review-pairs.md", "1",
                            "proposed, but 'pairs-checkout', 'pairs-payments' have trialled it: set 'status: trialling'"),
        ])
    }

    @Test func aRetainedExperimentMakesAProposedOrTriallingImprovementProven() {
        for status in ["proposed", "trialling"] {
            let harness = RuleHarness([
                .improvement("review-pairs", status: "1️⃣\(status)"),
                .experiment("pairs-payments", improvement: "review-pairs", status: "concluded", outcome: "retained"),
                .experiment("pairs-checkout", improvement: "review-pairs"),
            ])
            harness.expect("status-lag", [
                ExpectedFinding("improvements/review-pairs.md", "1", "\(status), but 'pairs-payments' retained it: set 'status: proven'"),
            ])
        }
    }

    @Test func statusesThatMatchTheirExperimentsPass() {
        let harness = RuleHarness([
            .improvement("planned-only", status: "proposed"),
            .experiment("planned-pairs", improvement: "planned-only", status: "planned"),
            .improvement("trialled", status: "trialling"),
            .experiment("trial", improvement: "trialled"),
            .improvement("retained", status: "proven"),
            .experiment("kept", improvement: "retained", status: "concluded", outcome: "retained"),
            // Retired is a decision, whatever its experiments showed.
            .improvement("dropped", status: "retired"),
            .experiment("dropped-trial", improvement: "dropped", status: "concluded", outcome: "retained"),
            .improvement("untouched", status: "proposed"),
        ])
        harness.expect("status-lag", [])
    }
}
