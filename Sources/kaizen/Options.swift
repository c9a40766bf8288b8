import ArgumentParser
import Foundation
import KaizenKit

/// Where the workspace is.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("root"), help: ArgumentHelp(
        "The repository folder holding kaizen.yml.",
        discussion: "Default: the nearest folder upward holding kaizen.yml, else the git work tree, else the current folder.",
        valueName: "dir"))
    var root: String?

    var currentDirectory: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    /// Opens the workspace, telling on stderr when kaizen.yml is missing.
    /// Commands that read only commits (`readsCommitsOnly`) also run in a bare
    /// repository; the others need a work tree's files and refuse one.
    func open(readsCommitsOnly: Bool = false) throws -> Workspace {
        let rootURL = try root.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory) }
            ?? Workspace.findRoot(from: currentDirectory)
        let workspace = try Workspace.open(at: rootURL)
        // Only a root without kaizen.yml can be a bare repository's folder.
        if !workspace.hasConfigFile {
            if try Workspace.isInBareRepository(workspace.root) {
                if !readsCommitsOnly { throw KaizenError.bareRepository(path: workspace.root.path) }
            } else {
                Terminal.standardError("kaizen: note: no kaizen.yml in \(workspace.root.path); using the defaults (`kaizen init` writes one)\n")
            }
        }
        return workspace
    }

    /// Shows a workspace-relative path relative to the current folder.
    func displayPath(in workspace: Workspace) -> @Sendable (String) -> String {
        let base = currentDirectory.standardizedFileURL.path
        let root = workspace.root.path
        return { path in
            RelativePath.display(path.hasPrefix("/") ? path : (root == "/" ? "/" : root + "/") + path, from: base)
        }
    }
}

/// The date that counts as today.
struct TodayOption: ParsableArguments {
    @Option(name: .customLong("today"), help: ArgumentHelp(
        "The date that counts as today, YYYY-MM-DD (default: the current date).", valueName: "date"))
    var override: CalendarDate?

    var date: CalendarDate { override ?? CalendarDate.today() }
}

/// How many results to show, for commands that rank them.
struct LimitOption: ParsableArguments {
    @Option(help: ArgumentHelp("How many to show, at most (similar: 10, recommend: 5).", valueName: "n"))
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func value(default: Int) -> Int { limit ?? `default` }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard case .success(let date) = CalendarDate.parse(argument) else { return nil }
        self = date
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}
extension RecordKind: ExpressibleByArgument {}

/// Which history to read, and how.
struct HistoryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The branch, tag or commit whose history to follow (default: HEAD).", valueName: "ref"))
    var ref = "HEAD"

    @Flag(name: .customLong("no-cache"), help: "Read the whole history, and neither read nor write the cache under .git/kaizen.")
    var noCache = false

    /// Scans, drawing a progress line on stderr when it is a terminal.
    func scan(_ scope: HistoryScope, in location: String) throws -> Timeline {
        try withProgressLine { progress in
            try HistoryScanner(repositoryContaining: location, scope: scope).scan(ref: ref, cache: !noCache, progress: progress)
        }
    }

    /// The workspace's record history (`WorkspaceHistory.read`), or nil where
    /// there is none; a note on stderr names why git would not read it.
    func workspaceHistory(_ workspace: Workspace) throws -> WorkspaceHistory? {
        let reading = try withProgressLine { progress in
            try WorkspaceHistory.read(workspace, ref: ref, cache: !noCache, progress: progress)
        }
        if let reason = reading.unreadable {
            Terminal.standardError("kaizen: note: no git history was read: \(reason.localizedDescription)\n")
        }
        return reading.history
    }

    /// Runs `read` with a progress line on stderr when it is a terminal.
    private func withProgressLine<Result>(_ read: ((@Sendable (HistoryScanner.Progress) -> Void)?) throws -> Result) throws -> Result {
        let line = Terminal.isInteractive(fileDescriptor: 2) ? ProgressLine() : nil
        defer { line?.finish() }
        var progress: (@Sendable (HistoryScanner.Progress) -> Void)?
        if let line { progress = { line.show($0) } }
        return try read(progress)
    }
}
