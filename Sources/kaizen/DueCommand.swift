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
        let list = try DueList.make(workspace, today: today.date, within: within, team: team,
                                    history: { try history.workspaceHistory(workspace) })
        print(DueFormatter(format: format).render(list), terminator: "")
    }
}

extension DueFormat: ExpressibleByArgument {}
