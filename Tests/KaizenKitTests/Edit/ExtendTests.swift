@testable import KaizenKit
import Testing

/// `kaizen extend`: a running experiment gets a new extensions entry; review-by stays.
@Suite struct ExtendTests {
    let path = "experiments/review-pairs.md"
    let running = EditFixtures.planned.replacingOccurrences(of: "status: planned\n", with: "status: running\nstart: 2026-11-01\n")
    let until = CalendarDate(year: 2027, month: 1, day: 10)!

    @Test func theFirstExtensionGoesAfterReviewByWhichStays() throws {
        let folder = try EditWorkspace([path: running])
        let editor = try folder.editor()
        let edit = try editor.prepare(.extend(until: until, reason: "Two weeks of freeze"), id: "review-pairs", today: folder.today)
        #expect(edit.summary == "deadline 2026-12-20 → 2027-01-10 (extension 1): Two weeks of freeze")
        #expect(edit.errors == [])
        try edit.write(in: folder.workspace())
        #expect(try folder.read(path) == running.replacingOccurrences(
            of: "review-by: 2026-12-20\n",
            with: "review-by: 2026-12-20\nextensions:\n  - until: 2027-01-10\n    reason: \"Two weeks of freeze\"\n"))
        let record = try #require(try folder.parsed().first?.record.experiment)
        #expect(record.reviewBy?.value == CalendarDate(year: 2026, month: 12, day: 20))
        #expect(record.deadline?.value == until)
    }

    @Test func aLaterExtensionIsAppendedAndCountsFromTheLastDeadline() throws {
        let extended = running.replacingOccurrences(
            of: "review-by: 2026-12-20\n", with: "review-by: 2026-12-20\nextensions: [{until: 2026-12-28, reason: first}]\n")
        let folder = try EditWorkspace([path: extended])
        let edit = try folder.editor().prepare(.extend(until: until, reason: "again"), id: "review-pairs", today: folder.today)
        #expect(edit.summary == "deadline 2026-12-28 → 2027-01-10 (extension 2): again")
        #expect(String(decoding: edit.edited, as: UTF8.self) == extended.replacingOccurrences(
            of: "reason: first}]", with: "reason: first}, {until: 2027-01-10, reason: again}]"))
        let tooEarly = CalendarDate(year: 2026, month: 12, day: 28)!
        #expect(folder.message { _ = try folder.editor().prepare(.extend(until: tooEarly, reason: "x"), id: "review-pairs", today: folder.today) }
            == "--until 2026-12-28 is not after the current deadline, 2026-12-28: an extension moves the deadline later")
    }

    @Test func onlyARunningExperimentWithAReasonCanBeExtended() throws {
        let concluded = running.replacingOccurrences(of: "status: running\n", with: "status: concluded\n")
            .replacingOccurrences(of: "rollback: stop pairing\n", with: "rollback: stop pairing\noutcome: discarded\nconcluded: 2026-11-01\n")
        let folder = try EditWorkspace(["experiments/planned.md": EditFixtures.planned, "experiments/done.md": concluded, path: running])
        let editor = try folder.editor()
        #expect(folder.message { _ = try editor.prepare(.extend(until: until, reason: "x"), id: "planned", today: folder.today) }
            == "'planned' is planned, not running: extensions are for running experiments; while it is planned, change its review-by instead, or start it first (`kaizen start planned`)")
        #expect(folder.message { _ = try editor.prepare(.extend(until: until, reason: "x"), id: "done", today: folder.today) }
            == "'done' is concluded (discarded): a concluded experiment cannot be extended")
        #expect(folder.message { _ = try editor.prepare(.extend(until: until, reason: "  "), id: "review-pairs", today: folder.today) }
            == "the reason is empty: say why the experiment needs longer")
    }

    @Test func anExtensionPastTheMaximumDurationIsReported() throws {
        let folder = try EditWorkspace([path: running])
        let edit = try folder.editor().prepare(.extend(until: CalendarDate(year: 2027, month: 3, day: 1)!, reason: "more"),
                                               id: "review-pairs", today: folder.today)
        #expect(edit.errors.map(\.rule) == ["too-long"])
        // Where the new extension would go, in the file as it is.
        #expect(edit.errors.first?.position == SourcePosition(line: 13, column: 1))
    }

    /// A --until that leaves the experiment expired, or makes it too long, is
    /// the argument's fault, and the advice says to change the date, not the file.
    @Test func aBadUntilIsBlamedOnTheArgument() throws {
        let expired = running.replacingOccurrences(of: "review-by: 2026-12-20", with: "review-by: 2026-11-10")
        let folder = try EditWorkspace([path: expired])
        let stillPast = try folder.editor().prepare(.extend(until: CalendarDate(year: 2026, month: 11, day: 15)!, reason: "late"),
                                                    id: "review-pairs", today: folder.today)
        #expect(stillPast.errors.map(\.rule) == ["expired"])
        #expect(stillPast.advice == "--until 2026-11-15 has already passed, so the experiment would still be expired: choose a later date")
        let tooFar = try folder.editor().prepare(.extend(until: CalendarDate(year: 2027, month: 6, day: 1)!, reason: "long"),
                                                 id: "review-pairs", today: folder.today)
        #expect(tooFar.errors.map(\.rule) == ["too-long"])
        #expect(tooFar.advice == "--until 2027-06-01 would make the experiment run longer than max-experiment-days: choose an earlier date, "
            + "or conclude this experiment and start a smaller one")
    }
}
