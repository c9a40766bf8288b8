@testable import KaizenKit
import Testing

/// The builder's records are what the rule tests take them for: valid, so
/// that a test's finding comes from what the test changed.
@Suite struct RecordFixtureTests {
    @Test(arguments: ["planned", "running", "concluded"])
    func anExperimentOfEachStatusIsValid(status: String) {
        let harness = RuleHarness([.experiment("review-pairs", status: .text(status))])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test(arguments: ["proposed", "trialling", "retired"])
    func anImprovementIsValid(status: String) {
        #expect(RuleHarness([.improvement("review-pairs", status: .text(status))]).diagnostics().isEmpty)
    }

    @Test func aProvenImprovementIsValidBesideTheExperimentThatRetainedIt() {
        let harness = RuleHarness([
            .improvement("review-pairs", status: "proven"),
            .experiment("pairs-trial", improvement: "review-pairs", status: "concluded"),
        ])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test func aConstraintIsValid() {
        #expect(RuleHarness([.constraint("change-board")]).diagnostics().isEmpty)
    }

    @Test func markersStandBeforeAKeyAtTheStartAndInAValue() {
        let fixture = RecordFixture.experiment("review-pairs", extensions: "- {until: 2️⃣2026-12-20, reason: holidays}")
            .markingKey("rollback", "1").markingStart("3")
        let marked = MarkedText(fixture.text)
        let lines = marked.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[marked["1"].line - 1].hasPrefix("rollback: "))
        #expect(marked["1"].column == 1)
        #expect(lines[marked["2"].line - 1] == "  - {until: 2026-12-20, reason: holidays}")
        #expect(marked["2"].column == 13)
        #expect(marked["3"] == SourcePosition(line: 1, column: 1))
    }
}
