import Synchronization

/// The record files of a workspace as one version of its repository holds
/// them: a commit's tree or the index. Files are listed from git; their
/// contents are read and parsed only when asked, so comparing two versions
/// costs what changed between them.
struct WorkspaceVersion {
    /// With this version's kaizen.yml (the defaults when it has none).
    let workspace: Workspace
    /// Every record file, by workspace-relative path.
    let files: [String: ObjectID]
    /// This version's kaizen.yml, nil when it has none.
    let configBlob: ObjectID?

    /// The index of `repository`, for the workspace at `folder` (its path in
    /// the repository, "" for the top). Throws on an unresolved conflict.
    static func index(of repository: GitRepository, folder: String, workspace: Workspace) throws -> WorkspaceVersion {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let entries = try GitIndex(repository).entries(under: prefix)
        if let conflict = entries.first(where: { $0.stage != 0 }) {
            throw KaizenError.invalidArgument(
                "\(conflict.path) has an unresolved merge conflict in the index: resolve it and `git add` it, then commit")
        }
        let files = entries.map { FileEntry(path: String($0.path.dropFirst(prefix.count)), blob: $0.blob, stage: 0, isFile: $0.isFile) }
        let configBlob = files.first { $0.path == KaizenConfig.fileName && $0.isFile }?.blob
        return make(try workspace.withConfig(ofBlob: configBlob, in: repository), configBlob: configBlob, files: files)
    }

    /// The tree of the workspace folder (`folder` in the repository, "" for
    /// its top) at `commit`; nil when the commit has no such folder.
    static func folderTree(of commit: ObjectID, folder: String, in repository: GitRepository) throws -> GitTree? {
        let root = try repository.tree(repository.commit(commit).treeID)
        return folder.isEmpty ? root : try root.subtreeID(atPath: folder).map { try repository.tree($0) }
    }

    /// The tree of `commit` (nil: an unborn branch, no files).
    static func commit(_ commit: ObjectID?, of repository: GitRepository, folder: String, workspace: Workspace) throws -> WorkspaceVersion {
        guard let commit, let tree = try folderTree(of: commit, folder: folder, in: repository) else {
            return WorkspaceVersion(workspace: workspace.withConfig(nil), files: [:], configBlob: nil)
        }
        let configBlob = try tree.blobID(atPath: KaizenConfig.fileName)
        let versioned = try workspace.withConfig(ofBlob: configBlob, in: repository)
        var files: [FileEntry] = []
        // Only the record folders are listed: the rest of a large repository is never read.
        for folder in Set(versioned.config.folders.values).sorted() {
            guard let subtree = try tree.subtreeID(atPath: folder) else { continue }
            files += try repository.tree(subtree).files(prefix: folder + "/")
        }
        return make(versioned, configBlob: configBlob, files: files)
    }

    private static func make(_ versioned: Workspace, configBlob: ObjectID?, files: [FileEntry]) -> WorkspaceVersion {
        var records: [String: ObjectID] = [:]
        let folders = Array(versioned.config.folders.values)
        for file in files where file.isFile && RecordFiles.isRecordPath(file.path, folders: folders) {
            records[file.path] = file.blob
        }
        return WorkspaceVersion(workspace: versioned, files: records, configBlob: configBlob)
    }

    /// Reads and parses the files at `paths` (which must be in `files`).
    func parse(_ paths: [String], in repository: GitRepository) throws -> [ParsedRecord] {
        try records(paths, in: repository, stored: Array(repeating: nil, count: paths.count))!
    }

    /// Parses every file, in path order, taking from `cache` the files it holds
    /// at the same blob. The cache is rewritten only when it lacked a file or
    /// held one this version does not have, and then holds exactly this
    /// version's files, so it never grows beyond one workspace's records.
    func parseAll(in repository: GitRepository, cache: ParseCache) throws -> [ParsedRecord] {
        let paths = files.keys.sorted()
        var stored = cache.load()
        var hits = paths.map { stored.record($0, blob: files[$0]!) }
        var records = try self.records(paths, in: repository, stored: hits)
        if records == nil {
            // A stored record that does not decode: the file is damaged, so none of it is used.
            stored = ParseCache.Stored()
            hits = Array(repeating: nil, count: paths.count)
            records = try self.records(paths, in: repository, stored: hits)
        }
        let parsed = records!
        cache.keep(paths.indices.map { index in
            ParseCache.Entry(path: paths[index], blob: files[paths[index]]!, stamp: hits[index]?.stamp,
                             record: hits[index] ?? ParseCache.StoredRecord(parsed[index]), reused: hits[index] != nil)
        }, storedCount: stored.count)
        return parsed
    }

    /// The records at `paths`, decoded from `stored` (by position) where it
    /// holds them, else read and parsed: blobs on this thread, since libgit2
    /// handles stay on one, decoding and parsing on all cores. Nil when a
    /// stored record does not decode.
    private func records(_ paths: [String], in repository: GitRepository, stored: [ParseCache.StoredRecord?]) throws -> [ParsedRecord]? {
        let contents = try paths.indices.map { stored[$0] == nil ? try repository.recordBlob(files[paths[$0]]!) : nil }
        let parser = RecordParser(config: workspace.config)
        let config = workspace.config
        let damaged = Atomic<Bool>(false)
        let results = ParallelResults<ParsedRecord>(count: paths.count)
        results.fill { index in
            let path = paths[index]
            guard let record = stored[index] else {
                switch contents[index]! {
                case .contents(let bytes): return parser.parse(bytes, path: path, folderKind: config.folderKind(ofPath: path))
                case .tooLarge(let size): return parser.tooLarge(size: size, path: path, folderKind: config.folderKind(ofPath: path))
                }
            }
            if let parsed = record.decode() { return parsed }
            damaged.store(true, ordering: .relaxed)
            return ParsedRecord(record: .unreadable(path: path, kind: nil), diagnostics: [])
        }
        return damaged.load(ordering: .relaxed) ? nil : results.takeValues()
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
        let tree = try WorkspaceVersion.folderTree(of: repository.resolveCommit(ref), folder: repository.path(of: root), in: repository)
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
