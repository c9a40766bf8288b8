import Foundation

/// Writes the site's files under one output folder and nowhere else.
///
/// It refuses a folder that is, contains or lies inside the repository's
/// records (or `.git`, `.kaizen`), and a non-empty folder it did not make
/// unless forced. It writes no file through a symbolic link: the output
/// folder itself is resolved once, and a link inside it stops the run. Each
/// file is written whole (`AtomicFile`). A marker file lists what the last
/// run wrote, so a later run can remove pages of records that are gone
/// without touching anything else.
public struct SiteWriter: Sendable {
    public static let markerName = ".kaizen-site"
    private static let markerHeading = "# Written by `kaizen site`; the files it wrote, which the next run may replace or remove."

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
        var earlier: [String] = []
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw KaizenError.siteOutputRefused(path: folder.path, reason: "it is a file, not a folder")
            }
            let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            if let text = try? FileReader.read(marker.path) {
                earlier = Self.listedPaths(String(decoding: text, as: UTF8.self))
            } else if !entries.isEmpty, !force {
                throw KaizenError.siteOutputNotEmpty(path: folder.path)
            }
        }
        for file in files { try refuseLinks(on: file.path, in: folder) }

        let paths = files.map(\.path)
        // Listed before any page is written, so that a run cut short still
        // leaves a folder the next run recognises as its own.
        try writeMarker(Array(Set(earlier + paths)).sorted(), at: marker)
        for file in files {
            try AtomicFile.replace(at: folder.appendingPathComponent(file.path), bytes: Array(file.contents.utf8))
        }
        let current = Set(paths)
        var removed = 0
        for stale in earlier where !current.contains(stale) {
            guard (try? refuseLinks(on: stale, in: folder)) != nil else { continue }
            if unlink(folder.appendingPathComponent(stale).path) == 0 { removed += 1 }
        }
        try writeMarker(paths.sorted(), at: marker)
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

    private func writeMarker(_ paths: [String], at marker: URL) throws {
        try AtomicFile.replace(at: marker, bytes: Array(([Self.markerHeading] + paths).joined(separator: "\n").utf8) + [10])
    }

    /// The paths a marker lists; lines that are not a plain relative path are ignored.
    private static func listedPaths(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { line in
            !line.hasPrefix("#") && !line.hasPrefix("/") && !line.split(separator: "/").contains { $0 == ".." || $0 == "." }
        }
    }
}
