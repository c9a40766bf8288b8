@testable import KaizenKit
import Testing

@Suite struct PrematureConclusionRuleTests {
    static func experiment(_ status: String, _ conclusion: String) -> String {
        """
        ---
        kind: experiment
        title: Review pairs for payment changes
        teams: [payments]
        hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
        signals: [{metric: review wait (hours), baseline: 48, target: 4, result: 3}]
        status: \(status)
        \(status == "planned" ? "" : "start: 2026-10-01\n")review-by: 2026-12-18
        rollback: switch the review-pairs flag off
        \(conclusion)---

        ## Learnings

        Pairs cut the wait.
        """
    }

    @Test func aPlannedOrRunningExperimentWithAConclusionsFieldsIsReported() {
        let harness = RuleHarness([
            ("experiments/planned.md", Self.experiment("planned", "outcome: 1️⃣retained\nconcluded: 2️⃣2026-11-01\n")),
            ("experiments/running.md", Self.experiment("running", "outcome-reason: 1️⃣the team liked it\n")),
        ])
        harness.expect("premature-conclusion", [
            ExpectedFinding("experiments/planned.md", "1", "'outcome' is set, but the experiment is planned: conclude it "
                + "(`kaizen conclude planned --outcome ...`) if it has ended, or remove 'outcome' until it does"),
            ExpectedFinding("experiments/planned.md", "2", "'concluded' is set, but the experiment is planned: conclude it "
                + "(`kaizen conclude planned --outcome ...`) if it has ended, or remove 'concluded' until it does"),
            ExpectedFinding("experiments/running.md", "1", "'outcome-reason' is set, but the experiment is running: conclude it "
                + "(`kaizen conclude running --outcome ...`) if it has ended, or remove 'outcome-reason' until it does"),
        ])
    }

    @Test func emptyKeysAndConcludedExperimentsPass() {
        let harness = RuleHarness([
            ("experiments/reminder.md", Self.experiment("running", "outcome:\nconcluded:\n")),
            ("experiments/done.md", Self.experiment("concluded", "outcome: retained\nconcluded: 2026-11-01\n")),
        ])
        harness.expect("premature-conclusion", [])
    }
}
