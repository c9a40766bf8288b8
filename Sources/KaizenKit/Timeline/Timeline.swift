/// The commit an event landed in.
public struct CommitStamp: Sendable, Hashable {
    public var id: ObjectID
    public var date: GitTime
    public var author: GitSignature
}

/// One change to one record, as it landed on the first-parent line.
public struct HistoryEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `skipped`: a version over the size a record may be, whose values were not read.
        case created, changed, renamed, deleted, skipped
    }

    public var kind: Kind
    public var commit: CommitStamp
    /// The field the event is about; nil for a rename.
    public var field: String?
    /// The field's value before and after; nil when absent.
    public var from: String?
    public var to: String?
    /// The file's path before (deleted, renamed) and after (created, changed, renamed).
    public var fromPath: String?
    public var toPath: String?
}

/// A record's history: every event in the order it landed.
public struct RecordHistory: Sendable {
    /// The `id` field, or the file name without `.md` when there is none.
    public var id: String
    /// The path at the scanned commit, or the last path when deleted.
    public var path: String
    public var deleted: Bool
    /// The record already existed at a shallow clone's boundary, so its real
    /// creation, and every change before the boundary, is unknown.
    public var beyondShallowBoundary: Bool
    public var title: String?
    /// The teams its front matter names under `team` or `teams`, as any
    /// front-matter Markdown may; not `Record.teams`, which also counts an
    /// improvement's origin and a constraint's observers.
    public var declaredTeams: [String]
    /// The tracked fields' current (or last) values, in the scope's order.
    public var values: [String?]
    public var events: [HistoryEvent]
}

/// How long a record spent with one value of its first tracked field.
public struct StatusPeriod: Sendable, Hashable {
    public var value: String?
    public var start: GitTime
    /// nil while the period lasts.
    public var end: GitTime?

    /// Seconds from the start to the end, or to `now` while it lasts.
    public func seconds(now: Int64) -> Int64 {
        max(0, (end?.seconds ?? now) - start.seconds)
    }
}

/// The history of every record in a scope, read from one ref.
public struct Timeline: Sendable {
    public var ref: String
    /// nil when the repository has no commit yet.
    public var head: ObjectID?
    /// The history ends at a shallow clone's boundary.
    public var shallow: Bool
    public var fields: [String]
    /// Sorted by id, then path.
    public var records: [RecordHistory]

    /// The periods of a record's first tracked field, oldest first.
    public func periods(of record: RecordHistory) -> [StatusPeriod] {
        guard let field = fields.first else { return [] }
        var periods: [StatusPeriod] = []
        func close(at time: GitTime) {
            if let last = periods.indices.last, periods[last].end == nil { periods[last].end = time }
        }
        for event in record.events {
            switch event.kind {
            case .created:
                close(at: event.commit.date)
                periods.append(StatusPeriod(value: event.to, start: event.commit.date, end: nil))
            case .changed where event.field == field:
                close(at: event.commit.date)
                periods.append(StatusPeriod(value: event.to, start: event.commit.date, end: nil))
            case .deleted:
                close(at: event.commit.date)
            case .changed, .renamed, .skipped:
                break
            }
        }
        return periods
    }

    /// Total seconds per value of the first tracked field, in order of first appearance.
    public func timeInStatus(of record: RecordHistory, now: Int64) -> [(value: String?, seconds: Int64)] {
        var totals: [(value: String?, seconds: Int64)] = []
        for period in periods(of: record) {
            if let index = totals.firstIndex(where: { $0.value == period.value }) {
                totals[index].seconds += period.seconds(now: now)
            } else {
                totals.append((period.value, period.seconds(now: now)))
            }
        }
        return totals
    }
}
