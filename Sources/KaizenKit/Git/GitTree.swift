import CGit2

/// A tree handle; frees itself when released. Used to find entries by path;
/// comparing folders reads their raw bytes instead (see TreeDiff).
final class GitTree {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_tree_free(handle)
    }

    /// The id of the tree at `path` (a folder below this tree), nil when there
    /// is none or it is not a folder.
    func subtreeID(atPath path: String) throws -> ObjectID? {
        try entryID(atPath: path, type: GIT_OBJECT_TREE)
    }

    /// The id of the file at `path`, nil when there is none or it is not a file.
    func blobID(atPath path: String) throws -> ObjectID? {
        try entryID(atPath: path, type: GIT_OBJECT_BLOB)
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
