/// When things happened to records: from the front matter where it says
/// (`start`, `concluded`, `observed` dates), else from the commit that made the
/// change on the history's first-parent line.
public struct RecordDating: Sendable {
    private let history: WorkspaceHistory?

    /// - Parameter history: the committed history; nil where there is none,
    ///   and then only the front matter dates anything.
    public init(history: WorkspaceHistory?) {
        self.history = history
    }

    public var hasHistory: Bool { history != nil }

    /// The day a running experiment started: `start`, else the commit that
    /// made it `running`.
    public func started(_ record: Record) -> CalendarDate? {
        record.experiment?.start?.value ?? lastDay(record, became: ExperimentStatus.running.rawValue, stillCurrent: false)
    }

    /// The day an experiment concluded: `concluded`, else the commit that
    /// made it `concluded`.
    public func concluded(_ record: Record) -> CalendarDate? {
        record.experiment?.concluded?.value ?? lastDay(record, became: ExperimentStatus.concluded.rawValue)
    }

    /// The day an improvement became `proven`, from history only: the front
    /// matter has no such date.
    public func proven(_ record: Record) -> CalendarDate? {
        lastDay(record, became: ImprovementStatus.proven.rawValue)
    }

    /// The day a constraint was first seen: its earliest observation, else the
    /// commit that created it.
    public func opened(_ record: Record) -> CalendarDate? {
        let observed = record.constraint?.observed.compactMap(\.date?.value).min()
        guard let created = history?.history(ofRecordAt: record.path)?.events.first(where: { $0.kind == .created }) else {
            return observed
        }
        return [observed, Self.day(of: created.commit.date)].compactMap { $0 }.min()
    }

    /// The day a constraint became `resolved`.
    public func resolved(_ record: Record) -> CalendarDate? {
        lastDay(record, became: ConstraintStatus.resolved.rawValue)
    }

    /// The day of the last commit that set the record's status to `value`;
    /// when `stillCurrent`, only if that is still its status (a status set by
    /// an edit not yet committed has no day yet).
    private func lastDay(_ record: Record, became value: String, stillCurrent: Bool = true) -> CalendarDate? {
        guard !stillCurrent || record.status?.value == value, let events = history?.history(ofRecordAt: record.path)?.events else { return nil }
        let event = events.last { event in
            (event.kind == .created || (event.kind == .changed && event.field == "status")) && event.to == value
        }
        return event.map { Self.day(of: $0.commit.date) } ?? nil
    }

    /// The commit's calendar day in its own time zone, as its author saw it.
    static func day(of time: GitTime) -> CalendarDate? {
        guard case .success(let day) = CalendarDate.parse(time.day) else { return nil }
        return day
    }
}
