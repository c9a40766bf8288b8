@testable import KaizenKit
import Testing

@Suite struct PrematureConclusionRuleTests {
    @Test func aPlannedOrRunningExperimentWithAConclusionsFieldsIsReported() {
        let harness = RuleHarness([
            .experiment("planned", status: "planned", outcome: "1️⃣retained", concluded: "2️⃣2026-11-01"),
            .experiment("running", outcomeReason: "1️⃣the team liked it"),
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
            .experiment("reminder", outcome: "", concluded: ""),
            .experiment("done", status: "concluded", concluded: "2026-11-01"),
        ])
        harness.expect("premature-conclusion", [])
    }
}
