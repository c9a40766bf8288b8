/// What a pull request does to the records, for `kaizen review`: the
/// experiments it starts, extends and concludes, and every finding in what it
/// changes, so a reviewer can judge an outcome without opening the files.
public struct ReviewReport: Sendable {
    public var range: RevisionRange
    /// The commit compared against: the merge base for `BASE...HEAD`.
    public var baseCommit: ObjectID
    public var headCommit: ObjectID
    /// Records the change adds, in path order.
    public var added: [Record]
    public var started: [StartedExperiment]
    public var extended: [ExtendedExperiment]
    public var concluded: [ConcludedExperiment]
    /// Records the change deletes (also a `record-deleted` finding).
    public var deleted: [Record]
    /// Changed records that are drafts (a planned experiment, a proposed
    /// improvement) with text still to write, in path order: up for discussion.
    public var drafts: [Draft] = []
    /// Improvements whose status the change moved (with an experiment, or by hand), in path order.
    public var movedImprovements: [MovedImprovement] = []
    /// Constraints seen again: the observations the change appended, in path order.
    public var observedConstraints: [ObservedConstraint] = []
    /// Records whose file the pull request renamed, which gives them a new id.
    public var renamed: [RenamedRecord] = []
    /// How many records the change adds, modifies, renames or deletes.
    public var changedCount: Int
    /// The history-rule findings and every `check` finding in changed records, sorted.
    public var findings: CheckReport
    /// The head commit's text of the files with findings.
    public var sources: FindingSources

    public var errorCount: Int { findings.errorCount }
}

public struct MovedImprovement: Sendable {
    public var record: Record
    public var from: ImprovementStatus
    public var to: ImprovementStatus
}

/// A record renamed in a pull request: its id is its file name, so links
/// to the former id break.
public struct RenamedRecord: Sendable {
    /// As it is at the head.
    public var record: Record
    public var formerID: String
    /// The head's records that still link to the former id, by id.
    public var linkedByFormerID: [Record]
}

public struct ObservedConstraint: Sendable {
    public var record: Record
    public var newObservations: [Observation]
}

public struct Draft: Sendable {
    public var record: Record
    /// How many of its findings are about text not written yet.
    public var unfinished: Int
}

public struct StartedExperiment: Sendable {
    public var record: Record
    public var experiment: ExperimentRecord
}

public struct ExtendedExperiment: Sendable {
    public var record: Record
    public var experiment: ExperimentRecord
    /// The deadline before the change.
    public var previousDeadline: CalendarDate?
    /// The entries the change appended.
    public var newExtensions: [Extension]
}

public struct ConcludedExperiment: Sendable {
    public var record: Record
    public var experiment: ExperimentRecord
    /// In the order the record lists them.
    public var signals: [(signal: Signal, verdict: SignalVerdict)]
    /// The Learnings section's Markdown as written, HTML blocks left out; nil when absent.
    public var learnings: String?
}

extension ReviewReport {
    /// Concluded experiments by outcome, in outcome order, only those present.
    public var outcomes: [(outcome: String, count: Int)] {
        let written = concluded.map { $0.experiment.outcome?.value.rawValue ?? "no outcome" }
        let order = Outcome.allCases.map(\.rawValue) + ["no outcome"]
        return order.compactMap { outcome in
            let count = written.count { $0 == outcome }
            return count > 0 ? (outcome, count) : nil
        }
    }
}
