@testable import KaizenKit
import Testing

/// `kaizen observe`: a constraint gets a new observed entry {date, team, note}, in place.
@Suite struct ObserveTests {
    let path = "constraints/shared-staging.md"
    let seen = CalendarDate(year: 2026, month: 11, day: 18)!

    /// Its tags carry a comment, which an edit must keep.
    static let constraint = RecordFixture.constraint(
        "shared-staging", title: "One staging environment for five teams", level: "cross-team",
        observed: "- date: 2026-10-01\n  team: payments\n  note: Waited two days for a staging slot.", tags: "[staging]   # the shared one",
        body: "## Description\n\nFive teams share one staging environment.\n").text

    func observation(_ note: String = "Release testing waited a day", team: String? = "checkout",
                     on date: CalendarDate? = nil, reopens: Bool = false) -> NewObservation {
        NewObservation(date: date ?? seen, team: team, note: note, reopens: reopens)
    }

    @Test func theEntryFollowsTheLastOneAndEveryOtherByteStays() throws {
        let folder = try EditWorkspace([path: Self.constraint])
        let edit = try ConstraintEditor(workspace: folder.workspace(), parsed: folder.parsed())
            .prepare(observation(), id: "shared-staging", today: folder.today)
        #expect(edit.summary == "observed by checkout on 2026-11-18 (observation 2): Release testing waited a day")
        #expect(edit.errors == [])
        try edit.write(in: folder.workspace())
        #expect(try folder.read(path) == Self.constraint.replacingOccurrences(
            of: "    note: Waited two days for a staging slot.\n",
            with: "    note: Waited two days for a staging slot.\n  - date: 2026-11-18\n    team: checkout\n    note: \"Release testing waited a day\"\n"))
        // Seen by a second team within the review window: now it recurs.
        let constraint = try #require(try folder.parsed().first?.record.constraint)
        #expect(constraint.observed.map(\.team?.value) == ["payments", "checkout"])
        #expect(constraint.isRecurring(today: folder.today, windowDays: 90))
    }

    @Test func aFlowListGetsAFlowEntryAndTheOnlyTeamIsTheDefault() throws {
        let flow = Self.constraint.replacingOccurrences(
            of: "observed:\n  - date: 2026-10-01\n    team: payments\n    note: Waited two days for a staging slot.\n",
            with: "observed: [{date: 2026-10-01, team: payments, note: waited}]\n")
        let folder = try EditWorkspace([path: flow], config: "version: 1\nteams: [payments]\n")
        let edit = try ConstraintEditor(workspace: folder.workspace(), parsed: folder.parsed())
            .prepare(observation("again", team: nil), id: "shared-staging", today: folder.today)
        #expect(String(decoding: edit.edited, as: UTF8.self) == flow.replacingOccurrences(
            of: "note: waited}]", with: "note: waited}, {date: 2026-11-18, team: payments, note: again}]"))
    }

    @Test func whatCannotBeObservedIsRefusedWithWhatToDo() throws {
        let folder = try EditWorkspace([path: Self.constraint, "experiments/review-pairs.md": EditFixtures.planned])
        let editor = try ConstraintEditor(workspace: folder.workspace(), parsed: folder.parsed())
        let cases: [(NewObservation, String, String)] = [
            (observation(), "shared-stagin", "no record has the id 'shared-stagin' (did you mean 'shared-staging'?)"),
            (observation(), "review-pairs", "'review-pairs' is an experiment, not a constraint: observe changes constraints only"),
            (observation(team: "checkot"), "shared-staging",
             "unknown team 'checkot' (did you mean 'checkout'?); the teams in kaizen.yml are payments, checkout, platform"),
            (observation(team: nil), "shared-staging", "--team is required: one of payments, checkout, platform"),
            (observation(" \n "), "shared-staging", "the note is empty: say what was seen"),
            (observation(reopens: true), "shared-staging",
             "'shared-staging' is open, not resolved: --reopen sets a resolved constraint that is back to open"),
        ]
        for (observation, id, message) in cases {
            #expect(folder.message { _ = try editor.prepare(observation, id: id, today: folder.today) } == message)
        }
        #expect(try folder.read(path) == Self.constraint)
    }

    /// The date-order rule stops an observation dated after today, at the line the entry would take.
    @Test func anObservationInTheFutureWouldFailCheck() throws {
        let folder = try EditWorkspace([path: Self.constraint])
        let edit = try ConstraintEditor(workspace: folder.workspace(), parsed: folder.parsed())
            .prepare(observation(on: CalendarDate(year: 2026, month: 11, day: 25)!), id: "shared-staging", today: folder.today)
        #expect(edit.errors.map(\.message) == ["observed 2026-11-25 is in the future (today is 2026-11-20): write the date it was seen"])
        #expect(edit.errors.first?.position == SourcePosition(line: 10, column: 1))
        #expect(edit.advice == "give --date the day it was seen: an observation records what happened, not what is expected")
    }

    @Test func aResolvedConstraintSeenAgainStaysResolvedUnlessReopened() throws {
        let resolved = Self.constraint.replacingOccurrences(of: "status: open\n", with: "status: resolved\n")
        let folder = try EditWorkspace([path: resolved])
        let editor = try ConstraintEditor(workspace: folder.workspace(), parsed: folder.parsed())
        let kept = try editor.prepare(observation(), id: "shared-staging", today: folder.today)
        #expect(kept.summary == "observed by checkout on 2026-11-18 (observation 2): Release testing waited a day; it stays resolved: if it is back, set 'status: open'")
        #expect(String(decoding: kept.edited, as: UTF8.self).contains("status: resolved\n"))
        let reopened = try editor.prepare(observation(reopens: true), id: "shared-staging", today: folder.today)
        #expect(reopened.summary == "status resolved → open, observed by checkout on 2026-11-18 (observation 2): Release testing waited a day")
        #expect(String(decoding: reopened.edited, as: UTF8.self) == String(decoding: kept.edited, as: UTF8.self)
            .replacingOccurrences(of: "status: resolved\n", with: "status: open\n"))
    }

    @Test func frontMatterItCannotEditSaysWhatToAddByHand() throws {
        let mapping = """
            ---
            {kind: constraint, title: Queue, status: open, level: team, observed: [{date: 2026-10-01, team: payments, note: seen}]}
            ---

            """
        let folder = try EditWorkspace([path: mapping])
        let message = folder.message {
            _ = try ConstraintEditor(workspace: folder.workspace(), parsed: folder.parsed())
                .prepare(observation("Seen \"again\""), id: "shared-staging", today: folder.today)
        }
        #expect(message == "cannot edit constraints/shared-staging.md in place: its front matter is one flow mapping ({key: value, ...}); "
            + "write one 'key: value' per line. Nothing was written; make the change by hand: "
            + "add '- {date: 2026-11-18, team: checkout, note: \"Seen \\\"again\\\"\"}' at the end of 'observed:'")
    }
}
