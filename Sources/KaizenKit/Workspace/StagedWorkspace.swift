/// A workspace as the git index holds it: what the next commit will contain.
/// The pre-commit hook checks this, not the working tree, so a file fixed on
/// disk but staged broken fails and a file staged fixed but broken again on
/// disk passes.
public struct StagedWorkspace: Sendable {
    /// With the staged kaizen.yml's settings (or the defaults when none is staged).
    public let workspace: Workspace
    /// Every staged record, parsed from the index.
    public let records: [ParsedRecord]
    /// Workspace-relative paths of the records and kaizen.yml whose staged
    /// content differs from HEAD's, deletions included.
    public let changedPaths: Set<String>
    /// What the staged records change since the revision passed as `against`.
    public let changes: RecordChanges?
    /// The staged blob of each record and of kaizen.yml, by workspace-relative path.
    private let blobs: [String: ObjectID]

    /// Reads the index of the repository holding `workspace`, and compares it
    /// with `against` (a revision; HEAD for the pre-commit hook) when given.
    public static func read(_ workspace: Workspace, against: String? = nil) throws -> StagedWorkspace {
        guard let repository = try GitRepository.discover(containing: workspace.root.path) else {
            throw KaizenError.notARepository(path: workspace.root.path)
        }
        let folder = try repository.path(of: workspace.root)
        let staged = try RecordSource.index.list(workspace, repository: repository, folder: folder)
        let head = try RecordSource.commit(try repository.baseCommit("HEAD")).list(workspace, repository: repository, folder: folder)

        var changed = Set(staged.blobs.paths(differingFrom: head.blobs) + head.blobs.paths(differingFrom: staged.blobs))
        if staged.configBlob != head.configBlob { changed.insert(KaizenConfig.fileName) }
        let records = try RecordLoader.loadAll(staged)
        let changes = try against.map { revision in
            let base = revision == "HEAD"
                ? head
                : try RecordSource.commit(try repository.baseCommit(revision)).list(workspace, repository: repository, folder: folder)
            return try VersionComparison.changes(from: base, to: staged.blobs, headRecords: records, repository: repository,
                                                 headContents: { try repository.recordBlob($0).contents })
        }
        var blobs = staged.blobs
        blobs[KaizenConfig.fileName] = staged.configBlob
        return StagedWorkspace(workspace: staged.workspace, records: records, changedPaths: changed, changes: changes, blobs: blobs)
    }

    /// The staged text of the files `diagnostics` point into.
    public func sources(for diagnostics: [Diagnostic]) throws -> FindingSources {
        guard let repository = try GitRepository.discover(containing: workspace.root.path) else {
            throw KaizenError.notARepository(path: workspace.root.path)
        }
        return try FindingSources(paths: Set(diagnostics.map(\.path))) { path in try blobs[path].map(repository.blob) }
    }
}
