import CGit2
import Foundation

/// One file in a tree or in the git index (the staging area), as a value.
struct FileEntry: Sendable {
    var path: String
    var blob: ObjectID
    /// 0 for a merged file (and in trees); 1 to 3 for the sides of an
    /// unresolved conflict in the index.
    var stage: Int
    /// A regular or executable file (not a link or a submodule).
    var isFile: Bool

    static func isFile(mode: UInt32) -> Bool {
        mode == GIT_FILEMODE_BLOB.rawValue || mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue
    }
}

/// A repository's index; frees its handle when released.
final class GitIndex {
    private let handle: OpaquePointer

    /// The index git works on: the file GIT_INDEX_FILE names when it is set, as
    /// git reads it (`git commit -a` and `git commit PATH` run the pre-commit
    /// hook on a temporary index there), else the repository's own.
    init(_ repository: GitRepository) throws {
        var index: OpaquePointer?
        if let path = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"], !path.isEmpty {
            try LibGit2.check(git_index_open(&index, path), "reading the index \(path)")
        } else {
            try LibGit2.check(git_repository_index(&index, repository.handle), "reading the index")
        }
        handle = index!
    }

    deinit {
        git_index_free(handle)
    }

    /// Every entry whose path starts with `prefix` (pass "" for all).
    func entries(under prefix: String) -> [FileEntry] {
        (0..<git_index_entrycount(handle)).compactMap { position in
            guard let entry = git_index_get_byindex(handle, position) else { return nil }
            let path = LibGit2.string(entry.pointee.path)
            guard prefix.isEmpty || path.hasPrefix(prefix) else { return nil }
            let mode = entry.pointee.mode
            return FileEntry(path: path, blob: ObjectID(entry.pointee.id), stage: Int(git_index_entry_stage(entry)),
                             isFile: FileEntry.isFile(mode: mode))
        }
    }
}
