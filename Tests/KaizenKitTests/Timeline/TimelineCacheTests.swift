import Foundation
import Testing
@testable import KaizenKit

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
        #expect(after.records.map(\.teams) == before.records.map(\.teams))
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

    @Test func garbageCountsAsAbsent() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = TimelineCache(directory: directory.path, scope: scope)
        try cache.save(sampleBuilder())
        let bytes = try [UInt8](Data(contentsOf: cache.file))
        // Past the header, a count of authors that claims more than the file could hold.
        let builder = sampleBuilder()
        var header = BinaryWriter()
        header.bytes += TimelineCache.magic
        header.integer(Int64(TimelineCache.formatVersion))
        header.string(scope.cacheKey)
        header.id(builder.head!)
        header.integer(1)
        header.id(builder.shallowBoundary!)
        var authors = BinaryWriter(), claim = BinaryWriter()
        authors.integer(2)
        claim.integer(Int64(bytes.count))
        #expect(Array(bytes.prefix(header.bytes.count + authors.bytes.count)) == header.bytes + authors.bytes)
        try Data(header.bytes + claim.bytes + bytes.dropFirst(header.bytes.count + authors.bytes.count)).write(to: cache.file)
        #expect(cache.load() == nil)
    }
}
