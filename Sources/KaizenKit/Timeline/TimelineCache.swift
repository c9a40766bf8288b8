import Foundation

/// Keeps a scan's state under the git folder, keyed by the commit it reached,
/// so that the next scan folds in only newer commits. The file is kaizen's
/// own binary format; anything unexpected in it (another version, another
/// scope, a torn or corrupt file) makes it count as absent, never as an error.
///
/// After the magic and the version, the file's whole content is one block
/// with its checksum, as each record of the parse cache is: a byte changed on
/// disk would otherwise read as another id, path or team, and be shown as history.
@_spi(Fuzzing) public struct TimelineCache {
    /// Bump whenever the format or the meaning of what is stored changes.
    static let formatVersion: UInt32 = 5
    static let magic = Array("kaizen-timeline\n".utf8)

    let file: URL
    let scope: HistoryScope

    @_spi(Fuzzing) public init(directory: String, scope: HistoryScope) {
        self.scope = scope
        file = URL(fileURLWithPath: directory).appendingPathComponent("timeline-\(StableHash.hex(of: scope.cacheKey)).cache")
    }

    func load() -> TimelineBuilder? {
        guard let bytes = try? FileReader.read(file.path) else { return nil }
        return decode(bytes)
    }

    func save(_ builder: TimelineBuilder) throws {
        guard let content = encode(builder) else { return }
        try AtomicFile.replace(at: file, bytes: Self.sealed(content))
    }

    /// A cache file holding `content`, behind its checksum.
    @_spi(Fuzzing) public static func sealed(_ content: [UInt8]) -> [UInt8] {
        var writer = BinaryWriter()
        writer.bytes.reserveCapacity(content.count + magic.count + 20)
        writer.bytes += magic
        writer.integer(Int64(formatVersion))
        writer.block(content[...])
        return writer.bytes
    }

    /// The state a cache file holds; nil when it counts as absent.
    func decode(_ file: [UInt8]) -> TimelineBuilder? {
        var reader = BinaryReader(bytes: file)
        guard let place = try? Self.verifiedContent(in: &reader), reader.isAtEnd else { return nil }
        var content = BinaryReader(bytes: file[place])
        return try? read(&content)
    }

    /// The timeline a cache file holds, or nil when it counts as absent: what
    /// the fuzzer feeds any bytes to.
    @_spi(Fuzzing) public func timeline(decoding file: [UInt8]) -> Timeline? {
        decode(file)?.timeline(ref: "HEAD")
    }

    /// Where the content lies, its checksum verified.
    private static func verifiedContent(in reader: inout BinaryReader) throws -> Range<Int> {
        guard try reader.take(magic.count) == magic[...], try reader.integer() == Int64(formatVersion) else {
            throw BinaryReader.Malformed()
        }
        return try reader.block()
    }

    /// The content of a cache file for `builder`; nil for a builder that has
    /// read no commit, which there is no point keeping.
    func encode(_ builder: TimelineBuilder) -> [UInt8]? {
        guard let head = builder.head else { return nil }
        var writer = BinaryWriter(replacing: file)
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
            writer.integer(Int64(entry.declaredTeams.count))
            for team in entry.declaredTeams { writer.string(team) }
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
        return writer.bytes
    }

    private func read(_ reader: inout BinaryReader) throws -> TimelineBuilder {
        guard try reader.string() == scope.cacheKey else { throw BinaryReader.Malformed() }
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
            guard let offset = Int32(exactly: try reader.integer()) else { throw BinaryReader.Malformed() }
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
            for _ in 0..<(try reader.count()) { entry.declaredTeams.append(try reader.string()) }
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
            guard entries.indices.contains(Int(index)) else { throw BinaryReader.Malformed() }
            live[path] = Int(index)
        }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
        return TimelineBuilder(fields: fields, head: head, shallowBoundary: boundary, entries: entries, live: live)
    }
}
