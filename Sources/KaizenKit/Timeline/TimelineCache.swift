import Foundation

/// Keeps a scan's state under the git folder, keyed by the commit it reached,
/// so that the next scan folds in only newer commits. The file is kaizen's
/// own binary format; anything unexpected in it (another version, another
/// scope, a torn or corrupt file) makes it count as absent, never as an error.
struct TimelineCache {
    /// Bump whenever the format or the meaning of what is stored changes.
    static let formatVersion: UInt32 = 1
    private static let magic = Array("kaizen-timeline\n".utf8)

    let file: URL
    let scope: HistoryScope

    init(directory: String, scope: HistoryScope) {
        self.scope = scope
        file = URL(fileURLWithPath: directory).appendingPathComponent("timeline-\(Self.fingerprint(scope.cacheKey)).cache")
    }

    func load() -> TimelineBuilder? {
        guard let bytes = try? FileReader.read(file.path) else { return nil }
        var reader = Reader(bytes: bytes)
        return try? read(&reader)
    }

    func save(_ builder: TimelineBuilder) throws {
        guard let head = builder.head else { return }
        var writer = Writer()
        // About the size of the file it replaces, so the buffer is not copied as it grows.
        let previousSize = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
        writer.bytes.reserveCapacity((previousSize ?? 0) + 65_536)
        writer.bytes += Self.magic
        writer.integer(Int64(Self.formatVersion))
        writer.string(scope.cacheKey)
        writer.id(head)
        writer.integer(builder.shallowBoundary == nil ? 0 : 1)
        if let boundary = builder.shallowBoundary { writer.id(boundary) }
        // Commits and authors are stored once and referred to by number.
        var commitNumbers: [ObjectID: Int] = [:], commits: [CommitStamp] = []
        var authorNumbers: [GitSignature: Int] = [:], authors: [GitSignature] = []
        for event in builder.entries.lazy.flatMap(\.events) where commitNumbers[event.commit.id] == nil {
            commitNumbers[event.commit.id] = commits.count
            commits.append(event.commit)
            if authorNumbers[event.commit.author] == nil {
                authorNumbers[event.commit.author] = authors.count
                authors.append(event.commit.author)
            }
        }
        writer.integer(Int64(authors.count))
        for author in authors {
            writer.string(author.name)
            writer.string(author.email)
        }
        writer.integer(Int64(commits.count))
        for commit in commits {
            writer.id(commit.id)
            writer.integer(commit.date.seconds)
            writer.integer(Int64(commit.date.offsetMinutes))
            writer.integer(Int64(authorNumbers[commit.author]!))
        }
        writer.integer(Int64(builder.entries.count))
        for entry in builder.entries {
            writer.optionalString(entry.declaredID)
            writer.string(entry.path)
            writer.integer((entry.deleted ? 1 : 0) | (entry.beyondShallowBoundary ? 2 : 0))
            writer.optionalString(entry.title)
            writer.integer(Int64(entry.teams.count))
            for team in entry.teams { writer.string(team) }
            for value in entry.values { writer.optionalString(value) }
            writer.integer(Int64(entry.events.count))
            for event in entry.events {
                writer.integer(Int64(HistoryEvent.Kind.allCases.firstIndex(of: event.kind)!))
                writer.integer(Int64(commitNumbers[event.commit.id]!))
                writer.integer(Int64(event.field.flatMap { builder.fields.firstIndex(of: $0) } ?? -1))
                writer.optionalString(event.from)
                writer.optionalString(event.to)
                writer.optionalString(event.fromPath)
                writer.optionalString(event.toPath)
            }
        }
        writer.integer(Int64(builder.live.count))
        for (path, index) in builder.live.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.integer(Int64(index))
        }
        try AtomicFile.replace(at: file, bytes: writer.bytes)
    }

    private struct Corrupt: Error {}

    private func read(_ reader: inout Reader) throws -> TimelineBuilder {
        guard try reader.take(Self.magic.count) == Self.magic[...],
              try reader.integer() == Int64(Self.formatVersion),
              try reader.string() == scope.cacheKey else { throw Corrupt() }
        let head = try reader.id()
        let boundary = try reader.integer() == 1 ? try reader.id() : nil
        var authors: [GitSignature] = []
        for _ in 0..<(try reader.count()) {
            authors.append(GitSignature(name: try reader.string(), email: try reader.string()))
        }
        var commits: [CommitStamp] = []
        for _ in 0..<(try reader.count()) {
            let id = try reader.id()
            let seconds = try reader.integer()
            guard let offset = Int32(exactly: try reader.integer()) else { throw Corrupt() }
            commits.append(CommitStamp(id: id, date: GitTime(seconds: seconds, offsetMinutes: offset),
                                       author: try reader.element(of: authors)))
        }
        let fields = scope.fields
        var entries: [TimelineBuilder.Entry] = []
        for _ in 0..<(try reader.count()) {
            let declaredID = try reader.optionalString()
            let path = try reader.string()
            let flags = try reader.integer()
            var entry = TimelineBuilder.Entry(declaredID: declaredID, path: path, deleted: flags & 1 != 0,
                                              beyondShallowBoundary: flags & 2 != 0, title: try reader.optionalString(), values: [])
            for _ in 0..<(try reader.count()) { entry.teams.append(try reader.string()) }
            entry.values = try fields.map { _ in try reader.optionalString() }
            for _ in 0..<(try reader.count()) {
                let kind = try reader.element(of: HistoryEvent.Kind.allCases)
                let commit = try reader.element(of: commits)
                let fieldNumber = try reader.integer()
                let field = fieldNumber == -1 ? nil : try reader.element(of: fields, at: fieldNumber)
                entry.events.append(HistoryEvent(kind: kind, commit: commit, field: field, from: try reader.optionalString(),
                                                 to: try reader.optionalString(), fromPath: try reader.optionalString(),
                                                 toPath: try reader.optionalString()))
            }
            entries.append(entry)
        }
        var live: [String: Int] = [:]
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            let index = try reader.integer()
            guard entries.indices.contains(Int(index)) else { throw Corrupt() }
            live[path] = Int(index)
        }
        guard reader.isAtEnd else { throw Corrupt() }
        return TimelineBuilder(fields: fields, head: head, shallowBoundary: boundary, entries: entries, live: live)
    }

    /// FNV-1a, 64 bits: a stable file name for a scope (Swift's own hash is seeded per process).
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func integer(_ value: Int64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func id(_ value: ObjectID) {
            bytes.append(contentsOf: value.bytes)
        }

        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                integer(Int64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optionalString(_ value: String?) {
            if let value {
                string(value)
            } else {
                integer(-1)
            }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        mutating func integer() throws -> Int64 {
            let slice = try take(8)
            var value: Int64 = 0
            withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: slice) }
            return Int64(littleEndian: value)
        }

        /// A count of items that follow; bounded by what the file could hold.
        mutating func count() throws -> Int {
            let value = try integer()
            guard value >= 0, value <= Int64(bytes.count - offset) else { throw Corrupt() }
            return Int(value)
        }

        mutating func id() throws -> ObjectID {
            let slice = try take(20)
            return slice.withUnsafeBytes { ObjectID(bytes: $0) }
        }

        mutating func string() throws -> String {
            guard let value = try optionalString() else { throw Corrupt() }
            return value
        }

        mutating func optionalString() throws -> String? {
            let length = try integer()
            if length == -1 { return nil }
            guard let count = Int(exactly: length) else { throw Corrupt() }
            return String(decoding: try take(count), as: UTF8.self)
        }

        mutating func element<Element>(of array: [Element]) throws -> Element {
            try element(of: array, at: try integer())
        }

        func element<Element>(of array: [Element], at number: Int64) throws -> Element {
            guard number >= 0, number < Int64(array.count) else { throw Corrupt() }
            return array[Int(number)]
        }
    }
}
