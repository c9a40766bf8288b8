/// Valid record texts for the history rules' tests, with defaults for every
/// field, so a test shows only the field it changes between two versions. A
/// value may carry a position marker (`1️⃣`).
enum HistoryFixture {
    static let hypothesis = "If we pair on reviews, we expect review wait to fall from 48 to 4 hours"
    static let signals = """
          - metric: review wait (hours)
            baseline: 48
            target: 4
        """
    static let learnings = "Pairing halved the wait, but only while both reviewers sat in the same room."

    /// An experiment. `start` defaults to a date once it is running; `conclusion`
    /// holds the lines after `rollback` (outcome, concluded).
    static func experiment(status: String = "running", hypothesis: String = hypothesis, signals: String = signals,
                           reviewBy: String = "2026-12-01", extensions: String? = nil, conclusion: String = "",
                           learnings: String = learnings) -> String {
        let start = status.hasSuffix("planned") ? "" : "start: 2026-09-01\n"
        return """
            ---
            kind: experiment
            title: Review pairs
            teams: [payments]
            hypothesis: \(hypothesis)
            signals:
            \(signals)
            status: \(status)
            \(start)review-by: \(reviewBy)
            \(extensions.map { "extensions:\n\($0)\n" } ?? "")rollback: stop pairing
            \(conclusion)---

            ## Plan

            Pair on every review for six weeks.

            ## Observations

            Review wait fell to 6 hours in the first month.

            ## Learnings

            \(learnings)

            """
    }

    /// The lines a concluded experiment adds after `rollback`.
    static func conclusion(_ outcome: String) -> String {
        "outcome: \(outcome)\nconcluded: 2026-11-15\n"
    }

    static func improvement(status: String) -> String {
        """
        ---
        kind: improvement
        title: Review pairs
        status: \(status)
        origin: payments
        level: team
        area: flow
        ---

        ## Summary

        Two people review every change together.

        """
    }

    static func constraint(status: String) -> String {
        """
        ---
        kind: constraint
        title: Shared staging queue
        status: \(status)
        level: cross-team
        observed:
          - {date: 2026-10-01, team: payments, note: waited two days for staging}
        ---

        """
    }
}
