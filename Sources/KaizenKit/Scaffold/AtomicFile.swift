import Foundation

/// Creates files so that a reader never sees half a file and an existing file
/// is never replaced: the content is written to a temporary file beside the
/// target, flushed, then hard-linked into place, which fails if the target
/// exists, even when another process creates it at the same moment.
enum AtomicFile {
    static func create(at url: URL, contents: String) throws {
        let directory = url.deletingLastPathComponent()
        try makeDirectories(directory)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { unlink(temporary.path) }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw KaizenError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw KaizenError.cannotWrite(path: url.path, reason: reason)
            }
            written += result
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced else { throw KaizenError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        guard link(temporary.path, url.path) == 0 else {
            if errno == EEXIST { throw KaizenError.alreadyExists(paths: [url.path]) }
            throw KaizenError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// The first folder on the way to `url` that exists but is not a folder,
    /// so that a caller writing several files can refuse before writing any.
    static func obstruction(for url: URL) -> String? {
        var ancestors: [URL] = []
        var current = url.deletingLastPathComponent().standardizedFileURL
        while current.path != "/" {
            ancestors.insert(current, at: 0)
            current = current.deletingLastPathComponent()
        }
        for ancestor in ancestors {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return ancestor.path
            }
        }
        return nil
    }

    /// `mkdir -p`, with the reason of a failure in the system's words.
    private static func makeDirectories(_ directory: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        try makeDirectories(directory.deletingLastPathComponent())
        if mkdir(directory.path, 0o755) != 0, errno != EEXIST {
            throw KaizenError.cannotWrite(path: directory.path, reason: String(cString: strerror(errno)))
        }
    }
}
