@testable import KaizenKit
import Testing

@Suite struct DateOrderRuleTests {
    @Test func aReviewBeforeTheStartIsReportedAtTheReviewDate() {
        let harness = RuleHarness([.experiment("review-pairs", status: "planned", start: "2026-12-07", reviewBy: "1️⃣2026-11-30")])
        harness.expect("date-order", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "review-by 2026-11-30 is before start 2026-12-07: the review comes after the experiment starts"),
        ])
    }

    @Test func aRunningExperimentCannotStartInTheFuture() {
        let harness = RuleHarness([.experiment("review-pairs", start: "1️⃣2026-11-23")])
        harness.expect("date-order", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "start 2026-11-23 is in the future (today is 2026-11-20) but the status is running: set status to planned until it starts"),
        ])
    }

    @Test func aConclusionBeforeTheStartOrInTheFutureIsReported() {
        let harness = RuleHarness([
            .experiment("trunk-based-platform", status: "concluded", start: "2026-06-01", reviewBy: "2026-08-15",
                        concluded: "1️⃣2026-05-29"),
            .experiment("review-pairs", status: "concluded", concluded: "1️⃣2026-11-27"),
        ])
        harness.expect("date-order", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "concluded 2026-11-27 is in the future (today is 2026-11-20): write the date it actually concluded"),
            ExpectedFinding("experiments/trunk-based-platform.md", "1", "concluded 2026-05-29 is before start 2026-06-01: correct whichever date is wrong"),
        ])
    }

    @Test func eachExtensionMustMoveTheDeadlineLater() {
        let harness = RuleHarness([.experiment("review-pairs", reviewBy: "2026-11-15", extensions: """
            - until: 1️⃣2026-11-10
              reason: the release freeze
            - until: 2026-12-04
              reason: too few reviews during the release freeze
            - until: 2️⃣2026-12-04
              reason: two reviewers on leave
            """)])
        harness.expect("date-order", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "extension 1 does not extend: until 2026-11-10 is not after 2026-11-15; extensions are listed in order, each moving the deadline later"),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "extension 3 does not extend: until 2026-12-04 is not after 2026-12-04; extensions are listed in order, each moving the deadline later"),
        ])
    }

    @Test func anObservationCannotBeInTheFuture() {
        let harness = RuleHarness([
            .constraint("change-board", observed: "[{date: 2026-09-14, team: payments}, {date: 1️⃣2026-12-02, team: platform, note: the December board is already full}]"),
        ])
        harness.expect("date-order", [
            ExpectedFinding("constraints/change-board.md", "1",
                "observed 2026-12-02 is in the future (today is 2026-11-20): write the date it was seen"),
        ])
    }

    @Test func datesInTheirOrderPass() {
        let harness = RuleHarness([
            .experiment("review-pairs", start: "2026-09-30", reviewBy: "2026-11-15",
                        extensions: "[{until: 2026-12-04, reason: too few reviews during the release freeze}, {until: 2026-12-18, reason: two reviewers on leave}]"),
            .experiment("trunk-based-platform", status: "concluded", start: "2026-09-01", reviewBy: "2026-11-20",
                        concluded: "2026-11-20"),
            .experiment("change-board-bypass", status: "planned", start: "2027-01-11", reviewBy: "2027-03-05"),
            .constraint("change-board", observed: "[{date: 2026-09-14, team: payments}, {date: 2026-11-20, team: platform}]"),
        ])
        harness.expect("date-order", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
