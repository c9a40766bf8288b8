/// What `kaizen show` shows of one record: the record, the records that
/// link to it and what `kaizen check` finds in it.
public struct RecordDetail: Sendable {
    public let record: Record
    /// By id.
    public let linkedFrom: [Record]
    /// Among every record of the working tree, so the cross-record rules count.
    public let diagnostics: [Diagnostic]
    /// How history renamed the record, when it was asked for by a former id.
    public let renamed: RecordRename?

    /// The record with this id in the working tree of `workspace`, or the one
    /// `history` renamed it to; a near miss names the closest id.
    public static func of(id: String, in workspace: Workspace, today: CalendarDate, history: WorkspaceHistory?) throws -> RecordDetail {
        let parsed = try RecordLoader(workspace: workspace).loadAll()
        let records = parsed.map(\.record)
        let (record, renamed) = try RecordLookup.record(withID: id, in: records, history: { history })
        let renames = RecordRenames { history?.timeline }
        let report = Checker.check(parsed, workspace: workspace, today: today, scope: [record.path], renames: renames)
        return RecordDetail(record: record, linkedFrom: RecordLookup.records(linkingTo: record.id, in: records),
                            diagnostics: report.diagnostics, renamed: renamed)
    }
}
