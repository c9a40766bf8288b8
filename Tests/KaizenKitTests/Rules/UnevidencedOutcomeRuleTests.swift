@testable import KaizenKit
import Testing

@Suite struct UnevidencedOutcomeRuleTests {
    /// A concluded experiment with these signals and outcome.
    static func experiment(_ id: String, _ signals: String, outcome: String,
                           reason: RecordFixture.Value = .absent) -> RecordFixture {
        .experiment(id, signals: .text(signals), status: "concluded", outcome: .text(outcome), outcomeReason: reason)
    }

    /// The case: three results, each on the wrong side of its target.
    static let allMissed = """
        - {metric: review wait (hours), baseline: 48, target: under 5, result: 40}
        - {metric: reverted changes per month, baseline: 30, target: under 20, result: 70}
        - {metric: reviews done in pairs, baseline: 0 %, target: 100 %, result: 10 %}
        """

    @Test func retainedWhenEverySignalMissedItsTargetIsAnError() {
        let harness = RuleHarness([Self.experiment("review-pairs", Self.allMissed, outcome: "1️⃣retained")])
        harness.expect("unevidenced-outcome", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "retained, but no signal met its target (review wait (hours): 40 against 'under 5'; reverted changes per month: 70 against 'under 20'; "
                    + "reviews done in pairs: 10 % against '100 %'): if you keep the change anyway, say why in 'outcome-reason'; "
                    + "otherwise conclude it as discarded or inconclusive"),
        ])
    }

    @Test func retainedWithNoJudgeableSignalIsAnError() {
        let signals = "- {metric: team mood, baseline: tense, target: calmer, result: somewhat better}"
        let harness = RuleHarness([Self.experiment("review-pairs", signals, outcome: "1️⃣retained")])
        harness.expect("unevidenced-outcome", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "retained, but no signal's result can be compared with its target (team mood: somewhat better against 'calmer'): "
                    + "if you keep the change anyway, say why in 'outcome-reason'; otherwise conclude it as discarded or inconclusive"),
        ])
    }

    @Test func discardedThoughEverySignalMetItsTargetIsAnError() {
        let signals = """
            - {metric: review wait (hours), baseline: 48, target: under 5, result: 3}
            - {metric: team mood, baseline: tense, target: calmer, result: hard to say}
            """
        let harness = RuleHarness([Self.experiment("review-pairs", signals, outcome: "1️⃣discarded")])
        harness.expect("unevidenced-outcome", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "discarded, though every signal met its target (review wait (hours): 3 against 'under 5'): say why in 'outcome-reason' "
                    + "(a cost the signals did not measure, say), or conclude it as retained"),
        ])
    }

    @Test func aReasonOrEvidenceOrAnOpenQuestionPasses() {
        let oneMet = """
            - {metric: review wait (hours), baseline: 48, target: under 5, result: 4}
            - {metric: reverted changes per month, baseline: 30, target: under 20, result: 70}
            """
        let noResult = "- {metric: review wait (hours), baseline: 48, target: under 5}"
        let harness = RuleHarness([
            // Retained with a reason.
            Self.experiment("a", Self.allMissed, outcome: "retained", reason: "Pairing halved onboarding time, which no signal measured"),
            // Retained on one met target of two.
            Self.experiment("b", oneMet, outcome: "retained"),
            // Discarded though one target was met: evidence both ways.
            Self.experiment("c", oneMet, outcome: "discarded"),
            // Inconclusive says nothing against the signals.
            Self.experiment("d", Self.allMissed, outcome: "inconclusive"),
            // A result is missing: conclusion-incomplete reports it first.
            Self.experiment("e", noResult, outcome: "retained"),
            // Discarded when every target was missed.
            Self.experiment("f", Self.allMissed, outcome: "discarded"),
        ])
        harness.expect("unevidenced-outcome", [])
    }

    @Test func anEmptyReasonIsNoReason() {
        let fixture = Self.experiment("review-pairs", Self.allMissed, outcome: "1️⃣retained", reason: "\"  \"")
        let harness = RuleHarness([fixture])
        #expect(harness.diagnostics().filter { $0.rule == "unevidenced-outcome" }.map(\.position) == [MarkedText(fixture.text)["1"]])
    }
}
