@testable import KaizenKit
import Testing

@Suite struct InvalidValueTests {
    @Test func aMisspeltKindSuggestsTheClosestAndNamesTheFolderKind() {
        let harness = RuleHarness([.experiment("review-pairs", kind: "1️⃣experimnet", status: "planned")])
        harness.expect("invalid-value", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "'kind' cannot be 'experimnet' (did you mean 'experiment'?); it is one of improvement, experiment, constraint; this folder holds experiments"),
        ])
        // The folder's kind is used instead, so the rest of the record is still checked.
        #expect(harness.diagnostics().map(\.rule) == ["invalid-value"])
    }

    @Test func aKindOutsideTheFoldersHasNoFolderToFallBackOn() {
        let harness = RuleHarness([
            RecordFixture("notes/review-pairs.md", """
                ---
                kind: 1️⃣Experiment
                title: Review pairs for payment changes
                ---
                """),
            RecordFixture("notes/retro-2026-11.md", """
                ---
                kind: 1️⃣[experiment, improvement]
                title: November retrospective actions
                ---
                """),
        ])
        harness.expect("wrong-type", [
            ExpectedFinding("notes/retro-2026-11.md", "1",
                "'kind' must be one word, not a list: one of improvement, experiment, constraint"),
        ])
        harness.expect("invalid-value", [
            ExpectedFinding("notes/review-pairs.md", "1",
                "'kind' cannot be 'Experiment' (did you mean 'experiment'?); it is one of improvement, experiment, constraint"),
        ])
    }

    @Test func aStatusOutsideItsSetIsReportedWithOrWithoutASuggestion() {
        let harness = RuleHarness([
            .experiment("review-pairs", status: "1️⃣runing"),
            .constraint("change-board", status: "1️⃣in-progress"),
        ])
        harness.expect("invalid-value", [
            ExpectedFinding("constraints/change-board.md", "1",
                "'status' cannot be 'in-progress'; it is one of open, easing, resolved"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "'status' cannot be 'runing' (did you mean 'running'?); it is one of planned, running, concluded"),
        ])
    }

    @Test func aPlaceholderLeftInAChoiceIsReportedAsSuch() {
        let harness = RuleHarness([
            .experiment("trunk-based-platform", status: "concluded", outcome: "1️⃣<retained|discarded|inconclusive>"),
        ])
        harness.expect("invalid-value", [
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "'outcome' is still the placeholder '<retained|discarded|inconclusive>': choose one of retained, discarded, inconclusive"),
        ])
        harness.expect("conclusion-incomplete", [])
    }

    @Test func levelAndAreaAreCheckedAgainstTheirSets() {
        let harness = RuleHarness([.improvement("review-pairs", status: "proposed", level: "1️⃣crossteam", area: "2️⃣code-review")])
        harness.expect("invalid-value", [
            ExpectedFinding("improvements/review-pairs.md", "1",
                "'level' cannot be 'crossteam' (did you mean 'cross-team'?); it is one of team, cross-team, system"),
            ExpectedFinding("improvements/review-pairs.md", "2",
                "'area' cannot be 'code-review'; it is one of dependencies, architecture, deployment-safety, decision-rights, policy-delay, feedback, learning-loops, flow"),
        ])
    }

    @Test func areasAddedInKaizenYmlAreAllowedAndSuggested() {
        let harness = RuleHarness(config: "areas: [onboarding, on-call]\n", [
            .improvement("buddy-onboarding", status: "proposed", area: "onboarding"),
            .improvement("follow-the-sun", status: "proposed", level: "cross-team", area: "1️⃣oncall"),
        ])
        harness.expect("invalid-value", [
            ExpectedFinding("improvements/follow-the-sun.md", "1",
                "'area' cannot be 'oncall' (did you mean 'on-call'?); it is one of dependencies, architecture, deployment-safety, decision-rights, policy-delay, feedback, learning-loops, flow, onboarding, on-call"),
        ])
    }

    @Test func valuesFromTheirSetsPass() {
        let harness = RuleHarness([
            .improvement("review-pairs", level: "cross-team", area: "feedback"),
            .experiment("review-pairs-payments", improvement: "review-pairs"),
            .constraint("change-board", status: "easing"),
        ])
        harness.expect("invalid-value", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
