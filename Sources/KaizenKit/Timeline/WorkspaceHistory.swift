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

extension WorkspaceHistory {
    /// What reading a workspace's history gave.
    public struct Reading: Sendable {
        /// nil where there is none to read: no repository, no commit yet, or
        /// one git will not read.
        public let history: WorkspaceHistory?
        /// Why the history could not be read when there is one: the
        /// repository belongs to another user (git's `safe.directory`).
        public let unreadable: KaizenError?
    }

    /// The status history of the workspace's records along the first-parent
    /// line of `ref`. `list`, `show`, `due`, `report` and `site` go without
    /// history where there is none, and name the reason when it is `unreadable`;
    /// any other failure to read it is thrown.
    public static func read(_ workspace: Workspace, ref: String = "HEAD", cache: Bool = true,
                            progress: (@Sendable (HistoryScanner.Progress) -> Void)? = nil) throws -> Reading {
        let scope: HistoryScope
        do {
            scope = try HistoryScope.records(of: workspace, fields: ["status"])
        } catch KaizenError.notARepository {
            return Reading(history: nil, unreadable: nil)
        } catch let error as KaizenError {
            guard case .repositoryNotOwned = error else { throw error }
            return Reading(history: nil, unreadable: error)
        }
        let timeline = try HistoryScanner(repositoryContaining: workspace.root.path, scope: scope)
            .scan(ref: ref, cache: cache, progress: progress)
        return Reading(history: timeline.head == nil ? nil : WorkspaceHistory(timeline: timeline, scope: scope), unreadable: nil)
    }
}
