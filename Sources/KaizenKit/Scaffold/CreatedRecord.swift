/// A record `kaizen new` or `kaizen adopt` has just written, and what the
/// person is told of it.
public struct CreatedRecord: Sendable {
    /// Workspace-relative.
    public let path: String
    /// The record as written.
    public let record: Record
    /// A note beside it: an adopted improvement whose status lags its experiments.
    public let note: String?
    /// For an improvement or a constraint, the recorded ones most like it
    /// (`RecordSimilarity.lookalikes`), best first: building on one may be
    /// quicker than starting another. Experiments are each team's own trial.
    public let lookalikes: [RecordSimilarity.Match]
    /// What `kaizen check` still finds in it: the placeholders and fields
    /// the template leaves to write.
    public let stillToFillIn: [Diagnostic]

    /// Writes the record `request` asks for, holding the workspace's write
    /// lock so that no other run takes its id meanwhile.
    public static func new(_ request: NewRecordRequest, in workspace: Workspace) throws -> CreatedRecord {
        let (parsed, path) = try RecordWriteLock.holding(workspace) {
            let parsed = try RecordLoader(workspace: workspace).loadAll()
            return (parsed, try RecordCreator(workspace: workspace, records: parsed.map(\.record)).create(request))
        }
        return read(path, among: parsed, in: workspace, today: request.today, note: nil, comparing: request.kind != .experiment)
    }

    /// Writes the adoption experiment `request` asks for, as `new` does.
    public static func adoption(_ request: AdoptionRequest, in workspace: Workspace) throws -> CreatedRecord {
        let (parsed, adoption) = try RecordWriteLock.holding(workspace) {
            let parsed = try RecordLoader(workspace: workspace).loadAll()
            return (parsed, try AdoptionCreator(workspace: workspace, parsed: parsed).create(request))
        }
        return read(adoption.path, among: parsed, in: workspace, today: request.today, note: adoption.note, comparing: false)
    }

    /// The record written at `path`, read back and checked among the others,
    /// and `comparing` it with them, its lookalikes.
    private static func read(_ path: String, among parsed: [ParsedRecord], in workspace: Workspace, today: CalendarDate,
                             note: String?, comparing: Bool) -> CreatedRecord {
        let created = RecordLoader(workspace: workspace).load([path])[0]
        let lookalikes = comparing ? RecordSimilarity.lookalikes(of: created.record, in: parsed.map(\.record)) : []
        let report = Checker.check(parsed + [created], workspace: workspace, today: today, scope: [path])
        return CreatedRecord(path: path, record: created.record, note: note, lookalikes: lookalikes, stillToFillIn: report.diagnostics)
    }
}
