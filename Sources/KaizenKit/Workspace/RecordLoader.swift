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
        var found: [String] = []
        for kind in RecordKind.allCases {
            let folder = workspace.config.folders[kind]!
            found += DirectoryWalker.markdownFiles(in: workspace.url(for: folder).path, prefix: folder)
        }
        // One kind's folder may lie inside another's: sorted, a file found
        // twice comes twice in a row, so no set has to hash every path.
        var paths: [String] = []
        for path in found.sorted() where path != paths.last { paths.append(path) }
        guard paths.count <= limit else { throw KaizenError.tooManyRecords(count: paths.count, limit: limit) }
        return paths
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
            let path = try workspace.pathInside(url, named: argument)
            if isDirectory.boolValue {
                let inside = path.isEmpty ? discovered : discovered.filter { $0.hasPrefix(path + "/") }
                paths.formUnion(inside.isEmpty ? DirectoryWalker.markdownFiles(in: url.path, prefix: path) : inside)
            } else if path != KaizenConfig.fileName, !RecordFiles.isFolderReadme(url.lastPathComponent) {
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
        loadReusingParses(paths, decode: { $0.decode() }, from: { $0 })
    }

    /// The records of `loadReusingParses(_:)` without their diagnostics,
    /// which are not even decoded: for commands that show none.
    public func loadRecordsReusingParses(_ paths: [String]) -> [Record] {
        loadReusingParses(paths, decode: { $0.decodeRecord() }, from: \.record)
    }

    /// `loadReusingParses(_:)`, each file's parse taken as `Loaded`: decoded
    /// from the cache by `decode`, or made `from` a parse.
    private func loadReusingParses<Loaded: Sendable>(
        _ paths: [String], decode: @Sendable (ParseCache.StoredRecord) -> Loaded?,
        from parse: @Sendable (ParsedRecord) -> Loaded
    ) -> [Loaded] {
        guard let repository = try? GitRepository.discover(containing: workspace.root.path),
              let folder = try? repository.path(of: workspace.root) else { return load(paths).map(parse) }
        // The parses hold for the kaizen.yml the workspace was opened with.
        let configBlob = workspace.hasConfigFile
            ? (try? FileReader.read(workspace.filePath(for: KaizenConfig.fileName))).map(ObjectID.init(blobContents:))
            : nil
        let cache = ParseCache(directory: repository.cacheDirectory, folder: folder, configBlob: configBlob)
        let stored = cache.load()
        let parser = RecordParser(config: workspace.config)
        let workspace = self.workspace
        // Stamps are taken relative to the workspace folder, opened once, so
        // that the kernel looks up each file's own path rather than every
        // folder above it again. Where it cannot be opened, no stamp matches
        // and each file is read.
        let root = open(workspace.root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if root >= 0 { close(root) } }
        let records = ParallelResults<Loaded>(count: paths.count)
        // What the cache is to keep of each file; nothing of one that could not be read.
        let entries = ParallelResults<ParseCache.Entry?>(count: paths.count)
        records.fill(alongside: entries) { index in
            let path = paths[index]
            // A stored parse that does not decode is damaged: the file is read and parsed instead.
            if let stamp = FileStamp.of(path, in: root), let (blob, hit) = stored.unchanged(path, stamp: stamp),
               let record = decode(hit) {
                return (record, ParseCache.Entry(path: path, blob: blob, stamp: stamp, record: hit, reused: true))
            }
            let filePath = workspace.filePath(for: path)
            let folderKind = workspace.config.folderKind(ofPath: path)
            let bytes: [UInt8], stamp: FileStamp
            do {
                (bytes, stamp) = try FileReader.readRecord(filePath, in: workspace)
            } catch {
                return (parse(Self.unreadable(path: path, kind: folderKind, error: error)), nil)
            }
            let blob = ObjectID(blobContents: bytes)
            if let hit = stored.record(path, blob: blob), let record = decode(hit) {
                return (record, ParseCache.Entry(path: path, blob: blob, stamp: stamp, record: hit, reused: true))
            }
            let parsed = parser.parse(bytes, path: path, folderKind: folderKind)
            return (parse(parsed), ParseCache.Entry(path: path, blob: blob, stamp: stamp, record: ParseCache.StoredRecord(parsed),
                                                    reused: false))
        }
        cache.keep(entries.takeValues().compactMap { $0 }, storedCount: stored.count)
        return records.takeValues()
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
    // Each slot is initialised by exactly one iteration of a `fill`, and all
    // of them before it returns; `takeValues` moves them all out again.
    private let slots: UnsafeMutableBufferPointer<Value>
    private var isFilled = false

    init(count: Int) {
        slots = .allocate(capacity: count)
    }

    deinit {
        if isFilled { slots.deinitialize() }
        slots.deallocate()
    }

    func fill(_ compute: @Sendable (Int) -> Value) {
        nonisolated(unsafe) let slots = slots
        forEachIndex { index in (slots.baseAddress! + index).initialize(to: compute(index)) }
    }

    /// Fills these results and `other`, of as many values, at once: `compute`
    /// gives each index's value of both. Values taken apart from one tuple
    /// are moved; taking them apart from one stored value would copy them.
    func fill<Other>(alongside other: ParallelResults<Other>, _ compute: @Sendable (Int) -> (Value, Other)) {
        precondition(other.slots.count == slots.count && !other.isFilled, "results of another size, or filled")
        nonisolated(unsafe) let slots = slots, otherSlots = other.slots
        forEachIndex { index in
            let (value, otherValue) = compute(index)
            (slots.baseAddress! + index).initialize(to: consume value)
            (otherSlots.baseAddress! + index).initialize(to: consume otherValue)
        }
        other.isFilled = true
    }

    /// The values in index order, moved out rather than copied: copying a
    /// record retains each of its fields. The results are empty afterwards.
    func takeValues() -> [Value] {
        precondition(isFilled, "taken before it was filled, or twice")
        isFilled = false
        return [Value](unsafeUninitializedCapacity: slots.count) { values, count in
            count = values.moveInitialize(fromContentsOf: slots)
        }
    }

    /// Runs `body` for each index, spread over all cores, and counts the
    /// slots as filled.
    private func forEachIndex(_ body: @Sendable (Int) -> Void) {
        precondition(!isFilled, "filled twice")
        let count = slots.count
        let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        if chunks > 0 {
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var index = chunk
                while index < count {
                    body(index)
                    index += chunks
                }
            }
        }
        isFilled = true
    }
}
