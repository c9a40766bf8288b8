import Foundation

/// A team's kaizen repository: its root folder and its configuration.
public struct Workspace: Sendable {
    /// Absolute, standardized.
    public let root: URL
    public let config: KaizenConfig
    /// Problems in kaizen.yml, pointing into it.
    public let configDiagnostics: [Diagnostic]
    /// False when there is no kaizen.yml and the defaults apply.
    public let hasConfigFile: Bool
    /// `root.path` ending in "/", kept: URL computes its path anew each time,
    /// which for every record of a large workspace shows in a warm run.
    private let rootPrefix: String

    public init(root: URL, config: KaizenConfig, configDiagnostics: [Diagnostic], hasConfigFile: Bool) {
        self.root = root
        self.config = config
        self.configDiagnostics = configDiagnostics
        self.hasConfigFile = hasConfigFile
        rootPrefix = root.path == "/" ? "/" : root.path + "/"
    }

    /// The workspace root for a command run in `directory`: the nearest folder
    /// upward that holds kaizen.yml; else the work tree of the git repository
    /// containing `directory`; else `directory` itself.
    public static func findRoot(from directory: URL) throws -> URL {
        var current = directory.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(KaizenConfig.fileName).path) {
                return current
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        if let workTree = try GitRepository.discover(containing: directory.path)?.workTree {
            return URL(fileURLWithPath: workTree, isDirectory: true).standardizedFileURL
        }
        return directory.standardizedFileURL
    }

    /// Whether `folder` lies in a bare repository, which has commits but no
    /// work tree, so no record files on disk.
    public static func isInBareRepository(_ folder: URL) throws -> Bool {
        guard let repository = try GitRepository.discover(containing: folder.path) else { return false }
        return repository.workTree == nil
    }

