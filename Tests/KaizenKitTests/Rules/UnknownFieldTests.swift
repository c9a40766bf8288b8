@testable import KaizenKit
import Testing

@Suite struct UnknownFieldTests {
    @Test func aMisspeltFieldSuggestsTheClosestOne() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            1️⃣Status: planned
            2️⃣reveiw-by: 2026-12-18
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("unknown-field", [
            ExpectedFinding("experiments/review-pairs.md", "1", "unknown field 'Status' (did you mean 'status'?)"),
            ExpectedFinding("experiments/review-pairs.md", "2", "unknown field 'reveiw-by' (did you mean 'review-by'?)"),
        ])
    }

    @Test func aFieldWithNoCloseMatchListsTheFieldsOfTheKind() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                1️⃣owner: Dana
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: planned
                review-by: 2026-12-18
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("improvements/review-pairs-practice.md", """
                ---
                kind: improvement
                title: Review pull requests in pairs
                status: trialling
                origin: payments
                1️⃣teams: [payments, platform]
                level: team
                area: feedback
                ---
                """),
        ])
        harness.expect("unknown-field", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "unknown field 'owner'; the fields are: kind, title, teams, improvement, constraints, hypothesis, signals, status, start, review-by, extensions, rollback, outcome, outcome-reason, concluded, tags"),
            ExpectedFinding("improvements/review-pairs-practice.md", "1",
                "unknown field 'teams'; the fields are: kind, title, status, origin, level, area, constraints, tags"),
        ])
    }

    @Test func anUnknownFieldInAListEntryNamesTheEntry() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals:
                  - metric: review wait (hours)
                    baseline: 48
                    1️⃣targt: 4
                status: planned
                review-by: 2026-12-18
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
                  - date: 2026-09-14
                    team: payments
                  - date: 2026-10-05
                    team: platform
                    1️⃣notes: a schema migration waited for the board
                ---
                """),
        ])
        harness.expect("unknown-field", [
            ExpectedFinding("constraints/change-board.md", "1", "observation 2: unknown field 'notes' (did you mean 'note'?)"),
            ExpectedFinding("experiments/review-pairs.md", "1", "signal 1: unknown field 'targt' (did you mean 'target'?)"),
        ])
    }

    @Test func everyFieldOfEachKindIsKnown() {
        let harness = RuleHarness([
            ("improvements/trunk-based-development.md", """
                ---
                kind: improvement
                title: Trunk-based development
                status: proven
                origin: platform
                level: team
                area: flow
                constraints: [release-branch-merges]
                tags: [git, ci]
                ---

                ## Summary

                Everyone merges to trunk at least daily.

                ## Context

                Needs CI under ten minutes.

                ## Implementation guide

                Put unfinished work behind flags.

                ## Adaptation notes

                Clean up flags weekly.
                """),
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                improvement: trunk-based-development
                constraints: [release-branch-merges]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals:
                  - metric: lead time (days)
                    baseline: 9
                    target: 5
                    result: 4
                status: concluded
                start: 2026-06-01
                review-by: 2026-07-31
                extensions:
                  - until: 2026-08-15
                    reason: the summer holidays halved the number of merges
                rollback: return to release branches cut every two weeks
                outcome: retained
                concluded: 2026-08-14
                tags: [git]
                ---

                ## Learnings

                Daily merges need fast CI: the team cut the pipeline to eight minutes first.
                """),
            ("constraints/release-branch-merges.md", """
                ---
                kind: constraint
                title: Merging release branches back takes days
                status: easing
                level: team
                observed:
                  - date: 2026-05-20
                    team: platform
                    note: three days of conflicts after the May release
                tags: [git]
                ---
                """),
        ])
        harness.expect("unknown-field", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
