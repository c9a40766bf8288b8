import Foundation

/// `kaizen site`: the working tree's records, their history and the
/// report's figures, written as a static site.
public enum WorkspaceSite {
    public struct Written: Sendable {
        public let summary: SiteWriter.Summary
        /// Why each record file that could not be read was left out, as
        /// `kaizen check` says it.
        public let unreadable: [Diagnostic]
    }

    /// Writes the site to `output`; `window` is the dashboard's period, as
    /// for `kaizen report`. The pages show each record's body from the same
    /// read of the file that gave its fields.
    public static func write(_ workspace: Workspace, to output: URL, force: Bool, window: PeriodLength? = nil, today: CalendarDate,
                             history: WorkspaceHistory?) throws -> Written {
        let files = try RecordLoader(workspace: workspace).loadAllFiles()
        var texts: [String: String] = [:]
        for file in files { texts[file.record.path] = file.text }
        let (period, periodName) = ReportPeriod.requested(window: window, today: today)
        let snapshot = try SiteSnapshot(records: files.map(\.record), config: workspace.config, period: period, periodName: periodName,
                                        today: today, history: history, sources: texts)
        let pages = try SiteBuilder(snapshot: snapshot, templates: TemplateStore(workspace: workspace)).files()
        let summary = try SiteWriter(workspace: workspace).write(pages, to: output, force: force)
        return Written(summary: summary, unreadable: files.flatMap(\.unreadable))
    }
}
