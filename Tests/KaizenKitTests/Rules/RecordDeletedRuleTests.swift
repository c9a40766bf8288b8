@testable import KaizenKit
import Testing

@Suite struct RecordDeletedRuleTests {
    /// "the record 'ID' was deleted, …" ending with what to do `instead`.
    static func deleted(_ id: String, _ instead: String) -> String {
        "the record '\(id)' was deleted, and with it what it taught: restore it (`git checkout` it back) and \(instead)"
    }

    @Test func deletingARecordOfEachKindFiresAtTheStartOfTheOldFile() {
        let kept = ("experiments/kept.md", HistoryFixture.experiment())
        let harness = RuleHarness(
            before: [kept,
                     ("experiments/review-pairs.md", "1️⃣" + HistoryFixture.experiment()),
                     ("improvements/pair-reviews.md", "2️⃣" + HistoryFixture.improvement(status: "trialling")),
                     ("constraints/shared-staging.md", "3️⃣" + HistoryFixture.constraint(status: "open"))],
            after: [kept])
        harness.expect("record-deleted", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                Self.deleted("review-pairs", "set status: concluded with outcome: discarded and say why in Learnings")),
            ExpectedFinding("improvements/pair-reviews.md", "2", Self.deleted("pair-reviews", "set status: retired and say why in its Summary")),
            ExpectedFinding("constraints/shared-staging.md", "3", Self.deleted("shared-staging", "set status: resolved")),
        ])
    }

    @Test func aRecordMovedToAnotherFolderKeepsItsIDAndIsNotDeleted() {
        let harness = RuleHarness(before: [("experiments/review-pairs.md", HistoryFixture.experiment())],
                                  after: [("experiments/2026/review-pairs.md", HistoryFixture.experiment())])
        harness.expectNoHistoryFindings()
    }

    @Test func addingARecordIsNotADeletion() {
        let kept = ("experiments/review-pairs.md", HistoryFixture.experiment())
        let harness = RuleHarness(before: [kept], after: [kept, ("improvements/pair-reviews.md", HistoryFixture.improvement(status: "proposed"))])
        harness.expectNoHistoryFindings()
    }
}
