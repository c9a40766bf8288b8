import ArgumentParser
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

    @Option(help: "Output format: text, json, github (workflow annotations) or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "List every rule with its severity and what it catches, then exit.")
    var listRules = false

    @Flag(help: ArgumentHelp(
        "Check what is staged in the git index, as the pre-commit hook does.",
        discussion: "Cross-record rules see the staged state of every record; only problems in staged files count."))
    var staged = false

    @Option(help: ArgumentHelp(
        "Also apply the history rules to what changed since this revision (a branch, tag or commit).",
        discussion: "goalposts-moved, deadline-moved, illegal-transition and record-deleted compare each changed record with its version there.",
        valueName: "revision"))
    var against: String?

    func validate() throws {
        if staged, !paths.isEmpty {
            throw ValidationError("--staged checks the files staged for commit: pass either --staged or paths")
        }
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        let workspace = try workspaceOptions.open()
        if listRules {
            print(RuleListFormatter(config: workspace.config).render(), terminator: "")
            return
        }
        let check = staged
            ? try WorkspaceCheck.index(workspace, against: against, today: today.date, strict: strict)
            : try WorkspaceCheck.workingTree(workspace, paths: paths, relativeTo: workspaceOptions.currentDirectory, against: against,
                                             today: today.date, strict: strict)
        if let elsewhere = check.elsewhere, !elsewhere.diagnostics.isEmpty {
            // A hook must not block a commit for someone else's mistake: said, not failed.
            Terminal.standardError("kaizen: warning: \(elsewhere.errorCount) errors and \(elsewhere.warningCount) warnings in files "
                + "this commit does not change; `kaizen check` lists them\n")
        }
        var formatter = DiagnosticFormatter(
            format: format, useColor: format == .text && Terminal.stdoutWantsColor, today: today.date,
            displayPath: workspaceOptions.displayPath(in: check.workspace))
        if format == .github || format == .sarif { formatter.repository = try RepositoryLocation.of(check.workspace) }
        if format == .sarif { formatter.sources = try check.sources() }
        print(formatter.render(check.report), terminator: "")
        if check.report.errorCount > 0 { throw ExitCode(1) }
    }
}
