@testable import KaizenKit
import Testing

@Suite struct IllegalTransitionRuleTests {
    static let experimentPath = "experiments/review-pairs.md"
    static let improvementPath = "improvements/review-pairs.md"
    static let reopened = "a concluded or running experiment cannot be reopened; start a new experiment to try again"
    static let onlyForward = "an improvement's status only moves forward (proposed → trialling → proven → retired); record new doubts in an experiment"

    static func experiment(_ status: RecordFixture.Value, outcome: RecordFixture.Value = .standard) -> RecordFixture {
        .experiment("review-pairs", status: status, outcome: outcome)
    }

    static func improvement(_ status: RecordFixture.Value) -> RecordFixture {
        .improvement("review-pairs", status: status)
    }

    /// The harness for one record changing from `before` to `after`.
    static func change(_ before: RecordFixture, _ after: RecordFixture) -> RuleHarness {
        RuleHarness(before: [before], after: [after])
    }

    @Test func anExperimentCannotGoBackwards() {
        Self.change(Self.experiment("concluded", outcome: "retained"), Self.experiment("1️⃣running"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.experimentPath, "1", "the status went from concluded to running: \(Self.reopened)"),
            ])
        Self.change(Self.experiment("running"), Self.experiment("1️⃣planned"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.experimentPath, "1", "the status went from running to planned: \(Self.reopened)"),
            ])
    }

    @Test func anExperimentThatNeverRanCannotClaimAnOutcome() {
        Self.change(Self.experiment("planned"), Self.experiment("1️⃣concluded", outcome: "retained"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.experimentPath, "1", "the status went from planned to concluded: it never ran, so it cannot be "
                    + "concluded as retained; set it running with a start date first, or conclude it as discarded if it was abandoned"),
            ])
    }

    @Test func anExperimentAbandonedBeforeItRanMayBeDiscarded() {
        Self.change(Self.experiment("planned"), Self.experiment("concluded", outcome: "discarded")).expectNoHistoryFindings()
    }

    @Test func anExperimentMovesForwardOneStepAtATime() {
        Self.change(Self.experiment("planned"), Self.experiment("running")).expectNoHistoryFindings()
        Self.change(Self.experiment("running"), Self.experiment("concluded", outcome: "inconclusive")).expectNoHistoryFindings()
    }

    @Test func anImprovementCannotSkipTrialling() {
        Self.change(Self.improvement("proposed"), Self.improvement("1️⃣proven"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.improvementPath, "1", "the status went from proposed to proven: an improvement is proven by "
                    + "trialling it: set it trialling and conclude an experiment that retains it first"),
            ])
    }

    /// An experiment that retained the improvement, unchanged on both sides.
    static let retention = RecordFixture.experiment("pairs-trial", improvement: "review-pairs", status: "concluded", outcome: "retained")

    /// The improvement changing from `before` to `after`, beside `others` that do not change.
    static func improvementChange(_ before: RecordFixture, _ after: RecordFixture, beside others: [RecordFixture]) -> RuleHarness {
        RuleHarness(before: [before] + others, after: [after] + others)
    }

    @Test func anImprovementCannotGoBackwards() {
        for (from, to) in [("trialling", "proposed"), ("retired", "proven")] {
            Self.change(Self.improvement(.text(from)), Self.improvement("1️⃣\(to)"))
                .expect("illegal-transition", [
                    ExpectedFinding(Self.improvementPath, "1", "the status went from \(from) to \(to): \(Self.onlyForward)"),
                ])
        }
        // Proven with the evidence in place: going back would hide it.
        Self.improvementChange(Self.improvement("proven"), Self.improvement("1️⃣trialling"), beside: [Self.retention])
            .expect("illegal-transition", [
                ExpectedFinding(Self.improvementPath, "1", "the status went from proven to trialling: \(Self.onlyForward)"),
            ])
    }

    /// unproven-claim advises setting a proven improvement that no experiment
    /// retained back to trialling: that edit is allowed.
    @Test func anUnprovenClaimMayBeWithdrawn() {
        Self.change(Self.improvement("proven"), Self.improvement("trialling")).expectNoHistoryFindings()
    }

    /// An improvement whose status lagged its retained experiment may catch up in one step.
    @Test func aLaggingImprovementMayGoFromProposedToProvenOnceRetained() {
        Self.improvementChange(Self.improvement("proposed"), Self.improvement("proven"), beside: [Self.retention])
            .expectNoHistoryFindings()
        // The same commit may conclude the experiment and move the improvement, as `kaizen conclude` does.
        let running = RecordFixture.experiment("pairs-trial", improvement: "review-pairs")
        RuleHarness(before: [Self.improvement("proposed"), running], after: [Self.improvement("proven"), Self.retention])
            .expectNoHistoryFindings()
    }

    @Test func anImprovementMovesForwardOneStepOrIsRetiredFromAnywhere() {
        for (from, to) in [("proposed", "trialling"), ("trialling", "proven"), ("proposed", "retired"), ("trialling", "retired"),
                           ("proven", "retired")] {
            Self.change(Self.improvement(.text(from)), Self.improvement(.text(to))).expectNoHistoryFindings()
        }
    }

    // A constraint seen again after it was resolved is reopened: that is news, not a rewrite.
    @Test func aConstraintMovesBetweenAnyStatuses() {
        for (from, to) in [("resolved", "open"), ("open", "resolved"), ("easing", "open"), ("resolved", "easing")] {
            Self.change(.constraint("shared-staging", status: .text(from)), .constraint("shared-staging", status: .text(to)))
                .expectNoHistoryFindings()
        }
    }

    @Test func aRecordMovedToAnotherFolderIsComparedWithItsOldSelf() {
        let moved = "experiments/2026/review-pairs.md"
        RuleHarness(before: [Self.experiment("concluded", outcome: "retained")],
                    after: [.experiment("review-pairs", in: "experiments/2026", status: "1️⃣running")])
            .expect("illegal-transition", [ExpectedFinding(moved, "1", "the status went from concluded to running: \(Self.reopened)")])
    }

    /// date-order advises setting an experiment whose start is still ahead
    /// back to planned: it never ran, so nothing is reopened.
    @Test func anExperimentWhoseStartWasStillAheadMayGoBackToPlanned() {
        Self.change(.experiment("review-pairs", start: "2026-11-25"), Self.experiment("planned")).expectNoHistoryFindings()
        // One that has started has run, and stays running.
        Self.change(Self.experiment("running"), Self.experiment("1️⃣planned"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.experimentPath, "1", "the status went from running to planned: \(Self.reopened)"),
            ])
    }
}
