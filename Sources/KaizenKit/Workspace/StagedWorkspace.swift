import Foundation

/// A workspace as the git index holds it: what the next commit will contain.
/// The pre-commit hook checks this, not the working tree, so a file fixed on
/// disk but staged broken fails and a file staged fixed but broken again on
/// disk passes.
public struct StagedWorkspace: Sendable {
    /// With the staged kaizen.yml's settings (or the defaults when none is staged).
    public let workspace: Workspace
    /// Every staged record, parsed from the index.
    public let records: [ParsedRecord]
    /// Workspace-relative paths whose staged content differs from HEAD's.
    public let changedPaths: Set<String>

    /// Reads the index of the repository holding `workspace`.
    public static func read(_ workspace: Workspace) throws -> StagedWorkspace {
        guard let repository = try GitRepository.discover(containing: workspace.root.path) else {
            throw KaizenError.notARepository(path: workspace.root.path)
        }
        let folder = try repository.path(of: workspace.root)
        let prefix = folder.isEmpty ? "" : folder + "/"
        let entries = try GitIndex(repository).entries(under: prefix)
        if let conflict = entries.first(where: { $0.stage != 0 }) {
            throw KaizenError.invalidArgument(
                "\(conflict.path) has an unresolved merge conflict in the index: resolve it and `git add` it, then commit")
        }
        let headTree = repository.isHeadUnborn ? nil : try repository.tree(repository.commit(repository.resolveCommit("HEAD")).treeID)
        func bytes(_ entry: IndexEntry) throws -> [UInt8] { try repository.blob(entry.blob) }

        var staged = workspace
        let byPath = Dictionary(entries.map { (String($0.path.dropFirst(prefix.count)), $0) }, uniquingKeysWith: { $1 })
        if let config = byPath[KaizenConfig.fileName] {
            let loaded = ConfigLoader.load(try bytes(config))
            staged = Workspace(root: workspace.root, config: loaded.config, configDiagnostics: loaded.diagnostics, hasConfigFile: true)
        }
        var changed = Set<String>()
        var files: [(path: String, bytes: [UInt8])] = []
        for (path, entry) in byPath.sorted(by: { $0.key < $1.key }) {
            if try headTree?.blobID(atPath: entry.path) != entry.blob { changed.insert(path) }
            guard entry.isFile, Self.isRecordPath(path, config: staged.config) else { continue }
            files.append((path, try bytes(entry)))
        }
        // Blobs are read on this thread (libgit2 handles stay on one thread); parsing runs on all cores.
        let parser = RecordParser(config: staged.config)
        let config = staged.config
        let contents = files
        let results = ParallelResults<ParsedRecord>(count: contents.count)
        results.fill { index in
            parser.parse(contents[index].bytes, path: contents[index].path, folderKind: config.folderKind(ofPath: contents[index].path))
        }
        return StagedWorkspace(workspace: staged, records: results.values, changedPaths: changed)
    }

    /// The same files discovery takes on disk: Markdown in a records folder,
    /// no folder README, nothing hidden.
    private static func isRecordPath(_ path: String, config: KaizenConfig) -> Bool {
        guard config.folderKind(ofPath: path) != nil else { return false }
        let components = path.split(separator: "/")
        guard !components.contains(where: { $0.hasPrefix(".") }), let name = components.last else { return false }
        return DirectoryWalker.isRecordFileName(String(name))
    }
}
