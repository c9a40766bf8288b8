@testable import KaizenKit
import Testing

@Suite struct MissingFieldTests {
    @Test func aMissingKindFallsBackOnTheFolder() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                1️⃣---
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("constraints/change-board.md", """
                ---
                1️⃣kind:
                title: Weekly change-advisory board
                status: open
                level: system
                observed: [{date: 2026-09-14, team: payments}]
                ---
                """),
            ("notes/retro-2026-11.md", """
                1️⃣---
                title: November retrospective actions
                ---
                """),
        ])
        harness.expect("missing-field", [
            ExpectedFinding("constraints/change-board.md", "1",
                "missing 'kind': one of improvement, experiment, constraint; this folder holds constraints"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "missing 'kind': one of improvement, experiment, constraint; this folder holds experiments"),
            ExpectedFinding("notes/retro-2026-11.md", "1",
                "missing 'kind': one of improvement, experiment, constraint"),
        ])
    }

    @Test func anAbsentRequiredFieldIsReportedAtTheStartOfTheFrontMatter() {
        let harness = RuleHarness([("improvements/review-pairs.md", """
            1️⃣---
            kind: improvement
            title: Review pull requests in pairs
            status: proposed
            level: team
            ---
            """)])
        harness.expect("missing-field", [
            ExpectedFinding("improvements/review-pairs.md", "1", "missing 'area': what it improves", severity: .warning),
            ExpectedFinding("improvements/review-pairs.md", "1",
                "missing 'origin': the team that first developed it (a team id from kaizen.yml)", severity: .warning),
        ])
    }

    @Test func anEmptyRequiredFieldIsReportedAtItsKey() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            1️⃣title: "  "
            2️⃣teams: []
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            3️⃣review-by:
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("missing-field", [
            ExpectedFinding("experiments/review-pairs.md", "1", "'title' is empty: one line that names it", severity: .warning),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "'teams' is empty: ids of the teams running it; several teams run it together", severity: .warning),
            ExpectedFinding("experiments/review-pairs.md", "3",
                "'review-by' is empty: the date it expires and must be reviewed (YYYY-MM-DD)", severity: .warning),
        ])
    }

    @Test func aFieldRequiredByTheStatusSaysWhichStatusRequiresIt() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                1️⃣---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5, result: 4}]
                status: concluded
                1️⃣start:
                review-by: 2026-08-15
                outcome: retained
                concluded: 2026-08-14
                rollback: return to release branches cut every two weeks
                ---

                ## Learnings

                Daily merges need fast CI.
                """),
        ])
        harness.expect("missing-field", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "missing 'start' (required once status is running): the date it started (YYYY-MM-DD)"),
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "'start' is empty (required once status is concluded): the date it started (YYYY-MM-DD)"),
        ])
    }

    @Test func aFieldMissingFromAListEntryNamesTheEntry() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals:
                  - 1️⃣metric: review wait (hours)
                    target: 4
                  - 2️⃣metric: escaped defects per month
                    baseline: 3
                status: running
                start: 2026-10-01
                review-by: 2026-11-30
                extensions:
                  - 3️⃣until: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("constraints/change-board.md", """
                ---
                kind: constraint
                title: Weekly change-advisory board
                status: open
                level: system
                observed:
                  - 1️⃣{date: 2026-09-14, note: a config change waited six days}
                ---
                """),
        ])
        harness.expect("missing-field", [
            ExpectedFinding("constraints/change-board.md", "1", "observation 1: missing 'team': the team that saw it"),
            ExpectedFinding("experiments/review-pairs.md", "1", "signal 1: missing 'baseline': its value before the change"),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "signal 2: missing 'target': the value that would confirm the hypothesis"),
            ExpectedFinding("experiments/review-pairs.md", "3", "extension 1: missing 'reason': why the experiment needs longer"),
        ])
    }

    @Test func fieldsWithTheirOwnRuleAreLeftToThatRule() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            status: concluded
            start: 2026-09-01
            review-by: 2026-10-31
            concluded: 2026-10-30
            ---

            ## Learnings

            Pairs halved review wait, but only for pull requests under 200 lines.
            """)])
        harness.expect("missing-field", [])
        #expect(Set(harness.diagnostics().map(\.rule)) == ["hypothesis-form", "no-signals", "no-rollback", "conclusion-incomplete"])
    }

    @Test func completeRecordsPass() {
        let harness = RuleHarness([
            ("improvements/review-pairs.md", """
                ---
                kind: improvement
                title: Review pull requests in pairs
                status: trialling
                origin: payments
                level: team
                area: feedback
                ---
                """),
            ("experiments/review-pairs-payments.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                improvement: review-pairs
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                start: 2026-10-01
                review-by: 2026-11-30
                extensions:
                  - until: 2026-12-18
                    reason: too few reviews during the release freeze
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("constraints/change-board.md", """
                ---
                kind: constraint
                title: Weekly change-advisory board
                status: open
                level: system
                observed: [{date: 2026-09-14, team: payments}]
                ---
                """),
        ])
        harness.expect("missing-field", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
