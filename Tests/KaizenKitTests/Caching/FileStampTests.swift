import Foundation
import Testing
@testable import KaizenKit

/// A parse is reused without reading its file only while the file's stamp is
/// the stored one and was settled before the cache was written.
@Suite struct FileStampTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func onlyARegularFileHasAStamp() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a.md")
        try Data("twelve bytes".utf8).write(to: file)
        let fifo = directory.appendingPathComponent("pipe.md")
        #expect(mkfifo(fifo.path, 0o644) == 0)

        let stamp = try #require(FileStamp.of(file.path))
        #expect(stamp.size == 12)
        #expect(FileStamp.of(directory.path) == nil)
        #expect(FileStamp.of(fifo.path) == nil)
        #expect(FileStamp.of(directory.appendingPathComponent("missing.md").path) == nil)
    }

    /// As the loader takes them: relative to the open workspace folder, or
    /// absolute whatever the folder; a link has none.
    @Test func aStampRelativeToAnOpenFolderIsTheStampOfThePathInIt() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("experiments/a.md")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("twelve bytes".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("experiments/b.md").path,
                                                   withDestinationPath: "a.md")
        let root = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #expect(root >= 0)
        defer { close(root) }

        let stamp = try #require(FileStamp.of(file.path))
        #expect(FileStamp.of("experiments/a.md", in: root) == stamp)
        #expect(FileStamp.of(file.path, in: root) == stamp)
        #expect(FileStamp.of("experiments/b.md", in: root) == nil)
        #expect(FileStamp.of("experiments/missing.md", in: root) == nil)
        #expect(FileStamp.of("experiments/a.md", in: -1) == nil)
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe.md")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        #expect(throws: KaizenError.cannotRead(path: fifo.path, reason: "it is a folder or a special file, not a file")) {
            try FileReader.read(fifo.path)
        }
    }

    @Test func readingGivesTheStampStatGives() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a.md")
        try Data("contents".utf8).write(to: file)
        let (bytes, stamp) = try FileReader.readWithStamp(file.path)
        #expect(bytes == Array("contents".utf8))
        #expect(stamp == FileStamp.of(file.path))
    }

    @Test func aStampIsSettledOnlyWhenModifiedAndChangedBeforeTheCacheWasWritten() {
        let stamp = FileStamp(size: 1, modified: 100, changed: 200, inode: 1, device: 1)
        #expect(stamp.isSettled(before: 201))
        #expect(!stamp.isSettled(before: 200), "changed in the tick the cache was written")
        #expect(!stamp.isSettled(before: 150))
        #expect(!stamp.isSettled(before: 100))
    }

    private static let parsed = RecordParser().parse(Array("---\nkind: constraint\ntitle: Slow CI\n---\n".utf8),
                                                     path: "constraints/slow-ci.md", folderKind: .constraint)
    private static let blob = ObjectID(blobContents: Array("slow-ci".utf8))
    /// Long before any cache in a test is written.
    private static let old = FileStamp(size: 40, modified: 1_000_000_000, changed: 1_000_000_000, inode: 7, device: 3)

    private static func parsedAnew(stamp: FileStamp) -> ParseCache.Entry {
        ParseCache.Entry(path: parsed.record.path, blob: blob, stamp: stamp, record: ParseCache.StoredRecord(parsed), reused: false)
    }

    private static func reused(_ stored: ParseCache.StoredRecord, stamp: FileStamp) -> ParseCache.Entry {
        ParseCache.Entry(path: parsed.record.path, blob: blob, stamp: stamp, record: stored, reused: true)
    }

    @Test func aStoredStampServesTheFileOnlyWhileItIsTheSameStamp() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        cache.keep([Self.parsedAnew(stamp: Self.old)], storedCount: 0)

        let stored = cache.load()
        let hit = try #require(stored.unchanged("constraints/slow-ci.md", stamp: Self.old))
        #expect(hit.blob == Self.blob)
        #expect(hit.record.decode() == Self.parsed)
        for other in [
            FileStamp(size: 41, modified: 1_000_000_000, changed: 1_000_000_000, inode: 7, device: 3),
            FileStamp(size: 40, modified: 1_000_000_001, changed: 1_000_000_000, inode: 7, device: 3),
            FileStamp(size: 40, modified: 1_000_000_000, changed: 1_000_000_001, inode: 7, device: 3),
            FileStamp(size: 40, modified: 1_000_000_000, changed: 1_000_000_000, inode: 8, device: 3),
            FileStamp(size: 40, modified: 1_000_000_000, changed: 1_000_000_000, inode: 7, device: 4),
        ] {
            #expect(stored.unchanged("constraints/slow-ci.md", stamp: other) == nil, "\(other)")
        }
        #expect(stored.unchanged("constraints/other.md", stamp: Self.old) == nil)
    }

    @Test func aFileModifiedAfterTheCacheWasWrittenIsReadAgainThoughItsStampMatches() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        // A clock set wrong, or an edit in the same tick as the write: the stamp proves nothing.
        let future = Int64(Date().timeIntervalSince1970 + 3_600) * 1_000_000_000
        let racy = FileStamp(size: 40, modified: future, changed: future, inode: 7, device: 3)
        cache.keep([Self.parsedAnew(stamp: racy)], storedCount: 0)

        let stored = cache.load()
        #expect(stored.unchanged("constraints/slow-ci.md", stamp: racy) == nil)
        #expect(stored.record("constraints/slow-ci.md", blob: Self.blob) != nil, "still found by its blob once read")
    }

    @Test func theCacheIsRewrittenWhenOnlyAStampChangedAndNotWhenNothingDid() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ParseCache(directory: directory.path, folder: "", configBlob: nil)
        cache.keep([Self.parsedAnew(stamp: Self.old)], storedCount: 0)
        let first = try #require(FileStamp.of(cache.file.path))

        var stored = cache.load()
        var hit = stored.record("constraints/slow-ci.md", blob: Self.blob)
        cache.keep([Self.reused(try #require(hit), stamp: Self.old)], storedCount: stored.count)
        #expect(FileStamp.of(cache.file.path) == first, "nothing changed: not rewritten")

        // Touched: the same contents under a new stamp.
        let touched = FileStamp(size: 40, modified: 2_000_000_000, changed: 2_000_000_000, inode: 7, device: 3)
        cache.keep([Self.reused(try #require(hit), stamp: touched)], storedCount: stored.count)
        #expect(FileStamp.of(cache.file.path)?.inode != first.inode, "rewritten with the new stamp")
        stored = cache.load()
        hit = stored.record("constraints/slow-ci.md", blob: Self.blob)
        #expect(stored.unchanged("constraints/slow-ci.md", stamp: touched)?.blob == Self.blob)
        #expect(stored.unchanged("constraints/slow-ci.md", stamp: Self.old) == nil)
    }
}
