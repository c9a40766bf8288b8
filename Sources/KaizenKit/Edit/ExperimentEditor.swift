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

/// Moves an experiment through its life by editing its front matter in place
/// (see `FrontMatterEditor`): only the fields the step sets change. Its
/// improvement moves with it: to trialling when a proposed one's experiment
/// starts, to proven when one is retained, in the same write.
public struct ExperimentEditor: Sendable {
    private let records: RecordEditor
    /// The records' committed history, when read: a start date before the
    /// record was first committed gets a note.
    public let history: WorkspaceHistory?

    /// - Parameter parsed: every record of the workspace: the edited one is checked among them.
    public init(workspace: Workspace, parsed: [ParsedRecord], history: WorkspaceHistory? = nil) {
        records = RecordEditor(workspace: workspace, parsed: parsed)
        self.history = history
    }

    /// The edit `change` makes to the experiment `id`, checked but not
    /// written. Throws when the experiment cannot take this step (wrong kind
    /// or status, an extension that does not extend) or when its front matter
    /// has a shape that cannot be edited safely.
    public func prepare(_ change: ExperimentChange, id: String, today: CalendarDate) throws -> RecordEdit {
        let (original, current) = try records.current(id, kind: .experiment, command: change.command)
        let record = current.record
        guard let experiment = record.experiment, let status = experiment.status?.value else {
            throw KaizenError.invalidArgument(
                "'\(record.id)' has no status kaizen can read: fix what `kaizen check \(record.path)` reports, then run \(change.command) again")
        }
        try Self.requireStep(change, from: status, of: record, experiment)
        let edit = try records.edit(record.path, original: original, byHand: Self.byHand(change)) { editor throws(FrontMatterEditor.Refusal) in
            try Self.apply(change, to: &editor, from: status, experiment)
        }
        let checked = records.checked(edit, today: today)
        var result = checked.edit
        if let moved = try improvementEdit(for: change, of: experiment, id: record.id) {
            // Only what the move itself brings: the improvement's other findings are not this command's to stop on.
            let before = Set(records.check(checked.records, scope: moved.path, today: today).map(\.identity))
            let bothEdited = checked.records.map { $0.record.path == moved.path ? records.parse(moved.edited, path: moved.path) : $0 }
            let brought = records.check(bothEdited, scope: moved.path, today: today).filter { !before.contains($0.identity) }
            result.alongside = [RecordEdit(path: moved.path, original: moved.original, edited: moved.edited, summary: moved.summary,
                                           diagnostics: moved.positions(of: brought), advice: "")]
        }
        if case .start(let date) = change, let committed = history?.firstCommitted(ofRecordAt: record.path), date < committed {
            result.notes.append("the start date \(date) is before \(record.path) was first committed, on \(committed): "
                + "if it did start then, leave it; if not, correct 'start'")
        }
        result.advice = Self.advice(change, path: record.path, errors: result.errors)
        return result
    }

    /// The move of the experiment's improvement that `change` brings: a
    /// proposed improvement is trialling once an experiment of it starts, and
    /// proven once one retains it. Nil when it has none, or needs no move.
    private func improvementEdit(for change: ExperimentChange, of experiment: ExperimentRecord, id: String) throws -> FileEdit? {
        guard let improvementID = experiment.improvement?.value,
              let located = records.parsed.first(where: { $0.record.id == improvementID && $0.record.kind == .improvement }) else { return nil }
        let path = located.record.path
        let (original, current) = try records.read(path, id: improvementID)
        guard let status = current.record.improvement?.status?.value else { return nil }
        let target: ImprovementStatus
        let why: String
        switch (change, status) {
        case (.start, .proposed):
            (target, why) = (.trialling, "'\(id)' trials it")
        case (.conclude(.retained, _, _), .proposed), (.conclude(.retained, _, _), .trialling):
            (target, why) = (.proven, "'\(id)' retained it")
        default:
            return nil
        }
        return try records.edit(path, original: original,
                                byHand: "set 'status: \(target.rawValue)' in \(path), as \(why), and run \(change.command) again") {
            editor throws(FrontMatterEditor.Refusal) in
            try editor.setText("status", to: target.rawValue, after: [])
            return "status \(status.rawValue) → \(target.rawValue), as \(why)"
        }
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
        // What --until asks for, not the file, is what to change.
        if case .extend(let until, _) = change {
            if errors.contains(where: { $0.rule == RuleDescriptor.expired.name }) {
                return "--until \(until) has already passed, so the experiment would still be expired: choose a later date"
            }
            if errors.contains(where: { $0.rule == RuleDescriptor.tooLong.name }) {
                return "--until \(until) would make the experiment run longer than max-experiment-days: choose an earlier date, "
                    + "or conclude this experiment and start a smaller one"
            }
        }
        if case .start = change, errors.contains(where: \.unfinished) {
            return "it is still a draft: write what is listed above in \(path), then run start again"
        }
        if case .conclude = change, errors.contains(where: { $0.rule == RuleDescriptor.conclusionIncomplete.name }) {
            return "fill in what the conclusion still lacks in \(path) (a result under each signal, the Learnings section), then run conclude again"
        }
        return "fix what is listed above in \(path), then run \(change.command) again"
    }
}

private extension Diagnostic {
    /// What a finding says, wherever it points: the same before and after an edit moves lines.
    var identity: [String] { [rule, message] }
}
