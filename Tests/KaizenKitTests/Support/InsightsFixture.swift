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

    /// An improvement of the organisation, with the guide unless `body` says otherwise.
    static func improvement(_ id: String, _ status: RecordFixture.Value, origin: RecordFixture.Value, level: RecordFixture.Value,
                            body: String = guide) -> RecordFixture {
        .improvement(id, title: "An improvement", status: status, origin: origin, level: level, body: .text(body))
    }

    /// An experiment of the organisation: each tests the same hypothesis on
    /// the same signal, with its own teams, links, dates and outcome.
    static func experiment(_ id: String, teams: RecordFixture.Value, improvement: RecordFixture.Value = .absent,
                           constraints: RecordFixture.Value = .absent, status: RecordFixture.Value, start: RecordFixture.Value = .absent,
                           reviewBy: RecordFixture.Value, outcome: RecordFixture.Value = .absent, concluded: RecordFixture.Value = .absent,
                           result: String = "1.5 days", observations: String = "", learnings: String = "") -> RecordFixture {
        .experiment(id, title: "An experiment", teams: teams, improvement: improvement, constraints: constraints,
                    hypothesis: "\"If we change the way we work, we expect the lead time to fall below 2 days\"",
                    signals: "- {metric: lead time, baseline: 4 days, target: under 2 days, result: \(result)}", status: status, start: start,
                    reviewBy: reviewBy, rollback: "Go back to the old way.", outcome: outcome, concluded: concluded,
                    body: "## Plan\n\nA plan.\n\n## Observations\n\n\(observations)\n\n## Learnings\n\n\(learnings)")
    }

    /// A constraint seen on each of `observed` (date, team).
    static func constraint(_ id: String, _ status: RecordFixture.Value, observed: [(date: String, team: String)]) -> RecordFixture {
        .constraint(id, title: "A constraint", status: status, level: "team",
                    observed: .text(observed.map { "- {date: \($0.date), team: \($0.team), note: seen}" }.joined(separator: "\n")))
    }

    static let files: [RecordFixture] = [
        improvement("canary", "proven", origin: "payments", level: "system"),
        improvement("trunk", "proven", origin: "checkout", level: "team",
                    body: "## Summary\n\nShort branches.\n\n## Implementation guide\n\nSteps.\n"),
        improvement("pairs", "trialling", origin: "mobile", level: "team"),
        improvement("old", "retired", origin: "data", level: "cross-team"),
        improvement("quarantine", "proven", origin: "checkout", level: "cross-team"),
        // The origin's own trial of canary, before the period: 60 days.
        experiment("payments-canary", teams: "[payments]", improvement: "canary", status: "concluded", start: "2026-03-01",
                   reviewBy: "2026-05-01", outcome: "retained", concluded: "2026-04-30", learnings: "Worked."),
        // An adoption in the period: 30 days.
        experiment("checkout-canary", teams: "[checkout]", improvement: "canary", constraints: "[staging]", status: "concluded",
                   start: "2026-08-01", reviewBy: "2026-09-01", outcome: "retained", concluded: "2026-08-31", learnings: "Worked here too."),
        // An adoption concluded on 2026-10-21 by history only: 50 days; no learnings.
        experiment("mobile-canary", teams: "[mobile]", improvement: "canary", status: "concluded", start: "2026-09-01",
                   reviewBy: "2026-10-31", outcome: "retained"),
        // The origin's trial of trunk, in the period: 40 days; trunk is not adopted.
        experiment("checkout-trunk", teams: "[checkout]", improvement: "trunk", status: "concluded", start: "2026-06-01",
                   reviewBy: "2026-07-15", outcome: "retained", concluded: "2026-07-11", learnings: "Short branches help."),
        // Discarded: 45 days, no retention.
        experiment("payments-trunk", teams: "[payments, data]", improvement: "trunk", status: "concluded", start: "2026-07-01",
                   reviewBy: "2026-08-20", outcome: "discarded", concluded: "2026-08-15", learnings: "Not for us."),
        experiment("quarantine-trial", teams: "[checkout]", improvement: "quarantine", status: "concluded", start: "2026-01-10",
                   reviewBy: "2026-02-10", outcome: "retained", concluded: "2026-02-09", learnings: "Fewer flaky runs."),
        // Running, expired on 2026-11-10, observed five days ago.
        experiment("mobile-pairs", teams: "[mobile]", improvement: "pairs", status: "running", start: "2026-10-01", reviewBy: "2026-11-10",
                   observations: "- 2026-10-15: started well\n- 2026-11-15: still going"),
        // Running since 2026-11-01 by history only, never observed.
        experiment("checkout-focus", teams: "[checkout]", constraints: "[cab]", status: "running", reviewBy: "2026-12-15"),
        // Running, expires on 2026-11-25; last observed 2026-10-10 (a later
        // entry is a plan, and a date inside a sentence is not an entry).
        experiment("payments-alerts", teams: "[payments, data]", status: "running", start: "2026-10-01", reviewBy: "2026-11-25",
                   observations: "- 2026-10-10: first week\n- 2026-12-01: review meeting\n\nWe met on 2026-11-19 about it."),
        constraint("staging", "open", observed: [("2026-09-01", "payments"), ("2026-10-01", "checkout")]),
        constraint("cab", "easing", observed: [("2026-03-01", "data"), ("2026-03-15", "data"), ("2026-04-01", "data")]),
        constraint("noise", "resolved", observed: [("2026-06-01", "payments")]),
        constraint("queue", "open", observed: [("2026-11-01", "mobile")]),
    ]

    static var records: [Record] {
        RecordFixture.records(files, config: config)
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
