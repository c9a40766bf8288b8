import Testing
@testable import KaizenKit

@Suite struct TimelineBuilderTests {
    typealias Sample = TimelineSample

    @Test func createdThenChangedRecordsEachValueChange() {
        var builder = TimelineBuilder(fields: ["status"])
        var first = CommitDelta(commit: Sample.commit(1, day: 10))
        first.added = [("experiments/a.md", Sample.snapshot("planned"))]
        var second = CommitDelta(commit: Sample.commit(2, day: 12, author: "Ben Okafor"))
        second.modified = [("experiments/a.md", Sample.snapshot("running"))]
        var third = CommitDelta(commit: Sample.commit(3, day: 15))
        third.modified = [("experiments/a.md", Sample.snapshot("running"))]
        for delta in [first, second, third] { builder.apply(delta) }
        let timeline = builder.timeline(ref: "HEAD")
        #expect(Sample.summary(timeline.record("a")) == ["created status=planned at experiments/a.md", "changed status planned -> running"])
        #expect(timeline.record("a")?.events[1].commit.author.name == "Ben Okafor")
    }

    @Test func aRenameWithAnEditIsARenameThenAChange() {
        var builder = TimelineBuilder(fields: ["status"])
        var first = CommitDelta(commit: Sample.commit(1, day: 1))
        first.added = [("experiments/a.md", Sample.snapshot("planned", id: "exp-a"))]
        var second = CommitDelta(commit: Sample.commit(2, day: 2))
        second.renames = [.init(from: "experiments/a.md", to: "experiments/2026/a.md", snapshot: Sample.snapshot("running", id: "exp-a"))]
        builder.apply(first)
        builder.apply(second)
        let record = builder.timeline(ref: "HEAD").record("exp-a")
        #expect(Sample.summary(record) == ["created status=planned at experiments/a.md",
                                           "renamed experiments/a.md -> experiments/2026/a.md",
                                           "changed status planned -> running"])
        #expect(record?.path == "experiments/2026/a.md")
    }

    @Test func aRecordDeletedAndCreatedAgainContinuesItsHistory() {
        var builder = TimelineBuilder(fields: ["status"])
        var first = CommitDelta(commit: Sample.commit(1, day: 1))
        first.added = [("experiments/a.md", Sample.snapshot("running"))]
        var second = CommitDelta(commit: Sample.commit(2, day: 2))
        second.deleted = ["experiments/a.md"]
        var third = CommitDelta(commit: Sample.commit(3, day: 3))
        third.added = [("experiments/archive/a.md", Sample.snapshot("concluded"))]
        for delta in [first, second, third] { builder.apply(delta) }
        let timeline = builder.timeline(ref: "HEAD")
        #expect(timeline.records.count == 1)
        #expect(Sample.summary(timeline.record("a")) == ["created status=running at experiments/a.md", "deleted running at experiments/a.md",
                                                         "created status=concluded at experiments/archive/a.md"])
        #expect(timeline.record("a")?.deleted == false)
    }

    @Test func frontMatterThatCannotBeReadChangesNothing() {
        var builder = TimelineBuilder(fields: ["status"])
        var first = CommitDelta(commit: Sample.commit(1, day: 1))
        first.added = [("experiments/a.md", Sample.snapshot("running"))]
        var broken = CommitDelta(commit: Sample.commit(2, day: 2))
        broken.modified = [("experiments/a.md", .unreadable(fieldCount: 1))]
        var fixed = CommitDelta(commit: Sample.commit(3, day: 3))
        fixed.modified = [("experiments/a.md", Sample.snapshot("running"))]
        for delta in [first, broken, fixed] { builder.apply(delta) }
        #expect(Sample.summary(builder.timeline(ref: "HEAD").record("a")) == ["created status=running at experiments/a.md"])
    }

    @Test func otherTrackedFieldsStartWithAChangeFromNull() {
        var builder = TimelineBuilder(fields: ["status", "owner"])
        var first = CommitDelta(commit: Sample.commit(1, day: 1))
        first.added = [("notes/a.md", Sample.snapshot("draft", "ana"))]
        var second = CommitDelta(commit: Sample.commit(2, day: 2))
        second.modified = [("notes/a.md", Sample.snapshot("final", nil))]
        builder.apply(first)
        builder.apply(second)
        #expect(Sample.summary(builder.timeline(ref: "HEAD").record("a")) == [
            "created status=draft at notes/a.md", "changed owner null -> ana",
            "changed status draft -> final", "changed owner ana -> null",
        ])
    }

    @Test func timeInStatusAddsUpPeriodsAndRunsTheLastToNow() {
        var builder = TimelineBuilder(fields: ["status"])
        let changes: [(Int, String)] = [(10, "planned"), (12, "running"), (20, "planned"), (21, "running")]
        for (index, change) in changes.enumerated() {
            var delta = CommitDelta(commit: Sample.commit(index + 1, day: change.0))
            if index == 0 {
                delta.added = [("experiments/a.md", Sample.snapshot(change.1))]
            } else {
                delta.modified = [("experiments/a.md", Sample.snapshot(change.1))]
            }
            builder.apply(delta)
        }
        let timeline = builder.timeline(ref: "HEAD")
        let totals = timeline.timeInStatus(of: timeline.record("a")!, now: 30 * 86_400)
        #expect(totals.map(\.value) == ["planned", "running"])
        #expect(totals.map(\.seconds) == [3 * 86_400, 17 * 86_400])
    }

    @Test func aDeletionEndsTheLastPeriod() {
        var builder = TimelineBuilder(fields: ["status"])
        var first = CommitDelta(commit: Sample.commit(1, day: 1))
        first.added = [("experiments/a.md", Sample.snapshot("running"))]
        var second = CommitDelta(commit: Sample.commit(2, day: 5))
        second.deleted = ["experiments/a.md"]
        builder.apply(first)
        builder.apply(second)
        let timeline = builder.timeline(ref: "HEAD")
        #expect(timeline.timeInStatus(of: timeline.record("a")!, now: 100 * 86_400).map(\.seconds) == [4 * 86_400])
    }
}
