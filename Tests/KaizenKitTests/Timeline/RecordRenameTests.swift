@testable import KaizenKit
import Synchronization
import Testing

/// Which record a former id names, from the rename events of a timeline.
@Suite struct RecordRenameTests {
    typealias Sample = TimelineSample

    @Test func aFormerIDNamesTheRecordAfterEveryLaterRename() throws {
        let timeline = Sample.timeline([
            Sample.delta(1, day: 10, added: [("improvements/a.md", Sample.snapshot("proposed"))]),
            Sample.delta(2, day: 11, renames: [.init(from: "improvements/a.md", to: "improvements/b.md", snapshot: nil)]),
            Sample.delta(3, day: 12, renames: [.init(from: "improvements/b.md", to: "improvements/c.md", snapshot: nil)]),
        ])
        let fromA = try #require(timeline.rename(ofFormerID: "a"))
        #expect(fromA.currentID == "c")
        #expect(fromA.path == "improvements/c.md")
        // The commit that took the name away, not the last rename.
        #expect(fromA.commit == Sample.commit(2, day: 11))
        #expect(fromA.note == "'a' was renamed to 'c' in 0000000 on 1970-01-12")
        #expect(timeline.rename(ofFormerID: "b")?.commit == Sample.commit(3, day: 12))
        #expect(timeline.rename(ofFormerID: "c") == nil)
        #expect(timeline.rename(ofFormerID: "d") == nil)
    }

    @Test func aNameTakenAgainOrARecordDeletedSinceIsNoRename() {
        let taken = Sample.timeline([
            Sample.delta(1, day: 10, added: [("improvements/a.md", Sample.snapshot("proposed"))]),
            Sample.delta(2, day: 11, renames: [.init(from: "improvements/a.md", to: "improvements/b.md", snapshot: nil)]),
            Sample.delta(3, day: 12, added: [("improvements/a.md", Sample.snapshot("proposed"))]),
        ])
        #expect(taken.rename(ofFormerID: "a") == nil)
        let deleted = Sample.timeline([
            Sample.delta(1, day: 10, added: [("improvements/a.md", Sample.snapshot("proposed"))]),
            Sample.delta(2, day: 11, renames: [.init(from: "improvements/a.md", to: "improvements/b.md", snapshot: nil)]),
            Sample.delta(3, day: 12, deleted: ["improvements/b.md"]),
        ])
        #expect(deleted.rename(ofFormerID: "a") == nil)
    }

    @Test func ofTwoRecordsOnceNamedAlikeTheOneRenamedLastIsMeant() {
        let timeline = Sample.timeline([
            Sample.delta(1, day: 10, added: [("improvements/a.md", Sample.snapshot("proposed"))]),
            Sample.delta(2, day: 11, renames: [.init(from: "improvements/a.md", to: "improvements/b.md", snapshot: nil)]),
            Sample.delta(3, day: 12, added: [("experiments/a.md", Sample.snapshot("planned"))]),
            Sample.delta(4, day: 13, renames: [.init(from: "experiments/a.md", to: "experiments/e.md", snapshot: nil)]),
        ])
        #expect(timeline.rename(ofFormerID: "a")?.currentID == "e")
    }

    @Test func historyIsReadOnlyWhenARenameIsAskedFor() {
        let reads = Mutex(0)
        let renames = RecordRenames {
            reads.withLock { $0 += 1 }
            return Sample.timeline([
                Sample.delta(1, day: 10, added: [("improvements/a.md", Sample.snapshot("proposed"))]),
                Sample.delta(2, day: 11, renames: [.init(from: "improvements/a.md", to: "improvements/b.md", snapshot: nil)]),
            ])
        }
        #expect(reads.withLock { $0 } == 0)
        #expect(renames.rename(ofFormerID: "a")?.currentID == "b")
        #expect(renames.rename(ofFormerID: "x") == nil)
        #expect(reads.withLock { $0 } == 1)
    }

    @Test func aRenameNotYetCommittedComesBeforeHistory() {
        let renames = RecordRenames(uncommitted: {
            [RecordRename(formerID: "a", currentID: "z", path: "improvements/z.md", commit: nil)]
        }, history: {
            Sample.timeline([
                Sample.delta(1, day: 10, added: [("improvements/a.md", Sample.snapshot("proposed"))]),
                Sample.delta(2, day: 11, renames: [.init(from: "improvements/a.md", to: "improvements/b.md", snapshot: nil)]),
            ])
        })
        #expect(renames.rename(ofFormerID: "a")?.note == "'a' was renamed to 'z' in changes not yet committed")
        #expect(renames.rename(ofFormerID: "b") == nil)
    }
}
