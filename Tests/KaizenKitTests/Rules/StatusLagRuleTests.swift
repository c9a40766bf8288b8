@testable import KaizenKit
import Testing

@Suite struct StatusLagRuleTests {
    static func improvement(_ status: String, id: String = "review-pairs") -> (String, String) {
        ("improvements/\(id).md", """
            ---
            kind: improvement
            title: Review pairs
            status: \(status)
            origin: payments
            level: team
            area: flow
            ---
            """)
    }

    /// An experiment of `improvement` with this status (and outcome, once concluded).
    static func experiment(_ id: String, status: String, outcome: String? = nil, improvement: String = "review-pairs") -> (String, String) {
        let start = status == "planned" ? "" : "start: 2026-09-01\n"
        let conclusion = outcome.map { "outcome: \($0)\nconcluded: 2026-10-30\n" } ?? ""
        return ("experiments/\(id).md", """
            ---
            kind: experiment
            title: Review pairs, \(id)
            teams: [payments]
            improvement: \(improvement)
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4, result: 3}]
            status: \(status)
            \(start)review-by: 2026-11-01
            rollback: switch the review-pairs flag off
            \(conclusion)---

            ## Learnings

            Pairs cut the wait.
            """)
    }

    @Test func aProposedImprovementWithARunningOrConcludedExperimentShouldBeTrialling() {
        let harness = RuleHarness([
            Self.improvement("1️⃣proposed"),
            Self.experiment("pairs-payments", status: "running"),
            Self.experiment("pairs-checkout", status: "concluded", outcome: "discarded"),
            Self.experiment("pairs-mobile", status: "planned"),
        ])
        harness.expect("status-lag", [
            ExpectedFinding("improvements/review-pairs.md", "1",
                            "proposed, but 'pairs-checkout', 'pairs-payments' have trialled it: set 'status: trialling'"),
        ])
    }

    @Test func aRetainedExperimentMakesAProposedOrTriallingImprovementProven() {
        for status in ["proposed", "trialling"] {
            let harness = RuleHarness([
                Self.improvement("1️⃣" + status),
                Self.experiment("pairs-payments", status: "concluded", outcome: "retained"),
                Self.experiment("pairs-checkout", status: "running"),
            ])
            harness.expect("status-lag", [
                ExpectedFinding("improvements/review-pairs.md", "1", "\(status), but 'pairs-payments' retained it: set 'status: proven'"),
            ])
        }
    }

    @Test func statusesThatMatchTheirExperimentsPass() {
        let harness = RuleHarness([
            Self.improvement("proposed", id: "planned-only"),
            Self.experiment("planned-pairs", status: "planned", improvement: "planned-only"),
            Self.improvement("trialling", id: "trialled"),
            Self.experiment("trial", status: "running", improvement: "trialled"),
            Self.improvement("proven", id: "retained"),
            Self.experiment("kept", status: "concluded", outcome: "retained", improvement: "retained"),
            // Retired is a decision, whatever its experiments showed.
            Self.improvement("retired", id: "dropped"),
            Self.experiment("dropped-trial", status: "concluded", outcome: "retained", improvement: "dropped"),
            Self.improvement("proposed", id: "untouched"),
        ])
        harness.expect("status-lag", [])
    }
}
