import Foundation

/// Writes the site's files under one output folder and nowhere else.
///
/// It refuses a folder that is, contains or lies inside the repository's
/// records (or `.git`, `.kaizen`), and a non-empty folder it did not make
/// unless forced. It writes no file through a symbolic link: the output
/// folder itself is resolved once, and a link inside it stops the run. Each
/// file is written whole (`AtomicFile`). A marker file lists what the last
/// run wrote, each file with a checksum of what it wrote there, so a later run
/// removes pages of records that are gone, and only while they still hold
/// what kaizen wrote: a page edited by hand, or any file a hand-edited marker
/// names, is kept.
public struct SiteWriter: Sendable {
    public static let markerName = ".kaizen-site"
    private static let markerHeading =
        "# Written by `kaizen site`: a checksum and the path of each file it wrote; the next run replaces them, and removes those still unchanged."

    public struct Summary: Sendable, Equatable {
        /// The output folder, resolved.
        public var folder: String
        public var written: Int
        /// Files of an earlier run that no page needs any more.
        public var removed: Int
    }

    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public func write(_ files: [SiteFile], to output: URL, force: Bool) throws -> Summary {
        let folder = try checkedFolder(output)
        let marker = folder.appendingPathComponent(Self.markerName)
        var isDirectory: ObjCBool = false
        var earlier: [String: UInt64] = [:]
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw KaizenError.siteOutputRefused(path: folder.path, reason: "it is a file, not a folder")
            }
            if let text = try? FileReader.read(marker.path) {
                earlier = Self.listedFiles(String(decoding: text, as: UTF8.self))
            } else if try !Self.isEmptyFolder(folder.path), !force {
                throw KaizenError.siteOutputNotEmpty(path: folder.path)
            }
        }
        for file in files { try refuseLinks(on: file.path, in: folder) }

        let written = Dictionary(files.map { ($0.path, Self.checksum(Array($0.contents.utf8))) }) { _, last in last }
        // Listed before any page is written, so that a run cut short still
        // leaves a folder the next run recognises as its own.
        try writeMarker(earlier.merging(written) { _, new in new }, at: marker)
        for file in files {
            try AtomicFile.replace(at: folder.appendingPathComponent(file.path), bytes: Array(file.contents.utf8))
        }
        var removed = 0
        for (stale, checksum) in earlier where written[stale] == nil {
            guard (try? refuseLinks(on: stale, in: folder)) != nil else { continue }
            let path = folder.appendingPathComponent(stale).path
            guard let contents = try? FileReader.read(path), Self.checksum(contents) == checksum else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        try writeMarker(written, at: marker)
        return Summary(folder: folder.path, written: files.count, removed: removed)
    }

    /// The output folder with every link on the way to it resolved, after
    /// checking it is not the repository or any of its record folders.
    private func checkedFolder(_ output: URL) throws -> URL {
        let folder = Self.resolved(output.standardizedFileURL)
        let path = folder.path
        let root = workspace.root.path
        func isWithin(_ path: String, _ container: String) -> Bool {
            path == container || path.hasPrefix(container == "/" ? "/" : container + "/")
        }
        if path == root {
            throw KaizenError.siteOutputRefused(path: path, reason: "it is the repository's root folder")
        }
        if isWithin(root, path) {
            throw KaizenError.siteOutputRefused(path: path, reason: "it holds the repository \(root)")
        }
        let protected = workspace.config.folders.values.sorted() + [".git", ".kaizen"]
        for name in protected {
            let inner = Self.resolved(workspace.url(for: name).standardizedFileURL).path
            if isWithin(path, inner) {
                throw KaizenError.siteOutputRefused(path: path, reason: "it is inside \(inner), which kaizen reads records or settings from")
            }
        }
        return folder
    }

    /// The path with its longest existing part's links resolved.
    private static func resolved(_ url: URL) -> URL {
        var missing: [String] = []
        var existing = url
        while existing.path != "/", realpath(existing.path, nil) == nil {
            missing.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        guard let pointer = realpath(existing.path, nil) else { return url }
        defer { free(pointer) }
        var result = URL(fileURLWithPath: String(cString: pointer))
        for name in missing { result.appendPathComponent(name) }
        return result.standardizedFileURL
    }

    /// Stops when a folder on the way to `path` inside `folder` is a symbolic
    /// link or not a folder, or when the path would leave `folder`.
    private func refuseLinks(on path: String, in folder: URL) throws {
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.isEmpty, !path.hasPrefix("/"), !parts.contains(".."), !parts.contains(".") else {
            throw KaizenError.cannotWrite(path: path, reason: "the path leaves the output folder")
        }
        var current = folder
        for (index, part) in parts.enumerated() {
            current.appendPathComponent(part)
            var info = stat()
            guard lstat(current.path, &info) == 0 else { return }
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK {
                throw KaizenError.cannotWrite(path: current.path, reason: "it is a symbolic link, and kaizen site does not write through one")
            }
            if index < parts.count - 1, type != S_IFDIR {
                throw KaizenError.cannotWrite(path: current.path, reason: "it is not a folder")
            }
        }
    }

    /// One line per file, `CHECKSUM  PATH` (16 hexadecimal digits, two spaces), sorted by path.
    private func writeMarker(_ files: [String: UInt64], at marker: URL) throws {
        let lines = files.sorted { $0.key < $1.key }.map { path, checksum in
            let hex = String(checksum, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex + "  " + path
        }
        try AtomicFile.replace(at: marker, bytes: Array(([Self.markerHeading] + lines).joined(separator: "\n").utf8) + [10])
    }

    /// The files a marker lists, with their checksums. Lines that are not a
    /// checksum and a plain relative path (among them those of markers written
    /// before checksums were, which name a path alone) are ignored: such a
    /// file is never removed.
    private static func listedFiles(_ text: String) -> [String: UInt64] {
        var files: [String: UInt64] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let hex = line.prefix(16)
            let path = String(line.dropFirst(18))
            guard hex.count == 16, line.dropFirst(16).hasPrefix("  "), let checksum = UInt64(hex, radix: 16),
                  !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
            else { continue }
            files[path] = checksum
        }
        return files
    }

    /// Whether the folder holds nothing; throws when it cannot be listed.
    private static func isEmptyFolder(_ path: String) throws -> Bool {
        guard let folder = opendir(path) else { throw KaizenError.cannotRead(path: path, reason: FileReader.reason(errno)) }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { return false }
        }
        return true
    }

    private static func checksum(_ bytes: [UInt8]) -> UInt64 {
        Checksum.of(bytes[...])
    }
}
