@testable import KaizenKit
import Testing

@Suite struct GoalpostsMovedRuleTests {
    static let path = "experiments/review-pairs.md"
    static let remedy = "restore it, or conclude this experiment (outcome inconclusive) and start a new one with the new goal"
    static let wasHypothesis = "(it was \"\(HistoryFixture.hypothesis)\")"

    @Test func rewritingTheHypothesisOfARunningExperimentFires() {
        let harness = RuleHarness(before: [(Self.path, HistoryFixture.experiment())], after: [(Self.path, HistoryFixture.experiment(
            hypothesis: "1️⃣If we pair on reviews, we expect review wait to fall from 48 to 12 hours"))])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1", "the hypothesis changed after the experiment started running \(Self.wasHypothesis): \(Self.remedy)"),
        ])
    }

    // Concluding is when rewriting the goal to fit the result is most tempting.
    @Test func rewritingTheHypothesisWhileConcludingFires() {
        let harness = RuleHarness(
            before: [(Self.path, HistoryFixture.experiment(status: "concluded", conclusion: HistoryFixture.conclusion("retained")))],
            after: [(Self.path, HistoryFixture.experiment(
                status: "concluded", hypothesis: "1️⃣If we pair on reviews, we expect reviewers to enjoy it",
                conclusion: HistoryFixture.conclusion("retained")))])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1", "the hypothesis changed after the experiment started running \(Self.wasHypothesis): \(Self.remedy)"),
        ])
    }

    @Test func deletingTheHypothesisFiresAtTheStartOfTheFile() {
        let after = "1️⃣" + HistoryFixture.experiment().replacingOccurrences(of: "hypothesis: \(HistoryFixture.hypothesis)\n", with: "")
        let harness = RuleHarness(before: [(Self.path, HistoryFixture.experiment())], after: [(Self.path, after)])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1", "the hypothesis changed after the experiment started running \(Self.wasHypothesis): \(Self.remedy)"),
        ])
    }

    @Test func changingATargetFiresAtTheNewTarget() {
        let harness = RuleHarness(before: [(Self.path, HistoryFixture.experiment())], after: [(Self.path, HistoryFixture.experiment(signals: """
              - metric: review wait (hours)
                baseline: 48
                target: 1️⃣12
            """))])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1",
                "the target of signal 1 ('review wait (hours)') changed from '4' to '12' after the experiment started running: \(Self.remedy)"),
        ])
    }

    @Test func removingASignalFiresAtTheSignalsKey() {
        let two = HistoryFixture.signals + "\n  - {metric: reviews per day, baseline: 10, target: 14}"
        let harness = RuleHarness(before: [(Self.path, HistoryFixture.experiment(signals: two))],
                                  after: [(Self.path, HistoryFixture.experiment().replacingOccurrences(of: "signals:", with: "1️⃣signals:"))])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1",
                "signal 2 ('reviews per day') was removed after the experiment started running: keep it and record its result, even when it disappoints"),
        ])
    }

    @Test func aSignalIsFollowedByItsMetricNotItsPlace() {
        let before = HistoryFixture.signals + "\n  - {metric: reviews per day, baseline: 10, target: 14}"
        let reordered = "  - {metric: Reviews per day, baseline: 10, target: 1️⃣20}\n" + HistoryFixture.signals
        let harness = RuleHarness(before: [(Self.path, HistoryFixture.experiment(signals: before))],
                                  after: [(Self.path, HistoryFixture.experiment(signals: reordered))])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1",
                "the target of signal 1 ('Reviews per day') changed from '14' to '20' after the experiment started running: \(Self.remedy)"),
        ])
    }

    // Before it runs, a plan is still being shaped: nothing is judged against it yet.
    @Test func aPlannedExperimentChangesHypothesisTargetsAndReviewDateFreely() {
        let harness = RuleHarness(
            before: [(Self.path, HistoryFixture.experiment(status: "planned"))],
            after: [(Self.path, HistoryFixture.experiment(
                status: "planned", hypothesis: "If we pair on every review, we expect review wait to fall from 48 to 8 hours",
                signals: "  - {metric: review wait (hours), baseline: 48, target: 8}", reviewBy: "2027-02-01"))])
        harness.expectNoHistoryFindings()
    }

    @Test func reflowingOrRequotingTheHypothesisIsNotAChange() {
        let folded = """
            >-
              If we pair on reviews,
              we expect review wait   to fall from 48 to 4 hours
            """
        for hypothesis in ["\"\(HistoryFixture.hypothesis)\"", "'\(HistoryFixture.hypothesis)'", folded] {
            let harness = RuleHarness(before: [(Self.path, HistoryFixture.experiment())],
                                      after: [(Self.path, HistoryFixture.experiment(hypothesis: hypothesis))])
            harness.expectNoHistoryFindings()
        }
    }

    @Test func addingASignalToARunningExperimentIsAllowed() {
        let harness = RuleHarness(
            before: [(Self.path, HistoryFixture.experiment())],
            after: [(Self.path, HistoryFixture.experiment(
                signals: HistoryFixture.signals + "\n  - {metric: defects found in review, baseline: 3, target: 3}"))])
        harness.expectNoHistoryFindings()
    }

    @Test func concludingWithResultsAndFixingTheLearningsIsAllowed() {
        let withResult = HistoryFixture.signals + "\n    result: 6"
        let concluded = HistoryFixture.experiment(status: "concluded", signals: withResult, conclusion: HistoryFixture.conclusion("retained"),
                                                  learnings: "Pairing halved the wiat.")
        let concluding = RuleHarness(before: [(Self.path, HistoryFixture.experiment())], after: [(Self.path, concluded)])
        concluding.expectNoHistoryFindings()

        let typoFixed = RuleHarness(before: [(Self.path, concluded)], after: [(Self.path, HistoryFixture.experiment(
            status: "concluded", signals: withResult, conclusion: HistoryFixture.conclusion("retained"), learnings: "Pairing halved the wait."))])
        typoFixed.expectNoHistoryFindings()
    }

    /// hypothesis-form asks to fix a hypothesis with no observable effect, and
    /// no-signals to write a target left a placeholder: a goal never set is
    /// not moved by writing it.
    @Test func writingAGoalThatWasNeverSetMovesNothing() {
        let vague = HistoryFixture.experiment(hypothesis: "If we pair on reviews, we expect better collaboration")
        RuleHarness(before: [(Self.path, vague)], after: [(Self.path, HistoryFixture.experiment())]).expectNoHistoryFindings()
        let placeholder = HistoryFixture.experiment(signals: HistoryFixture.signals.replacingOccurrences(
            of: "target: 4", with: "target: \"<the value that would confirm the hypothesis>\""))
        RuleHarness(before: [(Self.path, placeholder)], after: [(Self.path, HistoryFixture.experiment())]).expectNoHistoryFindings()
        // A goal that was set still may not move, whatever it moves to.
        let harness = RuleHarness(before: [(Self.path, HistoryFixture.experiment())], after: [(Self.path, HistoryFixture.experiment(
            hypothesis: "1️⃣If we pair on reviews, we expect better collaboration"))])
        harness.expect("goalposts-moved", [
            ExpectedFinding(Self.path, "1", "the hypothesis changed after the experiment started running \(Self.wasHypothesis): \(Self.remedy)"),
        ])
    }
}
