@testable import KaizenKit
import Testing

@Suite struct MissingFieldTests {
    @Test func aMissingKindFallsBackOnTheFolder() {
        let harness = RuleHarness([
            .experiment("review-pairs", kind: .absent, status: "planned").markingStart("1"),
            .constraint("change-board", kind: "").markingKey("kind", "1"),
            RecordFixture("notes/retro-2026-11.md", """
                1️⃣---
                title: November retrospective actions
                ---
                """),
        ])
        harness.expect("missing-field", [
            ExpectedFinding("constraints/change-board.md", "1",
                "missing 'kind': one of improvement, experiment, constraint; this folder holds constraints"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "missing 'kind': one of improvement, experiment, constraint; this folder holds experiments"),
            ExpectedFinding("notes/retro-2026-11.md", "1",
                "missing 'kind': one of improvement, experiment, constraint"),
        ])
    }

    @Test func anAbsentRequiredFieldIsReportedAtTheStartOfTheFrontMatter() {
        let harness = RuleHarness([.improvement("review-pairs", status: "proposed", origin: .absent, area: .absent).markingStart("1")])
        harness.expect("missing-field", [
            ExpectedFinding("improvements/review-pairs.md", "1", "missing 'area': what it improves", severity: .warning),
            ExpectedFinding("improvements/review-pairs.md", "1",
                "missing 'origin': the team that first developed it (a team id from kaizen.yml)", severity: .warning),
        ])
    }

    @Test func anEmptyRequiredFieldIsReportedAtItsKey() {
        let harness = RuleHarness([
            .experiment("review-pairs", title: "\"  \"", teams: "[]", status: "planned", reviewBy: "")
                .markingKey("title", "1").markingKey("teams", "2").markingKey("review-by", "3"),
        ])
        harness.expect("missing-field", [
            ExpectedFinding("experiments/review-pairs.md", "1", "'title' is empty: one line that names it", severity: .warning),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "'teams' is empty: ids of the teams running it; several teams run it together", severity: .warning),
            ExpectedFinding("experiments/review-pairs.md", "3",
                "'review-by' is empty: the date it expires and must be reviewed (YYYY-MM-DD)", severity: .warning),
        ])
    }

    @Test func aFieldRequiredByTheStatusSaysWhichStatusRequiresIt() {
        let harness = RuleHarness([
            .experiment("review-pairs", start: .absent).markingStart("1"),
            .experiment("trunk-based-platform", status: "concluded", start: "").markingKey("start", "1"),
        ])
        harness.expect("missing-field", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "missing 'start' (required once status is running): the date it started (YYYY-MM-DD)"),
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "'start' is empty (required once status is concluded): the date it started (YYYY-MM-DD)"),
        ])
    }

    @Test func aFieldMissingFromAListEntryNamesTheEntry() {
        let harness = RuleHarness([
            .experiment("review-pairs", signals: """
                - 1️⃣metric: review wait (hours)
                  target: 4
                - 2️⃣metric: escaped defects per month
                  baseline: 3
                """, reviewBy: "2026-11-30", extensions: "- 3️⃣until: 2026-12-18"),
            .constraint("change-board", observed: "- 1️⃣{date: 2026-09-14, note: a config change waited six days}"),
        ])
        harness.expect("missing-field", [
            ExpectedFinding("constraints/change-board.md", "1", "observation 1: missing 'team': the team that saw it"),
            ExpectedFinding("experiments/review-pairs.md", "1", "signal 1: missing 'baseline': its value before the change"),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "signal 2: missing 'target': the value that would confirm the hypothesis"),
            ExpectedFinding("experiments/review-pairs.md", "3", "extension 1: missing 'reason': why the experiment needs longer"),
        ])
    }

    @Test func fieldsWithTheirOwnRuleAreLeftToThatRule() {
        let harness = RuleHarness([
            .experiment("review-pairs", hypothesis: .absent, signals: .absent, status: "concluded", rollback: .absent, outcome: .absent),
        ])
        harness.expect("missing-field", [])
        #expect(Set(harness.diagnostics().map(\.rule)) == ["hypothesis-form", "no-signals", "no-rollback", "conclusion-incomplete"])
    }

    @Test func completeRecordsPass() {
        let harness = RuleHarness([
            .improvement("review-pairs"),
            .experiment("review-pairs-payments", improvement: "review-pairs", reviewBy: "2026-11-30",
                        extensions: "[{until: 2026-12-18, reason: too few reviews during the release freeze}]"),
            .constraint("change-board"),
        ])
        harness.expect("missing-field", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
