import Foundation
@testable import KaizenKit
import Testing

/// What counts as an appended extension, for `review` and `deadline-moved` alike:
/// an entry after the previous ones, not an old entry edited in place.
@Suite struct AppendedExtensionsTests {
    static let holidays = "- {until: 2026-12-15, reason: half the team on holiday}"
    static let holidaysPushedOut = "- {until: 2027-02-15, reason: half the team on holiday}"
    static let fewReviews = "- {until: 2026-12-20, reason: too few reviews over the holidays}"

    static func experiment(extensions: [String]) -> String {
        RecordFixture.experiment(
            "review-pairs", start: "2026-09-01", reviewBy: "2026-12-01",
            extensions: extensions.isEmpty ? .absent : .text(extensions.joined(separator: "\n")),
            body: "## Plan\n\nPair on every review for six weeks.\n").text
    }

    static func parsed(_ extensions: [String]) throws -> ExperimentRecord {
        let text = experiment(extensions: extensions)
        let parsed = RecordParser(config: KaizenConfig()).parse(Array(text.utf8), path: "experiments/review-pairs.md", folderKind: .experiment)
        return try #require(parsed.record.experiment)
    }

    /// The numbers of the extensions `after` appends since `before`.
    static func appended(_ before: [String], _ after: [String]) throws -> [Int] {
        try parsed(after).extensions(appendedSince: parsed(before)).map(\.number)
    }

    @Test func anEntryAfterThePreviousOnesIsAppended() throws {
        #expect(try Self.appended([], [Self.holidays]) == [1])
        #expect(try Self.appended([Self.holidays], [Self.holidays, Self.fewReviews]) == [2])
    }

    @Test func anOldEntryEditedInPlaceIsNotAppended() throws {
        #expect(try Self.appended([Self.holidays], [Self.holidaysPushedOut]).isEmpty)
        #expect(try Self.appended([Self.holidays], [Self.holidaysPushedOut, Self.fewReviews]) == [2])
    }

    // The entry after the previous count is the old one, moved down; the new one stands in its place.
    @Test func anEntryInsertedBeforeTheOldOnesIsNotAppended() throws {
        #expect(try Self.appended([Self.holidays], [Self.fewReviews, Self.holidays]).isEmpty)
    }

    /// Where the two disagreed: an old extension pushed out in place while a
    /// shorter one is appended. `deadline-moved` took only the appended one as
    /// new and fired; `review` listed both as new extensions. Both now see one.
    @Test func theReviewListsOnlyTheAppendedExtension() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-appended-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("experiments/review-pairs.md")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "version: 1\n".write(to: root.appendingPathComponent("kaizen.yml"), atomically: true, encoding: .utf8)
        func commit(_ extensions: [String]) throws {
            try Self.experiment(extensions: extensions).write(to: file, atomically: true, encoding: .utf8)
            _ = try git(["add", "-A"], in: root)
            _ = try git(["commit", "-q", "-m", "step"], in: root)
        }
        _ = try git(["init", "-q", "-b", "main"], in: root)
        try commit([Self.holidays])
        _ = try git(["checkout", "-q", "-b", "pull-request"], in: root)
        try commit([Self.holidaysPushedOut, Self.fewReviews])

        let review = try PullRequestReview.make(try Workspace.open(at: root), range: RevisionRange(parsing: "main...pull-request"),
                                                today: CalendarDate(year: 2026, month: 11, day: 20)!)
        #expect(review.extended.map { $0.newExtensions.map(\.number) } == [[2]])
        #expect(review.findings.diagnostics.map(\.rule).contains("deadline-moved"))
    }
}
