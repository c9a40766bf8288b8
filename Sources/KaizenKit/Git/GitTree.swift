import CGit2

/// A tree read from a repository, to find and list entries; comparing
/// folders over history reads their raw bytes instead (see TreeDiff).
final class GitTree: GitObject {
    /// The id of the tree at `path` (a folder below this tree), nil when there
    /// is none or it is not a folder.
    func subtreeID(atPath path: String) throws -> ObjectID? {
        try entryID(atPath: path, type: GIT_OBJECT_TREE)
    }

    /// The id of the file at `path`, nil when there is none or it is not a file.
    func blobID(atPath path: String) throws -> ObjectID? {
        try entryID(atPath: path, type: GIT_OBJECT_BLOB)
    }

    /// Every file and link below this tree, depth first in tree order, each
    /// path starting with `prefix`. Submodules are skipped.
    func files(prefix: String) throws -> [FileEntry] {
        var files: [FileEntry] = []
        try collectFiles(prefix: prefix, into: &files)
        return files
    }

    private func collectFiles(prefix: String, into files: inout [FileEntry]) throws {
        for position in 0..<git_tree_entrycount(handle) {
            guard let entry = git_tree_entry_byindex(handle, position) else { continue }
            let path = prefix + LibGit2.string(git_tree_entry_name(entry))
            let id = ObjectID(git_tree_entry_id(entry).pointee)
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE:
                try repository.tree(id).collectFiles(prefix: path + "/", into: &files)
            case GIT_OBJECT_BLOB:
                files.append(FileEntry(path: path, blob: id, stage: 0, isFile: FileEntry.isFile(mode: git_tree_entry_filemode(entry).rawValue)))
            default:
                continue
            }
        }
    }

    private func entryID(atPath path: String, type: git_object_t) throws -> ObjectID? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, handle, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(code, "looking up \(path)")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == type else { return nil }
        return ObjectID(git_tree_entry_id(entry).pointee)
    }
}
