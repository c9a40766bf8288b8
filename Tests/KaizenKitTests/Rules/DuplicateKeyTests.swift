@testable import KaizenKit
import Testing

@Suite struct DuplicateKeyTests {
    @Test func aRepeatedTopLevelKeyIsReportedWhereItRepeats() {
        let harness = RuleHarness([("constraints/cab.md", """
            ---
            kind: constraint
            title: Weekly change board
            status: open
            level: system
            1️⃣status: easing
            observed: [{date: 2026-10-01, team: payments}]
            ---
            """)])
        harness.expect("duplicate-key", [
            ExpectedFinding("constraints/cab.md", "1",
                "duplicate key 'status' (first at line 4): YAML would keep only one of the values; remove or merge the other"),
        ])
    }

    @Test func aRepeatedKeyInsideAListEntryIsReportedInThatEntry() {
        let harness = RuleHarness([("constraints/cab.md", """
            ---
            kind: constraint
            title: Weekly change board
            status: open
            level: system
            observed:
              - date: 2026-10-01
                team: payments
                1️⃣team: platform
            ---
            """)])
        harness.expect("duplicate-key", [
            ExpectedFinding("constraints/cab.md", "1",
                "duplicate key 'team' (first at line 8): YAML would keep only one of the values; remove or merge the other"),
        ])
    }

    @Test func theSameKeyInDifferentMappingsIsFine() {
        let harness = RuleHarness([("constraints/cab.md", """
            ---
            kind: constraint
            title: Weekly change board
            status: open
            level: system
            observed:
              - date: 2026-10-01
                team: payments
              - date: 2026-10-08
                team: platform
            ---
            """)])
        harness.expect("duplicate-key", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
