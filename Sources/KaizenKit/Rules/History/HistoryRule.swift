/// A check of what a change did to records between two versions of the
/// repository: a base (a commit) and a head (a later commit, the index or the
/// working tree). Each rule lives in its own file, like the record rules.
protocol HistoryRule: Sendable {
    static var descriptor: RuleDescriptor { get }
    /// `context` holds every record of the head version, for a rule whose
    /// verdict on a change depends on other records.
    func check(_ changes: RecordChanges, context: RuleContext, findings: inout Findings)
}

/// What one change did to one record.
public struct RecordChange: Sendable {
    /// The record in the base version; nil when it was added.
    public var before: Record?
    /// The record in the head version; nil when it was deleted.
    public var after: Record?

    /// The experiment on both sides, when it was one on both.
    var experiments: (before: ExperimentRecord, after: ExperimentRecord, record: Record)? {
        guard let before = before?.experiment, let after, let afterExperiment = after.experiment else { return nil }
        return (before, afterExperiment, after)
    }
}

/// The records that differ between two versions, each paired with its other
/// version: by id (a record moved between folders keeps its id), then by
/// content, as git pairs renamed files, so a renamed file is not a deletion.
public struct RecordChanges: Sendable {
    /// In head path order, then deletions in base path order.
    public var changes: [RecordChange]

    public init(changes: [RecordChange]) {
        self.changes = changes
    }
}
