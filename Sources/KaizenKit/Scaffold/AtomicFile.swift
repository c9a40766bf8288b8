import Foundation

/// Creates files so that a reader never sees half a file and an existing file
/// is never replaced: the content is written to a temporary file beside the
/// target, flushed, then hard-linked into place, which fails if the target
/// exists, even when another process creates it at the same moment.
enum AtomicFile {
    static func create(at url: URL, contents: String) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw KaizenError.cannotWrite(path: directory.path, reason: error.localizedDescription)
        }
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
}
