@testable import KaizenKit
import Testing

@Suite struct HypothesisFormRuleTests {
    @Test func aMissingOrEmptyHypothesisAsksForOne() {
        let harness = RuleHarness([
            .experiment("review-pairs", hypothesis: .absent, status: "planned").markingStart("1"),
            .experiment("trunk-based-platform", hypothesis: "", status: "planned").markingKey("hypothesis", "1"),
        ])
        let missing = "missing hypothesis: write 'hypothesis: If we <change>, we expect <observable effect>', "
            + "e.g. 'If we review pull requests in pairs, we expect review wait time to fall from 2 days to 4 hours'"
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1", missing, severity: .warning),
            ExpectedFinding("experiments/trunk-based-platform.md", "1", missing, severity: .warning),
        ])
    }

    @Test func theTemplatePlaceholderIsReported() {
        let harness = RuleHarness([
            .experiment("review-pairs", hypothesis: "1️⃣\"If we <change>, we expect <observable effect>\"", status: "planned"),
        ])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the hypothesis still holds the placeholder '<change>': write the change you will make and the effect you expect, e.g. 'If we review pull requests in pairs, we expect review wait time to fall from 2 days to 4 hours'", severity: .warning),
        ])
    }

    @Test func aHypothesisNotInTheIfWeExpectFormIsReported() {
        let harness = RuleHarness([
            .experiment("review-pairs", hypothesis: "1️⃣Pairing on reviews will make payment changes ship faster", status: "planned"),
        ])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the hypothesis does not read 'If <change>, we expect <effect>': state the change you will make, then the effect you expect to observe"),
        ])
    }

    @Test func anEffectThatCannotBeObservedIsReported() {
        let harness = RuleHarness([
            .experiment("review-pairs", hypothesis: "1️⃣If we review pull requests in pairs, we expect happier developers.", status: "planned"),
        ])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the expected effect 'happier developers' is not observable: say what will change and by how much, e.g. 'lead time to fall from 9 to 5 days'"),
        ])
    }

    @Test func aWordThatOnlyStartsLikeADirectionIsNotAnObservableEffect() {
        // "understanding" starts with the stem "under", "everyone" with "every":
        // neither says what will change or by how much.
        let harness = RuleHarness([
            .experiment("weekly-demo", hypothesis: "1️⃣If we demo every Friday, we expect a shared understanding of the roadmap", status: "planned"),
        ])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/weekly-demo.md", "1",
                "the expected effect 'a shared understanding of the roadmap' is not observable: say what will change and by how much, e.g. 'lead time to fall from 9 to 5 days'"),
        ])
    }

    @Test func aCustomPatternFromKaizenYmlReplacesTheStandardForm() {
        let harness = RuleHarness(config: "hypothesis-pattern: '^We believe (?<change>.+) will result in (?<effect>.+)$'\n", [
            .experiment("review-pairs", hypothesis: "1️⃣\(RecordFixture.hypothesis)", status: "planned"),
            .experiment("mob-programming", hypothesis: "We believe mobbing on the ledger rewrite will result in happier developers",
                        status: "planned"),
        ])
        harness.expect("hypothesis-form", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the hypothesis does not match the hypothesis-pattern in kaizen.yml: ^We believe (?<change>.+) will result in (?<effect>.+)$"),
        ])
    }

    @Test func aHypothesisOfTheWrongTypeIsLeftToWrongType() {
        let harness = RuleHarness([.experiment("review-pairs", hypothesis: """
            - If we review pull requests in pairs
            - we expect review wait to fall from 48 to 4 hours
            """, status: "planned")])
        harness.expect("hypothesis-form", [])
        #expect(harness.diagnostics().map(\.rule) == ["wrong-type"])
    }

    @Test func hypothesesThatStateAChangeAndAMeasurableEffectPass() {
        let harness = RuleHarness([
            .experiment("review-pairs", hypothesis: "If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours.",
                        status: "planned"),
            .experiment("trunk-based-platform", hypothesis: """
                >-
                if we merge to trunk at least daily behind feature flags
                then we expect shorter lead times
                """, status: "planned"),
            .experiment("change-board-bypass", hypothesis: "If we pre-approve standard changes, we expect no change to wait for the weekly board",
                        status: "planned"),
        ])
        harness.expect("hypothesis-form", [])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test func theChangeMayBePhrasedFreelyAndTheExpectationConditionally() {
        let harness = RuleHarness([
            .experiment("partners", hypothesis: "If every developer has a daily review partner, we expect time to first review to fall from 19 to 4 hours",
                        status: "planned"),
            .experiment("partners-would", hypothesis: "If we pair reviewers, we'd expect fewer stale pull requests", status: "planned"),
            .experiment("partners-team", hypothesis: "If reviews are paired then the team expects review wait to halve", status: "planned"),
        ])
        harness.expect("hypothesis-form", [])
    }
}
