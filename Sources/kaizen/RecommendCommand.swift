import ArgumentParser
import Foundation
import KaizenKit

struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Improvements proven in other teams that a team has not tried, best fit first, with reasons.",
        discussion: """
            Candidates are improvements marked proven or trialling that an experiment retained, from \
            another team, with no experiment of this team naming them. Score = 2 × text match with \
            the team's constraints, tags and areas (0 to 1) + the team's observations of each \
            constraint the improvement addresses (those within review-window-days count twice) + \
            0.5 × the teams that retained it. README.md gives the details.
            """
    )

    @Option(help: ArgumentHelp("The team to recommend to.", valueName: "id"))
    var team: String

    @OptionGroup var limit: LimitOption

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        let workspace = try workspaceOptions.open()
        let report = try Recommender(workspace: workspace, today: today.date)
            .recommend(for: team, limit: limit.value(default: 5))
        let formatter = RecommendationFormatter(format: format, today: today.date, displayPath: workspaceOptions.displayPath(in: workspace))
        print(formatter.render(report), terminator: "")
    }
}
