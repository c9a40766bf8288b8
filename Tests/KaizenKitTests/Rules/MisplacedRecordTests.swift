@testable import KaizenKit
import Testing

@Suite struct MisplacedRecordTests {
    @Test func aRecordInTheFolderOfAnotherKindIsReportedAtItsKind() {
        let harness = RuleHarness([
            .constraint("change-board", in: "experiments", kind: "1️⃣constraint"),
            .experiment("review-pairs-payments", in: "improvements", kind: "1️⃣experiment", status: "planned"),
            .improvement("trunk-based-development", in: "constraints", kind: "1️⃣improvement", status: "proposed"),
        ])
        harness.expect("misplaced-record", [
            ExpectedFinding("constraints/trunk-based-development.md", "1",
                "an improvement in constraints/, the folder for constraints: move it to improvements/, or correct 'kind'"),
            ExpectedFinding("experiments/change-board.md", "1",
                "a constraint in experiments/, the folder for experiments: move it to constraints/, or correct 'kind'"),
            ExpectedFinding("improvements/review-pairs-payments.md", "1",
                "an experiment in improvements/, the folder for improvements: move it to experiments/, or correct 'kind'"),
        ])
        // The declared kind wins: the misplaced record is still read as what it says it is.
        harness.expect("missing-field", [])
    }

    @Test func configuredFoldersDecideWhereAKindBelongs() {
        let harness = RuleHarness(config: "paths: {experiments: trials}\n", [
            .improvement("trunk-based-development", in: "trials", kind: "1️⃣improvement", status: "proposed"),
        ])
        harness.expect("misplaced-record", [
            ExpectedFinding("trials/trunk-based-development.md", "1",
                "an improvement in trials/, the folder for experiments: move it to improvements/, or correct 'kind'"),
        ])
    }

    @Test func recordsInTheirOwnFolderOrOutsideAnyFolderPass() {
        let harness = RuleHarness(config: "paths: {experiments: trials}\n", [
            .experiment("review-pairs-payments", in: "trials", status: "planned"),
            .improvement("trunk-based-development", status: "proposed"),
            .constraint("change-board", in: "archive", status: "resolved", observed: "[{date: 2026-03-02, team: payments}]"),
        ])
        harness.expect("misplaced-record", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
