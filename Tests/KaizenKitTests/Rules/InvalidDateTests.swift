@testable import KaizenKit
import Testing

@Suite struct InvalidDateTests {
    @Test func aDateNotWrittenAsYYYYMMDDIsReported() {
        let harness = RuleHarness([.experiment("review-pairs", start: "1️⃣2026-10-01T09:00", reviewBy: "2️⃣18/12/2026")])
        harness.expect("invalid-date", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "'start': '2026-10-01T09:00' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "'review-by': '18/12/2026' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
        ])
        // An invalid date is not also reported as missing, nor judged by the date rules.
        harness.expect("missing-field", [])
        harness.expect("expired", [])
    }

    @Test func aMonthThatDoesNotExistIsReported() {
        let harness = RuleHarness([.experiment("review-pairs", status: "planned", reviewBy: "1️⃣2026-18-12")])
        harness.expect("invalid-date", [
            ExpectedFinding("experiments/review-pairs.md", "1", "'review-by': '2026-18-12' is not a date: there is no month 18"),
        ])
    }

    @Test func aDayPastTheEndOfItsMonthIsReported() {
        let harness = RuleHarness([.experiment("trunk-based-platform", status: "planned", start: "1️⃣2027-02-29", reviewBy: "2️⃣2027-04-31")])
        harness.expect("invalid-date", [
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "'start': '2027-02-29' is not a date: February 2027 has 28 days, not 29"),
            ExpectedFinding("experiments/trunk-based-platform.md", "2",
                "'review-by': '2027-04-31' is not a date: April 2027 has 30 days, not 31"),
        ])
    }

    @Test func datesInListEntriesNameTheEntry() {
        let harness = RuleHarness([
            .experiment("review-pairs", reviewBy: "2026-11-15", extensions: "[{until: 1️⃣2026-11-31, reason: too few reviews during the release freeze}]"),
            .constraint("change-board", observed: "[{date: 2026-09-14, team: payments}, {date: 1️⃣2026-9-28, team: platform}]"),
        ])
        harness.expect("invalid-date", [
            ExpectedFinding("constraints/change-board.md", "1",
                "observation 2: 'date': '2026-9-28' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "extension 1: 'until': '2026-11-31' is not a date: November 2026 has 30 days, not 31"),
        ])
    }

    @Test func realDatesPlainOrQuotedPass() {
        let harness = RuleHarness([
            .experiment("review-pairs", start: "'2026-10-01'", reviewBy: "2026-11-30",
                        extensions: "[{until: \"2026-12-18\", reason: too few reviews during the release freeze}]"),
            .experiment("leap-day-release", status: "planned", start: "2028-02-29", reviewBy: "2028-04-30"),
            .constraint("change-board"),
        ])
        harness.expect("invalid-date", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
