@testable import KaizenKit
import Testing

@Suite struct RecordDeletedRuleTests {
    /// "the record 'ID' was deleted, …" ending with what to do `instead`.
    static func deleted(_ id: String, _ instead: String) -> String {
        "the record '\(id)' was deleted, and with it what it taught: restore it (`git checkout` it back) and \(instead)"
    }

    @Test func deletingARecordOfEachKindFiresAtTheStartOfTheOldFile() {
        let kept = RecordFixture.experiment("kept")
        let harness = RuleHarness(
            before: [kept,
                     .experiment("review-pairs").markingStart("1"),
                     .improvement("pair-reviews").markingStart("2"),
                     .constraint("shared-staging").markingStart("3")],
            after: [kept])
        harness.expect("record-deleted", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                Self.deleted("review-pairs", "set status: concluded with outcome: discarded and say why in Learnings")),
            ExpectedFinding("improvements/pair-reviews.md", "2", Self.deleted("pair-reviews", "set status: retired and say why in its Summary")),
            ExpectedFinding("constraints/shared-staging.md", "3", Self.deleted("shared-staging", "set status: resolved")),
        ])
    }

    @Test func aRecordMovedToAnotherFolderKeepsItsIDAndIsNotDeleted() {
        let harness = RuleHarness(before: [.experiment("review-pairs")], after: [.experiment("review-pairs", in: "experiments/2026")])
        harness.expectNoHistoryFindings()
    }

    @Test func addingARecordIsNotADeletion() {
        let kept = RecordFixture.experiment("review-pairs")
        let harness = RuleHarness(before: [kept], after: [kept, .improvement("pair-reviews", status: "proposed")])
        harness.expectNoHistoryFindings()
    }
}
