@testable import KaizenKit
import Testing

@Suite struct BrokenLinkRuleTests {
    static let reviewPairs = RecordFixture.improvement("review-pairs")
    static let changeBoard = RecordFixture.constraint("change-board")

    @Test func anIdThatNoRecordHasIsReportedWithTheClosestOfTheRightKind() {
        let harness = RuleHarness([
            Self.reviewPairs,
            Self.changeBoard,
            .experiment("review-pairs-payments", improvement: "1️⃣review-pair", constraints: "[change-board, 2️⃣slow-reviews]", status: "planned"),
            .improvement("standard-changes", status: "proposed", constraints: "[1️⃣change-bord]"),
        ])
        harness.expect("broken-link", [
            ExpectedFinding("experiments/review-pairs-payments.md", "1",
                "no improvement has the id 'review-pair' (did you mean 'review-pairs'?)"),
            ExpectedFinding("experiments/review-pairs-payments.md", "2", "no constraint has the id 'slow-reviews'"),
            ExpectedFinding("improvements/standard-changes.md", "1",
                "no constraint has the id 'change-bord' (did you mean 'change-board'?)"),
        ])
    }

    @Test func anIdOfTheWrongKindNamesWhatItIs() {
        let harness = RuleHarness([
            Self.reviewPairs,
            Self.changeBoard,
            .experiment("change-board-bypass", improvement: "1️⃣change-board", constraints: "[2️⃣review-pairs]", status: "planned"),
        ])
        harness.expect("broken-link", [
            ExpectedFinding("experiments/change-board-bypass.md", "1",
                "'change-board' is a constraint, not an improvement"),
            ExpectedFinding("experiments/change-board-bypass.md", "2",
                "'review-pairs' is an improvement, not a constraint"),
        ])
    }

    @Test func aLinkToARecordOfUnknownKindIsGivenTheBenefitOfTheDoubt() {
        let harness = RuleHarness([
            RecordFixture("notes/release-freeze.md", """
                # December release freeze

                No deploys from 18 December to 4 January.
                """),
            .improvement("standard-changes", status: "proposed", constraints: "[release-freeze]"),
        ])
        harness.expect("broken-link", [])
    }

    @Test func linksToRecordsOfTheRightKindPass() {
        let harness = RuleHarness([
            Self.reviewPairs,
            Self.changeBoard,
            .improvement("standard-changes", title: "Pre-approved standard changes", status: "proposed", area: "policy-delay",
                         constraints: "[change-board]"),
            .experiment("review-pairs-payments", improvement: "review-pairs", constraints: "[change-board]", status: "planned"),
        ])
        harness.expect("broken-link", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
