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
        if staged { return try checkStaged(workspace) }
        let loader = RecordLoader(workspace: workspace)
        var requested: [String] = []
        var scope: Set<String>?
        if !paths.isEmpty {
            requested = try loader.recordPaths(for: paths, relativeTo: workspaceOptions.currentDirectory, discovered: try loader.recordPaths())
            // Problems in kaizen.yml affect every record, so they are always reported.
            scope = Set(requested + [KaizenConfig.fileName])
        }
        let records = try loader.loadAll(adding: requested)
        let changes = try against.map { try RecordChanges.workingTree(records, workspace: workspace, against: $0) }
        if let changes, scope != nil { scope!.formUnion(deletedRecords(in: changes, insideFoldersNamedIn: workspace)) }
        let report = Checker.check(records, workspace: workspace, today: today.date, scope: scope, strict: strict, changes: changes)
        try show(report, in: workspace) { FindingSources.workingTree(of: workspace, for: report.diagnostics) }
    }

    /// A deleted record is not on disk to be named, so a folder named on the
    /// command line takes in the deletions that were inside it.
    private func deletedRecords(in changes: RecordChanges, insideFoldersNamedIn workspace: Workspace) -> [String] {
        let folders = paths.compactMap { argument -> String? in
            let url = URL(fileURLWithPath: argument, relativeTo: workspaceOptions.currentDirectory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return workspace.relativePath(url)
        }
        return changes.changes.filter { $0.after == nil }.compactMap(\.before?.path).filter { path in
            folders.contains { $0.isEmpty || path.hasPrefix($0 + "/") }
        }
    }

    /// Checks the index. Problems in files the commit does not change are
    /// summarised on stderr and do not fail it: a hook must not block a commit
    /// for someone else's mistake.
    private func checkStaged(_ workspace: Workspace) throws {
        let snapshot = try StagedWorkspace.read(workspace, against: against)
        let report = Checker.check(snapshot.records, workspace: snapshot.workspace, today: today.date, strict: strict,
                                   changes: snapshot.changes)
        let stagedRecords = snapshot.records.filter { snapshot.changedPaths.contains($0.record.path) }.count
        let (inside, elsewhere) = report.split(by: snapshot.changedPaths, recordCount: stagedRecords)
        if !elsewhere.diagnostics.isEmpty {
            Terminal.standardError("kaizen: warning: \(elsewhere.errorCount) errors and \(elsewhere.warningCount) warnings in files "
                + "this commit does not change; `kaizen check` lists them\n")
        }
        try show(inside, in: snapshot.workspace) { try snapshot.sources(for: inside.diagnostics) }
    }

    /// Prints `report`; `sources` reads the checked text of the files with
    /// findings, which only SARIF needs.
    private func show(_ report: CheckReport, in workspace: Workspace, sources: () throws -> FindingSources) throws {
        var formatter = DiagnosticFormatter(
            format: format, useColor: format == .text && Terminal.stdoutWantsColor, today: today.date,
            displayPath: workspaceOptions.displayPath(in: workspace))
        if format == .github || format == .sarif { formatter.repository = try RepositoryLocation.of(workspace) }
        if format == .sarif { formatter.sources = try sources() }
        print(formatter.render(report), terminator: "")
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}
