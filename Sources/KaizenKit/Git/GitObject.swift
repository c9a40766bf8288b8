import CGit2

/// A commit or tree read from a repository; frees its handle when released.
/// libgit2's commits and trees are both objects, freed alike, so one class
/// owns the handle and each kind adds only what it reads.
class GitObject {
    let handle: OpaquePointer
    /// Kept alive as long as the object: libgit2 objects must not outlive their repository.
    let repository: GitRepository

    required init(handle: OpaquePointer, of repository: GitRepository) {
        self.handle = handle
        self.repository = repository
    }

    deinit {
        git_object_free(handle)
    }
}
