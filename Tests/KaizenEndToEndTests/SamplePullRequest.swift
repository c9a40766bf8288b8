import Foundation

/// A repository with a pull request of the kind `kaizen review` is for: on
/// branch `topic`, payments concludes its canary experiment, checkout starts
/// feature flags, platform extends review pairs properly, and checkout quietly
/// lowers a target. Meanwhile `main` moves on with an unrelated record.
struct SamplePullRequest {
    let repo: GitFixture

    static let config = """
        version: 1
        teams:
          payments: {name: Payments}
          checkout: {name: Checkout}
          platform: {name: Platform}

        """

    static let improvement = RecordFixture.improvement(
        "canary-releases", title: "Canary releases", origin: "platform", level: "cross-team", area: "deployment-safety",
        body: .summary("Route a small share of traffic to a new version first and roll back automatically.")).text

    /// An experiment as the pull request's records are written: a plan, an
    /// observation and, when given, learnings.
    static func experiment(_ id: String, title: String, teams: String, hypothesis: String, signals: String, status: String,
                           start: String?, reviewBy: String, extensions: String? = nil, rollback: String,
                           outcome: String? = nil, concluded: String? = nil, learnings: String = "") -> String {
        func value(_ text: String?) -> RecordFixture.Value { text.map { .text($0) } ?? .absent }
        return RecordFixture.experiment(
            id, title: .text(title), teams: .text(teams), hypothesis: .text(hypothesis), signals: .text(signals), status: .text(status),
            start: value(start), reviewBy: .text(reviewBy), extensions: value(extensions), rollback: .text(rollback), outcome: value(outcome),
            concluded: value(concluded),
            body: "## Plan\n\nAgreed at the retrospective.\n\n## Observations\n\n- 2026-10-20: on track.\n\n## Learnings\n\n\(learnings)").text
    }

    static let canarySignals = """
        - metric: change failure rate
          baseline: 12 %
          target: under 5 %
        """

    static let canaryConcludedSignals = """
        - metric: change failure rate
          baseline: 12 %
          target: under 5 %
          result: 3 %
        - metric: rollback time
          baseline: 40 minutes
          target: under 10 minutes
          result: 14 minutes
        """

    static func canary(concluded: Bool) -> String {
        experiment(
            "payments-canary", title: "Canary releases for the payments API", teams: "[payments]",
            hypothesis: "If we release the payments API through canaries, we expect the change failure rate to fall from 12 % to under 5 %",
            signals: concluded ? canaryConcludedSignals : canarySignals + "\n- metric: rollback time\n  baseline: 40 minutes\n  target: under 10 minutes",
            status: concluded ? "concluded" : "running", start: "2026-09-01", reviewBy: "2026-11-30", rollback: "Send all traffic to the stable pool.",
            outcome: concluded ? "retained" : nil, concluded: concluded ? "2026-11-18" : nil,
            learnings: concluded ? """
                Canaries caught two bad releases at 5 % of traffic.

                - Keep the analysis window at 30 minutes: shorter windows missed slow leaks.
                - Rollback is automatic but the *page* still goes to a person.

                <details><summary>raw notes</summary>kept out of the review</details>
                """ : "<!-- Once concluded: what did you learn? -->")
    }

    static func featureFlags(started: Bool) -> String {
        experiment(
            "checkout-feature-flags", title: "Feature flags for checkout", teams: "[checkout]",
            hypothesis: "If we ship checkout changes dark behind flags, we expect lead time to fall from 6 to under 3 days",
            signals: "- metric: lead time (days)\n  baseline: 6\n  target: under 3", status: started ? "running" : "planned",
            start: started ? "2026-11-16" : nil, reviewBy: "2027-01-29", rollback: "Remove the flag checks; ship as before.")
    }

    static func reviewPairs(extended: Bool) -> String {
        experiment(
            "platform-review-pairs", title: "Review pairs", teams: "[platform]", hypothesis: RecordFixture.hypothesis,
            signals: RecordFixture.signals, status: "running", start: "2026-10-01", reviewBy: "2026-11-27",
            extensions: extended ? "- until: 2026-12-18\n  reason: two of four reviewers were on leave in November" : nil, rollback: "Stop pairing.")
    }

    static func focusMornings(target: String) -> String {
        experiment(
            "checkout-focus-mornings", title: "Focus mornings", teams: "[checkout]",
            hypothesis: "If we keep mornings free of meetings, we expect cycle time to fall from 5 to 4 days",
            signals: "- metric: cycle time (days)\n  baseline: 5\n  target: \(target)", status: "running", start: "2026-10-05",
            reviewBy: "2026-12-20", rollback: "Put the meetings back.")
    }

    init() throws {
        repo = try GitFixture()
        // The four experiments the pull request changes, as main has them or as topic changes them.
        func writeExperiments(asChangedOnTopic changed: Bool) throws {
            try repo.write("experiments/payments-canary.md", Self.canary(concluded: changed))
            try repo.write("experiments/checkout-feature-flags.md", Self.featureFlags(started: changed))
            try repo.write("experiments/platform-review-pairs.md", Self.reviewPairs(extended: changed))
            try repo.write("experiments/checkout-focus-mornings.md", Self.focusMornings(target: changed ? "4.5" : "4"))
        }
        try repo.write("kaizen.yml", Self.config)
        try repo.write("improvements/canary-releases.md", Self.improvement)
        try writeExperiments(asChangedOnTopic: false)
        try repo.commit("Records so far", by: .ana)

        try repo.branch("topic")
        try repo.checkout("topic")
        try writeExperiments(asChangedOnTopic: true)
        try repo.commit("Conclude canaries, start flags, extend review pairs", by: .mia)

        try repo.checkout("main")
        try repo.write("constraints/slow-ci.md", RecordFixture.constraint(
            "slow-ci", title: "Slow CI queue", level: "cross-team",
            observed: "- {date: 2026-11-02, team: checkout, note: 40 minutes waiting for a runner}").text)
        try repo.commit("Observe the slow CI queue", by: .ana)
        try repo.checkout("topic")
    }

    func review(_ arguments: [String]) throws -> KaizenProcess.Result {
        try KaizenProcess.run(["review"] + arguments + ["--today", "2026-11-20"], in: repo.workTree)
    }
}
