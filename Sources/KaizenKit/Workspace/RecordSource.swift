/// Where a workspace's records are read from: the working tree (the files
/// a person edits), the index (what the next commit holds, which the
/// pre-commit hook checks) or the tree of a commit (the base of `check
/// --against`, both sides of `review`). Every source lists its files as
/// `RecordFiles` tells records, refuses more than `RecordLimits.records` of
/// them before any is read, and reads none over `RecordLimits.fileBytes`;
/// `RecordLoader` reads and parses them, and says when parses are reused.
///
/// The git sources are configured by the kaizen.yml they hold themselves. A
/// fourth source, the tree of another repository kaizen fetched (another
/// team's records), would be a case naming that repository and a commit,
/// listed by `RecordListing.tree` as `.commit` is and read like it.
public enum RecordSource: Sendable, Hashable {
    case workingTree
    case index
    /// The commit's tree; nil for a branch with no commit yet, which holds no files.
    case commit(ObjectID?)

    /// The record files this source holds of `workspace`, listed but not
    /// read. `repository` holds the workspace, at `folder` ("" for its top);
    /// the working tree needs neither. Throws for more than `limit` records,
    /// and for an unresolved conflict in the index.
    func list(_ workspace: Workspace, repository: GitRepository? = nil, folder: String = "",
              limit: Int = RecordLimits.records) throws -> RecordListing {
        switch self {
        case .workingTree:
            var found: [String] = []
            for kind in RecordKind.allCases {
                let folder = workspace.config.folders[kind]!
                found += DirectoryWalker.markdownFiles(in: workspace.url(for: folder).path, prefix: folder)
            }
            // One kind's folder may lie inside another's: sorted, a file found
            // twice comes twice in a row, so no set has to hash every path.
            var paths: [String] = []
            for path in found.sorted() where path != paths.last { paths.append(path) }
            return try RecordListing(source: self, workspace: workspace, paths: paths, limit: limit)
        case .index:
            let repository = try Self.required(repository, for: workspace)
            let prefix = folder.isEmpty ? "" : folder + "/"
            let entries = try GitIndex(repository).entries(under: prefix)
            if let conflict = entries.first(where: { $0.stage != 0 }) {
                throw KaizenError.invalidArgument(
                    "\(conflict.path) has an unresolved merge conflict in the index: resolve it and `git add` it, then commit")
            }
            let files = entries.map { FileEntry(path: String($0.path.dropFirst(prefix.count)), blob: $0.blob, stage: 0, isFile: $0.isFile) }
            let configBlob = files.first { $0.path == KaizenConfig.fileName && $0.isFile }?.blob
            return try RecordListing(source: self, workspace: try workspace.withConfig(ofBlob: configBlob, in: repository),
                                     files: files, configBlob: configBlob, repository: repository, folder: folder, limit: limit)
        case .commit(let commit):
            let repository = try Self.required(repository, for: workspace)
            guard let commit, let tree = try RecordListing.folderTree(of: commit, folder: folder, in: repository) else {
                return try RecordListing(source: self, workspace: workspace.withConfig(nil), files: [], configBlob: nil,
                                         repository: repository, folder: folder, limit: limit)
            }
            return try RecordListing.tree(tree, source: self, workspace: workspace, in: repository, folder: folder, limit: limit)
        }
    }

    private static func required(_ repository: GitRepository?, for workspace: Workspace) throws -> GitRepository {
        guard let repository else { throw KaizenError.notARepository(path: workspace.root.path) }
        return repository
    }
}

/// The record files one source holds, listed but not yet read: comparing
/// two versions then reads only the files that differ.
struct RecordListing {
    let source: RecordSource
    /// Configured by the source's own kaizen.yml (the defaults when it has
    /// none); for the working tree, the workspace as it was opened.
    let workspace: Workspace
    /// Each file's blob, for the git sources, which name it without reading
    /// it; empty for the working tree, whose files are hashed only when read.
    let blobs: [String: ObjectID]
    /// The working tree's files; the git sources' are the keys of `blobs`,
    /// sorted only when asked for, since a version compared with another
    /// is read only where it differs.
    private let walkedPaths: [String]?
    /// The source's kaizen.yml, nil when it has none (or for the working tree).
    let configBlob: ObjectID?
    /// Where the git sources' blobs are read from, and the workspace's
    /// folder in it ("" for its top).
    let repository: GitRepository?
    let folder: String

