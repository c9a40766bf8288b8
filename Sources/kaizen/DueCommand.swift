import ArgumentParser
import Foundation
import KaizenKit

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "What needs attention this cadence: expired experiments, experiments expiring soon, running ones with no recent Observations entry, proven improvements not yet captured.",
        discussion: """
            Grouped by team (an experiment of several teams is listed under each), most urgent first. \
            An Observations entry is a paragraph, list item or heading starting with a date (- 2026-11-02: ...); \
            a running experiment is due one when its last entry, or its start, is review-period-days \
            (kaizen.yml, default 14) or more ago.
            """
    )

    @Option(help: ArgumentHelp("Deadlines this close count as due: e.g. 14d, 3w (default: kaizen.yml's expiry-notice-days).",
                               valueName: "length"))
    var within: PeriodLength?

    @Option(help: ArgumentHelp("Only this team's records.", valueName: "id"))
    var team: String?

    @Option(help: "Output format: text, json or csv.")
    var format: DueFormat = .text

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption
    @OptionGroup var history: HistoryOptions

    func run() throws {
        let workspace = try workspaceOptions.open()
        if let team { try workspace.config.requireKnownTeam(team) }
        let loader = RecordLoader(workspace: workspace)
        let records = try loader.loadAllRecords()
        let days = within.map { $0.before(today.date).days(until: today.date) } ?? workspace.config.expiryNoticeDays
        let dating = RecordDating(history: try history.workspaceHistory(workspace))
        let list = DueList.make(records: records, config: workspace.config, today: today.date, within: days, team: team, dating: dating)
        print(DueFormatter(format: format).render(list), terminator: "")
    }
}

extension DueFormat: ExpressibleByArgument {}
