import ArgumentParser
import KaizenKit

struct AdoptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Start an adoption: a planned experiment of an improvement another team developed.",
        discussion: """
            The new experiment links the improvement and its constraints, and takes its signals \
            (metrics and targets; baselines are left for your team to measure) and rollback from \
            the origin team's retained experiments; its Plan links back to the improvement and \
            lists the improvement's adaptation notes as a checklist. The improvement must be \
            trialling or proven. An existing file is never overwritten. Prints the path; what is \
            left to fill in is listed on stderr.
            """
    )

    @Argument(help: "The id of the improvement to adopt.")
    var improvement: String

    @Option(help: ArgumentHelp("The adopting team (a team id from kaizen.yml).", valueName: "id"))
    var team: String

    @Option(help: ArgumentHelp("The new experiment's id instead of one made from its title.", valueName: "slug"))
    var id: String?

    @Option(name: .customLong("review-by"), help: ArgumentHelp(
        "Its review date, YYYY-MM-DD (default: 30 days from today, or max-experiment-days if shorter).", valueName: "date"))
    var reviewBy: CalendarDate?

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        let workspace = try workspaceOptions.open()
        let request = AdoptionRequest(improvement: improvement, team: team, id: id, reviewBy: reviewBy, today: today.date)
        let adoption = try CreatedRecord.adoption(request, in: workspace)
        Editing.report(adoption, display: workspaceOptions.displayPath(in: workspace))
    }
}
