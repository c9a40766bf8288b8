import Foundation
import Synchronization

/// Reads and parses records from any `RecordSource`, on all cores: the way
/// every command reads them.
///
/// When parses are reused: a whole read of the working tree or of the index
/// (every record file, with the files `check` names besides) takes each
/// file's parse from the parse cache under the git folder (`ParseCache`) when
/// the file is unchanged: by its stamp (size, times, inode) for a file on
/// disk, else by its blob id. A stored parse holds only for the same
/// contents, kaizen.yml and kaizen build, so it is the very parse reading
/// the file again would give, and every command reuses parses, those that
/// write records too: an edit reads the file it changes again under the
/// write lock (`RecordEditor`), and writes nothing over a change made since.
/// Two reads pass the cache by: a read of a few files (`load(_:)`: a record
/// just created, a file named on the command line, the files of a commit
/// that differ from another), since the cache keeps the files of one whole
/// read and would drop everyone else's parses; and a commit's tree, read
/// once per review, whose files would push out the working tree's.
public struct RecordLoader: Sendable {
    public let workspace: Workspace

    /// Reads the working tree of `workspace`.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Every record file of the working tree, workspace-relative, sorted.
    /// Throws when there are more than `limit`: past that, memory rather
    /// than the records decides whether a run finishes.
    public func recordPaths(limit: Int = RecordLimits.records) throws -> [String] {
        try RecordSource.workingTree.list(workspace, limit: limit).paths
    }

