@testable import KaizenKit

/// A small organisation with half a year of improvement work, whose figures
/// are worked out by hand in ReportBuilderTests and DueListTests. Today is
/// 2026-11-20; some days are known only from (made-up) history.
enum InsightsFixture {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    static let configText = """
        version: 1
        teams:
          payments: {}
          checkout: {}
          mobile: {wip-limit: 1}
          data: {}
        quick-win-days: 30
        """

    static var config: KaizenConfig { ConfigLoader.load(Array(configText.utf8)).config }

    static let guide = """
        ## Summary

        What it is.

        ## Context

        Where it works.

        ## Implementation guide

        The steps.

        ## Adaptation notes

        What to adjust.
        """

    static func improvement(_ status: String, origin: String, level: String, body: String = guide) -> String {
        """
        ---
        kind: improvement
        title: An improvement
        status: \(status)
        origin: \(origin)
        level: \(level)
        area: flow
        ---

        \(body)
        """
    }

    /// `fields` holds the lines that differ between experiments.
    static func experiment(teams: String, _ fields: String, observations: String = "", learnings: String = "") -> String {
        """
        ---
        kind: experiment
        title: An experiment
        teams: \(teams)
        hypothesis: "If we change the way we work, we expect the lead time to fall below 2 days"
        signals:
          - {metric: lead time, baseline: 4 days, target: under 2 days, result: 1.5 days}
        rollback: Go back to the old way.
        \(fields)
        ---

        ## Plan

        A plan.

        ## Observations

        \(observations)

        ## Learnings

        \(learnings)
        """
    }

    static func constraint(_ status: String, observed: [(String, String)]) -> String {
        """
        ---
        kind: constraint
        title: A constraint
        status: \(status)
        level: team
        observed:
        \(observed.map { "  - {date: \($0.0), team: \($0.1), note: seen}" }.joined(separator: "\n"))
        ---
        """
    }

    static let files: [(String, String)] = [
        ("improvements/canary.md", improvement("proven", origin: "payments", level: "system")),
        ("improvements/trunk.md", improvement("proven", origin: "checkout", level: "team",
                                              body: "## Summary\n\nShort branches.\n\n## Implementation guide\n\nSteps.\n")),
        ("improvements/pairs.md", improvement("trialling", origin: "mobile", level: "team")),
        ("improvements/old.md", improvement("retired", origin: "data", level: "cross-team")),
        ("improvements/quarantine.md", improvement("proven", origin: "checkout", level: "cross-team")),
        // The origin's own trial of canary, before the period: 60 days.
        ("experiments/payments-canary.md", experiment(teams: "[payments]", """
            improvement: canary
            status: concluded
            start: 2026-03-01
            review-by: 2026-05-01
            outcome: retained
            concluded: 2026-04-30
            """, learnings: "Worked.")),
        // An adoption in the period: 30 days.
        ("experiments/checkout-canary.md", experiment(teams: "[checkout]", """
            improvement: canary
            constraints: [staging]
            status: concluded
            start: 2026-08-01
            review-by: 2026-09-01
            outcome: retained
            concluded: 2026-08-31
            """, learnings: "Worked here too.")),
        // An adoption concluded on 2026-10-21 by history only: 50 days; no learnings.
        ("experiments/mobile-canary.md", experiment(teams: "[mobile]", """
            improvement: canary
            status: concluded
            start: 2026-09-01
            review-by: 2026-10-31
            outcome: retained
            """)),
        // The origin's trial of trunk, in the period: 40 days; trunk is not adopted.
        ("experiments/checkout-trunk.md", experiment(teams: "[checkout]", """
            improvement: trunk
            status: concluded
            start: 2026-06-01
            review-by: 2026-07-15
            outcome: retained
            concluded: 2026-07-11
            """, learnings: "Short branches help.")),
        // Discarded: 45 days, no retention.
        ("experiments/payments-trunk.md", experiment(teams: "[payments, data]", """
            improvement: trunk
            status: concluded
            start: 2026-07-01
            review-by: 2026-08-20
            outcome: discarded
            concluded: 2026-08-15
            """, learnings: "Not for us.")),
        ("experiments/quarantine-trial.md", experiment(teams: "[checkout]", """
            improvement: quarantine
            status: concluded
            start: 2026-01-10
            review-by: 2026-02-10
            outcome: retained
            concluded: 2026-02-09
            """, learnings: "Fewer flaky runs.")),
        // Running, expired on 2026-11-10, observed five days ago.
        ("experiments/mobile-pairs.md", experiment(teams: "[mobile]", """
            improvement: pairs
            status: running
            start: 2026-10-01
            review-by: 2026-11-10
            """, observations: "- 2026-10-15: started well\n- 2026-11-15: still going")),
        // Running since 2026-11-01 by history only, never observed.
        ("experiments/checkout-focus.md", experiment(teams: "[checkout]", """
            constraints: [cab]
            status: running
            review-by: 2026-12-15
            """)),
        // Running, expires on 2026-11-25; last observed 2026-10-10 (a later
        // entry is a plan, and a date inside a sentence is not an entry).
        ("experiments/payments-alerts.md", experiment(teams: "[payments, data]", """
            status: running
            start: 2026-10-01
            review-by: 2026-11-25
            """, observations: "- 2026-10-10: first week\n- 2026-12-01: review meeting\n\nWe met on 2026-11-19 about it.")),
        ("constraints/staging.md", constraint("open", observed: [("2026-09-01", "payments"), ("2026-10-01", "checkout")])),
        ("constraints/cab.md", constraint("easing", observed: [("2026-03-01", "data"), ("2026-03-15", "data"), ("2026-04-01", "data")])),
        ("constraints/noise.md", constraint("resolved", observed: [("2026-06-01", "payments")])),
        ("constraints/queue.md", constraint("open", observed: [("2026-11-01", "mobile")])),
    ]

