import Testing
@testable import KaizenKit

@Suite struct TimelineBuilderTests {
    typealias Sample = TimelineSample

    @Test func createdThenChangedRecordsEachValueChange() {
        let timeline = Sample.timeline([
            Sample.delta(1, day: 10, added: [("experiments/a.md", Sample.snapshot("planned"))]),
            Sample.delta(2, day: 12, author: "Ben Okafor", modified: [("experiments/a.md", Sample.snapshot("running"))]),
            Sample.delta(3, day: 15, modified: [("experiments/a.md", Sample.snapshot("running"))]),
        ])
        #expect(Sample.summary(timeline.record("a")) == ["created status=planned at experiments/a.md", "changed status planned -> running"])
        #expect(timeline.record("a")?.events[1].commit.author.name == "Ben Okafor")
    }

    @Test func aRenameWithAnEditIsARenameThenAChange() {
        let timeline = Sample.timeline([
            Sample.delta(1, day: 1, added: [("experiments/a.md", Sample.snapshot("planned", id: "exp-a"))]),
            Sample.delta(2, day: 2, renames: [.init(from: "experiments/a.md", to: "experiments/2026/a.md",
                                                    snapshot: Sample.snapshot("running", id: "exp-a"))]),
        ])
        let record = timeline.record("exp-a")
        #expect(Sample.summary(record) == ["created status=planned at experiments/a.md",
                                           "renamed experiments/a.md -> experiments/2026/a.md",
                                           "changed status planned -> running"])
        #expect(record?.path == "experiments/2026/a.md")
    }

    @Test func aRecordDeletedAndCreatedAgainContinuesItsHistory() {
        let timeline = Sample.timeline([
            Sample.delta(1, day: 1, added: [("experiments/a.md", Sample.snapshot("running"))]),
            Sample.delta(2, day: 2, deleted: ["experiments/a.md"]),
            Sample.delta(3, day: 3, added: [("experiments/archive/a.md", Sample.snapshot("concluded"))]),
        ])
        #expect(timeline.records.count == 1)
        #expect(Sample.summary(timeline.record("a")) == ["created status=running at experiments/a.md", "deleted running at experiments/a.md",
                                                         "created status=concluded at experiments/archive/a.md"])
        #expect(timeline.record("a")?.deleted == false)
    }

    @Test func frontMatterThatCannotBeReadChangesNothing() {
        let timeline = Sample.timeline([
            Sample.delta(1, day: 1, added: [("experiments/a.md", Sample.snapshot("running"))]),
            Sample.delta(2, day: 2, modified: [("experiments/a.md", .unreadable(fieldCount: 1))]),
            Sample.delta(3, day: 3, modified: [("experiments/a.md", Sample.snapshot("running"))]),
        ])
        #expect(Sample.summary(timeline.record("a")) == ["created status=running at experiments/a.md"])
    }

    @Test func otherTrackedFieldsStartWithAChangeFromNull() {
        let timeline = Sample.timeline(tracking: ["status", "owner"], [
            Sample.delta(1, day: 1, added: [("notes/a.md", Sample.snapshot("draft", "ana"))]),
            Sample.delta(2, day: 2, modified: [("notes/a.md", Sample.snapshot("final", nil))]),
        ])
        #expect(Sample.summary(timeline.record("a")) == [
            "created status=draft at notes/a.md", "changed owner null -> ana",
            "changed status draft -> final", "changed owner ana -> null",
        ])
    }

    @Test func timeInStatusAddsUpPeriodsAndRunsTheLastToNow() {
        let changes: [(day: Int, status: String)] = [(10, "planned"), (12, "running"), (20, "planned"), (21, "running")]
        let timeline = Sample.timeline(changes.enumerated().map { index, change in
            let file = [("experiments/a.md", Sample.snapshot(change.status))]
            return index == 0 ? Sample.delta(1, day: change.day, added: file) : Sample.delta(index + 1, day: change.day, modified: file)
        })
        let totals = timeline.timeInStatus(of: timeline.record("a")!, now: 30 * 86_400)
        #expect(totals.map(\.value) == ["planned", "running"])
        #expect(totals.map(\.seconds) == [3 * 86_400, 17 * 86_400])
    }

    @Test func aDeletionEndsTheLastPeriod() {
        let timeline = Sample.timeline([
            Sample.delta(1, day: 1, added: [("experiments/a.md", Sample.snapshot("running"))]),
            Sample.delta(2, day: 5, deleted: ["experiments/a.md"]),
        ])
        #expect(timeline.timeInStatus(of: timeline.record("a")!, now: 100 * 86_400).map(\.seconds) == [4 * 86_400])
    }
}
