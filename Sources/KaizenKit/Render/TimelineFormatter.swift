import Foundation

public enum TimelineFormat: String, CaseIterable, Sendable {
    case text, json, markdown, mermaid, csv
}

/// Renders a timeline. Durations of ongoing periods run to `now`.
public struct TimelineFormatter {
    public let format: TimelineFormat
    /// Seconds since the epoch that count as now.
    public let now: Int64
    /// The first day shown; earlier events are left out (they still count in
    /// the time spent in each status).
    public let since: CalendarDate?
    /// Values that end a record's course, drawn as milestones in a chart.
    public let finalValues: Set<String>

    public init(format: TimelineFormat, now: Int64, since: CalendarDate? = nil, finalValues: Set<String> = []) {
        self.format = format
        self.now = now
        self.since = since
        self.finalValues = finalValues
    }

    public func render(_ timeline: Timeline) -> String {
        String(decoding: renderBytes(timeline), as: UTF8.self)
    }

    /// The rendering as UTF-8, for writing out without another copy: a full
    /// timeline in JSON runs to megabytes.
    public func renderBytes(_ timeline: Timeline) -> [UInt8] {
        switch format {
        case .json: return TimelineJSON.render(timeline, formatter: self)
        case .text: return Array(text(timeline).utf8)
        case .markdown: return Array(markdown(timeline).utf8)
        case .mermaid: return Array(mermaid(timeline).utf8)
        case .csv: return Array(csv(timeline).utf8)
        }
    }

    /// The events a reader sees: those on or after `since`.
    func shownEvents(of record: RecordHistory) -> [HistoryEvent] {
        guard let since else { return record.events }
        let start = Int64(since.dayNumber) * 86_400
        return record.events.filter { $0.commit.date.seconds >= start }
    }

    /// Records with something to show.
    func shownRecords(of timeline: Timeline) -> [RecordHistory] {
        since == nil ? timeline.records : timeline.records.filter { !shownEvents(of: $0).isEmpty }
    }

    /// "3d", or "5h" under a day.
    static func duration(_ seconds: Int64) -> String {
        seconds >= 86_400 ? "\(seconds / 86_400)d" : "\(seconds / 3_600)h"
    }

    /// Says where a shallow clone's history ends, in words.
    static func shallowNote(_ timeline: Timeline) -> String? {
        guard timeline.shallow else { return nil }
        return "this is a shallow clone: history before its boundary is unknown, and records marked (*) already existed there"
    }

    private func heading(_ timeline: Timeline) -> String {
        let head = timeline.head.map { " at \($0.abbreviated)" } ?? " (no commits yet)"
        return "Timeline of \(timeline.ref)\(head), following \(timeline.fields.joined(separator: ", "))"
    }

    private func change(_ event: HistoryEvent) -> String {
        switch event.kind {
        case .created: return "\(event.field ?? "") \(event.to ?? "–")"
        case .changed: return "\(event.field ?? "") \(event.from ?? "–") → \(event.to ?? "–")"
        case .renamed: return "\(event.fromPath ?? "") → \(event.toPath ?? "")"
        case .deleted: return "was \(event.from ?? "–")"
        case .skipped: return "not read: over the \(RecordLimits.sizeText(RecordLimits.fileBytes)) a record may be"
        }
    }

    private func timeSummary(_ record: RecordHistory, in timeline: Timeline) -> String {
        let periods = timeline.periods(of: record)
        let totals = timeline.timeInStatus(of: record, now: now).map { "\($0.value ?? "none") \(Self.duration($0.seconds))" }
        guard !totals.isEmpty else { return "" }
        let current = record.deleted ? "deleted" : "now " + (periods.last?.value ?? "none")
        return "time in \(timeline.fields[0]): " + totals.joined(separator: ", ") + " (\(current))"
    }

