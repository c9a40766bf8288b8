import ArgumentParser
import Foundation
import KaizenKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Cross-team figures: adoption rate, knowledge capture, impact multiplication, scaling efficiency, level balance, flow, constraints and learning.",
        discussion: """
            Each figure shows what it counts out of what, and the goal kaizen.yml sets for it (goals:). \
            Days come from the front matter where it gives them (start, concluded, observed), else from \
            the commit that made the change, read from git history like `kaizen timeline`. The README's \
            "Cross-team report" section defines every figure.
            """
    )

    @Option(help: ArgumentHelp("Report on the period from this date to today, YYYY-MM-DD, instead of --window.", valueName: "date"))
    var since: CalendarDate?

    @Option(help: ArgumentHelp("How far back the period reaches: days, weeks, months or years, e.g. 90d, 6m, 1y (default: 6m).",
                               valueName: "length"))
    var window: PeriodLength?

    @Option(help: "Output format: text, markdown, json or csv.")
    var format: ReportFormat = .text

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption
    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if since != nil, window != nil {
            throw ValidationError("--since and --window both set the period's start: pass one of them")
        }
        if let since, since > today.date {
            throw ValidationError("--since \(since) is after today (\(today.date)): the period ends today")
        }
    }

    func run() throws {
        let workspace = try workspaceOptions.open()
        let (period, periodName) = ReportPeriod.requested(since: since, window: window, today: today.date)
        let report = try ReportBuilder(workspace: workspace, period: period, history: try history.workspaceHistory(workspace)).build()
        print(ReportFormatter(format: format, periodName: periodName).render(report), terminator: "")
    }
}

extension PeriodLength: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension ReportFormat: ExpressibleByArgument {}
