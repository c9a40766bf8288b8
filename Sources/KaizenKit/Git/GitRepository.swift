import CGit2
import Foundation

/// Initialises libgit2 once per process; every entry point into the git layer
/// goes through `LibGit2.ready()` first.
enum LibGit2 {
    private final class Runtime: Sendable {
        init() {
            git_libgit2_init()
            // Trees over 4 KiB are not cached by default, yet a history scan reads
            // each version of a records folder's tree twice (about 1.5x faster).
            // The object cache and the packs mapped into memory are capped so a
            // scan with one repository handle per core stays well under 200 MB.
            _ = kaizen_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
            _ = kaizen_git_set_cache_max_size(16 << 20)
            // Packs are mapped in 1 GiB windows by default, so a whole pack stays
            // resident; smaller windows let the mapped limit take effect.
            _ = kaizen_git_set_mwindow_size(8 << 20)
            _ = kaizen_git_set_mwindow_mapped_limit(32 << 20)
            // libgit2 re-hashes every object it reads, with the slow collision-
            // detecting SHA-1: that was 90 % of a history scan (git itself does
            // not, outside fsck). zlib's checksums still catch damaged objects.
            _ = kaizen_git_set_strict_hash_verification(0)
        }
    }

    private static let runtime = Runtime()

    static func ready() {
        _ = runtime
    }

    /// Turns a libgit2 return code into a typed error, reading the message
    /// right after the failing call, on the same thread, as libgit2 requires.
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
        guard code < 0 else { return }
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
        throw KaizenError.git(operation: operation(), code: code, message: message)
    }

    /// Like `check`, for reading the object `id`: a failure means the object is
    /// missing or damaged, which the user repairs with git, so the error says so.
    static func checkRead(_ code: Int32, _ kind: String, _ id: ObjectID) throws {
        guard code < 0 else { return }
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
        throw KaizenError.unreadableObject(kind: kind, id: id.description, reason: message)
    }

    /// Text from libgit2 (names, messages, paths) is bytes, not always UTF-8.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }
}

