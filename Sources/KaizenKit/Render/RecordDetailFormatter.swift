/// `kaizen show ID`: one record's fields, sections, the records that link to
/// it, and its problems.
public struct RecordDetailFormatter: Sendable {
    public var format: ListFormat
    public var config: KaizenConfig
    public var today: CalendarDate
    public var displayPath: @Sendable (String) -> String
    /// When given, the record's committed history is shown too.
    public var history: WorkspaceHistory?

    public init(format: ListFormat, config: KaizenConfig, today: CalendarDate,
                displayPath: @escaping @Sendable (String) -> String = { $0 }, history: WorkspaceHistory? = nil) {
        self.format = format
        self.config = config
        self.today = today
        self.displayPath = displayPath
        self.history = history
    }

    /// - Parameters:
    ///   - linkedFrom: records that refer to this one.
    ///   - diagnostics: this record's problems, as `kaizen check` reports them.
    public func render(_ record: Record, linkedFrom: [Record], diagnostics: [Diagnostic]) -> String {
        switch format {
        case .json: return json(record, linkedFrom: linkedFrom, diagnostics: diagnostics)
        case .text: return text(record, linkedFrom: linkedFrom, diagnostics: diagnostics)
        }
    }

    private func json(_ record: Record, linkedFrom: [Record], diagnostics: [Diagnostic]) -> String {
        struct Link: Encodable {
            var id: String
            var kind: RecordKind?
            var status: String?
        }
        struct Problem: Encodable {
            var line, column: Int
            var severity: Severity
            var rule, message: String
        }
        struct Document: Encodable {
            var version = 1
            var record: RecordJSON
            var linkedFrom: [Link]
            var diagnostics: [Problem]
        }
        var document = Document(
            record: RecordJSON(record, config: config, today: today, includeSections: true, history: history),
            linkedFrom: linkedFrom.map { Link(id: $0.id, kind: $0.kind, status: $0.status?.value) },
            diagnostics: diagnostics.map {
                Problem(line: $0.position.line, column: $0.position.column, severity: $0.severity, rule: $0.rule, message: $0.message)
            })
        document.record.path = displayPath(record.path)
        return JSONOutput.encode(document)
    }

    private func text(_ record: Record, linkedFrom: [Record], diagnostics: [Diagnostic]) -> String {
        var lines = [displayPath(record.path), record.title?.value ?? "(no title)"]
        var fields: [(String, String)] = [
            ("kind", record.kind?.rawValue ?? "unknown"),
            ("status", record.status?.value ?? "-"),
        ]
        switch record.details {
        case .improvement(let improvement):
            fields += [
                ("origin", improvement.origin?.value ?? "-"),
                ("level", improvement.level?.value.rawValue ?? "-"),
                ("area", improvement.area?.value ?? "-"),
            ]
            if !improvement.constraints.isEmpty { fields.append(("constraints", improvement.constraints.map(\.value).joined(separator: ", "))) }
        case .experiment(let experiment):
            fields += experimentFields(experiment)
        case .constraint(let constraint):
            fields.append(("level", constraint.level?.value.rawValue ?? "-"))
            let recurring = constraint.isRecurring(today: today, windowDays: config.reviewWindowDays)
            fields.append(("recurring", recurring ? "yes (within \(config.reviewWindowDays) days)" : "no"))
            for observation in constraint.observed {
                let note = observation.note.map { ": \($0.value)" } ?? ""
                fields.append(("observed", "\(observation.date?.value.description ?? "?") \(observation.team?.value ?? "?")\(note)"))
            }
        case .unreadable:
            break
        }
        if !record.tags.isEmpty { fields.append(("tags", record.tags.map(\.value).joined(separator: ", "))) }
        if !record.sections.isEmpty {
            fields.append(("sections", record.sections.map { $0.hasContent ? $0.title : "\($0.title) (empty)" }.joined(separator: ", ")))
        }
        let width = fields.map(\.0.count).max() ?? 0
        lines += fields.map { "  \($0.0)\(String(repeating: " ", count: width - $0.0.count))  \($0.1)" }
        if !linkedFrom.isEmpty {
            lines.append("linked from:")
            lines += linkedFrom.map { "  \($0.id) (\($0.kind?.rawValue ?? "?"), \($0.status?.value ?? "?")): \($0.title?.value ?? "")" }
        }
        if let history, let past = history.history(ofRecordAt: record.path) {
            lines.append("history (first-parent \(history.timeline.ref)):")
            lines += TimelineFormatter(format: .text, now: today.endInSeconds).eventLines(of: past, in: history.timeline)
        }
        if !diagnostics.isEmpty {
            lines.append("problems:")
            lines += diagnostics.map { "  " + DiagnosticLine.render($0, path: displayPath($0.path)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func experimentFields(_ experiment: ExperimentRecord) -> [(String, String)] {
        var fields: [(String, String)] = [("teams", experiment.teams.map(\.value).joined(separator: ", "))]
        if let improvement = experiment.improvement { fields.append(("improvement", improvement.value)) }
        if !experiment.constraints.isEmpty { fields.append(("constraints", experiment.constraints.map(\.value).joined(separator: ", "))) }
        fields.append(("hypothesis", experiment.hypothesis?.value ?? "-"))
        for signal in experiment.signals {
            let result = signal.result.map { ", result \($0.value)" } ?? ""
            fields.append(("signal", "\(signal.metric?.value ?? "?"): \(signal.baseline?.value ?? "?") → \(signal.target?.value ?? "?")\(result)"))
        }
        if let start = experiment.start { fields.append(("start", start.value.description)) }
        if let deadline = experiment.deadline {
            var note = ""
            if experiment.status?.value == .running {
                let left = today.days(until: deadline.value)
                note = left >= 0 ? " (\(pluralized(left, "day")) left)" : " (expired \(pluralized(-left, "day")) ago)"
            }
            fields.append(("review-by", "\(deadline.value)\(note)"))
        }
        for extensionEntry in experiment.extensions {
            fields.append(("extension", "\(extensionEntry.until?.value.description ?? "?"): \(extensionEntry.reason?.value ?? "")"))
        }
        fields.append(("rollback", experiment.rollback?.value ?? "-"))
        if let outcome = experiment.outcome { fields.append(("outcome", outcome.value.rawValue)) }
        if let reason = experiment.outcomeReason { fields.append(("outcome-reason", reason.value)) }
        if let concluded = experiment.concluded { fields.append(("concluded", concluded.value.description)) }
        return fields
    }
}
