@testable import KaizenKit
import Testing

@Suite struct UnknownTeamRuleTests {
    static let config = "teams: {payments: {}, platform: {}}\n"

    @Test func aTeamNotInKaizenYmlIsReportedWithTheClosestTeam() {
        let harness = RuleHarness(config: Self.config, [
            ("experiments/joint-review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs across payments and platform
                teams: [payments, 1️⃣paltform]
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
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
                    team: 1️⃣Payments
                ---
                """),
        ])
        harness.expect("unknown-team", [
            ExpectedFinding("constraints/change-board.md", "1",
                "unknown team 'Payments' (did you mean 'payments'?); the teams in kaizen.yml are payments, platform"),
            ExpectedFinding("experiments/joint-review-pairs.md", "1",
                "unknown team 'paltform' (did you mean 'platform'?); the teams in kaizen.yml are payments, platform"),
        ])
    }

    @Test func anOriginWithNoCloseTeamListsTheTeams() {
        let harness = RuleHarness(config: Self.config, [("improvements/review-pairs.md", """
            ---
            kind: improvement
            title: Review pull requests in pairs
            status: trialling
            origin: 1️⃣checkout
            level: team
            area: feedback
            ---
            """)])
        harness.expect("unknown-team", [
            ExpectedFinding("improvements/review-pairs.md", "1",
                "unknown team 'checkout'; the teams in kaizen.yml are payments, platform"),
        ])
        // With a config the harness does not check severities; unknown-team is an error by default.
        #expect(harness.findings("unknown-team").map(\.severity) == [.error])
    }

    @Test func knownTeamsPass() {
        let harness = RuleHarness(config: Self.config, [
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
            ("experiments/joint-review-pairs.md", """
                ---
                kind: experiment
                title: Review pairs across payments and platform
                teams: [payments, platform]
                improvement: review-pairs
                hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
                signals: [{metric: review wait (hours), baseline: 48, target: 4}]
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
                observed: [{date: 2026-09-14, team: platform}]
                ---
                """),
        ])
        harness.expect("unknown-team", [])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test func teamsAreNotCheckedWhenKaizenYmlListsNone() {
        let harness = RuleHarness([("improvements/review-pairs.md", """
            ---
            kind: improvement
            title: Review pull requests in pairs
            status: trialling
            origin: checkout
            level: team
            area: feedback
            ---
            """)])
        harness.expect("unknown-team", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
