public enum DueFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

/// Renders `kaizen due`: per team, each record and what it needs, most urgent first.
public struct DueFormatter: Sendable {
    public var format: DueFormat

    public init(format: DueFormat) {
        self.format = format
    }

    public func render(_ list: DueList) -> String {
        switch format {
        case .json: return JSONOutput.encode(DueJSON(list))
        case .text: return text(list)
        case .csv: return csv(list)
        }
    }

    /// One row per reason a record is due, under each of its teams, in the text's order.
    private func csv(_ list: DueList) -> String {
        var rows = [["team", "id", "reason", "date", "days", "message", "title", "path"]]
        for group in list.teams {
            for item in group.items {
                for reason in item.reasons {
                    let (date, days) = Self.dateAndDays(reason)
                    rows.append([group.team ?? "", item.id, reason.name, date?.description ?? "", days.map(String.init) ?? "",
                                 Self.describe(reason), item.title ?? "", item.path])
                }
            }
        }
        return CSVText.document(rows)
    }

    /// The day a reason is about, and the days it counts: the deadline and
    /// the days past or left, or the last Observations entry (else the start)
    /// and the days since.
    private static func dateAndDays(_ reason: DueReason) -> (CalendarDate?, Int?) {
        switch reason {
        case let .expired(deadline, over): return (deadline, over)
        case let .expiresSoon(deadline, left): return (deadline, left)
        case let .observationsDue(_, since, days): return (since, days)
        case .notCaptured: return (nil, nil)
        }
    }

    private func text(_ list: DueList) -> String {
        let scope = "deadlines within \(pluralized(list.withinDays, "day")), an Observations entry every \(pluralized(list.reviewPeriodDays, "day"))"
        guard !list.isEmpty else { return "Nothing is due on \(list.today) (\(scope)).\n" }
        var output = "Due on \(list.today) (\(scope)):\n"
        let width = list.teams.flatMap(\.items).map(\.id.count).max() ?? 0
        for group in list.teams {
            output += "\n\(group.team ?? "(no team)")\n"
            for item in group.items {
                for (index, reason) in item.reasons.enumerated() {
                    let id = index == 0 ? item.id : ""
                    output += "  " + id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + Self.describe(reason) + "\n"
                }
            }
        }
        return output
    }

    /// What is due and what to do about it, in a line.
    static func describe(_ reason: DueReason) -> String {
        switch reason {
        case let .expired(deadline, over):
            return "expired \(pluralized(over, "day")) ago, on \(deadline): conclude it, or extend it with a reason"
        case let .expiresSoon(deadline, left):
            let when = left == 0 ? "today, \(deadline)" : "in \(pluralized(left, "day")), on \(deadline)"
            return "expires \(when): plan its review"
        case let .observationsDue(lastEntry, since, days):
            let from = lastEntry == nil ? "none dated since it started on \(since)" : "the last on \(since)"
            return "no Observations entry for \(pluralized(days, "day")) (\(from)): note what the signals show"
        case let .notCaptured(sections):
            return "proven but not captured: write \(sections.joined(separator: ", "))"
        }
    }
}

/// Version 1 of `kaizen due --format json`, documented in the README.
struct DueJSON: Encodable {
    struct Reason: Encodable {
        var reason: String
        var deadline: CalendarDate?
        var days: Int?
        var lastEntry: CalendarDate?
        var sections: [String]?
        var message: String

        init(_ reason: DueReason) {
            self.reason = reason.name
            message = DueFormatter.describe(reason)
            switch reason {
            case let .expired(deadline, over):
                self.deadline = deadline
                days = over
            case let .expiresSoon(deadline, left):
                self.deadline = deadline
                days = left
            case let .observationsDue(lastEntry, _, days):
                self.lastEntry = lastEntry
                self.days = days
            case let .notCaptured(sections):
                self.sections = sections
            }
        }
    }

    struct Item: Encodable {
        var id: String
        var path: String
        var title: String?
        var teams: [String]
        var reasons: [Reason]
    }

    struct Team: Encodable {
        var team: String?
        var items: [Item]
    }

    var version = 1
    var today: CalendarDate
    var withinDays: Int
    var reviewPeriodDays: Int
    var teams: [Team]

    init(_ list: DueList) {
        today = list.today
        withinDays = list.withinDays
        reviewPeriodDays = list.reviewPeriodDays
        teams = list.teams.map { group in
            Team(team: group.team, items: group.items.map { item in
                Item(id: item.id, path: item.path, title: item.title, teams: item.teams, reasons: item.reasons.map(Reason.init))
            })
        }
    }
}
