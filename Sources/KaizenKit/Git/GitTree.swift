import CGit2

/// A tree handle; frees itself when released. Entries are read in place, so
/// that comparing two trees allocates nothing for the entries that match.
final class GitTree {
    enum EntryKind {
        case tree, blob, other
    }

    private let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_tree_free(handle)
    }

    var count: Int { git_tree_entrycount(handle) }

    /// The entry's name, valid while this tree lives.
    func name(at index: Int) -> UnsafePointer<CChar> {
        git_tree_entry_name(git_tree_entry_byindex(handle, index))
    }

    func id(at index: Int) -> ObjectID {
        ObjectID(git_tree_entry_id(git_tree_entry_byindex(handle, index)).pointee)
    }

    /// Files (regular or executable) are blobs; links and submodules are "other":
    /// neither is a record, as in the working-tree walk.
    func kind(at index: Int) -> EntryKind {
        switch git_tree_entry_filemode(git_tree_entry_byindex(handle, index)) {
        case GIT_FILEMODE_TREE: return .tree
        case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE: return .blob
        default: return .other
        }
    }

    /// The id of the tree at `path` (a folder below this tree), nil when there
    /// is none or it is not a folder.
    func subtreeID(atPath path: String) throws -> ObjectID? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, handle, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(code, "looking up \(path)")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        return ObjectID(git_tree_entry_id(entry).pointee)
    }
}
