@testable import KaizenKit
import Testing

@Suite struct UnknownTeamRuleTests {
    static let config = "teams: {payments: {}, platform: {}}\n"

    @Test func aTeamNotInKaizenYmlIsReportedWithTheClosestTeam() {
        let harness = RuleHarness(config: Self.config, [
            .experiment("joint-review-pairs", teams: "[payments, 1️⃣paltform]", status: "planned"),
            .constraint("change-board", observed: "- {date: 2026-09-14, team: 1️⃣Payments}"),
        ])
        harness.expect("unknown-team", [
            ExpectedFinding("constraints/change-board.md", "1",
                "unknown team 'Payments' (did you mean 'payments'?); the teams in kaizen.yml are payments, platform"),
            ExpectedFinding("experiments/joint-review-pairs.md", "1",
                "unknown team 'paltform' (did you mean 'platform'?); the teams in kaizen.yml are payments, platform"),
        ])
    }

    @Test func anOriginWithNoCloseTeamListsTheTeams() {
        let harness = RuleHarness(config: Self.config, [.improvement("review-pairs", origin: "1️⃣checkout")])
        harness.expect("unknown-team", [
            ExpectedFinding("improvements/review-pairs.md", "1",
                "unknown team 'checkout'; the teams in kaizen.yml are payments, platform", severity: .error),
        ])
    }

    @Test func knownTeamsPass() {
        let harness = RuleHarness(config: Self.config, [
            .improvement("review-pairs"),
            .experiment("joint-review-pairs", teams: "[payments, platform]", improvement: "review-pairs", status: "planned"),
            .constraint("change-board", observed: "[{date: 2026-09-14, team: platform}]"),
        ])
        harness.expect("unknown-team", [])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test func teamsAreNotCheckedWhenKaizenYmlListsNone() {
        let harness = RuleHarness([.improvement("review-pairs", origin: "checkout")])
        harness.expect("unknown-team", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
