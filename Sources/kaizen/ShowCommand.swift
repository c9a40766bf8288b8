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
        let flow = noHistory ? nil : try history.workspaceHistory(workspace)
        let detail = try RecordDetail.of(id: id, in: workspace, today: today.date, history: flow)
        if let rename = detail.renamed { Terminal.standardError("kaizen: note: \(rename.note)\n") }
        let formatter = RecordDetailFormatter(
            format: format, config: workspace.config, today: today.date,
            displayPath: workspaceOptions.displayPath(in: workspace), history: flow)
        print(formatter.render(detail.record, linkedFrom: detail.linkedFrom, diagnostics: detail.diagnostics), terminator: "")
    }
}
