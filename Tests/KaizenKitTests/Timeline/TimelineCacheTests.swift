import Foundation
import Testing
@_spi(Fuzzing) @testable import KaizenKit

@Suite struct TimelineCacheTests {
    typealias Sample = TimelineSample

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func sampleBuilder() -> TimelineBuilder {
        var builder = TimelineBuilder(fields: ["status", "owner"])
        var first = CommitDelta(commit: Sample.commit(1, day: 1))
        first.added = [("experiments/a.md", Sample.snapshot("planned", "ana", id: "exp-a")),
                       ("experiments/b.md", Sample.snapshot(nil, nil, teams: []))]
        var second = CommitDelta(commit: Sample.commit(2, day: 2, author: "Zoë \"Z\" Müller"))
        second.renames = [.init(from: "experiments/a.md", to: "experiments/a2.md", snapshot: nil)]
        second.deleted = ["experiments/b.md"]
        builder.apply(first)
        builder.apply(second)
        builder.advance(to: Sample.commit(2, day: 2).id, shallowBoundary: Sample.commit(1, day: 1).id)
        return builder
    }

    private let scope = HistoryScope(folders: ["experiments"], files: .records, fields: ["status", "owner"])

    @Test func whatIsSavedIsLoadedBackTheSame() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = TimelineCache(directory: directory.path, scope: scope)
        let builder = sampleBuilder()
        try cache.save(builder)
        let loaded = try #require(cache.load())
        #expect(loaded.head == builder.head)
        #expect(loaded.shallowBoundary == builder.shallowBoundary)
        #expect(loaded.live == builder.live)
        let before = builder.timeline(ref: "HEAD"), after = loaded.timeline(ref: "HEAD")
        #expect(after.records.map(\.events) == before.records.map(\.events))
        #expect(after.records.map(\.declaredTeams) == before.records.map(\.declaredTeams))
        // Sorted by id: b (deleted), then exp-a.
        #expect(after.records.map(\.deleted) == [true, false])
    }

    @Test func aCacheForAnotherScopeIsNotUsed() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try TimelineCache(directory: directory.path, scope: scope).save(sampleBuilder())
        var other = scope
        other.fields = ["status"]
        #expect(TimelineCache(directory: directory.path, scope: other).load() == nil)
    }

    @Test(arguments: [0, 1, 17, 100, 200])
    func aTornOrDamagedCacheCountsAsAbsent(cut: Int) throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = TimelineCache(directory: directory.path, scope: scope)
        try cache.save(sampleBuilder())
        var bytes = try [UInt8](Data(contentsOf: cache.file))
        bytes.removeLast(min(bytes.count, max(1, bytes.count - cut)))
        try Data(bytes).write(to: cache.file)
        #expect(cache.load() == nil)
    }

    @Test func garbageBehindAGoodChecksumCountsAsAbsent() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = TimelineCache(directory: directory.path, scope: scope)
        let builder = sampleBuilder()
        let content = try #require(cache.encode(builder))
        // Past the header, a count of authors that claims more than the file could hold.
        var header = BinaryWriter()
        header.string(scope.cacheKey)
        header.id(builder.head!)
        header.integer(1)
        header.id(builder.shallowBoundary!)
        var authors = BinaryWriter(), claim = BinaryWriter()
        authors.integer(2)
        claim.integer(1 << 40)
        #expect(Array(content.prefix(header.bytes.count + authors.bytes.count)) == header.bytes + authors.bytes)
        let forged = header.bytes + claim.bytes + content.dropFirst(header.bytes.count + authors.bytes.count)
        try Data(TimelineCache.sealed(forged)).write(to: cache.file)
        #expect(cache.load() == nil)
        // The same content, sealed as it was made, is read.
        try Data(TimelineCache.sealed(content)).write(to: cache.file)
        #expect(cache.load() != nil)
    }

    /// The timeline cache's fuzzer starts from these: caches `kaizen timeline`
    /// wrote, whole and as their content alone. A new format version leaves
    /// them unreadable; write them again then.
    @Test func theFuzzSeedsAreCachesOfThisFormat() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz/timeline-cache")
        let timelineScope = HistoryScope(folders: ["improvements", "experiments", "constraints"], files: .records, fields: ["status"])
        let cache = TimelineCache(directory: seeds.path, scope: timelineScope)
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        for name in ["three-commits", "shallow-clone"] {
            #expect(names.contains("\(name).cache") && names.contains("\(name)-content.bin"))
            let file = try [UInt8](Data(contentsOf: seeds.appendingPathComponent("\(name).cache")))
            let content = try [UInt8](Data(contentsOf: seeds.appendingPathComponent("\(name)-content.bin")))
            #expect(cache.timeline(decoding: file)?.records.isEmpty == false, "\(name)")
            #expect(TimelineCache.sealed(content) == file, "\(name)")
        }
    }

    /// Every byte of a real cache changed in turn: each damaged cache must
    /// count as absent, so the timeline is what a scan without the cache
    /// reads, and the cache is written again whole.
    @Test func aCacheWithAnyByteChangedIsRebuilt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, status: String, teams: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "---\nkind: experiment\ntitle: Trial of \(path)\nteams: \(teams)\nstatus: \(status)\n---\n"
                .write(to: url, atomically: true, encoding: .utf8)
        }
        func commit() throws { _ = try git(["add", "-A"], in: root); _ = try git(["commit", "-q", "-m", "step"], in: root) }
        _ = try git(["init", "-q", "-b", "main"], in: root)
        try "version: 1\n".write(to: root.appendingPathComponent("kaizen.yml"), atomically: true, encoding: .utf8)
        try write("experiments/pairs.md", status: "planned", teams: "[payments]")
        try write("experiments/canary.md", status: "running", teams: "[checkout, payments]")
        try commit()
        try write("experiments/pairs.md", status: "running", teams: "[payments]")
        _ = try git(["mv", "experiments/canary.md", "experiments/canaries.md"], in: root)
        try commit()

        let scope = try HistoryScope.records(of: try Workspace.open(at: root), fields: ["status"])
        let scanner = HistoryScanner(repositoryContaining: root.path, scope: scope, threads: 1)
        let formatter = TimelineFormatter(format: .json, now: 1_800_000_000)
        let uncached = formatter.render(try scanner.scan(cache: false))
        #expect(formatter.render(try scanner.scan()) == uncached)
        let cacheFile = try #require(try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent(".git/kaizen"), includingPropertiesForKeys: nil).first { $0.lastPathComponent.hasPrefix("timeline-") })
        let intact = try [UInt8](Data(contentsOf: cacheFile))
        #expect(formatter.render(try scanner.scan()) == uncached)
        for offset in intact.indices {
            var damaged = intact
            damaged[offset] ^= 0xFF
            try Data(damaged).write(to: cacheFile)
            #expect(formatter.render(try scanner.scan()) == uncached, "byte \(offset) of \(intact.count) changed")
            #expect(try [UInt8](Data(contentsOf: cacheFile)) == intact, "byte \(offset) of \(intact.count) changed")
        }
    }
}
