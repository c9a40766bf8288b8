@testable import KaizenKit
import Testing

@Suite struct InvalidDateTests {
    @Test func aDateNotWrittenAsYYYYMMDDIsReported() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: running
            start: 1️⃣2026-10-01T09:00
            review-by: 2️⃣18/12/2026
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("invalid-date", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "'start': '2026-10-01T09:00' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "'review-by': '18/12/2026' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
        ])
        // An invalid date is not also reported as missing, nor judged by the date rules.
        harness.expect("missing-field", [])
        harness.expect("expired", [])
    }

    @Test func aMonthThatDoesNotExistIsReported() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            teams: [payments]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 1️⃣2026-18-12
            rollback: switch the review-pairs flag off and go back to single reviews
            ---
            """)])
        harness.expect("invalid-date", [
            ExpectedFinding("experiments/review-pairs.md", "1", "'review-by': '2026-18-12' is not a date: there is no month 18"),
        ])
    }

    @Test func aDayPastTheEndOfItsMonthIsReported() {
        let harness = RuleHarness([("experiments/trunk-based-platform.md", """
            ---
            kind: experiment
            title: Trunk-based development in the platform team
            teams: [platform]
            hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
            signals: [{metric: lead time (days), baseline: 9, target: 5}]
            status: planned
            start: 1️⃣2027-02-29
            review-by: 2️⃣2027-04-31
            rollback: return to release branches cut every two weeks
            ---
            """)])
        harness.expect("invalid-date", [
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "'start': '2027-02-29' is not a date: February 2027 has 28 days, not 29"),
            ExpectedFinding("experiments/trunk-based-platform.md", "2",
                "'review-by': '2027-04-31' is not a date: April 2027 has 30 days, not 31"),
        ])
    }

    @Test func datesInListEntriesNameTheEntry() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
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
                  - until: 1️⃣2026-11-31
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
                observed:
                  - date: 2026-09-14
                    team: payments
                  - date: 1️⃣2026-9-28
                    team: platform
                ---
                """),
        ])
        harness.expect("invalid-date", [
            ExpectedFinding("constraints/change-board.md", "1",
                "observation 2: 'date': '2026-9-28' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "extension 1: 'until': '2026-11-31' is not a date: November 2026 has 30 days, not 31"),
        ])
    }

    @Test func realDatesPlainOrQuotedPass() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs for payment changes
                teams: [payments]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
                status: running
                start: '2026-10-01'
                review-by: 2026-11-30
                extensions:
                  - until: "2026-12-18"
                    reason: too few reviews during the release freeze
                rollback: switch the review-pairs flag off and go back to single reviews
                ---
                """),
            ("experiments/leap-day-release.md", """
                ---
                kind: experiment
                title: Release on demand from the leap-day quarter
                teams: [platform]
                hypothesis: If we release on demand, we expect deploys to rise from 2 to 10 a week
                signals: [{metric: deploys per week, baseline: 2, target: 10}]
                status: planned
                start: 2028-02-29
                review-by: 2028-04-30
                rollback: go back to the fortnightly release train
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
                ---
                """),
        ])
        harness.expect("invalid-date", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
