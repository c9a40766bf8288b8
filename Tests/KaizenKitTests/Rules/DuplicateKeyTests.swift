@testable import KaizenKit
import Testing

@Suite struct DuplicateKeyTests {
    @Test func aRepeatedTopLevelKeyIsReportedWhereItRepeats() {
        // The builder writes status on line 4, below kind and title.
        let harness = RuleHarness([.constraint("cab", extra: "1️⃣status: easing")])
        harness.expect("duplicate-key", [
            ExpectedFinding("constraints/cab.md", "1",
                "duplicate key 'status' (first at line 4): YAML would keep only one of the values; remove or merge the other"),
        ])
    }

    @Test func aRepeatedKeyInsideAListEntryIsReportedInThatEntry() {
        // The observation's first team is on line 8: after kind, title, status, level, observed and its date.
        let harness = RuleHarness([.constraint("cab", observed: """
            - date: 2026-10-01
              team: payments
              1️⃣team: platform
            """)])
        harness.expect("duplicate-key", [
            ExpectedFinding("constraints/cab.md", "1",
                "duplicate key 'team' (first at line 8): YAML would keep only one of the values; remove or merge the other"),
        ])
    }

    @Test func theSameKeyInDifferentMappingsIsFine() {
        let harness = RuleHarness([.constraint("cab", observed: "[{date: 2026-10-01, team: payments}, {date: 2026-10-08, team: platform}]")])
        harness.expect("duplicate-key", [])
        #expect(harness.diagnostics().isEmpty)
    }
}

@Suite struct LineEndingTests {
    /// CRLF files get the same positions and hints as LF files.
    @Test func crlfFilesGetTheSamePositionsAndHints() {
        let lf = "---\nkind: constraint\ntitle: Weekly change board\nstatus: open\nlevel: system\ntitle: again\nobserved: [{date: 2026-10-01, team: payments}]\n---\n"
        let indented = "---\nkind: constraint\ntitle: Weekly change board\n  tags: x\n---\n"
        for text in [lf, indented] {
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            let parser = RecordParser()
            let fromLF = parser.parse(Array(text.utf8), path: "constraints/cab.md", folderKind: .constraint).diagnostics
            let fromCRLF = parser.parse(Array(crlf.utf8), path: "constraints/cab.md", folderKind: .constraint).diagnostics
            #expect(fromCRLF == fromLF)
            #expect(fromLF.count == 1)
        }
    }

    /// A duplicate does not hide the file's other problems: its repeat is left
    /// out (the first value stands) and the rest is checked as usual, a second
    /// duplicate included.
    @Test func theRestOfTheFileIsStillChecked() {
        let harness = RuleHarness(config: "teams: {payments: {name: Payments}}\n", [("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs
            teams: [2️⃣paymnets]
            1️⃣teams:
              - payments
            hypothesis: If we pair on reviews, we expect review wait to fall from 48 to 4 hours
            signals:
              - metric: review wait (hours)
                baseline: 48
                3️⃣baseline: 36
                target: 4
            status: running
            start: 2026-11-01
            review-by: 2026-12-31
            rollback: stop pairing
            ---
            """)])
        harness.expect("duplicate-key", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "duplicate key 'teams' (first at line 4): YAML would keep only one of the values; remove or merge the other"),
            ExpectedFinding("experiments/review-pairs.md", "3",
                "duplicate key 'baseline' (first at line 10): YAML would keep only one of the values; remove or merge the other"),
        ])
        harness.expect("unknown-team", [
            ExpectedFinding("experiments/review-pairs.md", "2",
                "unknown team 'paymnets' (did you mean 'payments'?); the teams in kaizen.yml are payments"),
        ])
        #expect(Set(harness.diagnostics().map(\.rule)) == ["duplicate-key", "unknown-team"])
    }
}
