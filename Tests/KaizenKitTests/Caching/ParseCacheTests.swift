import Foundation
import Testing
@testable import KaizenKit

@Suite struct ParseCacheTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Files that go wrong in every way the parser reports, beside the examples.
    static let brokenFiles: [(path: String, bytes: [UInt8])] = [
        ("experiments/Bad Name.md", Array("""
            ---
            kind: experiment
            title: Zoë's ✨ trial
            teams: payments
            hypothesis: If we <change>, we expect <effect>
            signals:
              - metric: wait
                baseline: [1, 2]
                colour: blue
              - just text
            status: runing
            start: 2026-02-30
            review-by: 2026-03-01
            extensions:
              - until: 2026-04-01
                reason: more data
              - until: soon
            outcome: retained
            concluded: 2026-03-02
            rollback:
            ---

            ## Plan

            <!-- say what you will do -->

            ```
            ## not a section
            ```

            """.utf8)),
        ("constraints/slow-approvals.md", Array("""
            ---
            kind: constraint
            title: Slow approvals
            status: open
            level: cross-team
            observed:
              - date: 2026-10-01
                team: payments
                note: waited 3 days
              - date: 2026-10-05
              - 42
            ---

            ## Constraint

            Approvals wait for a weekly board.

            """.utf8)),
        ("improvements/wrong-kind.md", Array("---\nkind: experiment\ntitle: In the wrong folder\n---\n".utf8)),
        ("unknown-kind.md", Array("---\nkind: policy\ntitle: Not a kind\n---\n".utf8)),
        ("experiments/bad-yaml.md", Array("---\ntitle: [unclosed\n---\n".utf8)),
        ("experiments/no-front-matter.md", Array("Just prose.\n".utf8)),
        ("experiments/a-list.md", Array("---\n- one\n- two\n---\n".utf8)),
        ("experiments/latin-1.md", [0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE9, 0x0A]),
        ("experiments/empty.md", []),
    ]

    /// The examples, parsed with their kaizen.yml, and the broken files.
    static func fixtures() throws -> [ParsedRecord] {
        let examples = Self.packageRoot.appendingPathComponent("examples")
        let config = ConfigLoader.load(try FileReader.read(examples.appendingPathComponent(KaizenConfig.fileName).path)).config
        let parser = RecordParser(config: config)
        var files = Self.brokenFiles
        for folder in ["improvements", "experiments", "constraints"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: examples.appendingPathComponent(folder).path).sorted() {
                let path = "\(folder)/\(name)"
                files.append((path, try FileReader.read(examples.appendingPathComponent(path).path)))
            }
        }
        return files.map { parser.parse($0.bytes, path: $0.path, folderKind: config.folderKind(ofPath: $0.path)) }
    }

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-parse-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func entries(_ records: [ParsedRecord]) -> [(path: String, blob: ObjectID, record: ParseCache.StoredRecord)] {
        records.map { parsed in (parsed.record.path, Self.blob(of: parsed), ParseCache.StoredRecord(parsed)) }
    }

    private static func blob(of parsed: ParsedRecord) -> ObjectID {
        ObjectID(blobContents: Array(parsed.record.path.utf8))
    }

    /// Saves the fixtures to a cache in a new folder, which goes when `body`
    /// returns; `body` gets the cache and the bytes it wrote.
    private func withSavedFixtures(_ body: (ParseCache, [UInt8]) throws -> Void) throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        try cache.save(entries(try Self.fixtures()))
        try body(cache, try FileReader.read(cache.file.path))
    }

    /// The bytes a cache file starts with, up to its entries.
    private func header(of cache: ParseCache) -> [UInt8] {
        var writer = BinaryWriter()
        writer.bytes += ParseCache.magic
        writer.integer(ParseCache.formatVersion)
        writer.string(cache.fingerprint)
        return writer.bytes
    }

    @Test func theFixturesCoverEveryPartOfARecord() throws {
        let records = try Self.fixtures()
        let details = records.map(\.record.details)
        #expect(details.contains { if case .improvement = $0 { true } else { false } })
        #expect(details.contains { if case .experiment = $0 { true } else { false } })
        #expect(details.contains { if case .constraint = $0 { true } else { false } })
        #expect(details.contains { if case .unreadable = $0 { true } else { false } })
        #expect(records.contains { $0.record.kind == nil })
        #expect(records.contains { !$0.record.invalidKeys.isEmpty })
        #expect(records.contains { $0.record.experiment?.signals.contains { !$0.invalidKeys.isEmpty } ?? false })
        #expect(records.contains { $0.record.experiment?.extensions.count ?? 0 > 1 })
        #expect(records.contains { $0.record.experiment?.outcome != nil && $0.record.experiment?.concluded != nil })
        #expect(records.contains { $0.record.constraint?.observed.contains { $0.note != nil } ?? false })
        #expect(records.contains { $0.record.sections.contains { $0.hasGuidanceComment } })
        #expect(records.contains { $0.record.sections.contains { !$0.entryDates.isEmpty } })
        #expect(Set(records.flatMap(\.diagnostics).map(\.severity)) == [.warning, .error])
    }

    @Test func everyRecordReadBackEqualsItsParse() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let records = try Self.fixtures()
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        try cache.save(entries(records))
        let stored = cache.load()
        #expect(stored.count == records.count)
        for parsed in records {
            let record = try #require(stored.record(parsed.record.path, blob: Self.blob(of: parsed)))
            let decoded = try #require(record.decode())
            #expect(decoded.record == parsed.record, "\(parsed.record.path)")
            #expect(decoded.diagnostics == parsed.diagnostics, "\(parsed.record.path)")
            // Another blob at the same path is another file.
            #expect(stored.record(parsed.record.path, blob: ObjectID(blobContents: [])) == nil)
        }
    }

    @Test func theSameEntriesMakeTheSameBytes() throws {
        try withSavedFixtures { cache, first in
            // Written again from what was read, each record as it was stored.
            let stored = cache.load()
            try cache.save(try Self.fixtures().reversed().map { parsed in
                (parsed.record.path, Self.blob(of: parsed), stored.record(parsed.record.path, blob: Self.blob(of: parsed))!)
            })
            #expect(try FileReader.read(cache.file.path) == first)
        }
    }

    @Test(arguments: [0, 1, 13, 21, 100, 5_000])
    func aTornCacheCountsAsAbsent(keeping count: Int) throws {
        try withSavedFixtures { cache, bytes in
            try Data(bytes.prefix(count)).write(to: cache.file)
            #expect(cache.load().count == 0)
            // One byte short of whole, too.
            try Data(bytes.dropLast()).write(to: cache.file)
            #expect(cache.load().count == 0)
        }
    }

    @Test func aDamagedCacheCountsAsAbsent() throws {
        try withSavedFixtures { cache, whole in
            let header = header(of: cache)
            var count = BinaryWriter()
            count.integer(try Self.fixtures().count)
            // A count claiming more entries than the file could hold.
            var claim = BinaryWriter()
            claim.integer(Int64(whole.count))
            try Data(header + claim.bytes + whole.dropFirst(header.count + count.bytes.count)).write(to: cache.file)
            #expect(cache.load().count == 0)
            // Bytes past the end, and nothing but garbage.
            try Data(whole + [0]).write(to: cache.file)
            #expect(cache.load().count == 0)
            try Data(repeating: 0xFF, count: whole.count).write(to: cache.file)
            #expect(cache.load().count == 0)
        }
    }

    @Test func aDamagedRecordDoesNotDecode() throws {
        let parsed = try #require(try Self.fixtures().first { $0.record.experiment != nil })
        var writer = BinaryWriter()
        writer.parsedRecord(parsed)
        let whole = writer.bytes
        for cut in [0, 1, whole.count / 2, whole.count - 1] {
            var reader = BinaryReader(bytes: Array(whole.prefix(cut)))
            #expect(throws: BinaryReader.Malformed.self) { try reader.parsedRecord() }
        }
        // A flag that is neither 0 nor 1, where the kind starts.
        var damaged = whole
        var prefix = BinaryWriter()
        prefix.string(parsed.record.id)
        prefix.string(parsed.record.path)
        damaged[prefix.bytes.count] = 0x7E
        var reader = BinaryReader(bytes: damaged)
        #expect(throws: BinaryReader.Malformed.self) { try reader.parsedRecord() }
    }

    /// The examples and the broken files in a new git work tree, and a
    /// link to a file that does not exist, which cannot be read.
    @Test func recordsAloneAreTheRecordsOfTheParsesColdOrWarm() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try git(["init", "-q"], in: root)
        let examples = Self.packageRoot.appendingPathComponent("examples")
        for name in [KaizenConfig.fileName, "improvements", "experiments", "constraints"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        for (path, bytes) in Self.brokenFiles {
            try Data(bytes).write(to: root.appendingPathComponent(path))
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("experiments/a-lost-link.md").path,
                                                   withDestinationPath: "nowhere.md")
        let loader = RecordLoader(workspace: try Workspace.open(at: root))
        let cache = root.appendingPathComponent(".git/kaizen")

        let parsed = loader.load(try loader.recordPaths())
        #expect(parsed.contains { $0.record.path == "experiments/a-lost-link.md" && $0.diagnostics.map(\.rule) == ["unreadable-file"] })
        #expect(try loader.loadAllRecords() == parsed.map(\.record), "cold")
        #expect(try loader.loadAllRecords() == parsed.map(\.record), "warm")
        // What the records alone left in the cache holds the diagnostics too.
        #expect(try loader.loadAll() == parsed, "warm, with diagnostics")
        try FileManager.default.removeItem(at: cache)
        #expect(try loader.loadAll() == parsed, "cold, with diagnostics")
        #expect(try loader.loadAllRecords() == parsed.map(\.record), "warm after the parses")
    }

    /// More keys than any kind has, and keys out of order or repeated in the
    /// bytes, which a writer never makes.
    @Test func keyPositionsReadBackOnlyWhenSortedAndUnique() throws {
        var record = Record.unreadable(path: "experiments/many-keys.md", kind: .experiment)
        for (key, position) in KeyPositionsTests.manyKeys.reversed() { record.keyPositions[key] = position }
        record.keyPositions["key-bravo"] = SourcePosition(line: 60, column: 3)
        record.keyPositions["key-delta"] = SourcePosition(line: 61, column: 3)
        var writer = BinaryWriter()
        writer.parsedRecord(ParsedRecord(record: record, diagnostics: []))
        var reader = BinaryReader(bytes: writer.bytes)
        #expect(try reader.parsedRecord().record == record)
        #expect(reader.isAtEnd)

        let bravo = Array("key-bravo".utf8)
        let at = try #require(writer.bytes.indices.first { writer.bytes[$0...].starts(with: bravo) })
        for replacement in ["key-delta", "key-zulu!", "key-00000"] {
            var damaged = writer.bytes
            damaged.replaceSubrange(at..<at + bravo.count, with: Array(replacement.utf8))
            var reader = BinaryReader(bytes: damaged)
            #expect(throws: BinaryReader.Malformed.self, "\(replacement)") { try reader.parsedRecord() }
        }
    }

    @Test func aCacheOfAnotherVersionIsNotUsed() throws {
        try withSavedFixtures { cache, bytes in
            var version = BinaryWriter(), other = BinaryWriter()
            version.integer(ParseCache.formatVersion)
            other.integer(ParseCache.formatVersion + 1)
            let start = ParseCache.magic.count
            try Data(bytes.prefix(start) + other.bytes + bytes.dropFirst(start + version.bytes.count)).write(to: cache.file)
            #expect(cache.load().count == 0)
        }
    }

    @Test func aCacheForAnotherConfigurationOrFolderIsNotUsed() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = ObjectID(blobContents: Array("version: 1\n".utf8))
        let edited = ObjectID(blobContents: Array("version: 1\nareas: [security]\n".utf8))
        try ParseCache(directory: directory.path, folder: "", configBlob: config).save(entries(try Self.fixtures()))
        #expect(ParseCache(directory: directory.path, folder: "", configBlob: config).load().count > 0)
        #expect(ParseCache(directory: directory.path, folder: "", configBlob: edited).load().count == 0)
        #expect(ParseCache(directory: directory.path, folder: "", configBlob: nil).load().count == 0)

        let fingerprints = [
            ParseCache(directory: directory.path, folder: "", configBlob: nil),
            ParseCache(directory: directory.path, folder: "", configBlob: config),
            ParseCache(directory: directory.path, folder: "", configBlob: edited),
            ParseCache(directory: directory.path, folder: "team-a", configBlob: config),
        ].map(\.fingerprint)
        #expect(Set(fingerprints).count == fingerprints.count)
    }

    @Test func aMissingCacheIsEmptyAndAnUnwritableOneIsAnError() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(ParseCache(directory: directory.path, folder: "", configBlob: nil).load().count == 0)
        // A file where the cache's folder should be.
        let blocked = directory.appendingPathComponent("blocked")
        try Data().write(to: blocked)
        let cache = ParseCache(directory: blocked.appendingPathComponent("kaizen").path, folder: "", configBlob: nil)
        #expect(throws: KaizenError.self) { try cache.save(entries(try Self.fixtures())) }
    }
}
