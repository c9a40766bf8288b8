@testable import KaizenKit
import Testing

@Suite struct UnprovenClaimRuleTests {
    static let trunkBased = RecordFixture.improvement("trunk-based-development", status: "1️⃣proven")
    static let unproven = ExpectedFinding("improvements/trunk-based-development.md", "1",
        "marked proven, but no concluded experiment retained it: link one with 'improvement: trunk-based-development' and 'outcome: retained', or set status back to trialling")

    @Test func aProvenImprovementWithNoExperimentIsReportedAtItsStatus() {
        let harness = RuleHarness([Self.trunkBased])
        harness.expect("unproven-claim", [Self.unproven])
    }

    @Test func experimentsThatDidNotRetainItAreNoEvidence() {
        let harness = RuleHarness([
            Self.trunkBased,
            .experiment("trunk-based-payments", improvement: "trunk-based-development", status: "concluded", outcome: "discarded"),
            .experiment("trunk-based-platform", improvement: "trunk-based-development", outcome: "retained"),
        ])
        harness.expect("unproven-claim", [Self.unproven])
    }

    @Test func aProvenImprovementRetainedByAConcludedExperimentPasses() {
        let harness = RuleHarness([
            Self.trunkBased,
            .improvement("review-pairs"),
            .experiment("trunk-based-platform", improvement: "trunk-based-development", status: "concluded"),
        ])
        harness.expect("unproven-claim", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
