import ArgumentParser
import Foundation
import KaizenKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one record: its fields, sections, the records linking to it, and its problems."
    )

    @Argument(help: "The record's id (its file name without .md).")
    var id: String

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    @Flag(name: .customLong("no-history"), help: "Do not read git history (the record's timeline).")
    var noHistory = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption
    @OptionGroup var history: HistoryOptions

    func run() throws {
        let workspace = try workspaceOptions.open()
        let loader = RecordLoader(workspace: workspace)
        let parsed = try loader.loadAll()
        let records = parsed.map(\.record)
        let record = try RecordLookup.record(withID: id, in: records)
        let report = Checker.check(parsed, workspace: workspace, today: today.date, scope: [record.path])
        let formatter = RecordDetailFormatter(
            format: format, config: workspace.config, today: today.date,
            displayPath: workspaceOptions.displayPath(in: workspace),
            history: noHistory ? nil : try history.workspaceHistory(workspace))
        let linkedFrom = RecordLookup.records(linkingTo: record.id, in: records)
        print(formatter.render(record, linkedFrom: linkedFrom, diagnostics: report.diagnostics), terminator: "")
    }
}
