@testable import KaizenKit
import Testing

@Suite struct IllegalTransitionRuleTests {
    static let experimentPath = "experiments/review-pairs.md"
    static let improvementPath = "improvements/review-pairs.md"
    static let reopened = "a concluded or running experiment cannot be reopened; start a new experiment to try again"
    static let onlyForward = "an improvement's status only moves forward (proposed → trialling → proven → retired); record new doubts in an experiment"

    static func experiment(_ status: String, outcome: String? = nil) -> String {
        HistoryFixture.experiment(status: status, conclusion: outcome.map(HistoryFixture.conclusion) ?? "")
    }

    /// The harness for one record changing from `before` to `after` at `path`.
    static func change(_ path: String, _ before: String, _ after: String) -> RuleHarness {
        RuleHarness(before: [(path, before)], after: [(path, after)])
    }

    @Test func anExperimentCannotGoBackwards() {
        Self.change(Self.experimentPath, Self.experiment("concluded", outcome: "retained"), Self.experiment("1️⃣running"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.experimentPath, "1", "the status went from concluded to running: \(Self.reopened)"),
            ])
        Self.change(Self.experimentPath, Self.experiment("running"), Self.experiment("1️⃣planned"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.experimentPath, "1", "the status went from running to planned: \(Self.reopened)"),
            ])
    }

    @Test func anExperimentThatNeverRanCannotClaimAnOutcome() {
        Self.change(Self.experimentPath, Self.experiment("planned"), Self.experiment("1️⃣concluded", outcome: "retained"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.experimentPath, "1", "the status went from planned to concluded: it never ran, so it cannot be "
                    + "concluded as retained; set it running with a start date first, or conclude it as discarded if it was abandoned"),
            ])
    }

    @Test func anExperimentAbandonedBeforeItRanMayBeDiscarded() {
        Self.change(Self.experimentPath, Self.experiment("planned"), Self.experiment("concluded", outcome: "discarded"))
            .expectNoHistoryFindings()
    }

    @Test func anExperimentMovesForwardOneStepAtATime() {
        Self.change(Self.experimentPath, Self.experiment("planned"), Self.experiment("running")).expectNoHistoryFindings()
        Self.change(Self.experimentPath, Self.experiment("running"), Self.experiment("concluded", outcome: "inconclusive"))
            .expectNoHistoryFindings()
    }

    @Test func anImprovementCannotSkipTrialling() {
        Self.change(Self.improvementPath, HistoryFixture.improvement(status: "proposed"), HistoryFixture.improvement(status: "1️⃣proven"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.improvementPath, "1", "the status went from proposed to proven: an improvement is proven by "
                    + "trialling it: set it trialling and conclude an experiment that retains it first"),
            ])
    }

    /// An experiment that retained the improvement, unchanged on both sides.
    static let retention = ("experiments/pairs-trial.md", HistoryFixture.experiment(status: "concluded", conclusion: HistoryFixture.conclusion("retained"))
        .replacingOccurrences(of: "teams: [payments]\n", with: "teams: [payments]\nimprovement: review-pairs\n"))

    /// The improvement changing from `before` to `after`, beside `others` that do not change.
    static func improvementChange(_ before: String, _ after: String, beside others: [(String, String)]) -> RuleHarness {
        RuleHarness(before: [(improvementPath, before)] + others, after: [(improvementPath, after)] + others)
    }

    @Test func anImprovementCannotGoBackwards() {
        for (from, to) in [("trialling", "proposed"), ("retired", "proven")] {
            Self.change(Self.improvementPath, HistoryFixture.improvement(status: from), HistoryFixture.improvement(status: "1️⃣" + to))
                .expect("illegal-transition", [
                    ExpectedFinding(Self.improvementPath, "1", "the status went from \(from) to \(to): \(Self.onlyForward)"),
                ])
        }
        // Proven with the evidence in place: going back would hide it.
        Self.improvementChange(HistoryFixture.improvement(status: "proven"), HistoryFixture.improvement(status: "1️⃣trialling"),
                               beside: [Self.retention])
            .expect("illegal-transition", [
                ExpectedFinding(Self.improvementPath, "1", "the status went from proven to trialling: \(Self.onlyForward)"),
            ])
    }

    /// unproven-claim advises setting a proven improvement that no experiment
    /// retained back to trialling: that edit is allowed.
    @Test func anUnprovenClaimMayBeWithdrawn() {
        Self.change(Self.improvementPath, HistoryFixture.improvement(status: "proven"), HistoryFixture.improvement(status: "trialling"))
            .expectNoHistoryFindings()
    }

    /// An improvement whose status lagged its retained experiment may catch up in one step.
    @Test func aLaggingImprovementMayGoFromProposedToProvenOnceRetained() {
        Self.improvementChange(HistoryFixture.improvement(status: "proposed"), HistoryFixture.improvement(status: "proven"),
                               beside: [Self.retention])
            .expectNoHistoryFindings()
        // The same commit may conclude the experiment and move the improvement, as `kaizen conclude` does.
        let running = Self.retention.1.replacingOccurrences(of: "status: concluded", with: "status: running")
            .replacingOccurrences(of: HistoryFixture.conclusion("retained"), with: "")
        RuleHarness(before: [(Self.improvementPath, HistoryFixture.improvement(status: "proposed")), (Self.retention.0, running)],
                    after: [(Self.improvementPath, HistoryFixture.improvement(status: "proven")), Self.retention])
            .expectNoHistoryFindings()
    }

    @Test func anImprovementMovesForwardOneStepOrIsRetiredFromAnywhere() {
        for (from, to) in [("proposed", "trialling"), ("trialling", "proven"), ("proposed", "retired"), ("trialling", "retired"),
                           ("proven", "retired")] {
            Self.change(Self.improvementPath, HistoryFixture.improvement(status: from), HistoryFixture.improvement(status: to))
                .expectNoHistoryFindings()
        }
    }

    // A constraint seen again after it was resolved is reopened: that is news, not a rewrite.
    @Test func aConstraintMovesBetweenAnyStatuses() {
        let path = "constraints/shared-staging.md"
        for (from, to) in [("resolved", "open"), ("open", "resolved"), ("easing", "open"), ("resolved", "easing")] {
            Self.change(path, HistoryFixture.constraint(status: from), HistoryFixture.constraint(status: to)).expectNoHistoryFindings()
        }
    }

    @Test func aRecordMovedToAnotherFolderIsComparedWithItsOldSelf() {
        let moved = "experiments/2026/review-pairs.md"
        RuleHarness(before: [(Self.experimentPath, Self.experiment("concluded", outcome: "retained"))],
                    after: [(moved, Self.experiment("1️⃣running"))])
            .expect("illegal-transition", [ExpectedFinding(moved, "1", "the status went from concluded to running: \(Self.reopened)")])
    }

    /// date-order advises setting an experiment whose start is still ahead
    /// back to planned: it never ran, so nothing is reopened.
    @Test func anExperimentWhoseStartWasStillAheadMayGoBackToPlanned() {
        let early = Self.experiment("running").replacingOccurrences(of: "start: 2026-09-01", with: "start: 2026-11-25")
        Self.change(Self.experimentPath, early, Self.experiment("planned")).expectNoHistoryFindings()
        // One that has started has run, and stays running.
        Self.change(Self.experimentPath, Self.experiment("running"), Self.experiment("1️⃣planned"))
            .expect("illegal-transition", [
                ExpectedFinding(Self.experimentPath, "1", "the status went from running to planned: \(Self.reopened)"),
            ])
    }
}
