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

    private func entries(_ records: [ParsedRecord]) -> [String: ParseCache.Entry] {
        Dictionary(uniqueKeysWithValues: records.map { parsed in
            (parsed.record.path, ParseCache.Entry(blob: ObjectID(blobContents: Array(parsed.record.path.utf8)), parsed: parsed))
        })
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
        #expect(Set(records.flatMap(\.diagnostics).map(\.severity)) == [.warning, .error])
    }

    @Test func everyRecordReadBackEqualsItsParse() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let records = try Self.fixtures()
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        try cache.save(entries(records))
        let loaded = cache.load()
        #expect(loaded.count == records.count)
        for parsed in records {
            let entry = try #require(loaded[parsed.record.path])
            #expect(entry.blob == ObjectID(blobContents: Array(parsed.record.path.utf8)))
            #expect(entry.parsed.record == parsed.record, "\(parsed.record.path)")
            #expect(entry.parsed.diagnostics == parsed.diagnostics, "\(parsed.record.path)")
        }
    }

    @Test func theSameEntriesMakeTheSameBytes() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        try cache.save(entries(try Self.fixtures()))
        let first = try FileReader.read(cache.file.path)
        try cache.save(cache.load())
        #expect(try FileReader.read(cache.file.path) == first)
    }

    @Test(arguments: [0, 1, 13, 21, 100, 5_000])
    func aTornCacheCountsAsAbsent(keeping count: Int) throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        try cache.save(entries(try Self.fixtures()))
        let bytes = try FileReader.read(cache.file.path)
        try Data(bytes.prefix(count)).write(to: cache.file)
        #expect(cache.load().isEmpty)
        // One byte short of whole, too.
        try Data(bytes.dropLast()).write(to: cache.file)
        #expect(cache.load().isEmpty)
    }

    @Test func aDamagedCacheCountsAsAbsent() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        try cache.save(entries(try Self.fixtures()))
        let whole = try FileReader.read(cache.file.path)
        // A length claiming more than the file holds, a record kind that does
        // not exist, and bytes past the end.
        let countOffset = ParseCache.magic.count + 8 + 8 + cache.fingerprint.utf8.count
        var damaged = whole
        for index in countOffset..<countOffset + 8 { damaged[index] = 0x7F }
        try Data(damaged).write(to: cache.file)
        #expect(cache.load().isEmpty)
        try Data(whole + [0]).write(to: cache.file)
        #expect(cache.load().isEmpty)
        try Data(repeating: 0xFF, count: whole.count).write(to: cache.file)
        #expect(cache.load().isEmpty)
    }

    @Test func aCacheOfAnotherVersionIsNotUsed() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        try cache.save(entries(try Self.fixtures()))
        var bytes = try FileReader.read(cache.file.path)
        withUnsafeBytes(of: (ParseCache.formatVersion + 1).littleEndian) { version in
            bytes.replaceSubrange(ParseCache.magic.count..<ParseCache.magic.count + 8, with: version)
        }
        try Data(bytes).write(to: cache.file)
        #expect(cache.load().isEmpty)
    }

    @Test func aCacheForAnotherConfigurationOrFolderIsNotUsed() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = ObjectID(blobContents: Array("version: 1\n".utf8))
        let edited = ObjectID(blobContents: Array("version: 1\nareas: [security]\n".utf8))
        try ParseCache(directory: directory.path, folder: "", configBlob: config).save(entries(try Self.fixtures()))
        #expect(!ParseCache(directory: directory.path, folder: "", configBlob: config).load().isEmpty)
        #expect(ParseCache(directory: directory.path, folder: "", configBlob: edited).load().isEmpty)
        #expect(ParseCache(directory: directory.path, folder: "", configBlob: nil).load().isEmpty)

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
        #expect(ParseCache(directory: directory.path, folder: "", configBlob: nil).load().isEmpty)
        // A file where the cache's folder should be.
        let blocked = directory.appendingPathComponent("blocked")
        try Data().write(to: blocked)
        let cache = ParseCache(directory: blocked.appendingPathComponent("kaizen").path, folder: "", configBlob: nil)
        #expect(throws: KaizenError.self) { try cache.save(entries(try Self.fixtures())) }
    }
}
