import ArgumentParser
import Foundation
import KaizenKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Scaffold kaizen.yml, the record folders and editable templates in the current folder.",
        discussion: "Writes nothing if any of its files already exists."
    )

    @Option(name: .customLong("team"), help: ArgumentHelp("A team id to list in kaizen.yml (repeatable).", valueName: "id"))
    var teams: [String] = []

    @Option(name: .customLong("root"), help: ArgumentHelp("The folder to set up (default: the current folder).", valueName: "dir"))
    var root: String?

    func run() throws {
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let rootURL = root.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory) } ?? currentDirectory
        let workspace = try Workspace.open(at: rootURL)
        let written = try WorkspaceInitializer(workspace: workspace).run(teams: teams)
        for path in written {
            print(RelativePath.display(workspace.url(for: path).path, from: currentDirectory.path))
        }
        let first = teams.isEmpty ? "list your teams in kaizen.yml, then " : ""
        Terminal.standardError("""
            kaizen: next: \(first)`kaizen new experiment "Title" --team TEAM`; `kaizen check` validates everything.\n
            """)
    }
}
