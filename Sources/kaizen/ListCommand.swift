import ArgumentParser
import Foundation
import KaizenKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List records, filtered by kind, team or status."
    )

    @Option(help: "Only records of this kind: improvement, experiment or constraint.")
    var kind: RecordKind?

    @Option(help: ArgumentHelp("Only records of this team (an experiment's teams, an improvement's origin, a constraint's observers).", valueName: "id"))
    var team: String?

    @Option(help: "Only records with this status, e.g. running.")
    var status: String?

    @Option(help: "Output format: text, json or csv.")
    var format: RecordListFormat = .text

    @Flag(name: .customLong("no-history"), help: "Do not read git history (the FOR column: how long each record has had its status).")
    var noHistory = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption
    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if let status, !RecordFilter.allStatuses.contains(status) {
            let suggestion = Suggestion.clause(for: status, among: RecordFilter.allStatuses)
            throw ValidationError("unknown status '\(status)'\(suggestion); statuses are \(RecordFilter.allStatuses.joined(separator: ", "))")
        }
    }

    func run() throws {
        let workspace = try workspaceOptions.open()
        let records = try RecordFilter(kind: kind, team: team, status: status).records(in: workspace)
        let flow = noHistory ? nil : try history.workspaceHistory(workspace)
        print(RecordListFormatter(format: format, config: workspace.config, today: today.date, history: flow).render(records), terminator: "")
    }
}

extension RecordListFormat: ExpressibleByArgument {}