    /// Opens the workspace at `root`, reading its kaizen.yml if there is one.
    public static func open(at root: URL) throws -> Workspace {
        // Resolved, so that paths reached through a symbolic link still lie inside it.
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KaizenError.noSuchPath(root.path)
        }
        let configURL = root.appendingPathComponent(KaizenConfig.fileName)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            return Workspace(root: root, config: KaizenConfig(), configDiagnostics: [], hasConfigFile: false)
        }
        let bytes = try FileReader.read(configURL.path)
        let loaded = ConfigLoader.load(bytes)
        var diagnostics = loaded.diagnostics
        // A mistyped folder would otherwise make every check pass with 0 records.
        for (kind, position) in loaded.config.folderPositions.sorted(by: { $0.value < $1.value }) {
            let folder = loaded.config.folders[kind]!
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path, isDirectory: &isDirectory)
                || !isDirectory.boolValue {
                diagnostics.append(Diagnostic(.invalidValue, path: KaizenConfig.fileName, at: position,
                    "the \(kind.defaultFolder) folder '\(folder)' does not exist: create it, or correct the path"))
            }
        }
        return Workspace(root: root, config: loaded.config, configDiagnostics: diagnostics, hasConfigFile: true)
    }

    /// `url` relative to the root with `/` separators, "" for the root itself,
    /// or absolute when it lies outside. Links among the folders are resolved,
    /// so a root reached through a link still matches; a file that is itself a
    /// link keeps its own name.
    public func relativePath(_ url: URL) -> String {
        let standardized = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        let resolved = FileManager.default.fileExists(atPath: standardized.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? standardized.resolvingSymlinksInPath()
            : standardized.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(standardized.lastPathComponent)
        let path = resolved.path
        if path == root.path { return "" }
        return path.hasPrefix(rootPrefix) ? String(path.dropFirst(rootPrefix.count)) : path
    }

    /// The file or folder a command-line argument names: itself when
    /// absolute, else inside `directory`.
    static func url(ofArgument argument: String, relativeTo directory: URL) -> URL {
        argument.hasPrefix("/") ? URL(fileURLWithPath: argument) : directory.appendingPathComponent(argument)
    }

    /// `url` relative to the root, as `relativePath`; throws when it lies
    /// outside the workspace, naming it as `argument` (what the person typed).
    func pathInside(_ url: URL, named argument: String) throws -> String {
        let path = relativePath(url)
        guard !path.hasPrefix("/") else { throw KaizenError.outsideWorkspace(path: argument, root: root.path) }
        return path
    }

    /// The absolute path of a workspace-relative (or absolute) path, joined
    /// as text: URL's appending asks the file system whether each path is a
    /// folder, which for every record of a large workspace costs more than
    /// reading the records from a cache.
    public func filePath(for path: String) -> String {
        path.hasPrefix("/") ? path : rootPrefix + path
    }

    /// Where the symbolic link at `filePath` (absolute) leads when that lies
    /// outside the workspace; nil for anything else, a link that leads
    /// nowhere included (reading it fails on its own).
    func linkTargetOutside(_ filePath: String) -> String? {
        var info = stat()
        guard lstat(filePath, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
              let resolved = realpath(filePath, nil) else { return nil }
        defer { free(resolved) }
        let target = String(cString: resolved)
        return target.hasPrefix(rootPrefix) ? nil : target
    }

    /// The absolute URL of a workspace-relative (or absolute) path.
    public func url(for path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }
}

/// Whole-file reads whose errors say why, in words that tell what to do.
enum FileReader {
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func read(_ path: String) throws -> [UInt8] {
        try readWithStamp(path).bytes
    }

    /// A record file's bytes and stamp, `path` absolute. A file over
    /// `RecordLimits.fileBytes` is refused before it is read, so memory stays
    /// bounded; so is a symbolic link that leads out of `workspace`, which
    /// could otherwise make a check print a private file's lines.
    static func readRecord(_ path: String, in workspace: Workspace) throws -> (bytes: [UInt8], stamp: FileStamp) {
        if let target = workspace.linkTargetOutside(path) {
            throw KaizenError.cannotRead(path: path, reason: "it is a symbolic link to \(VisibleText.escaping(target)), outside the repository, "
                + "and kaizen does not follow links out of it: copy the file in, or remove the link")
        }
        return try readWithStamp(path, limit: RecordLimits.fileBytes)
    }

    /// The file's bytes and its stamp as it was when the read began: a file
    /// changed during the read then has a later stamp than the one returned,
    /// so a cache keyed by the stamp never pairs it with older contents.
    static func readWithStamp(_ path: String, limit: Int? = nil) throws -> (bytes: [UInt8], stamp: FileStamp) {
        // Non-blocking, so that opening a FIFO returns at once and is refused below.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw KaizenError.cannotRead(path: path, reason: code == ENOENT ? danglingLink(at: path) ?? reason(code) : reason(code))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw KaizenError.cannotRead(path: path, reason: reason(errno)) }
        guard let stamp = FileStamp(info) else {
            throw KaizenError.cannotRead(path: path, reason: "it is a folder or a special file, not a file")
        }
        if let limit, stamp.size > limit {
            throw KaizenError.cannotRead(path: path, reason: RecordLimits.fileTooLarge(size: Int(stamp.size)))
        }
        // Read into uninitialised memory: zeroing a buffer first costs as much
        // as the read for a large file (the parse cache). One spare byte lets
        // the read that finds the end fit.
        var failure: Int32 = 0
        let expected = Int(info.st_size) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            failure = readAll(descriptor, into: UnsafeMutableRawBufferPointer(buffer), count: &count)
        }
        // A file that grew since fstat: the rest, a chunk at a time.
        var chunk = [UInt8](repeating: 0, count: bytes.count == expected ? 65_536 : 0)
        while failure == 0, !chunk.isEmpty {
            var count = 0
            failure = chunk.withUnsafeMutableBytes { readAll(descriptor, into: $0, count: &count) }
            bytes += chunk[..<count]
            if count < chunk.count { break }
        }
        if failure != 0 { throw KaizenError.cannotRead(path: path, reason: reason(failure)) }
        return (bytes, stamp)
    }

    /// Reads until `buffer` is full or the file ends; the error number of a
    /// failed read, or 0.
    private static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, count: inout Int) -> Int32 {
        while count < buffer.count {
            let result = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if result == 0 { break }
            count += result
        }
        return 0
    }

    /// Why a symbolic link at `path` cannot be read, when it leads nowhere.
    private static func danglingLink(at path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX))
        let count = buffer.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { readlink(path, $0.baseAddress!, $0.count) }
        }
        guard count >= 0 else { return nil }
        let target = VisibleText.escaping(String(decoding: buffer[..<count], as: UTF8.self))
        return "it is a symbolic link to \(target), which does not exist: restore the file it leads to, or remove the link"
    }

    /// An error number in words that say what to do.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "it no longer exists (was it moved or deleted while kaizen ran?)"
        case EACCES, EPERM: return "permission denied: check its permissions"
        default: return String(cString: strerror(code))
        }
    }
}
