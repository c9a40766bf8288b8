@testable import KaizenKit
import Testing

/// `kaizen conclude`: running (or, discarded, planned) → concluded, with outcome and date.
@Suite struct ConcludeTests {
    let path = "experiments/review-pairs.md"
    /// A running experiment, with results and learnings unless told otherwise.
    func running(results: Bool = true, learnings: Bool = true, status: String = "running") -> String {
        EditFixtures.planned
            .replacingOccurrences(of: "    target: 4\n", with: "    target: 4\n" + (results ? "    result: \"3\"\n" : ""))
            .replacingOccurrences(of: "status: planned\n", with: "status: \(status)   # since October\nstart: 2026-10-01\n")
            .replacingOccurrences(of: "## Learnings\n",
                                  with: "## Learnings\n\n" + (learnings ? "Pairs halved the wait.\n" : "<!-- What did you learn? -->\n"))
    }

    @Test func aRunningExperimentIsConcludedWithOutcomeAndDateAfterReviewBy() throws {
        let text = running()
        let folder = try EditWorkspace([path: text])
        let editor = try folder.editor()
        let edit = try editor.prepare(.conclude(.retained, on: folder.today), id: "review-pairs", today: folder.today)
        #expect(edit.summary == "status running → concluded, outcome retained, concluded 2026-11-20")
        #expect(edit.diagnostics == [])
        try edit.write(in: folder.workspace())
        #expect(try folder.read(path) == text
            .replacingOccurrences(of: "status: running   #", with: "status: concluded   #")
            .replacingOccurrences(of: "review-by: 2026-12-20\n", with: "review-by: 2026-12-20\noutcome: retained\nconcluded: 2026-11-20\n"))
    }

    /// The result 40 misses the target 4: retained stands only with a reason,
    /// which conclude writes as outcome-reason.
    @Test func retainingAgainstTheSignalsNeedsAReasonWhichIsWritten() throws {
        let text = running().replacingOccurrences(of: "result: \"3\"", with: "result: \"40\"")
        let folder = try EditWorkspace([path: text])
        let editor = try folder.editor()
        let refused = try editor.prepare(.conclude(.retained, on: folder.today), id: "review-pairs", today: folder.today)
        #expect(refused.errors.map(\.rule) == ["unevidenced-outcome"])
        #expect(refused.errors.first?.message.hasPrefix("retained, but no signal met its target (review wait (hours): 40 against '4')") == true)
        #expect(refused.advice == "the outcome retained goes against what the signals show (listed above): if it stands, "
            + "run conclude again with --reason \"why\", which is written as 'outcome-reason'")
        let reason = "Pairing halved onboarding time: a cost the signals did not measure"
        let edit = try editor.prepare(.conclude(.retained, on: folder.today, reason: reason), id: "review-pairs", today: folder.today)
        #expect(edit.diagnostics == [])
        #expect(edit.summary == "status running → concluded, outcome retained, concluded 2026-11-20, outcome-reason written")
        try edit.write(in: folder.workspace())
        #expect(try folder.read(path) == text
            .replacingOccurrences(of: "status: running   #", with: "status: concluded   #")
            .replacingOccurrences(of: "review-by: 2026-12-20\n", with: "review-by: 2026-12-20\noutcome: retained\n"
                + "outcome-reason: \"\(reason)\"\nconcluded: 2026-11-20\n"))
        let reparsed = try folder.parsed().first { $0.record.id == "review-pairs" }
        #expect(reparsed?.record.experiment?.outcomeReason?.value == reason)
    }

    @Test func existingOutcomeAndDateFieldsAreFilledInWhereTheyAre() throws {
        let text = running().replacingOccurrences(of: "rollback: stop pairing\n", with: "rollback: stop pairing\noutcome:\nconcluded: \"\"\n")
        let folder = try EditWorkspace([path: text])
        let edit = try folder.editor().prepare(.conclude(.inconclusive, on: folder.today), id: "review-pairs", today: folder.today)
        #expect(String(decoding: edit.edited, as: UTF8.self) == text
            .replacingOccurrences(of: "status: running   #", with: "status: concluded   #")
            .replacingOccurrences(of: "outcome:\nconcluded: \"\"", with: "outcome: inconclusive\nconcluded: \"2026-11-20\""))
    }

    @Test func aConclusionWithoutResultsOrLearningsIsReportedWithWhatToFillIn() throws {
        let folder = try EditWorkspace([path: running(results: false, learnings: false)])
        let edit = try folder.editor().prepare(.conclude(.retained, on: folder.today), id: "review-pairs", today: folder.today)
        #expect(edit.errors.map(\.message) == [
            "signal 'review wait (hours)' has no result: add 'result:' with the value you observed",
            "the Learnings section holds only the template's guidance: write what you learned, whatever the outcome",
        ])
        #expect(edit.errors.map(\.rule) == ["conclusion-incomplete", "conclusion-incomplete"])
        // Lines of the file as it is, without the two lines conclude would have added above Learnings.
        #expect(edit.errors.map(\.position) == [SourcePosition(line: 7, column: 5), SourcePosition(line: 20, column: 1)])
        #expect(edit.advice
            == "fill in what the conclusion still lacks in experiments/review-pairs.md (a result under each signal, the Learnings section), then run conclude again")
    }

    @Test func aPlannedExperimentCanOnlyBeDiscarded() throws {
        // Abandoned before it ran: nothing was measured, so the outcome cannot go against the signals.
        let planned = running(status: "planned").replacingOccurrences(of: "start: 2026-10-01\n", with: "")
            .replacingOccurrences(of: "result: \"3\"", with: "result: never measured")
        let folder = try EditWorkspace([path: planned])
        let editor = try folder.editor()
        #expect(folder.message { _ = try editor.prepare(.conclude(.retained, on: folder.today), id: "review-pairs", today: folder.today) }
            == "'review-pairs' never ran (it is planned), so it cannot be concluded as retained: start it first (`kaizen start review-pairs`), or conclude it as discarded if it was abandoned")
        // A concluded experiment needs a start date: one that never ran started and ended the same day.
        let edit = try editor.prepare(.conclude(.discarded, on: folder.today), id: "review-pairs", today: folder.today)
        #expect(edit.summary == "status planned → concluded, outcome discarded, concluded 2026-11-20, start 2026-11-20 (it never ran)")
        #expect(edit.errors == [])
        #expect(String(decoding: edit.edited, as: UTF8.self) == planned
            .replacingOccurrences(of: "status: planned   # since October\n", with: "status: concluded   # since October\nstart: 2026-11-20\n")
            .replacingOccurrences(of: "review-by: 2026-12-20\n", with: "review-by: 2026-12-20\noutcome: discarded\nconcluded: 2026-11-20\n"))
    }

    @Test func aConcludedExperimentIsNotConcludedAgainAndDatesMustAgree() throws {
        let text = running()
        let concluded = text.replacingOccurrences(of: "status: running", with: "status: concluded")
            .replacingOccurrences(of: "rollback: stop pairing\n", with: "rollback: stop pairing\noutcome: retained\nconcluded: 2026-11-01\n")
        let folder = try EditWorkspace([path: text, "experiments/done.md": concluded])
        let editor = try folder.editor()
        #expect(folder.message { _ = try editor.prepare(.conclude(.retained, on: folder.today), id: "done", today: folder.today) }
            == "'done' is already concluded (retained) on 2026-11-01: there is nothing to conclude")
        let early = try editor.prepare(.conclude(.retained, on: CalendarDate(year: 2026, month: 9, day: 1)!), id: "review-pairs", today: folder.today)
        #expect(early.errors.map(\.message) == ["concluded 2026-09-01 is before start 2026-10-01: correct whichever date is wrong"])
    }
}
