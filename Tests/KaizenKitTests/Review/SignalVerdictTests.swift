@testable import KaizenKit
import Testing

@Suite struct SignalVerdictTests {
    @Test(arguments: [
        // Lower is better, from the target below the baseline.
        ("48", "4", "3", SignalVerdict.met),
        ("48", "4", "4", .met),
        ("48", "4", "6", .missed),
        // Higher is better, from the target above the baseline.
        ("60 %", "90 %", "92 %", .met),
        ("60 %", "90 %", "89.5 %", .missed),
        // The comparison word or sign decides, whatever the baseline.
        ("24 minutes", "under 12 minutes", "11 minutes", .met),
        ("24 minutes", "under 12 minutes", "14 minutes", .missed),
        (nil, "<= 2 days", "2 days", .met),
        (nil, "≥ 1,200", "1,150", .missed),
        ("2", "no more than 2", "1", .met),
        ("10", "at least 12", "12", .met),
        // Nothing to judge by.
        ("48", "4", nil, .noResult),
        ("48", "4", "  ", .noResult),
        ("4 hours", "under 2 hours", "90 minutes", .notJudged),
        ("48", "48", "47", .notJudged),
        (nil, "4", "5", .notJudged),
        ("red", "green", "green", .met),
        ("red", "green", "amber", .notJudged),
    ] as [(String?, String?, String?, SignalVerdict)])
    func verdicts(baseline: String?, target: String?, result: String?, expected: SignalVerdict) {
        #expect(SignalVerdict(baseline: baseline, target: target, result: result) == expected)
    }
}
