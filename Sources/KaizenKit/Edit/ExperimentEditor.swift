/// A step in an experiment's life, as `kaizen start`, `extend` and `conclude` take it.
public enum ExperimentChange: Sendable, Equatable {
    /// planned → running, from this date.
    case start(on: CalendarDate)
    /// A new `extensions` entry: the deadline moves to `until`, for `reason`.
    case extend(until: CalendarDate, reason: String)
    /// running (or, abandoned, planned) → concluded, with this outcome, on
    /// this date, and why, when the outcome goes against the signals.
    case conclude(Outcome, on: CalendarDate, reason: String? = nil)

    /// The command that makes the change.
    public var command: String {
        switch self {
        case .start: return "start"
        case .extend: return "extend"
        case .conclude: return "conclude"
        }
    }
}

/// One record file edited in memory: what would be written, and what
/// `kaizen check` would say of it.
public struct RecordEdit: Sendable {
    /// Workspace-relative.
    public var path: String
    /// The file as it was read.
    public var original: [UInt8]
    public var edited: [UInt8]
    /// One line: what changed.
    public var summary: String
    /// What `kaizen check` reports on the edited record, at the places in
    /// the original file where each finding's text is or would go.
    public var diagnostics: [Diagnostic]
    /// What to do about the errors, when there are any.
    public var advice: String

    /// The findings that stop the edit from being written.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

/// Moves an experiment through its life by editing its front matter in place
/// (see `FrontMatterEditor`): only the fields the step sets change.
public struct ExperimentEditor: Sendable {
    public let workspace: Workspace
    /// Every record of the workspace: the edited one is checked among them.
    public let parsed: [ParsedRecord]

    public init(workspace: Workspace, parsed: [ParsedRecord]) {
        self.workspace = workspace
        self.parsed = parsed
    }

    /// The edit `change` makes to the experiment `id`, checked but not
    /// written. Throws when the experiment cannot take this step (wrong kind
    /// or status, an extension that does not extend) or when its front matter
    /// has a shape that cannot be edited safely.
    public func prepare(_ change: ExperimentChange, id: String, today: CalendarDate) throws -> RecordEdit {
        let path = try RecordLookup.record(withID: id, in: parsed.map(\.record)).path
        // The step is judged on the bytes that are edited, not on the parse
        // made earlier: the file may have changed in between.
        let original: [UInt8]
        do {
            original = try FileReader.readRecord(workspace.filePath(for: path), in: workspace).bytes
        } catch let KaizenError.cannotRead(_, reason) {
            throw KaizenError.invalidArgument("'\(id)' cannot be edited: cannot read \(path): \(reason)")
        }
        let parser = RecordParser(config: workspace.config)
        let folderKind = workspace.config.folderKind(ofPath: path)
        let current = parser.parse(original, path: path, folderKind: folderKind)
        let record = current.record
        guard record.kind == .experiment else {
            let kind = record.kind.map(\.withArticle) ?? "not a record kaizen can read"
            throw KaizenError.invalidArgument("'\(record.id)' is \(kind), not an experiment: \(change.command) changes experiments only")
        }
        if let unreadable = current.diagnostics.first(where: { $0.rule == RuleDescriptor.unreadableFile.name }) {
            throw KaizenError.invalidArgument("'\(record.id)' cannot be edited: \(unreadable.message)")
        }
        guard let experiment = record.experiment, let status = experiment.status?.value else {
            throw KaizenError.invalidArgument(
                "'\(record.id)' has no status kaizen can read: fix what `kaizen check \(record.path)` reports, then run \(change.command) again")
        }
        try Self.requireStep(change, from: status, of: record, experiment)
        let summary: String
        let edited: [UInt8]
        let changes: [FrontMatterEditor.Change]
        do throws(FrontMatterEditor.Refusal) {
            var editor = try FrontMatterEditor(original)
            summary = try Self.apply(change, to: &editor, from: status, experiment)
            (edited, changes) = try editor.edited()
        } catch {
            throw KaizenError.cannotEdit(path: record.path, reason: error.reason, byHand: Self.byHand(change))
        }
        let reparsed = parser.parse(edited, path: record.path, folderKind: folderKind)
        let records = parsed.map { $0.record.path == record.path ? reparsed : $0 }
        // The findings point into the file as it is, which is what the person opens.
        let positions = EditedPositions(original: original, edited: edited, changes: changes)
        let diagnostics = Checker.check(records, workspace: workspace, today: today, scope: [record.path]).diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.position = positions.original(diagnostic.position)
            return diagnostic
        }
        return RecordEdit(path: record.path, original: original, edited: edited, summary: summary,
                          diagnostics: diagnostics, advice: Self.advice(change, path: record.path, errors: diagnostics))
    }

    /// Writes a prepared edit: atomically, keeping the file's permissions,
    /// through a symbolic link only when it stays inside the repository, and
    /// not at all if the file changed since it was read.
    public func write(_ edit: RecordEdit) throws {
        try AtomicFile.replaceUserFile(at: workspace.url(for: edit.path), named: edit.path, inside: workspace.root,
                                       original: edit.original, with: edit.edited)
    }

    // MARK: - Steps

