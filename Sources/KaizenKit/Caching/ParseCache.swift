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
    static let formatVersion: Int64 = 1
    static let magic = Array("kaizen-parse\n".utf8)

    /// A file's parse, and the blob it was parsed from.
    struct Entry: Sendable {
        var blob: ObjectID
        var parsed: ParsedRecord
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

    /// The stored parses by workspace-relative path; empty when there are none to use.
    func load() -> [String: Entry] {
        guard let bytes = try? FileReader.read(file.path) else { return [:] }
        var reader = BinaryReader(bytes: bytes)
        return (try? read(&reader)) ?? [:]
    }

    /// Replaces the stored parses with `entries`.
    func save(_ entries: [String: Entry]) throws {
        var writer = BinaryWriter(replacing: file)
        writer.bytes += Self.magic
        writer.integer(Self.formatVersion)
        writer.string(fingerprint)
        writer.array(entries.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.id(entry.value.blob)
            writer.parsedRecord(entry.value.parsed)
        }
        try AtomicFile.replace(at: file, bytes: writer.bytes)
    }

    private func read(_ reader: inout BinaryReader) throws -> [String: Entry] {
        guard try reader.take(Self.magic.count) == Self.magic[...],
              try reader.integer() == Self.formatVersion,
              try reader.string() == fingerprint else { throw BinaryReader.Malformed() }
        let count = try reader.count()
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.string()
            let entry = Entry(blob: try reader.id(), parsed: try reader.parsedRecord())
            guard entries.updateValue(entry, forKey: path) == nil else { throw BinaryReader.Malformed() }
        }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
        return entries
    }

    /// The executable that holds this code, by path, size and modification
    /// time: a rebuilt or upgraded kaizen may read the same file differently
    /// (a new field, a reworded message), so it must not reuse older parses.
    /// When the executable cannot be found, no stored parse is ever reused.
    private static let build: String = {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int,
              let modified = attributes[.modificationDate] as? Date else { return "unknown \(UUID().uuidString)" }
        return "\(path) \(size) \(modified.timeIntervalSince1970)"
    }()
}
