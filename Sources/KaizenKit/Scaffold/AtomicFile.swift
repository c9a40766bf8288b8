import Foundation

/// Writes files so that a reader never sees half a file: the content is written
/// to a temporary file beside the target and flushed, then moved into place.
enum AtomicFile {
    /// Creates a file, never replacing one: the temporary file is hard-linked
    /// into place, which fails if the target exists, even when another process
    /// creates it at the same moment.
    static func create(at url: URL, contents: String) throws {
        try makeDirectories(url.deletingLastPathComponent())
        let temporary = try writeTemporary(Array(contents.utf8), beside: url, mode: 0o644, flush: true)
        defer { unlink(temporary) }
        guard link(temporary, url.path) == 0 else {
            if errno == EEXIST { throw KaizenError.alreadyExists(paths: [url.path]) }
            throw KaizenError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Writes a file that is kaizen's own (a cache), replacing any earlier
    /// version in one step: concurrent writers each leave a whole file. A cache
    /// is not flushed to disk first: one torn by a crash is detected when read
    /// and rebuilt, so the flush would only slow every run.
    static func replace(at url: URL, bytes: [UInt8], mode: mode_t = 0o644, flush: Bool = false) throws {
        try makeDirectories(url.deletingLastPathComponent())
        let temporary = try writeTemporary(bytes, beside: url, mode: mode, flush: flush)
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw KaizenError.cannotWrite(path: url.path, reason: reason)
        }
    }

    /// The path of a new, flushed file holding `bytes`, in the target's folder.
    private static func writeTemporary(_ bytes: [UInt8], beside url: URL, mode: mode_t, flush: Bool) throws -> String {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw KaizenError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw KaizenError.cannotWrite(path: url.path, reason: reason)
            }
            written += result
        }
        let synced = !flush || fsync(descriptor) == 0
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard synced else {
            unlink(temporary)
            throw KaizenError.cannotWrite(path: url.path, reason: reason)
        }
        return temporary
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
