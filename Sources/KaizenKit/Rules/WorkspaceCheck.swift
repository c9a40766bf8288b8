import Foundation

/// What `kaizen check` finds: every record read from the working tree or
/// the index, checked together, with the findings kept to what was asked.
public struct WorkspaceCheck: Sendable {
    /// The findings to show.
    public let report: CheckReport
    /// The workspace as checked: for the index, configured by the staged kaizen.yml.
    public let workspace: Workspace
    /// For the index, the findings in files the commit does not change,
    /// which are not the committer's to fix and do not fail the commit.
    public let elsewhere: CheckReport?
    /// The index as read, for the text of the files with findings.
    private let staged: StagedWorkspace?

    /// Checks the working tree. With `paths` (files or folders, relative to
    /// `directory`), only those records are reported, and kaizen.yml, whose
    /// problems touch every record; cross-record rules still see every
    /// record. With `against` (a revision), the history rules compare each
    /// changed record with its version there.
    public static func workingTree(_ workspace: Workspace, paths: [String] = [], relativeTo directory: URL, against: String? = nil,
                                   today: CalendarDate, strict: Bool = false) throws -> WorkspaceCheck {
        let listing = try RecordSource.workingTree.list(workspace)
        var scope: Set<String>?
        var requested: [String] = []
        if !paths.isEmpty {
            let loader = RecordLoader(workspace: workspace)
            requested = try loader.recordPaths(for: paths, relativeTo: directory, discovered: listing.paths)
            scope = Set(requested + [KaizenConfig.fileName])
        }
        let records = try RecordLoader.loadAll(listing, adding: requested)
        let changes = try against.map { try RecordChanges.workingTree(records, workspace: workspace, against: $0) }
        if let changes, scope != nil {
            scope!.formUnion(deletedRecords(in: changes, insideFoldersAmong: paths, relativeTo: directory, of: workspace))
        }
        // A rename not committed yet: the changes since HEAD, worked out only when a link is missing.
        let renames = RecordRenames(of: workspace) {
            let sinceHead = against == "HEAD" ? changes : try? RecordChanges.workingTree(records, workspace: workspace, against: "HEAD")
            return sinceHead?.renames ?? []
        }
        let report = Checker.check(records, workspace: workspace, today: today, scope: scope, strict: strict, changes: changes,
                                   renames: renames)
        return WorkspaceCheck(report: report, workspace: workspace, elsewhere: nil, staged: nil)
    }

    /// Checks the index, as the pre-commit hook does: every staged record,
    /// with the findings in files the commit changes (against HEAD) apart
    /// from the others. With `against`, the history rules too.
    public static func index(_ workspace: Workspace, against: String? = nil, today: CalendarDate,
                             strict: Bool = false) throws -> WorkspaceCheck {
        let staged = try StagedWorkspace.read(workspace, against: against)
        let report = Checker.check(staged.records, workspace: staged.workspace, today: today, strict: strict, changes: staged.changes,
                                   renames: RecordRenames(of: staged.workspace) { against == "HEAD" ? staged.changes?.renames ?? [] : [] })
        let stagedRecords = staged.records.filter { staged.changedPaths.contains($0.record.path) }.count
        let (inside, elsewhere) = report.split(by: staged.changedPaths, recordCount: stagedRecords)
        return WorkspaceCheck(report: inside, workspace: staged.workspace, elsewhere: elsewhere, staged: staged)
    }

    /// The checked text of the files with findings (SARIF quotes their lines).
    public func sources() throws -> FindingSources {
        guard let staged else { return FindingSources.workingTree(of: workspace, for: report.diagnostics) }
        return try staged.sources(for: report.diagnostics)
    }

    /// A deleted record is not on disk to be named, so a folder among
    /// `arguments` takes in the deletions that were inside it.
    private static func deletedRecords(in changes: RecordChanges, insideFoldersAmong arguments: [String], relativeTo directory: URL,
                                       of workspace: Workspace) -> [String] {
        let folders = arguments.compactMap { argument -> String? in
            let url = Workspace.url(ofArgument: argument, relativeTo: directory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return workspace.relativePath(url)
        }
        return changes.changes.filter { $0.after == nil }.compactMap(\.before?.path).filter { path in
            folders.contains { $0.isEmpty || path.hasPrefix($0 + "/") }
        }
    }
}