    /// Throws unless an experiment with this status can take the step.
    private static func requireStep(_ change: ExperimentChange, from status: ExperimentStatus, of record: Record,
                                    _ experiment: ExperimentRecord) throws {
        let id = record.id
        let outcome = experiment.outcome.map { " (\($0.value.rawValue))" } ?? ""
        switch (change, status) {
        case (.start, .planned), (.extend, .running), (.conclude, .running):
            break
        case (.start, .running):
            let since = experiment.start.map { " since \($0.value)" } ?? ""
            throw KaizenError.invalidArgument("'\(id)' is already running\(since): there is nothing to start")
        case (.start, .concluded):
            throw KaizenError.invalidArgument(
                "'\(id)' is concluded\(outcome): a concluded experiment does not run again; to try again, start a new experiment (`kaizen new experiment`)")
        case (.extend, .planned):
            throw KaizenError.invalidArgument(
                "'\(id)' is planned, not running: extensions are for running experiments; while it is planned, change its review-by instead, or start it first (`kaizen start \(id)`)")
        case (.extend, .concluded):
            throw KaizenError.invalidArgument("'\(id)' is concluded\(outcome): a concluded experiment cannot be extended")
        case (.conclude, .concluded):
            let date = experiment.concluded.map { " on \($0.value)" } ?? ""
            throw KaizenError.invalidArgument("'\(id)' is already concluded\(outcome)\(date): there is nothing to conclude")
        case (.conclude(let outcome, _, _), .planned):
            guard outcome == .discarded else {
                throw KaizenError.invalidArgument(
                    "'\(id)' never ran (it is planned), so it cannot be concluded as \(outcome.rawValue): start it first (`kaizen start \(id)`), or conclude it as discarded if it was abandoned")
            }
        }
        if case .extend(let until, let reason) = change {
            guard !reason.trimmingSpaces().isEmpty else {
                throw KaizenError.invalidArgument("the reason is empty: say why the experiment needs longer")
            }
            guard let deadline = experiment.deadline?.value else {
                throw KaizenError.invalidArgument("'\(id)' has no review-by to extend: add 'review-by: YYYY-MM-DD' first")
            }
            guard until > deadline else {
                throw KaizenError.invalidArgument(
                    "--until \(until) is not after the current deadline, \(deadline): an extension moves the deadline later")
            }
        }
    }

    /// Makes the change in the editor; returns the one-line summary.
    private static func apply(_ change: ExperimentChange, to editor: inout FrontMatterEditor, from status: ExperimentStatus,
                              _ experiment: ExperimentRecord) throws(FrontMatterEditor.Refusal) -> String {
        switch change {
        case .start(let date):
            try editor.setText("status", to: ExperimentStatus.running.rawValue, after: [])
            try editor.setText("start", to: date.description, after: ["status"])
            return "status \(status.rawValue) → running, start \(date)"
        case .extend(let until, let reason):
            try editor.append([("until", until.description), ("reason", reason)], to: "extensions",
                              after: ["review-by", "start", "status"])
            let number = experiment.extensions.count + 1
            return "deadline \(experiment.deadline!.value) → \(until) (extension \(number)): \(reason)"
        case .conclude(let outcome, let date, let reason):
            try editor.setText("status", to: ExperimentStatus.concluded.rawValue, after: [])
            // A concluded experiment has a start date; one abandoned before it
            // ran started and ended on the same day.
            let neverRan = status == .planned && experiment.start == nil
            if neverRan {
                try editor.setText("start", to: date.description, after: ["status"])
            }
            try editor.setText("outcome", to: outcome.rawValue, after: ["extensions", "review-by"])
            if let reason {
                try editor.setText("outcome-reason", to: reason, after: ["outcome"])
            }
            try editor.setText("concluded", to: date.description, after: ["outcome-reason", "outcome"])
            return "status \(status.rawValue) → concluded, outcome \(outcome.rawValue), concluded \(date)"
                + (neverRan ? ", start \(date) (it never ran)" : "") + (reason == nil ? "" : ", outcome-reason written")
        }
    }

    /// The same change in words, for someone making it by hand.
    private static func byHand(_ change: ExperimentChange) -> String {
        switch change {
        case .start(let date):
            return "set 'status: running' and 'start: \(date)'"
        case .extend(let until, let reason):
            return "add '- {until: \(until), reason: \(YAMLText.quoted(reason))}' at the end of 'extensions:' (create the list after review-by if there is none)"
        case .conclude(let outcome, let date, let reason):
            return "set 'status: concluded', 'outcome: \(outcome.rawValue)' and 'concluded: \(date)'"
                + (reason.map { ", and 'outcome-reason: \(YAMLText.quoted($0))'" } ?? "")
                + (outcome == .discarded ? " (and 'start: \(date)' if it never started)" : "")
        }
    }

    private static func advice(_ change: ExperimentChange, path: String, errors: [Diagnostic]) -> String {
        if case .conclude(let outcome, _, nil) = change, errors.contains(where: { $0.rule == RuleDescriptor.unevidencedOutcome.name }) {
            return "the outcome \(outcome.rawValue) goes against what the signals show (listed above): if it stands, "
                + "run conclude again with --reason \"why\", which is written as 'outcome-reason'"
        }
        if case .conclude = change, errors.contains(where: { $0.rule == RuleDescriptor.conclusionIncomplete.name }) {
            return "fill in what the conclusion still lacks in \(path) (a result under each signal, the Learnings section), then run conclude again"
        }
        return "fix what is listed above in \(path), then run \(change.command) again"
    }
}
