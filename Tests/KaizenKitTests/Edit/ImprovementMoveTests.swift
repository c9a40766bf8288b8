import Foundation
@testable import KaizenKit
import Testing

/// `start` and `conclude` move the experiment's improvement with it, in the
/// same write: proposed → trialling when it starts, → proven when retained.
@Suite struct ImprovementMoveTests {
    let experimentPath = "experiments/review-pairs.md"
    let improvementPath = "improvements/pair-reviews.md"

    /// A planned experiment of `pair-reviews`, whose results and learnings are written.
    var planned: String {
        EditFixtures.planned
            .replacingOccurrences(of: "teams: [payments]\n", with: "teams: [payments]\nimprovement: pair-reviews\n")
            .replacingOccurrences(of: "    target: 4\n", with: "    target: 4\n    result: \"3\"\n")
            .replacingOccurrences(of: "## Learnings\n", with: "## Learnings\n\nPairs halved the wait.\n")
    }

    var running: String {
        planned.replacingOccurrences(of: "status: planned\n", with: "status: running\nstart: 2026-10-01\n")
    }

    func improvement(_ status: String) -> String {
        EditFixtures.improvement.replacingOccurrences(of: "status: trialling", with: "status: \(status)   # kept as is")
    }

    @Test func startingMovesAProposedImprovementToTriallingInTheSameWrite() throws {
        let folder = try EditWorkspace([experimentPath: planned, improvementPath: improvement("proposed")])
        let editor = try folder.editor()
        let edit = try editor.prepare(.start(on: folder.today), id: "review-pairs", today: folder.today)
        #expect(edit.files.map(\.path) == [experimentPath, improvementPath])
        #expect(edit.alongside.map(\.summary) == ["status proposed → trialling, as 'review-pairs' trials it"])
        #expect(edit.errors == [])
        try edit.write(in: folder.workspace())
        #expect(try folder.read(improvementPath) == improvement("trialling"))
        #expect(try folder.read(experimentPath).contains("status: running\nstart: 2026-11-20\n"))
    }

    @Test func retainingMovesATriallingOrLaggingProposedImprovementToProven() throws {
        for status in ["trialling", "proposed"] {
            let folder = try EditWorkspace([experimentPath: running, improvementPath: improvement(status)])
            let editor = try folder.editor()
            let edit = try editor.prepare(.conclude(.retained, on: folder.today), id: "review-pairs", today: folder.today)
            #expect(edit.alongside.map(\.summary) == ["status \(status) → proven, as 'review-pairs' retained it"])
            // Proven without a guide is only a warning: the move brings it, so it is shown, and does not stop the write.
            #expect(edit.alongside.flatMap(\.diagnostics).map(\.rule) == Array(repeating: "not-captured", count: 4))
            #expect(edit.errors == [])
            try edit.write(in: folder.workspace())
            #expect(try folder.read(improvementPath) == improvement("proven"))
        }
    }

    @Test func otherStepsAndOtherOutcomesLeaveTheImprovementAlone() throws {
        let cases: [(String, String, ExperimentChange)] = [
            (planned, "trialling", .start(on: CalendarDate(year: 2026, month: 11, day: 20)!)),
            (running, "trialling", .conclude(.inconclusive, on: CalendarDate(year: 2026, month: 11, day: 20)!)),
            (running, "proven", .conclude(.retained, on: CalendarDate(year: 2026, month: 11, day: 20)!)),
            (running, "trialling", .extend(until: CalendarDate(year: 2026, month: 12, day: 24)!, reason: "Holidays")),
        ]
        for (text, status, change) in cases {
            let folder = try EditWorkspace([experimentPath: text, improvementPath: improvement(status)])
            let edit = try folder.editor().prepare(change, id: "review-pairs", today: folder.today)
            #expect(edit.alongside.isEmpty, "\(change)")
        }
    }

    /// The two files are written together or not at all: an improvement
    /// saved by someone else meanwhile stops both.
    @Test func anImprovementChangedOnDiskStopsBothWrites() throws {
        let folder = try EditWorkspace([experimentPath: planned, improvementPath: improvement("proposed")])
        let editor = try folder.editor()
        let edit = try editor.prepare(.start(on: folder.today), id: "review-pairs", today: folder.today)
        let theirs = improvement("proposed") + "\n## Context\n\nWritten meanwhile.\n"
        try folder.write(improvementPath, theirs)
        #expect(folder.message { try edit.write(in: folder.workspace()) }
            == "improvements/pair-reviews.md changed on disk while kaizen was editing it; nothing was written, so that change is kept: run the command again")
        #expect(try folder.read(experimentPath) == planned)
        #expect(try folder.read(improvementPath) == theirs)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("experiments").path)
            + FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("improvements").path)
        #expect(leftovers.sorted() == ["pair-reviews.md", "review-pairs.md"])
    }

    /// An improvement whose front matter kaizen cannot edit in place stops the step, and says what to do by hand.
    @Test func anImprovementThatCannotBeEditedStopsTheStep() throws {
        let flow = "---\n{kind: improvement, title: Review pairs, status: proposed, origin: payments, level: team, area: flow}\n---\n"
        let folder = try EditWorkspace([experimentPath: planned, improvementPath: flow])
        let message = folder.message { _ = try folder.editor().prepare(.start(on: folder.today), id: "review-pairs", today: folder.today) }
        #expect(message?.hasPrefix("cannot edit improvements/pair-reviews.md in place: ") == true)
        #expect(message?.hasSuffix("make the change by hand: set 'status: trialling' in improvements/pair-reviews.md, as 'review-pairs' trials it, and run start again") == true)
    }
}
