@testable import KaizenKit
import Testing

@Suite struct GoalpostsMovedRuleTests {
    static let path = "experiments/review-pairs.md"
    static let remedy = "restore it, or conclude this experiment (outcome inconclusive) and start a new one with the new goal"
    /// What goalposts-moved says when the hypothesis was rewritten.
    static let hypothesisChanged = "the hypothesis changed after the experiment started running (it was \"\(RecordFixture.hypothesis)\"): \(remedy)"
    /// The standard signal and a second one.
    static let twoSignals = RecordFixture.signals + "\n- {metric: reviews per day, baseline: 10, target: 14}"

    @Test func rewritingTheHypothesisOfARunningExperimentFires() {
        let harness = RuleHarness(before: [.experiment("review-pairs")], after: [.experiment("review-pairs",
            hypothesis: "1️⃣If we pair on reviews, we expect review wait to fall from 48 to 12 hours")])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1", Self.hypothesisChanged),
        ])
    }

    // Concluding is when rewriting the goal to fit the result is most tempting.
    @Test func rewritingTheHypothesisWhileConcludingFires() {
        let harness = RuleHarness(
            before: [.experiment("review-pairs", status: "concluded")],
            after: [.experiment("review-pairs", hypothesis: "1️⃣If we pair on reviews, we expect reviewers to enjoy it", status: "concluded")])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1", Self.hypothesisChanged),
        ])
    }

    @Test func deletingTheHypothesisFiresAtTheStartOfTheFile() {
        let harness = RuleHarness(before: [.experiment("review-pairs")],
                                  after: [.experiment("review-pairs", hypothesis: .absent).markingStart("1")])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1", Self.hypothesisChanged),
        ])
    }

    @Test func changingATargetFiresAtTheNewTarget() {
        let harness = RuleHarness(before: [.experiment("review-pairs")], after: [.experiment("review-pairs", signals: """
            - metric: review wait (hours)
              baseline: 48
              target: 1️⃣12
            """)])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1",
                "the target of signal 1 ('review wait (hours)') changed from '4' to '12' after the experiment started running: \(Self.remedy)"),
        ])
    }

    @Test func removingASignalFiresAtTheSignalsKey() {
        let harness = RuleHarness(before: [.experiment("review-pairs", signals: .text(Self.twoSignals))],
                                  after: [.experiment("review-pairs").markingKey("signals", "1")])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1",
                "signal 2 ('reviews per day') was removed after the experiment started running: keep it and record its result, even when it disappoints"),
        ])
    }

    @Test func aSignalIsFollowedByItsMetricNotItsPlace() {
        let reordered = "- {metric: Reviews per day, baseline: 10, target: 1️⃣20}\n" + RecordFixture.signals
        let harness = RuleHarness(before: [.experiment("review-pairs", signals: .text(Self.twoSignals))],
                                  after: [.experiment("review-pairs", signals: .text(reordered))])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1",
                "the target of signal 1 ('Reviews per day') changed from '14' to '20' after the experiment started running: \(Self.remedy)"),
        ])
    }

    // Before it runs, a plan is still being shaped: nothing is judged against it yet.
    @Test func aPlannedExperimentChangesHypothesisTargetsAndReviewDateFreely() {
        let harness = RuleHarness(
            before: [.experiment("review-pairs", status: "planned")],
            after: [.experiment("review-pairs", hypothesis: "If we pair on every review, we expect review wait to fall from 48 to 8 hours",
                                signals: "- {metric: review wait (hours), baseline: 48, target: 8}", status: "planned", reviewBy: "2027-02-01")])
        harness.expectNoHistoryFindings()
    }

    @Test func reflowingOrRequotingTheHypothesisIsNotAChange() {
        let folded = """
            >-
            If we pair on reviews,
            we expect review wait   to fall from 48 to 4 hours
            """
        for hypothesis in ["\"\(RecordFixture.hypothesis)\"", "'\(RecordFixture.hypothesis)'", folded] {
            let harness = RuleHarness(before: [.experiment("review-pairs")], after: [.experiment("review-pairs", hypothesis: .text(hypothesis))])
            harness.expectNoHistoryFindings()
        }
    }

    @Test func addingASignalToARunningExperimentIsAllowed() {
        let harness = RuleHarness(
            before: [.experiment("review-pairs")],
            after: [.experiment("review-pairs", signals: .text(RecordFixture.signals + "\n- {metric: defects found in review, baseline: 3, target: 3}"))])
        harness.expectNoHistoryFindings()
    }

    @Test func concludingWithResultsAndFixingTheLearningsIsAllowed() {
        func concluded(learnings: String) -> RecordFixture {
            .experiment("review-pairs", signals: .text(RecordFixture.signals + "\n  result: 6"), status: "concluded",
                        body: .text(RecordFixture.plan + "\n## Learnings\n\n\(learnings)\n"))
        }
        let concluding = RuleHarness(before: [.experiment("review-pairs")], after: [concluded(learnings: "Pairing halved the wiat.")])
        concluding.expectNoHistoryFindings()

        let typoFixed = RuleHarness(before: [concluded(learnings: "Pairing halved the wiat.")],
                                    after: [concluded(learnings: "Pairing halved the wait.")])
        typoFixed.expectNoHistoryFindings()
    }

    /// hypothesis-form asks to fix a hypothesis with no observable effect, and
    /// no-signals to write a target left a placeholder: a goal never set is
    /// not moved by writing it.
    @Test func writingAGoalThatWasNeverSetMovesNothing() {
        let vague = RecordFixture.experiment("review-pairs", hypothesis: "If we pair on reviews, we expect better collaboration")
        RuleHarness(before: [vague], after: [.experiment("review-pairs")]).expectNoHistoryFindings()
        let placeholder = RecordFixture.experiment("review-pairs", signals: """
            - metric: review wait (hours)
              baseline: 48
              target: "<the value that would confirm the hypothesis>"
            """)
        RuleHarness(before: [placeholder], after: [.experiment("review-pairs")]).expectNoHistoryFindings()
        // A goal that was set still may not move, whatever it moves to.
        let harness = RuleHarness(before: [.experiment("review-pairs")], after: [.experiment("review-pairs",
            hypothesis: "1️⃣If we pair on reviews, we expect better collaboration")])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1", Self.hypothesisChanged),
        ])
    }
}