    private func text(_ timeline: Timeline) -> String {
        var lines = [heading(timeline)]
        if let note = Self.shallowNote(timeline) { lines.append("note: " + note) }
        let records = shownRecords(of: timeline)
        if records.isEmpty { lines.append("no records have history here") }
        for record in records {
            lines.append("")
            let title = record.title.map { "  \($0)" } ?? ""
            let team = record.declaredTeams.isEmpty ? "" : "  [\(record.declaredTeams.joined(separator: ", "))]"
            lines.append("\(record.id)\(record.beyondShallowBoundary ? " (*)" : "")\(title)\(team)  \(record.path)\(record.deleted ? " (deleted)" : "")")
            lines += eventLines(of: record, in: timeline)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A record's events, one indented line each, then its time in each
    /// status: the body of its entry in the text format, and of `kaizen show`'s history.
    public func eventLines(of record: RecordHistory, in timeline: Timeline) -> [String] {
        let events = shownEvents(of: record)
        let kindWidth = events.map(\.kind.rawValue.count).max() ?? 0
        let changeWidth = events.map { change($0).count }.max() ?? 0
        var lines = events.map { event in
            let kind = event.kind.rawValue.padding(toLength: kindWidth, withPad: " ", startingAt: 0)
            let change = change(event).padding(toLength: changeWidth, withPad: " ", startingAt: 0)
            return "  \(event.commit.date.day)  \(kind)  \(change)  \(event.commit.author.name) <\(event.commit.author.email)>  \(event.commit.id.abbreviated)"
        }
        let summary = timeSummary(record, in: timeline)
        if !summary.isEmpty { lines.append("  " + summary) }
        return lines
    }

    private func markdown(_ timeline: Timeline) -> String {
        var lines = ["## " + heading(timeline), ""]
        if let note = Self.shallowNote(timeline) { lines += ["> **Note:** " + note + ".", ""] }
        let records = shownRecords(of: timeline)
        guard !records.isEmpty else { return (lines + ["No records have history here."]).joined(separator: "\n") + "\n" }
        lines += ["| Record | Date | Event | Change | Author | Commit |", "|---|---|---|---|---|---|"]
        for record in records {
            let name = "`\(record.id)`" + (record.beyondShallowBoundary ? " (*)" : "")
            for event in shownEvents(of: record) {
                let cells = [name, event.commit.date.day, event.kind.rawValue, Self.cell(change(event)),
                             Self.cell(event.commit.author.name), "`\(event.commit.id.abbreviated)`"]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        lines += ["", "| Record | Time in \(Self.cell(timeline.fields[0])) |", "|---|---|"]
        for record in records {
            lines.append("| `\(record.id)` | \(Self.cell(timeSummary(record, in: timeline))) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a Markdown table cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// A gantt chart, one section per team and one bar per period, in a fenced
    /// block that GitHub renders. A period in a final value (`concluded`) is a
    /// milestone, not a bar that grows until today.
    private func mermaid(_ timeline: Timeline) -> String {
        var lines = ["```mermaid", "gantt"]
        var title = "\(timeline.fields[0]) over time, by team"
        if timeline.shallow { title += " (shallow clone: earlier history unknown)" }
        lines += ["    title \(Self.mermaidText(title))", "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m-%d"]
        // `now` may be the end of a day (midnight after it): bars end on that day.
        let today = CalendarDate(dayNumber: Int((now - 1) / 86_400)).description
        var byTeam: [String: [RecordHistory]] = [:]
        for record in shownRecords(of: timeline) {
            for team in record.declaredTeams.isEmpty ? ["no team"] : record.declaredTeams { byTeam[team, default: []].append(record) }
        }
        for team in byTeam.keys.sorted() {
            lines.append("    section \(Self.mermaidText(team))")
            for record in byTeam[team]! {
                for period in timeline.periods(of: record) {
                    let name = Self.mermaidText("\(record.id) \(period.value ?? "none")")
                    if let value = period.value, finalValues.contains(value) {
                        lines.append("    \(name) :milestone, \(period.start.day), 0d")
                    } else {
                        let end = max(period.end.map(\.day) ?? today, period.start.day)
                        lines.append("    \(name) :\(period.end == nil ? "active, " : "")\(period.start.day), \(end)")
                    }
                }
            }
        }
        lines.append("```")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mermaid ends a task name at `:` and a statement at `;` or `#`.
    private static func mermaidText(_ text: String) -> String {
        String(text.map { ":;#\n\r".contains($0) ? " " : $0 })
    }

    private func csv(_ timeline: Timeline) -> String {
        var rows = [["id", "path", "type", "commit", "date", "author_name", "author_email", "field", "from", "to",
                     "from_path", "to_path", "beyond_shallow_boundary", "shallow_clone"]]
        for record in shownRecords(of: timeline) {
            for event in shownEvents(of: record) {
                rows.append([record.id, record.path, event.kind.rawValue, event.commit.id.description, event.commit.date.iso8601,
                             event.commit.author.name, event.commit.author.email, event.field ?? "", event.from ?? "", event.to ?? "",
                             event.fromPath ?? "", event.toPath ?? "", String(record.beyondShallowBoundary), String(timeline.shallow)])
            }
        }
        return CSVText.document(rows)
    }
}

/// The `--format json` shape (version 1). Keys are only ever added, and are
/// written in sorted order; absent values are explicit nulls, so every event
/// has the same keys.
struct TimelineJSON {
    static func render(_ timeline: Timeline, formatter: TimelineFormatter) -> [UInt8] {
        let eventCount = timeline.records.reduce(0) { $0 + $1.events.count }
        var json = JSONWriter(expectedSize: 1_024 + timeline.records.count * 400 + eventCount * 450)
        json.beginObject()
        json.key("fields")
        json.strings(timeline.fields)
        json.key("head")
        json.string(timeline.head?.description)
        json.key("records")
        json.beginArray()
        for record in formatter.shownRecords(of: timeline) {
            json.beginObject()
            json.key("beyondShallowBoundary")
            json.bool(record.beyondShallowBoundary)
            json.key("deleted")
            json.bool(record.deleted)
            json.key("events")
            json.beginArray()
            for event in formatter.shownEvents(of: record) { write(event, into: &json) }
            json.endArray()
            json.key("id")
            json.string(record.id)
            json.key("path")
            json.string(record.path)
            json.key("teams")
            json.strings(record.declaredTeams)
            json.key("timeInStatus")
            json.beginArray()
            for total in timeline.timeInStatus(of: record, now: formatter.now) {
                json.beginObject()
                json.key("seconds")
                json.integer(total.seconds)
                json.key("value")
                json.string(total.value)
                json.endObject()
            }
            json.endArray()
            json.key("title")
            json.string(record.title)
            json.endObject()
        }
        json.endArray()
        json.key("ref")
        json.string(timeline.ref)
        json.key("shallow")
        json.bool(timeline.shallow)
        json.key("since")
        json.string(formatter.since?.description)
        json.key("version")
        json.integer(1)
        json.endObject()
        return json.document
    }

    private static func write(_ event: HistoryEvent, into json: inout JSONWriter) {
        json.beginObject()
        json.key("author")
        json.beginObject()
        json.key("email")
        json.string(event.commit.author.email)
        json.key("name")
        json.string(event.commit.author.name)
        json.endObject()
        json.key("commit")
        json.string(event.commit.id.description)
        json.key("date")
        json.string(event.commit.date.iso8601)
        json.key("field")
        json.string(event.field)
        json.key("from")
        json.string(event.from)
        json.key("fromPath")
        json.string(event.fromPath)
        json.key("to")
        json.string(event.to)
        json.key("toPath")
        json.string(event.toPath)
        json.key("type")
        json.string(event.kind.rawValue)
        json.endObject()
    }
}
