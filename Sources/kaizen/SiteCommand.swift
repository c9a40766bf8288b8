import ArgumentParser
import Foundation
import KaizenKit

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write a static HTML site: the improvement library, a page per improvement, experiment and team, a dashboard and a timeline.",
        discussion: """
            The site needs no server and no network: open index.html from disk or publish the folder on any static host. \
            The dashboard shows `kaizen report`'s figures for the same period. The page frame, styles and filter script \
            come from templates/site/ and can be replaced by files of the same names in .kaizen/templates/site/. \
            kaizen writes only inside --out, refuses the repository's own folders, and writes into a folder it did not \
            make only with --force.
            """
    )

    @Option(help: ArgumentHelp("The folder to write the site to (created if missing).", valueName: "dir"))
    var out: String

    @Flag(help: "Write into a non-empty folder that kaizen site did not make, replacing files of the same names.")
    var force = false

    @Option(help: ArgumentHelp("How far back the dashboard's period reaches, as for `kaizen report` (default: 6m).",
                               valueName: "length"))
    var window: PeriodLength?

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption
    @OptionGroup var history: HistoryOptions

    func run() throws {
        let workspace = try workspaceOptions.open()
        let output = URL(fileURLWithPath: out, relativeTo: workspaceOptions.currentDirectory)
        let site = try WorkspaceSite.write(workspace, to: output, force: force, window: window, today: today.date,
                                           history: try history.workspaceHistory(workspace))
        if !site.unreadable.isEmpty {
            let display = workspaceOptions.displayPath(in: workspace)
            Terminal.standardError("kaizen: warning: left out of the site, as they cannot be read:\n")
            for diagnostic in site.unreadable { Terminal.standardError("  " + DiagnosticLine.render(diagnostic, path: display(diagnostic.path)) + "\n") }
        }
        let summary = site.summary
        let removed = summary.removed == 0 ? "" : ", removed \(summary.removed) left from an earlier run"
        print("wrote \(summary.written) files to \(summary.folder)\(removed): open \(summary.folder)/index.html")
    }
}
