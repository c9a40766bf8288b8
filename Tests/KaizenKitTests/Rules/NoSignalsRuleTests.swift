@testable import KaizenKit
import Testing

@Suite struct NoSignalsRuleTests {
    @Test func anExperimentWithoutSignalsIsReported() {
        let harness = RuleHarness([
            .experiment("review-pairs", signals: .absent, status: "planned").markingStart("1"),
            .experiment("trunk-based-platform", signals: "[]", status: "planned").markingKey("signals", "1"),
        ])
        let none = "no signals: list what you will observe, e.g. signals: [{metric: review wait (hours), baseline: 48, target: 4}]"
        harness.expect("no-signals", [
            ExpectedFinding("experiments/review-pairs.md", "1", none, severity: .warning),
            ExpectedFinding("experiments/trunk-based-platform.md", "1", none, severity: .warning),
        ])
    }

    @Test func theTemplatePlaceholdersOfASignalAreEachReported() {
        let harness = RuleHarness([.experiment("review-pairs", signals: """
            - metric: 1️⃣"<what you will measure>"
              baseline: 2️⃣"<its value today>"
              target: 3️⃣"<the value that would confirm the hypothesis>"
            """, status: "planned")])
        harness.expect("no-signals", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "signal 1 metric still holds the placeholder '<what you will measure>': name what you will measure, e.g. 'review wait (hours)'", severity: .warning),
            ExpectedFinding("experiments/review-pairs.md", "2",
                "signal 1 baseline still holds the placeholder '<its value today>': write its value today", severity: .warning),
            ExpectedFinding("experiments/review-pairs.md", "3",
                "signal 1 target still holds the placeholder '<the value that would confirm the hypothesis>': write the value that would confirm the hypothesis", severity: .warning),
        ])
    }

    @Test func aPlaceholderInALaterSignalNamesThatSignal() {
        let harness = RuleHarness([.experiment("trunk-based-platform", signals: """
            - {metric: lead time (days), baseline: 9, target: 5}
            - {metric: change failure rate, baseline: 1️⃣<look it up in the incident log>, target: below 15%}
            """, status: "planned")])
        harness.expect("no-signals", [
            ExpectedFinding("experiments/trunk-based-platform.md", "1",
                "signal 2 baseline still holds the placeholder '<look it up in the incident log>': write its value today", severity: .warning),
        ])
    }

    @Test func signalsOfTheWrongTypeAreLeftToWrongType() {
        let harness = RuleHarness([.experiment("review-pairs", signals: "review wait should fall from 48 to 4 hours", status: "planned")])
        harness.expect("no-signals", [])
        #expect(harness.diagnostics().map(\.rule) == ["wrong-type"])
    }

    @Test func filledInSignalsPass() {
        let harness = RuleHarness([.experiment("review-pairs", signals: """
            - metric: review wait (hours)
              baseline: 48
              target: 4
            - metric: p95 time to first review (hours)
              baseline: "> 72"
              target: "< 8"
            """, status: "planned")])
        harness.expect("no-signals", [])
        #expect(harness.diagnostics().isEmpty)
    }
}

@Suite struct EntryNumberingTests {
    /// Messages number entries as they stand in the YAML list, even when an
    /// earlier entry is not a mapping; an invalid result is reported once.
    @Test func entriesAreNumberedAsWritten() {
        let harness = RuleHarness([.experiment("review-pairs", signals: """
            - 1️⃣review wait
            - metric: 2️⃣"<what you will measure>"
              baseline: 48
              target: 4
            - metric: wait
              baseline: 48
              target: 4
              result: 3️⃣[3, 4]
            """, status: "concluded")])
        harness.expect("wrong-type", [
            ExpectedFinding("experiments/review-pairs.md", "1", "signal 1 must be a mapping with metric, baseline, target, result, not text"),
            ExpectedFinding("experiments/review-pairs.md", "3", "signal 3: 'result' must be text, not a list"),
        ])
        harness.expect("no-signals", [
            ExpectedFinding("experiments/review-pairs.md", "2",
                "signal 2 metric still holds the placeholder '<what you will measure>': name what you will measure, e.g. 'review wait (hours)'"),
        ])
        #expect(harness.findings("conclusion-incomplete").map(\.message) == [
            "signal '<what you will measure>' has no result: add 'result:' with the value you observed",
        ])
    }
}
