/// A workspace's records matched with their history, for the flow figures of
/// `kaizen list` and `kaizen show`.
public struct WorkspaceHistory: Sendable {
    public let timeline: Timeline
    /// Live records by their path relative to the workspace root.
    private let byPath: [String: RecordHistory]

    public init(timeline: Timeline, scope: HistoryScope) {
        self.timeline = timeline
        let prefix = scope.workspaceFolder.isEmpty ? "" : scope.workspaceFolder + "/"
        var byPath: [String: RecordHistory] = [:]
        for record in timeline.records where !record.deleted && record.path.hasPrefix(prefix) {
            byPath[String(record.path.dropFirst(prefix.count))] = record
        }
        self.byPath = byPath
    }

    /// The committed history of the record at a workspace-relative path.
    public func history(ofRecordAt path: String) -> RecordHistory? {
        byPath[path]
    }

    /// The day the record at a workspace-relative path was first committed,
    /// in the committer's time zone; nil without history, or beyond a shallow clone's boundary.
    public func firstCommitted(ofRecordAt path: String) -> CalendarDate? {
        guard let record = byPath[path], !record.beyondShallowBoundary,
              let created = record.events.first(where: { $0.kind == .created }),
              case .success(let day) = CalendarDate.parse(created.commit.date.day) else { return nil }
        return day
    }

    /// Since when a record has had its current status: the commit that set it.
    /// nil when the status in the file is not the committed one (an edit not
    /// yet committed) or the record has no history.
    public func statusSince(ofRecordAt path: String, currentStatus: String?) -> GitTime? {
        guard let record = byPath[path], let period = timeline.periods(of: record).last,
              period.end == nil, period.value == currentStatus else { return nil }
        return period.start
    }

    /// Whole days from the commit that set the current status (its day, in its
    /// own time zone) to `today`; nil when `statusSince` is.
    public func daysInStatus(ofRecordAt path: String, currentStatus: String?, today: CalendarDate) -> Int? {
        guard let since = statusSince(ofRecordAt: path, currentStatus: currentStatus),
              case .success(let day) = CalendarDate.parse(since.day) else { return nil }
        return max(0, day.days(until: today))
    }
}
