@testable import KaizenKit
import Testing

@Suite struct TooLongRuleTests {
    @Test func anExperimentPlannedOverNinetyDaysIsReportedAtItsReviewDate() {
        let harness = RuleHarness([.experiment("trunk-based-platform", start: "2026-09-01", reviewBy: "1️⃣2026-12-15")])
        harness.expect("too-long", [
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "the experiment runs 105 days (2026-09-01 to 2026-12-15), over the 90-day maximum (max-experiment-days): shorten it or split it into smaller experiments"),
        ])
    }

    @Test func extensionsCountTowardsTheDuration() {
        let harness = RuleHarness([.experiment("review-pairs", start: "2026-09-01", reviewBy: "2026-11-25",
                                               extensions: "[{until: 1️⃣2026-12-10, reason: too few reviews during the release freeze}]")])
        harness.expect("too-long", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment runs 100 days (2026-09-01 to 2026-12-10, extensions included), over the 90-day maximum (max-experiment-days): shorten it or split it into smaller experiments"),
        ])
    }

    @Test func thePlannedDatesOfAnExperimentNotYetStartedAreChecked() {
        let harness = RuleHarness([.experiment("change-board-bypass", status: "planned", start: "2027-01-11", reviewBy: "1️⃣2027-06-30")])
        harness.expect("too-long", [
            ExpectedFinding("experiments/change-board-bypass.md", "1",
                "the experiment runs 170 days (2027-01-11 to 2027-06-30), over the 90-day maximum (max-experiment-days): shorten it or split it into smaller experiments"),
        ])
    }

    @Test func theMaximumComesFromKaizenYml() {
        let harness = RuleHarness(config: "max-experiment-days: 30\n", [
            .experiment("review-pairs", start: "2026-11-02", reviewBy: "1️⃣2026-12-04"),
            .experiment("trunk-based-platform", start: "2026-11-16", reviewBy: "2026-12-16"),
        ])
        harness.expect("too-long", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the experiment runs 32 days (2026-11-02 to 2026-12-04), over the 30-day maximum (max-experiment-days): shorten it or split it into smaller experiments"),
        ])
    }

    @Test func experimentsWithinTheMaximumPass() {
        let harness = RuleHarness([
            .experiment("review-pairs", reviewBy: "2026-12-30"),
            .experiment("trunk-based-platform", start: "2026-10-15", reviewBy: "2026-11-30",
                        extensions: "[{until: 2027-01-13, reason: the December change freeze stops all merges}]"),
        ])
        harness.expect("too-long", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
