@testable import KaizenKit
import Testing

@Suite struct WIPLimitRuleTests {
    @Test func theExperimentStartedLastIsTheOneOverTheDefaultLimit() {
        let harness = RuleHarness([
            .experiment("review-pairs", start: "2026-10-01"),
            .experiment("mob-programming", start: "2026-10-08"),
            .experiment("contract-tests", start: "2026-10-15"),
            .experiment("trunk-based-payments", teams: "[1️⃣payments]", start: "2026-11-02"),
        ])
        harness.expect("wip-limit", [
            ExpectedFinding("experiments/trunk-based-payments.md", "1",
                "team 'payments' runs 4 experiments at once, over its limit of 3 (started earlier: review-pairs, mob-programming, contract-tests): conclude one before starting another, or change wip-limit in kaizen.yml"),
        ])
    }

    @Test func aTeamsOwnLimitAppliesToJointExperimentsAtItsEntry() {
        let harness = RuleHarness(config: "teams: {payments: {wip-limit: 1}, platform: {}}\n", [
            .experiment("review-pairs", start: "2026-10-01"),
            .experiment("joint-trunk-based", teams: "[platform, 1️⃣payments]", start: "2026-10-20"),
        ])
        harness.expect("wip-limit", [
            ExpectedFinding("experiments/joint-trunk-based.md", "1",
                "team 'payments' runs 2 experiments at once, over its limit of 1 (started earlier: review-pairs): conclude one before starting another, or change wip-limit in kaizen.yml"),
        ])
    }

    @Test func sameDayStartsAreOrderedByIdAndUnknownStartsComeLast() {
        let harness = RuleHarness(config: "wip-limit: 1\n", [
            .experiment("canary-releases", teams: "[1️⃣platform]", start: "2026-10-05"),
            .experiment("blue-green-deploys", teams: "[platform]", start: "2026-10-05"),
            .experiment("feature-flags", teams: "[1️⃣platform]", start: .absent),
        ])
        let over = "team 'platform' runs 3 experiments at once, over its limit of 1 (started earlier: blue-green-deploys): "
            + "conclude one before starting another, or change wip-limit in kaizen.yml"
        harness.expect("wip-limit", [
            ExpectedFinding("experiments/canary-releases.md", "1", over),
            ExpectedFinding("experiments/feature-flags.md", "1", over),
        ])
    }

    @Test func runningExperimentsWithinTheLimitPass() {
        let harness = RuleHarness([
            .experiment("review-pairs", teams: "[payments, payments]", start: "2026-10-01"),
            .experiment("mob-programming", start: "2026-10-08"),
            .experiment("contract-tests", teams: "[payments, platform]", start: "2026-10-15"),
            .experiment("change-board-bypass", status: "planned", reviewBy: "2027-01-29"),
            .experiment("trunk-based-payments", status: "concluded", outcome: "inconclusive"),
        ])
        harness.expect("wip-limit", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
