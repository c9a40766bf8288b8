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

    /// A person's file to replace: where it is, what it held when read, and what it is to hold.
    struct Replacement {
        var url: URL
        /// Names the file in errors.
        var name: String
        var original: [UInt8]
        var bytes: [UInt8]
    }

    /// Replaces people's files, each keeping its permission bits (and its
    /// owner, where allowed). A symbolic link is written through to the file
    /// it leads to, so the link stays a link, unless that file lies outside
    /// `root`. Nothing is written when any file no longer holds its
    /// `original`: someone edited it since it was read, and that edit is kept.
    /// The files are written whole or not at all: every new version is on
    /// disk before the first rename, and should a later rename fail, those
    /// done are undone. (Only a crash between two renames leaves some files
    /// new and others old, each of them whole.)
    static func replaceUserFiles(_ replacements: [Replacement], inside root: URL) throws {
        var pending: [(target: String, temporary: String, replacement: Replacement, mode: mode_t)] = []
        defer { for file in pending { unlink(file.temporary) } }
        for replacement in replacements {
            let (target, info) = try regularFileInside(root, replacement)
            let mode = info.st_mode & 0o7777
            let temporary = try writeTemporary(replacement.bytes, beside: URL(fileURLWithPath: target), mode: mode, flush: true)
            // open() applied the umask; the file keeps exactly the bits it had
            // (set after the owner, which may clear some of them).
            _ = chown(temporary, info.st_uid, info.st_gid)
            _ = chmod(temporary, mode)
            pending.append((target, temporary, replacement, mode))
        }
        for file in pending where (try? FileReader.read(file.target)) != file.replacement.original {
            throw KaizenError.changedOnDisk(path: file.replacement.name)
        }
        for (index, file) in pending.enumerated() {
            guard rename(file.temporary, file.target) == 0 else {
                let reason = String(cString: strerror(errno))
                for done in pending[..<index] { try? restore(done.replacement.original, at: done.target, mode: done.mode) }
                throw KaizenError.cannotWrite(path: file.replacement.name, reason: reason)
            }
        }
        // The renames themselves reach the disk when their folders are flushed.
        for folder in Set(pending.map { URL(fileURLWithPath: $0.target).deletingLastPathComponent().path }) {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
    }

    /// The real path of a replacement's file and its status, after checking
    /// that it lies inside `root` and is a regular file.
    private static func regularFileInside(_ root: URL, _ replacement: Replacement) throws -> (path: String, info: stat) {
        guard let resolvedPointer = realpath(replacement.url.path, nil) else {
            throw KaizenError.cannotWrite(path: replacement.name, reason: String(cString: strerror(errno)))
        }
        let resolved = String(cString: resolvedPointer)
        free(resolvedPointer)
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") else {
            throw KaizenError.outsideRepository(path: replacement.name, target: resolved)
        }
        var info = stat()
        guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw KaizenError.cannotWrite(path: replacement.name, reason: "it is not a regular file")
        }
        return (resolved, info)
    }

    /// Puts a file's earlier bytes back, when a later file of the same edit could not be written.
    private static func restore(_ bytes: [UInt8], at target: String, mode: mode_t) throws {
        let temporary = try writeTemporary(bytes, beside: URL(fileURLWithPath: target), mode: mode, flush: true)
        if rename(temporary, target) != 0 { unlink(temporary) }
    }

    /// The path of a new, flushed file holding `bytes`, in the target's folder
    /// (so the rename stays on one file system). Its name is hidden, so one a
    /// killed run leaves behind is skipped by record discovery.
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