    /// The record files named by `arguments` (relative to `directory`),
    /// workspace-relative. A file is taken as named, unless it is kaizen.yml
    /// (the configuration, always checked) or a folder README; a folder means
    /// the records of `discovered` inside it, or, when it holds none of them,
    /// every Markdown file inside it. Throws for a path that does not exist.
    public func recordPaths(for arguments: [String], relativeTo directory: URL, discovered: [String]) throws -> [String] {
        var paths = Set<String>()
        for argument in arguments {
            let url = Workspace.url(ofArgument: argument, relativeTo: directory)
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

    /// Every record of the working tree, with the findings of its parse;
    /// parses are reused (see above).
    public func loadAll() throws -> [ParsedRecord] {
        try Self.loadAll(RecordSource.workingTree.list(workspace))
    }

    /// The records of `loadAll()` without their findings, which are then not
    /// even decoded from the cache: for commands that show none.
    public func loadAllRecords() throws -> [Record] {
        readReusingParses(try recordPaths(), decode: { stored, _ in stored.decodeRecord() }, from: { parsed, _ in parsed.record })
    }

    /// Every record of the working tree with its file's text, for pages that
    /// show records whole: each file is read, and its parse reused (see above).
    func loadAllFiles() throws -> [RecordFile] {
        readReusingParses(
            try recordPaths(), readingEveryFile: true,
            decode: { stored, bytes in stored.decodeRecord().map { RecordFile(record: $0, bytes: bytes, unreadable: []) } },
            from: { parsed, bytes in
                RecordFile(record: parsed.record, bytes: bytes, unreadable: parsed.record.details == .unreadable ? parsed.diagnostics : [])
            })
    }

    /// The files at `paths` (workspace-relative) as they are on disk now, in
    /// the given order, past the parse cache (see above).
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

    /// Every record `listing` holds, and for the working tree the files
    /// `extra` names besides, reusing parses where a whole read may (see above).
    static func loadAll(_ listing: RecordListing, adding extra: [String] = []) throws -> [ParsedRecord] {
        switch listing.source {
        case .workingTree:
            let paths = extra.isEmpty ? listing.paths : Set(listing.paths).union(extra).sorted()
            return RecordLoader(workspace: listing.workspace).readReusingParses(paths, decode: { stored, _ in stored.decode() },
                                                                                from: { parsed, _ in parsed })
        case .index:
            let repository = listing.repository!
            return try readBlobs(listing, listing.paths, cache: ParseCache(directory: repository.cacheDirectory, folder: listing.folder,
                                                                         configBlob: listing.configBlob))
        case .commit:
            return try readBlobs(listing, listing.paths, cache: nil)
        }
    }

    /// The files at `paths` of `listing` (which must hold them), past the parse cache.
    static func load(_ paths: [String], of listing: RecordListing) throws -> [ParsedRecord] {
        switch listing.source {
        case .workingTree: return RecordLoader(workspace: listing.workspace).load(paths)
        case .index, .commit: return try readBlobs(listing, paths, cache: nil)
        }
    }

    /// Files on disk at `paths`, each file's parse taken as `Loaded`: decoded
    /// from the cache by `decode`, or made `from` a parse, each given the
    /// file's bytes when they were read. A file whose stamp is the one stored
    /// with its parse is not even read, unless `readingEveryFile`; another is
    /// read, and its parse reused when git would give its contents the stored
    /// blob id. Outside a git work tree nothing is stored, and every file is
    /// read and parsed.
    private func readReusingParses<Loaded: Sendable>(
        _ paths: [String], readingEveryFile: Bool = false,
        decode: @Sendable (ParseCache.StoredRecord, _ bytes: [UInt8]?) -> Loaded?,
        from parse: @Sendable (ParsedRecord, _ bytes: [UInt8]?) -> Loaded
    ) -> [Loaded] {
        let cache = parseCache()
        let stored = cache?.load() ?? ParseCache.Stored()
        let caching = cache != nil
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
            if caching, !readingEveryFile, let stamp = FileStamp.of(path, in: root), let (blob, hit) = stored.unchanged(path, stamp: stamp),
               let record = decode(hit, nil) {
                return (record, ParseCache.Entry(path: path, blob: blob, stamp: stamp, record: hit, reused: true))
            }
            let filePath = workspace.filePath(for: path)
            let folderKind = workspace.config.folderKind(ofPath: path)
            let bytes: [UInt8], stamp: FileStamp
            do {
                (bytes, stamp) = try FileReader.readRecord(filePath, in: workspace)
            } catch {
                return (parse(Self.unreadable(path: path, kind: folderKind, error: error), nil), nil)
            }
            guard caching else { return (parse(parser.parse(bytes, path: path, folderKind: folderKind), bytes), nil) }
            let blob = ObjectID(blobContents: bytes)
            if let hit = stored.record(path, blob: blob), let record = decode(hit, bytes) {
                return (record, ParseCache.Entry(path: path, blob: blob, stamp: stamp, record: hit, reused: true))
            }
            let parsed = parser.parse(bytes, path: path, folderKind: folderKind)
            return (parse(parsed, bytes), ParseCache.Entry(path: path, blob: blob, stamp: stamp, record: ParseCache.StoredRecord(parsed),
                                                           reused: false))
        }
        cache?.keep(entries.takeValues().compactMap { $0 }, storedCount: stored.count)
        return records.takeValues()
    }

    /// The parse cache of the working tree, nil outside a git work tree. Its
    /// parses hold for the kaizen.yml the workspace was opened with.
    private func parseCache() -> ParseCache? {
        guard let repository = try? GitRepository.discover(containing: workspace.root.path),
              let folder = try? repository.path(of: workspace.root) else { return nil }
        let configBlob = workspace.hasConfigFile
            ? (try? FileReader.read(workspace.filePath(for: KaizenConfig.fileName))).map(ObjectID.init(blobContents:))
            : nil
        return ParseCache(directory: repository.cacheDirectory, folder: folder, configBlob: configBlob)
    }

    /// The files at `paths` of a git listing, each decoded from `cache` where
    /// it holds the file at the same blob, else read and parsed. With a
    /// cache, it is rewritten only when it lacked a file or held one the
    /// listing does not have, and then holds exactly the listing's files, so
    /// it never grows beyond one workspace's records.
    private static func readBlobs(_ listing: RecordListing, _ paths: [String], cache: ParseCache?) throws -> [ParsedRecord] {
        guard let cache else { return try parseBlobs(listing, paths, stored: Array(repeating: nil, count: paths.count))! }
        var stored = cache.load()
        var hits = paths.map { stored.record($0, blob: listing.blobs[$0]!) }
        var records = try parseBlobs(listing, paths, stored: hits)
        if records == nil {
            // A stored record that does not decode: the file is damaged, so none of it is used.
            stored = ParseCache.Stored()
            hits = Array(repeating: nil, count: paths.count)
            records = try parseBlobs(listing, paths, stored: hits)
        }
        let parsed = records!
        cache.keep(paths.indices.map { index in
            ParseCache.Entry(path: paths[index], blob: listing.blobs[paths[index]]!, stamp: hits[index]?.stamp,
                             record: hits[index] ?? ParseCache.StoredRecord(parsed[index]), reused: hits[index] != nil)
        }, storedCount: stored.count)
        return parsed
    }

    /// The records at `paths`, decoded from `stored` (by position) where it
    /// holds them, else read and parsed: blobs on this thread, since libgit2
    /// handles stay on one, decoding and parsing on all cores. Nil when a
    /// stored record does not decode.
    private static func parseBlobs(_ listing: RecordListing, _ paths: [String], stored: [ParseCache.StoredRecord?]) throws
        -> [ParsedRecord]? {
        let repository = listing.repository!
        let contents = try paths.indices.map { stored[$0] == nil ? try repository.recordBlob(listing.blobs[paths[$0]]!) : nil }
        let parser = RecordParser(config: listing.workspace.config)
        let config = listing.workspace.config
        let damaged = Atomic<Bool>(false)
        let results = ParallelResults<ParsedRecord>(count: paths.count)
        results.fill { index in
            let path = paths[index]
            guard let record = stored[index] else {
                switch contents[index]! {
                case .contents(let bytes): return parser.parse(bytes, path: path, folderKind: config.folderKind(ofPath: path))
                case .tooLarge(let size): return parser.tooLarge(size: size, path: path, folderKind: config.folderKind(ofPath: path))
                }
            }
            if let parsed = record.decode() { return parsed }
            damaged.store(true, ordering: .relaxed)
            return ParsedRecord(record: .unreadable(path: path, kind: nil), diagnostics: [])
        }
        return damaged.load(ordering: .relaxed) ? nil : results.takeValues()
    }

    private static func unreadable(path: String, kind: RecordKind?, error: Error) -> ParsedRecord {
        var collector = DiagnosticCollector(path: path)
        let reason = (error as? KaizenError)?.errorDescription ?? error.localizedDescription
        collector.report(.unreadableFile, at: .start, reason)
        return ParsedRecord(record: .unreadable(path: path, kind: kind), diagnostics: collector.diagnostics)
    }
}
