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

    static let improvement = """
        ---
        kind: improvement
        title: Canary releases
        status: trialling
        origin: platform
        level: cross-team
        area: deployment-safety
        ---

        ## Summary

        Route a small share of traffic to a new version first and roll back automatically.

        """

    static func experiment(title: String, teams: String, status: String, hypothesis: String, signals: String,
                           dates: String, rollback: String, conclusion: String = "", learnings: String = "") -> String {
        """
        ---
        kind: experiment
        title: \(title)
        teams: \(teams)
        hypothesis: \(hypothesis)
        signals:
        \(signals)
        status: \(status)
        \(dates)
        rollback: \(rollback)
        \(conclusion)---

        ## Plan

        Agreed at the retrospective.

        ## Observations

        - 2026-10-20: on track.

        ## Learnings

        \(learnings)
        """
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
            title: "Canary releases for the payments API", teams: "[payments]", status: concluded ? "concluded" : "running",
            hypothesis: "If we release the payments API through canaries, we expect the change failure rate to fall from 12 % to under 5 %",
            signals: concluded ? canaryConcludedSignals : canarySignals + "\n  - metric: rollback time\n    baseline: 40 minutes\n    target: under 10 minutes",
            dates: "start: 2026-09-01\nreview-by: 2026-11-30", rollback: "Send all traffic to the stable pool.",
            conclusion: concluded ? "outcome: retained\nconcluded: 2026-11-18\n" : "",
            learnings: concluded ? """
                Canaries caught two bad releases at 5 % of traffic.

                - Keep the analysis window at 30 minutes: shorter windows missed slow leaks.
                - Rollback is automatic but the *page* still goes to a person.

                <details><summary>raw notes</summary>kept out of the review</details>
                """ : "<!-- Once concluded: what did you learn? -->")
    }

    static func featureFlags(started: Bool) -> String {
        experiment(
            title: "Feature flags for checkout", teams: "[checkout]", status: started ? "running" : "planned",
            hypothesis: "If we ship checkout changes dark behind flags, we expect lead time to fall from 6 to under 3 days",
            signals: "  - metric: lead time (days)\n    baseline: 6\n    target: under 3",
            dates: (started ? "start: 2026-11-16\n" : "") + "review-by: 2027-01-29", rollback: "Remove the flag checks; ship as before.")
    }

    static func reviewPairs(extended: Bool) -> String {
        experiment(
            title: "Review pairs", teams: "[platform]", status: "running",
            hypothesis: "If we pair on reviews, we expect review wait to fall from 48 to 4 hours",
            signals: "  - metric: review wait (hours)\n    baseline: 48\n    target: 4",
            dates: "start: 2026-10-01\nreview-by: 2026-11-27" + (extended ? "\nextensions:\n  - until: 2026-12-18\n    reason: two of four reviewers were on leave in November" : ""),
            rollback: "Stop pairing.")
    }

    static func focusMornings(target: String) -> String {
        experiment(
            title: "Focus mornings", teams: "[checkout]", status: "running",
            hypothesis: "If we keep mornings free of meetings, we expect cycle time to fall from 5 to 4 days",
            signals: "  - metric: cycle time (days)\n    baseline: 5\n    target: \(target)",
            dates: "start: 2026-10-05\nreview-by: 2026-12-20", rollback: "Put the meetings back.")
    }

    init() throws {
        repo = try GitFixture()
        try repo.write("kaizen.yml", Self.config)
        try repo.write("improvements/canary-releases.md", Self.improvement)
        try repo.write("experiments/payments-canary.md", Self.canary(concluded: false))
        try repo.write("experiments/checkout-feature-flags.md", Self.featureFlags(started: false))
        try repo.write("experiments/platform-review-pairs.md", Self.reviewPairs(extended: false))
        try repo.write("experiments/checkout-focus-mornings.md", Self.focusMornings(target: "4"))
        try repo.commit("Records so far", by: .ana)

        try repo.branch("topic")
        try repo.checkout("topic")
        try repo.write("experiments/payments-canary.md", Self.canary(concluded: true))
        try repo.write("experiments/checkout-feature-flags.md", Self.featureFlags(started: true))
        try repo.write("experiments/platform-review-pairs.md", Self.reviewPairs(extended: true))
        try repo.write("experiments/checkout-focus-mornings.md", Self.focusMornings(target: "4.5"))
        try repo.commit("Conclude canaries, start flags, extend review pairs", by: .mia)

        try repo.checkout("main")
        try repo.write("constraints/slow-ci.md", """
            ---
            kind: constraint
            title: Slow CI queue
            status: open
            level: cross-team
            observed:
              - {date: 2026-11-02, team: checkout, note: 40 minutes waiting for a runner}
            ---

            """)
        try repo.commit("Observe the slow CI queue", by: .ana)
        try repo.checkout("topic")
    }

    func review(_ arguments: [String]) throws -> KaizenProcess.Result {
        try KaizenProcess.run(["review"] + arguments + ["--today", "2026-11-20"], in: repo.workTree)
    }
}
