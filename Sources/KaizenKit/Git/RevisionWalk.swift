import CGit2

/// A walk over a commit's history; frees itself when released.
final class RevisionWalk {
    private let handle: OpaquePointer
    /// Kept alive as long as the walk, which must not outlive its repository.
    private let repository: GitRepository

    /// Walks from `start` along first parents only, newest first, leaving out
    /// `hidden` and everything reachable from it.
    init(_ repository: GitRepository, start: ObjectID, hiding hidden: ObjectID?) throws {
        var walk: OpaquePointer?
        try LibGit2.check(git_revwalk_new(&walk, repository.handle), "starting a history walk")
        handle = walk!
        self.repository = repository
        try LibGit2.check(git_revwalk_sorting(handle, GIT_SORT_NONE.rawValue), "ordering the history walk")
        try LibGit2.check(git_revwalk_simplify_first_parent(handle), "limiting the walk to first parents")
        try start.withOID { try LibGit2.check(git_revwalk_push(handle, $0), "walking from \(start)") }
        if let hidden {
            try hidden.withOID { try LibGit2.check(git_revwalk_hide(handle, $0), "hiding \(hidden) from the walk") }
        }
    }

    deinit {
        git_revwalk_free(handle)
    }

    func next() throws -> ObjectID? {
        var oid = git_oid()
        let code = git_revwalk_next(&oid, handle)
        if code == GIT_ITEROVER.rawValue { return nil }
        try LibGit2.check(code, "walking the history")
        return ObjectID(oid)
    }
}
