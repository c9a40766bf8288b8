@testable import KaizenKit
import Testing

/// `kaizen start`: planned → running, with a start date.
@Suite struct StartTests {
    let path = "experiments/review-pairs.md"

    @Test func aPlannedExperimentStartsAndOnlyItsStatusAndStartChange() throws {
        let folder = try EditWorkspace([path: EditFixtures.planned])
        let editor = try folder.editor()
        let edit = try editor.prepare(.start(on: folder.today), id: "review-pairs", today: folder.today)
        #expect(edit.summary == "status planned → running, start 2026-11-20")
        #expect(edit.diagnostics == [])
        #expect(try folder.read(path) == EditFixtures.planned)
        try edit.write(in: folder.workspace())
        #expect(try folder.read(path) == EditFixtures.planned.replacingOccurrences(
            of: "status: planned\n", with: "status: running\nstart: 2026-11-20\n"))
    }

    @Test func anEarlierStartDateIsTaken() throws {
        let folder = try EditWorkspace([path: EditFixtures.planned])
        let edit = try folder.editor().prepare(.start(on: CalendarDate(year: 2026, month: 11, day: 2)!), id: "review-pairs", today: folder.today)
        #expect(String(decoding: edit.edited, as: UTF8.self).contains("status: running\nstart: 2026-11-02\nreview-by:"))
    }

    @Test func onlyAPlannedExperimentCanStart() throws {
        let running = EditFixtures.planned.replacingOccurrences(of: "status: planned\n", with: "status: running\nstart: 2026-10-01\n")
        let concluded = running.replacingOccurrences(of: "status: running\n", with: "status: concluded\n")
            .replacingOccurrences(of: "rollback: stop pairing\n", with: "rollback: stop pairing\noutcome: retained\nconcluded: 2026-11-01\n")
        let folder = try EditWorkspace([path: running, "experiments/done.md": concluded,
                                        "improvements/review-pairs-practice.md": EditFixtures.improvement])
        let editor = try folder.editor()
        #expect(folder.message { _ = try editor.prepare(.start(on: folder.today), id: "review-pairs", today: folder.today) }
            == "'review-pairs' is already running since 2026-10-01: there is nothing to start")
        #expect(folder.message { _ = try editor.prepare(.start(on: folder.today), id: "done", today: folder.today) }
            == "'done' is concluded (retained): a concluded experiment does not run again; to try again, start a new experiment (`kaizen new experiment`)")
        #expect(folder.message { _ = try editor.prepare(.start(on: folder.today), id: "review-pairs-practice", today: folder.today) }
            == "'review-pairs-practice' is an improvement, not an experiment: start changes experiments only")
        #expect(folder.message { _ = try editor.prepare(.start(on: folder.today), id: "review-pair", today: folder.today) }
            == "no record has the id 'review-pair' (did you mean 'review-pairs'?)")
        #expect(try folder.read(path) == running)
    }

    @Test func aStartThatWouldFailCheckIsReportedWithItsFindings() throws {
        let folder = try EditWorkspace([path: EditFixtures.planned])
        let edit = try folder.editor().prepare(.start(on: CalendarDate(year: 2026, month: 11, day: 25)!), id: "review-pairs", today: folder.today)
        #expect(edit.errors.map(\.rule) == ["date-order"])
        #expect(edit.errors.first?.message
            == "start 2026-11-25 is in the future (today is 2026-11-20) but the status is running: set status to planned until it starts")
        // The finding points into the file as it is: where 'start:' would go.
        #expect(edit.errors.first?.position == SourcePosition(line: 11, column: 1))
        #expect(edit.advice == "fix what is listed above in experiments/review-pairs.md, then run start again")
    }

    @Test func aTeamAtItsWorkInProgressLimitCannotStartAnother() throws {
        var files = [path: EditFixtures.planned]
        for name in ["one", "two", "three"] {
            files["experiments/\(name).md"] = EditFixtures.planned.replacingOccurrences(of: "status: planned\n", with: "status: running\nstart: 2026-10-01\n")
        }
        let folder = try EditWorkspace(files)
        let edit = try folder.editor().prepare(.start(on: folder.today), id: "review-pairs", today: folder.today)
        #expect(edit.errors.map(\.rule) == ["wip-limit"])
    }

    @Test func aShapeThatCannotBeEditedSafelySaysWhatToChangeByHand() throws {
        let anchored = EditFixtures.planned.replacingOccurrences(of: "status: planned", with: "status: &s planned")
        let folder = try EditWorkspace([path: anchored])
        #expect(folder.message { _ = try folder.editor().prepare(.start(on: folder.today), id: "review-pairs", today: folder.today) }
            == "cannot edit experiments/review-pairs.md in place: the value of 'status' has an anchor (&name) that other values may refer to; remove the anchor. Nothing was written; make the change by hand: set 'status: running' and 'start: 2026-11-20'")
    }
}
