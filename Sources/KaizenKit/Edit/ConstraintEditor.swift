/// A constraint seen again, as `kaizen observe` records it.
public struct NewObservation: Sendable, Equatable {
    public var date: CalendarDate
    /// The observing team; the only team of kaizen.yml when nil.
    public var team: String?
    /// What was seen.
    public var note: String
    /// Whether a resolved constraint is set back to open: it is back.
    public var reopens: Bool

    public init(date: CalendarDate, team: String?, note: String, reopens: Bool = false) {
        self.date = date
        self.team = team
        self.note = note
        self.reopens = reopens
    }
}

/// Keeps a constraint's record living: each time it is seen again, an entry
/// `{date, team, note}` is appended to its `observed` list, in place, as
/// `kaizen extend` appends an extension (see `FrontMatterEditor`).
public struct ConstraintEditor: Sendable {
    public static let command = "observe"

    private let records: RecordEditor

    /// - Parameter parsed: every record of the workspace: the edited one is checked among them.
    public init(workspace: Workspace, parsed: [ParsedRecord]) {
        records = RecordEditor(workspace: workspace, parsed: parsed)
    }

    /// The edit that records `observation` on the constraint `id`, checked
    /// but not written. Throws when `id` is not a readable constraint, the
    /// team is unknown, the note is empty, `reopens` is asked of a constraint
    /// that is not resolved, or its front matter has a shape that cannot be
    /// edited safely.
    public func prepare(_ observation: NewObservation, id: String, today: CalendarDate) throws -> RecordEdit {
        let (original, current) = try records.current(id, kind: .constraint, command: Self.command)
        let record = current.record
        guard let constraint = record.constraint else {
            throw KaizenError.invalidArgument(
                "'\(record.id)' cannot be read as a constraint: fix what `kaizen check \(record.path)` reports, then run \(Self.command) again")
        }
        let note = observation.note.trimmingSpaces()
        guard !note.isEmpty else {
            throw KaizenError.invalidArgument("the note is empty: say what was seen")
        }
        let team = try records.workspace.config.team(given: observation.team)
        let status = constraint.status?.value
        if observation.reopens, status != .resolved {
            let state = status.map { "is \($0.rawValue), not resolved" } ?? "has no status kaizen can read"
            throw KaizenError.invalidArgument("'\(record.id)' \(state): --reopen sets a resolved constraint that is back to open")
        }
        let fields = [("date", observation.date.description), ("team", team), ("note", note)]
        let entry = "observed by \(team) on \(observation.date) (observation \(constraint.observed.count + 1)): \(note)"
        var byHand = "add '- {date: \(observation.date), team: \(team), note: \(YAMLText.quoted(note))}' at the end of 'observed:'"
        if observation.reopens { byHand += ", and set 'status: open'" }
        let edit = try records.edit(record.path, original: original, byHand: byHand) { editor throws(FrontMatterEditor.Refusal) in
            try editor.append(fields, to: "observed", after: ["level", "status", "title"])
            if observation.reopens {
                try editor.setText("status", to: ConstraintStatus.open.rawValue, after: [])
                return "status resolved → open, \(entry)"
            }
            // Seen again does not mean back for good: whether to reopen is the team's call.
            return status == .resolved ? "\(entry); it stays resolved: if it is back, set 'status: open'" : entry
        }
        var result = records.checked(edit, today: today).edit
        result.advice = observation.date > today
            ? "give --date the day it was seen: an observation records what happened, not what is expected"
            : "fix what is listed above in \(record.path), then run \(Self.command) again"
        return result
    }
}
