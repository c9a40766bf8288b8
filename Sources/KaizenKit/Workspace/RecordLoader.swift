import Dispatch
import Foundation

/// Finds record files and parses them, in parallel.
public struct RecordLoader: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Every record file in the configured folders (subfolders included,
    /// hidden entries and README.md files skipped), workspace-relative, sorted.
    /// Throws when there are more than `limit`: past that, memory rather than
    /// the records decides whether a run finishes.
    public func recordPaths(limit: Int = RecordLimits.records) throws -> [String] {
        var paths = Set<String>()
        for kind in RecordKind.allCases {
            let folder = workspace.config.folders[kind]!
            paths.formUnion(DirectoryWalker.markdownFiles(in: workspace.url(for: folder).path, prefix: folder))
        }
        guard paths.count <= limit else { throw KaizenError.tooManyRecords(count: paths.count, limit: limit) }
        return paths.sorted()
    }

    /// The record files named by `arguments` (relative to `directory`),
    /// workspace-relative. A file is taken as named, unless it is kaizen.yml
    /// (the configuration, always checked) or a folder README; a folder means
    /// the records of `discovered` inside it, or, when it holds none of them,
    /// every Markdown file inside it. Throws for a path that does not exist.
    public func recordPaths(for arguments: [String], relativeTo directory: URL, discovered: [String]) throws -> [String] {
        var paths = Set<String>()
        for argument in arguments {
            let url = argument.hasPrefix("/") ? URL(fileURLWithPath: argument) : directory.appendingPathComponent(argument)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw KaizenError.noSuchPath(argument)
            }
            let path = workspace.relativePath(url)
            if isDirectory.boolValue {
                let inside = path.isEmpty ? discovered : discovered.filter { $0.hasPrefix(path + "/") }
                paths.formUnion(inside.isEmpty ? DirectoryWalker.markdownFiles(in: url.path, prefix: path) : inside)
            } else if path != KaizenConfig.fileName, !DirectoryWalker.isFolderReadme(url.lastPathComponent) {
                paths.insert(path)
            }
        }
        return paths.sorted()
    }

    /// Parses the files at `paths` (workspace-relative), in the given order.
    public func load(_ paths: [String]) -> [ParsedRecord] {
        let parser = RecordParser(config: workspace.config)
        let workspace = self.workspace
        let results = ParallelResults<ParsedRecord>(count: paths.count)
        results.fill { index in
            let path = paths[index]
            let folderKind = workspace.config.folderKind(ofPath: path)
            do {
                let bytes = try FileReader.readRecord(workspace.filePath(for: path), in: workspace).bytes
                return parser.parse(bytes, path: path, folderKind: folderKind)
            } catch {
                return Self.unreadable(path: path, kind: folderKind, error: error)
            }
        }
        return results.takeValues()
    }

    /// `load(_:)`, reusing the parses kept under the git folder (see
    /// `ParseCache`) for files whose contents are unchanged, by the blob id
    /// git would give them: a command over every record then parses only what
    /// changed since the last run. A file whose stamp (size, times, inode) is
    /// the one stored with its parse is not even read. Outside a git work
    /// tree it is `load(_:)`.
    public func loadReusingParses(_ paths: [String]) -> [ParsedRecord] {
        guard let repository = try? GitRepository.discover(containing: workspace.root.path),
              let folder = try? repository.path(of: workspace.root) else { return load(paths) }
        // The parses hold for the kaizen.yml the workspace was opened with.
        let configBlob = workspace.hasConfigFile
            ? (try? FileReader.read(workspace.filePath(for: KaizenConfig.fileName))).map(ObjectID.init(blobContents:))
            : nil
        let cache = ParseCache(directory: repository.cacheDirectory, folder: folder, configBlob: configBlob)
        let stored = cache.load()
        let parser = RecordParser(config: workspace.config)
        let workspace = self.workspace
        let results = ParallelResults<LoadedFile>(count: paths.count)
        results.fill { index in
            let path = paths[index]
            let filePath = workspace.filePath(for: path)
            // A stored parse that does not decode is damaged: the file is read and parsed instead.
            if let stamp = FileStamp.of(filePath), let (blob, hit) = stored.unchanged(path, stamp: stamp),
               let parsed = hit.decode() {
                return LoadedFile(parsed: parsed, blob: blob, stamp: stamp, stored: hit)
            }
            let folderKind = workspace.config.folderKind(ofPath: path)
            let bytes: [UInt8], stamp: FileStamp
            do {
                (bytes, stamp) = try FileReader.readRecord(filePath, in: workspace)
            } catch {
                return LoadedFile(parsed: Self.unreadable(path: path, kind: folderKind, error: error), blob: nil, stamp: nil, stored: nil)
            }
            let blob = ObjectID(blobContents: bytes)
            if let hit = stored.record(path, blob: blob), let parsed = hit.decode() {
                return LoadedFile(parsed: parsed, blob: blob, stamp: stamp, stored: hit)
            }
            return LoadedFile(parsed: parser.parse(bytes, path: path, folderKind: folderKind), blob: blob, stamp: stamp, stored: nil)
        }
        let loaded = results.takeValues()
        cache.keep(paths.indices.compactMap { index in
            loaded[index].blob.map { (paths[index], $0, loaded[index].stamp, loaded[index].stored, loaded[index].parsed) }
        }, storedCount: stored.count)
        return loaded.map(\.parsed)
    }

    /// One file as `loadReusingParses` found it.
    private struct LoadedFile: Sendable {
        var parsed: ParsedRecord
        /// Nil when the file could not be read.
        var blob: ObjectID?
        var stamp: FileStamp?
        /// The cache's copy, when the parse came from there.
        var stored: ParseCache.StoredRecord?
    }

    private static func unreadable(path: String, kind: RecordKind?, error: Error) -> ParsedRecord {
        var collector = DiagnosticCollector(path: path)
        let reason = (error as? KaizenError)?.errorDescription ?? error.localizedDescription
        collector.report(.unreadableFile, at: .start, reason)
        return ParsedRecord(record: .unreadable(path: path, kind: kind), diagnostics: collector.diagnostics)
    }
}

/// Computes `count` values on all cores and keeps them in index order.
final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    // Each index is written by exactly one iteration, before `values` is read.
    private var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func fill(_ compute: @Sendable (Int) -> Value) {
        let count = storage.count
        storage.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
            guard chunks > 0 else { return }
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var index = chunk
                while index < count {
                    slots[index] = compute(index)
                    index += chunks
                }
            }
        }
    }

    /// The values in index order, moved out rather than copied: copying a
    /// record retains each of its fields. The results are empty afterwards.
    func takeValues() -> [Value] {
        storage.withUnsafeMutableBufferPointer { slots in
            [Value](unsafeUninitializedCapacity: slots.count) { values, count in
                for index in slots.indices {
                    (values.baseAddress! + index).initialize(to: (slots.baseAddress! + index).move()!)
                    (slots.baseAddress! + index).initialize(to: nil)
                }
                count = slots.count
            }
        }
    }
}
