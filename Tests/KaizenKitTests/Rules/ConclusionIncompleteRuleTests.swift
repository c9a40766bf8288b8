@testable import KaizenKit
import Testing

@Suite struct ConclusionIncompleteRuleTests {
    @Test func aBareConclusionIsReportedForEachMissingPart() {
        let harness = RuleHarness([.experiment("review-pairs", signals: """
            - 2️⃣metric: review wait (hours)
              baseline: 48
              target: 4
            """, status: "1️⃣concluded", outcome: .absent, concluded: .absent, body: .text(RecordFixture.plan))])
        harness.expect("conclusion-incomplete", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "concluded without an outcome: add 'outcome: retained', 'discarded' or 'inconclusive'"),
            ExpectedFinding("experiments/review-pairs.md", "1", "concluded without a date: add 'concluded: YYYY-MM-DD'"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "concluded without learnings: add a '## Learnings' section that says what you learned"),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "signal 'review wait (hours)' has no result: add 'result:' with the value you observed"),
        ])
        // Outcome and date are this rule's to report, not missing-field's.
        harness.expect("missing-field", [])
    }

    @Test func emptyValuesAreReportedWhereTheyAreWritten() {
        let harness = RuleHarness([
            .experiment("trunk-based-platform", signals: """
                - metric: lead time (days)
                  baseline: 9
                  target: 5
                  result: 1️⃣""
                - 2️⃣{metric: "", baseline: 1, target: 0}
                """, status: "concluded", outcome: "", concluded: "")
                .markingKey("outcome", "3").markingKey("concluded", "4"),
        ])
        harness.expect("conclusion-incomplete", [
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "signal 'lead time (days)' has no result: add 'result:' with the value you observed"),
            ExpectedFinding("experiments/trunk-based-platform.md", "2",
                "signal 2 has no result: add 'result:' with the value you observed"),
            ExpectedFinding("experiments/trunk-based-platform.md", "3",
                "concluded without an outcome: add 'outcome: retained', 'discarded' or 'inconclusive'"),
            ExpectedFinding("experiments/trunk-based-platform.md", "4", "concluded without a date: add 'concluded: YYYY-MM-DD'"),
        ])
    }

    @Test func aSignalWithoutAMetricIsNamedByItsNumber() {
        let harness = RuleHarness([.experiment("trunk-based-platform", signals: """
            - {metric: lead time (days), baseline: 9, target: 5, result: 4}
            - 1️⃣{baseline: 2, target: 10}
            """, status: "concluded")])
        harness.expect("conclusion-incomplete", [
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "signal 2 has no result: add 'result:' with the value you observed"),
        ])
    }

    @Test func anEmptyLearningsSectionIsReportedAtItsHeading() {
        let harness = RuleHarness([.experiment("review-pairs", status: "concluded", body: """
            ## Observations

            Review wait fell to six hours in the second week.

            1️⃣## Learnings

            <!-- Once concluded: what did you learn, and what would you tell another team trying this? -->
            """)])
        harness.expect("conclusion-incomplete", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "the Learnings section holds only the template's guidance: write what you learned, whatever the outcome"),
        ])
    }

    @Test func anInvalidOutcomeIsLeftToInvalidValue() {
        let harness = RuleHarness([.experiment("review-pairs", status: "concluded", outcome: "kept")])
        harness.expect("conclusion-incomplete", [])
        #expect(harness.diagnostics().map(\.rule) == ["invalid-value"])
    }

    @Test func completeConclusionsAndUnfinishedExperimentsPass() {
        let harness = RuleHarness([
            .experiment("trunk-based-platform", status: "concluded", outcome: "discarded",
                        outcomeReason: "two incidents came from flags left on, which lead time does not show", body: """
                ## Observations

                Lead time fell, but two incidents came from flags left on.

                ## learnings

                Without a flag clean-up routine the risk outweighed the faster lead time.
                """),
            .experiment("review-pairs", body: """
                ## Learnings

                <!-- Once concluded: what did you learn, and what would you tell another team trying this? -->
                """),
        ])
        harness.expect("conclusion-incomplete", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