    static var records: [Record] {
        let parser = RecordParser(config: config)
        return files.map { path, text in
            parser.parse(Array(text.utf8), path: path, folderKind: config.folderKind(ofPath: path)).record
        }
    }

    /// The committed history the front matter leaves out: when mobile-canary
    /// concluded, when checkout-focus started, when noise was resolved.
    static var history: WorkspaceHistory {
        func event(_ kind: HistoryEvent.Kind, _ to: String, on day: String, path: String, from: String? = nil) -> HistoryEvent {
            let date = CalendarDate.parse(day).successValue!
            // Noon UTC, so the commit's own day is the day meant.
            let stamp = CommitStamp(id: ObjectID(hex: String(repeating: "1", count: 40))!,
                                    date: GitTime(seconds: Int64(date.dayNumber) * 86_400 + 43_200, offsetMinutes: 0),
                                    author: GitSignature(name: "Ana Lima", email: "ana@example.com"))
            return HistoryEvent(kind: kind, commit: stamp, field: "status", from: from, to: to, fromPath: nil, toPath: path)
        }
        func record(_ path: String, _ events: [HistoryEvent]) -> RecordHistory {
            RecordHistory(id: RecordParser.id(forPath: path), path: path, deleted: false, beyondShallowBoundary: false,
                          title: nil, declaredTeams: [], values: [events.last?.to], events: events)
        }
        let mobile = "experiments/mobile-canary.md", focus = "experiments/checkout-focus.md", noise = "constraints/noise.md"
        let timeline = Timeline(ref: "HEAD", head: nil, shallow: false, fields: ["status"], records: [
            record(mobile, [event(.created, "planned", on: "2026-08-20", path: mobile),
                            event(.changed, "running", on: "2026-09-01", path: mobile, from: "planned"),
                            event(.changed, "concluded", on: "2026-10-21", path: mobile, from: "running")]),
            record(focus, [event(.created, "running", on: "2026-11-01", path: focus)]),
            record(noise, [event(.created, "open", on: "2026-06-02", path: noise),
                           event(.changed, "resolved", on: "2026-07-01", path: noise, from: "open")]),
        ])
        return WorkspaceHistory(timeline: timeline, scope: HistoryScope(folders: ["improvements", "experiments", "constraints"],
                                                                        files: .records, fields: ["status"]))
    }
}

extension Result {
    var successValue: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