/// An open git repository; frees its handle when released. Not `Sendable`:
/// libgit2 handles must stay on one thread, so only value types leave here,
/// and a thread that needs the repository opens its own `GitRepository`.
final class GitRepository {
    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_repository_free(handle)
    }

    /// The repository that contains `path`, searching upward (work trees, linked
    /// worktrees and bare repositories alike); nil when there is none.
    static func discover(containing path: String) throws -> GitRepository? {
        LibGit2.ready()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EOWNER.rawValue {
            guard let untrusted = UntrustedRepository.containing(path) else { return nil }
            throw KaizenError.repositoryNotOwned(path: untrusted.path, owner: untrusted.ownerName)
        }
        try checkOpened(code, path)
        return handle.map(GitRepository.init(handle:))
    }

    /// Like `LibGit2.check` for opening a repository, with the one refusal
    /// libgit2 words in its own terms put in a user's: SHA-256 object ids.
    private static func checkOpened(_ code: Int32, _ path: String) throws {
        guard code < 0 else { return }
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? ""
        if message.contains("extensions.objectformat") { throw KaizenError.unsupportedObjectFormat(path: path) }
        try LibGit2.check(code, "opening the repository containing \(path)")
    }

    /// Opens the repository whose git folder is `gitDirectory` exactly, as a
    /// second handle for another thread.
    static func open(gitDirectory: String) throws -> GitRepository {
        LibGit2.ready()
        var handle: OpaquePointer?
        try checkOpened(git_repository_open_ext(&handle, gitDirectory, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil),
                        gitDirectory)
        return GitRepository(handle: handle!)
    }

    /// `folder` relative to the top of the work tree of the repository that
    /// contains it ("" for the top); "" in a bare repository, whose tree has
    /// no place on disk.
    static func path(of folder: URL) throws -> String {
        guard let repository = try discover(containing: folder.path) else {
            throw KaizenError.notARepository(path: folder.path)
        }
        return try repository.path(of: folder)
    }

    /// `folder` (inside this repository's work tree) relative to its top.
    func path(of folder: URL) throws -> String {
        guard let workTree else { return "" }
        let top = URL(fileURLWithPath: workTree).resolvingSymlinksInPath().path
        let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
        if path == top { return "" }
        guard path.hasPrefix(top + "/") else { throw KaizenError.notARepository(path: folder.path) }
        return String(path.dropFirst(top.count + 1))
    }

    /// A path-valued configuration setting (`~/` expanded, as git does), nil when unset.
    func configPath(_ name: String) throws -> String? {
        var config: OpaquePointer?
        try LibGit2.check(git_repository_config_snapshot(&config, handle), "reading the repository's configuration")
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = git_config_get_path(&buffer, config, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(code, "reading \(name)")
        return LibGit2.string(buffer.ptr)
    }

    /// The work tree's top folder, without a trailing `/`; nil for a bare repository.
    var workTree: String? {
        guard let pointer = git_repository_workdir(handle) else { return nil }
        return Self.trimmingSlash(String(cString: pointer))
    }

    /// This repository's own git folder (for a linked worktree, its folder under `worktrees/`).
    var gitDirectory: String { Self.trimmingSlash(String(cString: git_repository_path(handle))) }

    /// The git folder shared by all worktrees.
    var commonDirectory: String { Self.trimmingSlash(String(cString: git_repository_commondir(handle))) }

    /// Where kaizen keeps its caches: in the git folder every worktree shares,
    /// out of the work tree and gone with the repository.
    var cacheDirectory: String { commonDirectory + "/kaizen" }

    var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// True when HEAD names a branch that has no commit yet (a new repository).
    var isHeadUnborn: Bool { git_repository_head_unborn(handle) == 1 }

    /// The commit a revision names (`HEAD`, a branch, a tag, `main~3`, an id), tags peeled.
    func resolveCommit(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, revision)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EAMBIGUOUS.rawValue || code == GIT_EINVALIDSPEC.rawValue {
            throw unknown(revision)
        }
        try LibGit2.check(code, "resolving \(revision)")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        let peeled = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        if peeled == GIT_EPEEL.rawValue || peeled == GIT_EINVALIDSPEC.rawValue { throw KaizenError.unknownRevision(revision) }
        try LibGit2.check(peeled, "resolving \(revision) to a commit")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }

    /// Why `revision` names nothing: HEAD on a branch with no commits, a revision
    /// beyond a shallow clone's boundary, or simply no such revision.
    private func unknown(_ revision: String) -> KaizenError {
        if isHeadUnborn, revision.hasPrefix("HEAD") || revision.hasPrefix("@") { return .noCommitsYet(revision: revision) }
        return isShallow ? .notInShallowClone(what: "'\(revision)'") : .unknownRevision(revision)
    }

    /// The best common ancestor of two commits, as `git merge-base` picks it;
    /// nil when their histories never meet (in a shallow clone: within the
    /// history it holds).
    func mergeBase(_ one: ObjectID, _ two: ObjectID) throws -> ObjectID? {
        var base = git_oid()
        let code = one.withOID { first in two.withOID { second in git_merge_base(&base, handle, first, second) } }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        // libgit2 walks on past a shallow clone's boundary and fails on the parents it lacks.
        if code < 0, isShallow, git_error_last()?.pointee.klass == Int32(GIT_ERROR_ODB.rawValue) { return nil }
        try LibGit2.check(code, "finding the merge base of \(one.abbreviated) and \(two.abbreviated)")
        return ObjectID(base)
    }

    func commit(_ id: ObjectID) throws -> GitCommit {
        try object(id, type: GIT_OBJECT_COMMIT, kind: "commit")
    }

    func tree(_ id: ObjectID) throws -> GitTree {
        try object(id, type: GIT_OBJECT_TREE, kind: "tree")
    }

    /// Reads the object `id`, which must be of `type`; `kind` names it in the
    /// error when it cannot be read. (git_commit_lookup and git_tree_lookup
    /// are this same call with their type.)
    private func object<Object: GitObject>(_ id: ObjectID, type: git_object_t, kind: String) throws -> Object {
        var object: OpaquePointer?
        try id.withOID { try LibGit2.checkRead(git_object_lookup(&object, handle, $0, type), kind, id) }
        return Object(handle: object!, of: self)
    }

    /// A blob's bytes.
    func blob(_ id: ObjectID) throws -> [UInt8] {
        var blob: OpaquePointer?
        try id.withOID { try LibGit2.checkRead(git_blob_lookup(&blob, handle, $0), "blob", id) }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// A record file's blob, as `RecordBlob`: its size is read first, so a
    /// blob over `RecordLimits.fileBytes` is never inflated into memory.
    func recordBlob(_ id: ObjectID) throws -> RecordBlob {
        var size = 0
        var type = GIT_OBJECT_INVALID
        let database = try GitObjectDatabase(self)
        try database.readHeader(id, kind: "blob", size: &size, type: &type)
        if type == GIT_OBJECT_BLOB, size > RecordLimits.fileBytes { return .tooLarge(size: size) }
        return .contents(try blob(id))
    }

    /// Whether the object database holds `id` (a shallow clone lacks the
    /// parents of its boundary commits).
    func contains(_ id: ObjectID) throws -> Bool {
        try GitObjectDatabase(self).contains(id)
    }

    private static func trimmingSlash(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
