@testable import KaizenKit
import Testing

@Suite struct WrongTypeTests {
    @Test func textFieldsHoldingAListOrAMappingAreReported() {
        let harness = RuleHarness([
            .experiment("review-pairs", hypothesis: "1️⃣{change: review in pairs, effect: review wait falls to 4 hours}", status: "planned",
                        rollback: "2️⃣- switch the review-pairs flag off\n- go back to single reviews"),
        ])
        harness.expect("wrong-type", [
            ExpectedFinding("experiments/review-pairs.md", "1", "'hypothesis' must be text, not a mapping"),
            ExpectedFinding("experiments/review-pairs.md", "2", "'rollback' must be text, not a list"),
        ])
        // The rules about those fields leave them to wrong-type.
        harness.expect("hypothesis-form", [])
        harness.expect("no-rollback", [])
    }

    @Test func listFieldsHoldingTextAreReportedWithAnExample() {
        let harness = RuleHarness([
            .experiment("review-pairs", teams: "1️⃣payments", constraints: "2️⃣slow-reviews", status: "planned", tags: "3️⃣code review"),
        ])
        harness.expect("wrong-type", [
            ExpectedFinding("experiments/review-pairs.md", "1", "'teams' must be a list, e.g. teams: [payments]"),
            ExpectedFinding("experiments/review-pairs.md", "2", "'constraints' must be a list, e.g. constraints: [shared-staging-queue]"),
            ExpectedFinding("experiments/review-pairs.md", "3", "'tags' must be a list, e.g. tags: [reviews, ci]"),
        ])
        harness.expect("missing-field", [])
    }

    @Test func listItemsThatAreNotTextAreReportedOneByOne() {
        let harness = RuleHarness([.experiment("joint-review-pairs", teams: """
            - payments
            - 1️⃣platform: true
            -2️⃣
            """, status: "planned")])
        harness.expect("wrong-type", [
            ExpectedFinding("experiments/joint-review-pairs.md", "1", "each item of 'teams' must be text, not a mapping"),
            ExpectedFinding("experiments/joint-review-pairs.md", "2", "each item of 'teams' must be text, not empty"),
        ])
    }

    @Test func entryListsMustHoldMappingsOfTextFields() {
        let harness = RuleHarness([
            .experiment("review-pairs", signals: "1️⃣review wait should fall from 48 to 4 hours", status: "planned"),
            .experiment("trunk-based-platform", signals: """
                - 1️⃣lead time (days)
                - metric: 2️⃣[deploys per week, change failure rate]
                  baseline: 2
                  target: 10
                """, status: "planned"),
            .constraint("change-board", observed: """
                - date: 2026-09-14
                  team: 1️⃣[payments, platform]
                """),
        ])
        harness.expect("wrong-type", [
            ExpectedFinding("constraints/change-board.md", "1", "observation 1: 'team' must be text, not a list"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "'signals' must be a list of entries with metric, baseline, target, result"),
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "signal 1 must be a mapping with metric, baseline, target, result, not text"),
            ExpectedFinding("experiments/trunk-based-platform.md", "2", "signal 2: 'metric' must be text, not a list"),
        ])
        // An unreadable signals field is not also reported as missing.
        harness.expect("no-signals", [])
    }

    @Test func aFieldNameMustBeText() {
        let harness = RuleHarness([.improvement("review-pairs", status: "proposed", extra: "1️⃣[tags]: [review, pairing]")])
        harness.expect("wrong-type", [
            ExpectedFinding("improvements/review-pairs.md", "1", "a field name must be plain text, not a list"),
        ])
    }

    @Test func fieldsOfTheRightShapePass() {
        let harness = RuleHarness([
            .experiment("review-pairs", teams: "- payments\n- platform", constraints: "[]", signals: """
                - metric: review wait (hours)
                  baseline: 48
                  target: 4
                - {metric: escaped defects per month, baseline: 3, target: 1}
                """, status: "planned", tags: "[code-review, pairing]"),
            .constraint("change-board", observed: "- {date: 2026-09-14, team: payments, note: a config change waited six days}"),
        ])
        harness.expect("wrong-type", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
