import ArgumentParser
import Foundation
import KaizenKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate records: front matter, hypotheses, dates, links, limits.",
        discussion: """
            Prints one line per problem, `path:line:column: severity: message [rule]`, sorted by \
            path and line, then a summary. Exits 0 when there are no errors, 1 when there are, \
            2 on a usage or environment error.
            """
    )

    @Argument(help: ArgumentHelp("Record files or folders to report on (default: every record).", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text, json or github (workflow annotations).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "List every rule with its severity and what it catches, then exit.")
    var listRules = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        let workspace = try workspaceOptions.open()
        if listRules {
            print(RuleListFormatter(config: workspace.config).render(), terminator: "")
            return
        }
        let loader = RecordLoader(workspace: workspace)
        var files = loader.recordPaths()
        var scope: Set<String>?
        if !paths.isEmpty {
            let requested = try loader.recordPaths(for: paths, relativeTo: workspaceOptions.currentDirectory, discovered: files)
            // Problems in kaizen.yml affect every record, so they are always reported.
            scope = Set(requested + [KaizenConfig.fileName])
            files = Array(Set(files).union(requested)).sorted()
        }
        let report = Checker.check(loader.load(files), workspace: workspace, today: today.date, scope: scope, strict: strict)
        let formatter = DiagnosticFormatter(
            format: format, useColor: format == .text && Terminal.stdoutWantsColor, today: today.date,
            displayPath: workspaceOptions.displayPath(in: workspace))
        print(formatter.render(report), terminator: "")
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}
