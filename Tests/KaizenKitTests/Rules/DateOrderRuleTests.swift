@testable import KaizenKit
import Testing

@Suite struct DateOrderRuleTests {
    @Test func aReviewBeforeTheStartIsReportedAtTheReviewDate() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            start: 2026-12-07
            review-by: 1️⃣2026-11-30
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("date-order", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "review-by 2026-11-30 is before start 2026-12-07: the review comes after the experiment starts"),
        ])
    }

    @Test func aRunningExperimentCannotStartInTheFuture() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: running
            start: 1️⃣2026-11-23
            review-by: 2026-12-18
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("date-order", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "start 2026-11-23 is in the future (today is 2026-11-20) but the status is running: set status to planned until it starts"),
        ])
    }

    @Test func aConclusionBeforeTheStartOrInTheFutureIsReported() {
        let harness = RuleHarness([
            ("experiments/trunk-based-platform.md", """
                ---
                kind: experiment
                title: Trunk-based development in the platform team
                teams: [platform]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5, result: 4}]
                status: concluded
                start: 2026-06-01
                review-by: 2026-08-15
                outcome: retained
                concluded: 1️⃣2026-05-29
                rollback: return to release branches cut every two weeks
                ---

                ## Learnings

                Daily merges need fast CI.
                """),
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4, result: 6}]
                status: concluded
                start: 2026-10-01
                review-by: 2026-12-18
                outcome: retained
                concluded: 1️⃣2026-11-27
                rollback: switch the review-pairs flag off and go back to single reviews
                ---

                ## Learnings

                Pairs halved review wait within two weeks.
                """),
        ])
        harness.expect("date-order", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "concluded 2026-11-27 is in the future (today is 2026-11-20): write the date it actually concluded"),
            ExpectedFinding("experiments/trunk-based-platform.md", "1", "concluded 2026-05-29 is before start 2026-06-01: correct whichever date is wrong"),
        ])
    }

    @Test func eachExtensionMustMoveTheDeadlineLater() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: running
            start: 2026-10-01
            review-by: 2026-11-15
            extensions:
              - until: 1️⃣2026-11-10
                reason: the release freeze
              - until: 2026-12-04
                reason: too few reviews during the release freeze
              - until: 2️⃣2026-12-04
                reason: two reviewers on leave
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("date-order", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "extension 1 does not extend: until 2026-11-10 is not after 2026-11-15; extensions are listed in order, each moving the deadline later"),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "extension 3 does not extend: until 2026-12-04 is not after 2026-12-04; extensions are listed in order, each moving the deadline later"),
        ])
    }

    @Test func anObservationCannotBeInTheFuture() {
        let harness = RuleHarness([("constraints/change-board.md", """
            ---
            kind: constraint
            title: Weekly change-advisory board
            status: open
            level: system
            observed:
              - date: 2026-09-14
                team: payments
              - date: 1️⃣2026-12-02
                team: platform
                note: the December board is already full
            ---
            """)])
        harness.expect("date-order", [
            ExpectedFinding("constraints/change-board.md", "1",
                "observed 2026-12-02 is in the future (today is 2026-11-20): write the date it was seen"),
        ])
    }

    @Test func datesInTheirOrderPass() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                start: 2026-09-30
                review-by: 2026-11-15
                extensions:
                  - until: 2026-12-04
                    reason: too few reviews during the release freeze
                  - until: 2026-12-18
                    reason: two reviewers on leave
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
                start: 2026-09-01
                review-by: 2026-11-20
                outcome: retained
                concluded: 2026-11-20
                rollback: return to release branches cut every two weeks
                ---

                ## Learnings

                Daily merges need fast CI.
                """),
            ("experiments/change-board-bypass.md", """
                ---
                kind: experiment
                title: Standard changes skip the change-advisory board
                teams: [platform]
                hypothesis: If we pre-approve standard changes, we expect no change to wait for the weekly board
                signals: [{metric: changes waiting for the board, baseline: 11, target: 0}]
                status: planned
                start: 2027-01-11
                review-by: 2027-03-05
                rollback: send every change to the board again
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
                  - date: 2026-11-20
                    team: platform
                ---
                """),
        ])
        harness.expect("date-order", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
