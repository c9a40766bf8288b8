@testable import KaizenKit
import Testing

@Suite struct ExpiresSoonRuleTests {
    @Test func aRunningExperimentWithinTheNoticeIsReportedWithTheDaysLeft() {
        let harness = RuleHarness([
            .experiment("review-pairs", reviewBy: "1️⃣2026-11-21"),
            .experiment("trunk-based-platform", reviewBy: "1️⃣2026-12-04"),
        ])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires in 1 day, on 2026-11-21: plan its review, then conclude or extend it"),
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "the experiment expires in 14 days, on 2026-12-04: plan its review, then conclude or extend it"),
        ])
    }

    @Test func anExperimentDueTodayExpiresToday() {
        let harness = RuleHarness([.experiment("review-pairs", reviewBy: "1️⃣2026-11-20")])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires today: plan its review, then conclude or extend it"),
        ])
    }

    @Test func theLatestExtensionSetsTheDeadline() {
        let harness = RuleHarness([
            .experiment("review-pairs", reviewBy: "2026-11-10", extensions: "[{until: 1️⃣2026-11-27, reason: too few reviews during the release freeze}]"),
        ])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires in 7 days, on 2026-11-27: plan its review, then conclude or extend it"),
        ])
    }

    @Test func theNoticeComesFromKaizenYml() {
        let harness = RuleHarness(config: "expiry-notice-days: 3\n", [
            .experiment("review-pairs", reviewBy: "1️⃣2026-11-23"),
            .experiment("trunk-based-platform", reviewBy: "2026-11-24"),
        ])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires in 3 days, on 2026-11-23: plan its review, then conclude or extend it"),
        ])
    }

    /// A warning by default, an error where kaizen.yml says so: the harness
    /// expects the configured severity.
    @Test func theSeverityComesFromKaizenYml() {
        let harness = RuleHarness(config: "rules: {expires-soon: error}\n", [.experiment("review-pairs", reviewBy: "1️⃣2026-11-21")])
        harness.expect("expires-soon", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment expires in 1 day, on 2026-11-21: plan its review, then conclude or extend it"),
        ])
        #expect(harness.findings("expires-soon").map(\.severity) == [.error])
    }

    @Test func experimentsWithTimeLeftOrNotRunningPass() {
        let harness = RuleHarness([
            .experiment("review-pairs", reviewBy: "2026-12-05"),
            .experiment("change-board-bypass", status: "planned", reviewBy: "2026-11-25"),
            .experiment("trunk-based-platform", status: "concluded", reviewBy: "2026-11-25"),
        ])
        harness.expect("expires-soon", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
