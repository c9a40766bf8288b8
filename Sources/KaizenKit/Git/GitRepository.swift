import CGit2

/// Initialises libgit2 once per process; every entry point into the git layer
/// goes through `LibGit2.ready()` first.
enum LibGit2 {
    private final class Runtime: Sendable {
        init() { git_libgit2_init() }
    }

    private static let runtime = Runtime()

    static func ready() {
        _ = runtime
    }

    /// Turns a libgit2 return code into a typed error, reading the message
    /// right after the failing call, on the same thread, as libgit2 requires.
    static func check(_ code: Int32, _ operation: String) throws {
        guard code < 0 else { return }
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
        throw KaizenError.git(operation: operation, code: code, message: message)
    }
}

/// An open git repository; frees its handle when released. Not `Sendable`:
/// libgit2 handles must stay on one thread, so only value types leave here.
final class GitRepository {
    private let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_repository_free(handle)
    }

    /// The repository that contains `path`, searching upward; nil when there is none.
    static func discover(containing path: String) throws -> GitRepository? {
        LibGit2.ready()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(code, "opening the repository containing \(path)")
        return handle.map(GitRepository.init(handle:))
    }

    /// The work tree's top folder, without a trailing `/`; nil for a bare repository.
    var workTree: String? {
        guard let pointer = git_repository_workdir(handle) else { return nil }
        var path = String(cString: pointer)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
