@testable import KaizenKit
import Testing

@Suite struct MisplacedRecordTests {
    @Test func aRecordInTheFolderOfAnotherKindIsReportedAtItsKind() {
        let harness = RuleHarness([
            ("experiments/change-board.md", """
                ---
                kind: 1️⃣constraint
                title: Weekly change-advisory board
                status: open
                level: system
                observed: [{date: 2026-09-14, team: payments}]
                ---
                """),
            ("improvements/review-pairs-payments.md", """
                ---
                kind: 1️⃣experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("constraints/trunk-based-development.md", """
                ---
                kind: 1️⃣improvement
                title: Trunk-based development
                status: proposed
                origin: platform
                level: team
                area: flow
                ---
                """),
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
        let harness = RuleHarness(config: "paths: {experiments: trials}\n", [("trials/trunk-based-development.md", """
            ---
            kind: 1️⃣improvement
            title: Trunk-based development
            status: proposed
            origin: platform
            level: team
            area: flow
            ---
            """)])
        harness.expect("misplaced-record", [
            ExpectedFinding("trials/trunk-based-development.md", "1",
                "an improvement in trials/, the folder for experiments: move it to improvements/, or correct 'kind'"),
        ])
    }

    @Test func recordsInTheirOwnFolderOrOutsideAnyFolderPass() {
        let harness = RuleHarness(config: "paths: {experiments: trials}\n", [
            ("trials/review-pairs-payments.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("improvements/trunk-based-development.md", """
                ---
                kind: improvement
                title: Trunk-based development
                status: proposed
                origin: platform
                level: team
                area: flow
                ---
                """),
            ("archive/change-board.md", """
                ---
                kind: constraint
                title: Weekly change-advisory board
                status: resolved
                level: system
                observed: [{date: 2026-03-02, team: payments}]
                ---
                """),
        ])
        harness.expect("misplaced-record", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
