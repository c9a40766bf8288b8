@testable import KaizenKit
import Testing

@Suite struct DeadlineMovedRuleTests {
    static let path = "experiments/review-pairs.md"
    static let holidays = "- until: 2026-12-15\n  reason: half the team on holiday"

    /// The experiment, due for review on 2026-12-01 unless `reviewBy` says otherwise.
    static func experiment(status: RecordFixture.Value = "running", reviewBy: RecordFixture.Value = "2026-12-01",
                           extensions: RecordFixture.Value = .absent) -> RecordFixture {
        .experiment("review-pairs", status: status, reviewBy: reviewBy, extensions: extensions)
    }

    /// The whole message for a deadline moved from `was` to `now`; `what` says what moved it.
    static func moved(_ what: String, _ was: String, _ now: String) -> String {
        "\(what) moved from \(was) to \(now) without a new extensions entry: put the old date back and add `- {until: \(now), reason: ...}` under extensions"
    }

    @Test func movingReviewByLaterFires() {
        let harness = RuleHarness(before: [Self.experiment()], after: [Self.experiment(reviewBy: "1️⃣2026-12-31")])
        harness.expect("deadline-moved", [ExpectedFinding(Self.path, "1", Self.moved("review-by", "2026-12-01", "2026-12-31"))])
    }

    @Test func editingAnExtensionInPlaceFires() {
        let harness = RuleHarness(
            before: [Self.experiment(extensions: .text(Self.holidays))],
            after: [Self.experiment(extensions: "- until: 1️⃣2027-01-15\n  reason: half the team on holiday")])
        harness.expect("deadline-moved", [
            ExpectedFinding(Self.path, "1", Self.moved("an existing extension's until was", "2026-12-15", "2027-01-15")),
        ])
    }

    // Appending a short extension must not cover for an old one pushed far out.
    @Test func editingAnExtensionInPlaceWhileAppendingAShorterOneFires() {
        let harness = RuleHarness(
            before: [Self.experiment(extensions: .text(Self.holidays))],
            after: [Self.experiment(extensions: """
                - until: 1️⃣2027-02-15
                  reason: half the team on holiday
                - {until: 2026-12-20, reason: too few reviews over the holidays}
                """)])
        harness.expect("deadline-moved", [
            ExpectedFinding(Self.path, "1", Self.moved("an existing extension's until was", "2026-12-15", "2027-02-15")),
        ])
    }

    @Test func aNewExtensionWithoutAReasonFiresAtItsDate() {
        let harness = RuleHarness(
            before: [Self.experiment(extensions: .text(Self.holidays))],
            after: [Self.experiment(extensions: .text(Self.holidays + "\n- {until: 1️⃣2026-12-31, reason: \"  \"}"))])
        harness.expect("deadline-moved", [
            ExpectedFinding(Self.path, "1",
                "extension 2 moves the deadline from 2026-12-15 to 2026-12-31 without a reason: say under its reason why the experiment needs longer"),
        ])
    }

    @Test func reviewByMovedPastTheNewExtensionFires() {
        let harness = RuleHarness(before: [Self.experiment()],
                                  after: [Self.experiment(reviewBy: "1️⃣2027-01-31", extensions: .text(Self.holidays))])
        harness.expect("deadline-moved", [ExpectedFinding(Self.path, "1", Self.moved("review-by", "2026-12-01", "2027-01-31"))])
    }

    @Test func appendingAnExtensionIsTheLegitimateWay() {
        let harness = RuleHarness(before: [Self.experiment()], after: [Self.experiment(extensions: .text(Self.holidays))])
        harness.expectNoHistoryFindings()
    }

    // Some teams keep review-by equal to the current deadline; the extension still says why.
    @Test func appendingAnExtensionAndMovingReviewByToItsDateIsAllowed() {
        let harness = RuleHarness(before: [Self.experiment()],
                                  after: [Self.experiment(reviewBy: "2026-12-15", extensions: .text(Self.holidays))])
        harness.expectNoHistoryFindings()
    }

    @Test func appendingASecondExtensionIsAllowed() {
        let harness = RuleHarness(
            before: [Self.experiment(extensions: .text(Self.holidays))],
            after: [Self.experiment(extensions: .text(Self.holidays + "\n- {until: 2027-01-31, reason: too few reviews over the holidays}"))])
        harness.expectNoHistoryFindings()
    }

    @Test func aDeadlineOnlyMattersOnceTheExperimentRuns() {
        let planned = RuleHarness(before: [Self.experiment(status: "planned")],
                                  after: [Self.experiment(status: "planned", reviewBy: "2027-03-01")])
        planned.expectNoHistoryFindings()
        let earlier = RuleHarness(before: [Self.experiment()], after: [Self.experiment(reviewBy: "2026-11-25")])
        earlier.expectNoHistoryFindings()
    }
}