    /// Every listing is made here, so that the bound on records holds for each source.
    private init(source: RecordSource, workspace: Workspace, paths: [String]?, blobs: [String: ObjectID], configBlob: ObjectID?,
                 repository: GitRepository?, folder: String, limit: Int) throws {
        let count = paths?.count ?? blobs.count
        guard count <= limit else { throw KaizenError.tooManyRecords(count: count, limit: limit) }
        self.source = source
        self.workspace = workspace
        walkedPaths = paths
        self.blobs = blobs
        self.configBlob = configBlob
        self.repository = repository
        self.folder = folder
    }

    /// The working tree's record files, found by `DirectoryWalker`.
    fileprivate init(source: RecordSource, workspace: Workspace, paths: [String], limit: Int) throws {
        try self.init(source: source, workspace: workspace, paths: paths, blobs: [:], configBlob: nil, repository: nil, folder: "",
                      limit: limit)
    }

    /// The record files among the files a git source holds.
    fileprivate init(source: RecordSource, workspace: Workspace, files: [FileEntry], configBlob: ObjectID?,
                     repository: GitRepository, folder: String, limit: Int) throws {
        var blobs: [String: ObjectID] = [:]
        let folders = Array(workspace.config.folders.values)
        for file in files where file.isFile && RecordFiles.isRecordPath(file.path, folders: folders) {
            blobs[file.path] = file.blob
        }
        try self.init(source: source, workspace: workspace, paths: nil, blobs: blobs, configBlob: configBlob,
                      repository: repository, folder: folder, limit: limit)
    }

    /// Every record file, workspace-relative, sorted.
    var paths: [String] {
        walkedPaths ?? blobs.keys.sorted()
    }

    /// The record files of the workspace's `tree` (its folder at `folder` in
    /// `repository`), configured by the kaizen.yml in it.
    static func tree(_ tree: GitTree, source: RecordSource, workspace: Workspace, in repository: GitRepository, folder: String,
                     limit: Int) throws -> RecordListing {
        let configBlob = try tree.blobID(atPath: KaizenConfig.fileName)
        let versioned = try workspace.withConfig(ofBlob: configBlob, in: repository)
        var files: [FileEntry] = []
        // Only the record folders are listed: the rest of a large repository is never read.
        for folder in Set(versioned.config.folders.values).sorted() {
            guard let subtree = try tree.subtreeID(atPath: folder) else { continue }
            files += try repository.tree(subtree).files(prefix: folder + "/")
        }
        return try RecordListing(source: source, workspace: versioned, files: files, configBlob: configBlob,
                                 repository: repository, folder: folder, limit: limit)
    }

    /// The tree of the workspace folder (`folder` in the repository, "" for
    /// its top) at `commit`; nil when the commit has no such folder.
    static func folderTree(of commit: ObjectID, folder: String, in repository: GitRepository) throws -> GitTree? {
        let root = try repository.tree(repository.commit(commit).treeID)
        return folder.isEmpty ? root : try root.subtreeID(atPath: folder).map { try repository.tree($0) }
    }
}

extension Workspace {
    /// The same root with another version's configuration: `loaded` from its
    /// kaizen.yml, or nil for one without (the defaults apply).
    func withConfig(_ loaded: LoadedConfig?) -> Workspace {
        guard let loaded else { return Workspace(root: root, config: KaizenConfig(), configDiagnostics: [], hasConfigFile: false) }
        return Workspace(root: root, config: loaded.config, configDiagnostics: loaded.diagnostics, hasConfigFile: true)
    }

    /// The same root configured by the kaizen.yml committed at `ref` (the
    /// defaults when that commit has none, or there is no commit yet): in a
    /// bare repository, with no work tree, the commit is the only place the
    /// record folders can be read from.
    public func withCommittedConfig(at ref: String) throws -> Workspace {
        guard let repository = try GitRepository.discover(containing: root.path) else { return self }
        if ref == "HEAD", repository.isHeadUnborn { return self }
        let tree = try RecordListing.folderTree(of: repository.resolveCommit(ref), folder: repository.path(of: root), in: repository)
        return try withConfig(ofBlob: tree?.blobID(atPath: KaizenConfig.fileName), in: repository)
    }

    /// The same root configured by the kaizen.yml stored as `blob` (the defaults when nil).
    func withConfig(ofBlob blob: ObjectID?, in repository: GitRepository) throws -> Workspace {
        withConfig(try blob.map { ConfigLoader.load(try repository.blob($0)) })
    }
}

extension [String: ObjectID] {
    /// The paths whose file differs from `other`'s, or that `other` lacks, sorted.
    func paths(differingFrom other: [String: ObjectID]) -> [String] {
        filter { other[$0.key] != $0.value }.keys.sorted()
    }
}
