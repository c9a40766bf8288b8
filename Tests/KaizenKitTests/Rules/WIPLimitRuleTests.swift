@testable import KaizenKit
import Testing

@Suite struct WIPLimitRuleTests {
    /// A running experiment; `teams` is the flow list after `teams: `, markers allowed.
    private static func running(_ title: String, teams: String, start: String?) -> String {
        """
        ---
        kind: experiment
        title: \(title)
        teams: \(teams)
        hypothesis: If we change how we work, we expect review wait to fall from 48 to 4 hours
        signals: [{metric: review wait (hours), baseline: 48, target: 4}]
        status: running
        \(start.map { "start: \($0)" } ?? "# not started on a known date")
        review-by: 2026-12-18
        rollback: go back to how we worked before
        ---
        """
    }

    @Test func theExperimentStartedLastIsTheOneOverTheDefaultLimit() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", Self.running("Review pairs", teams: "[payments]", start: "2026-10-01")),
            ("experiments/mob-programming.md", Self.running("Mob programming", teams: "[payments]", start: "2026-10-08")),
            ("experiments/contract-tests.md", Self.running("Contract tests", teams: "[payments]", start: "2026-10-15")),
            ("experiments/trunk-based-payments.md",
             Self.running("Trunk-based development", teams: "[1️⃣payments]", start: "2026-11-02")),
        ])
        harness.expect("wip-limit", [
            ExpectedFinding("experiments/trunk-based-payments.md", "1",
                "team 'payments' runs 4 experiments at once, over its limit of 3 (started earlier: review-pairs, mob-programming, contract-tests): conclude one before starting another, or change wip-limit in kaizen.yml"),
        ])
    }

    @Test func aTeamsOwnLimitAppliesToJointExperimentsAtItsEntry() {
        let harness = RuleHarness(config: "teams: {payments: {wip-limit: 1}, platform: {}}\n", [
            ("experiments/review-pairs.md", Self.running("Review pairs", teams: "[payments]", start: "2026-10-01")),
            ("experiments/joint-trunk-based.md",
             Self.running("Trunk-based development across teams", teams: "[platform, 1️⃣payments]", start: "2026-10-20")),
        ])
        harness.expect("wip-limit", [
            ExpectedFinding("experiments/joint-trunk-based.md", "1",
                "team 'payments' runs 2 experiments at once, over its limit of 1 (started earlier: review-pairs): conclude one before starting another, or change wip-limit in kaizen.yml"),
        ])
    }

    @Test func sameDayStartsAreOrderedByIdAndUnknownStartsComeLast() {
        let harness = RuleHarness(config: "wip-limit: 1\n", [
            ("experiments/canary-releases.md", Self.running("Canary releases", teams: "[1️⃣platform]", start: "2026-10-05")),
            ("experiments/blue-green-deploys.md", Self.running("Blue-green deploys", teams: "[platform]", start: "2026-10-05")),
            ("experiments/feature-flags.md", Self.running("Feature flags", teams: "[1️⃣platform]", start: nil)),
        ])
        harness.expect("wip-limit", [
            ExpectedFinding("experiments/canary-releases.md", "1",
                "team 'platform' runs 3 experiments at once, over its limit of 1 (started earlier: blue-green-deploys): conclude one before starting another, or change wip-limit in kaizen.yml"),
            ExpectedFinding("experiments/feature-flags.md", "1",
                "team 'platform' runs 3 experiments at once, over its limit of 1 (started earlier: blue-green-deploys): conclude one before starting another, or change wip-limit in kaizen.yml"),
        ])
    }

    @Test func runningExperimentsWithinTheLimitPass() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", Self.running("Review pairs", teams: "[payments, payments]", start: "2026-10-01")),
            ("experiments/mob-programming.md", Self.running("Mob programming", teams: "[payments]", start: "2026-10-08")),
            ("experiments/contract-tests.md", Self.running("Contract tests", teams: "[payments, platform]", start: "2026-10-15")),
            ("experiments/change-board-bypass.md", """
                ---
                kind: experiment
                title: Standard changes skip the change-advisory board
                teams: [payments]
                hypothesis: If we pre-approve standard changes, we expect no change to wait for the weekly board
                signals: [{metric: changes waiting for the board, baseline: 11, target: 0}]
                status: planned
                review-by: 2027-01-29
                rollback: send every change to the board again
                ---
                """),
            ("experiments/trunk-based-payments.md", """
                ---
                kind: experiment
                title: Trunk-based development in the payments team
                teams: [payments]
                hypothesis: If we merge to trunk at least daily, we expect lead time to fall from 9 to 5 days
                signals: [{metric: lead time (days), baseline: 9, target: 5, result: 6}]
                status: concluded
                start: 2026-06-01
                review-by: 2026-08-15
                outcome: inconclusive
                concluded: 2026-08-14
                rollback: return to release branches cut every two weeks
                ---

                ## Learnings

                Lead time fell, but not to five days: the weekly board still holds releases.
                """),
        ])
        harness.expect("wip-limit", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
