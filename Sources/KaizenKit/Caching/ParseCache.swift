import Foundation

/// The parsed records of a workspace's index, kept under the git folder by
/// path and blob id. The index names each file's blob without reading it, so
/// the pre-commit check parses only what was staged since the last run instead
/// of every record (YAML parsing is most of a check's time).
///
/// A stored parse holds only for what it was made with: the same kaizen.yml
/// (folders and areas shape it), the same workspace folder (paths are relative
/// to it) and the same kaizen build (another may parse differently). A file
/// made with anything else, or of another format version, torn or damaged,
/// counts as absent, never as an error.
struct ParseCache {
    /// Bump whenever the format or the meaning of what is stored changes.
    static let formatVersion: Int64 = 5
    static let magic = Array("kaizen-parse\n".utf8)

    /// A parsed record in the cache's encoding: decoded where it is used, on
    /// any thread, and written back as it is when the cache is rewritten.
    struct StoredRecord: Sendable {
        fileprivate let encoded: ArraySlice<UInt8>
        /// The working-tree file's stamp when it held this blob; nil for a
        /// record parsed from the index or a commit.
        let stamp: FileStamp?

        init(_ parsed: ParsedRecord) {
            var writer = BinaryWriter()
            writer.parsedRecord(parsed)
            encoded = writer.bytes[...]
            stamp = nil
        }

        fileprivate init(encoded: ArraySlice<UInt8>, stamp: FileStamp?) {
            self.encoded = encoded
            self.stamp = stamp
        }

        /// Nil when the bytes are damaged.
        func decode() -> ParsedRecord? {
            var reader = BinaryReader(bytes: encoded)
            guard let parsed = try? reader.parsedRecord(), reader.isAtEnd else { return nil }
            return parsed
        }

        /// The record without its diagnostics, which are left unread (the
        /// block's checksum vouches for them); nil when the bytes are damaged.
        func decodeRecord() -> Record? {
            var reader = BinaryReader(bytes: encoded)
            return try? reader.record()
        }
    }

    /// A file for `keep`: its path, blob and record, with the working-tree
    /// file's stamp when it was read from there.
    struct Entry: Sendable {
        let path: String
        let blob: ObjectID
        let stamp: FileStamp?
        let record: StoredRecord
        /// Whether `record` is the cache's own rather than a parse encoded anew.
        let reused: Bool
    }

    /// What a cache file held: each path's blob and its record, still encoded.
    struct Stored: Sendable {
        private var places: [String: (blob: ObjectID, record: StoredRecord)] = [:]
        /// When the cache file was written, in nanoseconds since 1970.
        private var writtenAt: Int64 = 0

        var count: Int { places.count }

        init() {}

        fileprivate init(_ places: [String: (blob: ObjectID, record: StoredRecord)], writtenAt: Int64) {
            self.places = places
            self.writtenAt = writtenAt
        }

        /// The record stored for `path` if it was parsed from `blob`.
        func record(_ path: String, blob: ObjectID) -> StoredRecord? {
            places[path].flatMap { $0.blob == blob ? $0.record : nil }
        }

        /// The blob and record stored for the working-tree file at `path`
        /// if the file is provably unchanged since: the same stamp, settled
        /// before the cache was written.
        func unchanged(_ path: String, stamp: FileStamp) -> (blob: ObjectID, record: StoredRecord)? {
            guard let place = places[path], place.record.stamp == stamp, stamp.isSettled(before: writtenAt) else { return nil }
            return place
        }
    }

    let file: URL
    /// Everything a stored parse depends on besides the file's contents.
    let fingerprint: String

    /// - Parameters:
    ///   - folder: the workspace's path in the repository, "" for the top.
    ///   - configBlob: the blob of the kaizen.yml the records are parsed with, nil for the defaults.
    init(directory: String, folder: String, configBlob: ObjectID?) {
        // One file per workspace, so two workspaces in one repository do not evict each other.
        file = URL(fileURLWithPath: directory).appendingPathComponent("parse-\(StableHash.hex(of: folder)).cache")
        fingerprint = ["folder \(folder)", "config \(configBlob?.description ?? "none")", "build \(Self.build)"]
            .joined(separator: "\n")
    }

    /// The stored records, each still encoded; none when there are none to use.
    func load() -> Stored {
        guard let (bytes, stamp) = try? FileReader.readWithStamp(file.path) else { return Stored() }
        return (try? read(bytes, writtenAt: stamp.modified)) ?? Stored()
    }

    /// Makes the cache hold exactly `files`, each with its stamp; written
    /// only when the cache lacked a file, held one `files` does not have
    /// (`storedCount` entries) or held another stamp, so it never grows beyond
    /// one workspace's records. A cache that cannot be written (a read-only
    /// repository) only costs the next run time.
    func keep(_ files: [Entry], storedCount: Int) {
        let current = files.allSatisfy { $0.reused && $0.record.stamp == $0.stamp }
        guard !current || storedCount > files.count else { return }
        try? save(files.map { ($0.path, $0.blob, StoredRecord(encoded: $0.record.encoded, stamp: $0.stamp)) })
    }

    /// Replaces the stored records with `entries`.
    func save(_ entries: [(path: String, blob: ObjectID, record: StoredRecord)]) throws {
        var writer = BinaryWriter(replacing: file)
        writer.bytes += Self.magic
        writer.integer(Self.formatVersion)
        writer.string(fingerprint)
        writer.array(entries.sorted { $0.path < $1.path }) { writer, entry in
            writer.string(entry.path)
            writer.id(entry.blob)
            writer.optional(entry.record.stamp) { $0.stamp($1) }
            writer.block(entry.record.encoded)
        }
        try AtomicFile.replace(at: file, bytes: writer.bytes)
    }

    /// The header and each entry's path and blob are checked here; a record
    /// is decoded only when used, so that decoding runs on all cores.
    private func read(_ bytes: [UInt8], writtenAt: Int64) throws -> Stored {
        var reader = BinaryReader(bytes: bytes)
        guard try reader.take(Self.magic.count) == Self.magic[...],
              try reader.integer() == Self.formatVersion,
              try reader.string() == fingerprint else { throw BinaryReader.Malformed() }
        let count = try reader.count()
        var places: [String: (blob: ObjectID, record: StoredRecord)] = [:]
        places.reserveCapacity(count)
        var previous: String?
        for _ in 0..<count {
            let path = try reader.string()
            // Written sorted by path, so each path once.
            guard previous.map({ $0 < path }) ?? true else { throw BinaryReader.Malformed() }
            previous = path
            let blob = try reader.id()
            let stamp = try reader.optional { try $0.stamp() }
            places[path] = (blob, StoredRecord(encoded: bytes[try reader.block()], stamp: stamp))
        }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
        return Stored(places, writtenAt: writtenAt)
    }

    /// The executable that holds this code, by path, size and modification
    /// time: a rebuilt or upgraded kaizen may read the same file differently
    /// (a new field, a reworded message), so it must not reuse older parses.
    /// When the executable cannot be found, no stored parse is ever reused.
    private static let build: String = {
        // Not Bundle.main, which lists the executable's whole folder: all of
        // /usr/bin, for an installed kaizen.
        var info = stat()
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              stat(path, &info) == 0, let executable = FileStamp(info) else { return "unknown \(UUID().uuidString)" }
        return "\(path) \(executable.size) \(executable.modified)"
    }()
}
