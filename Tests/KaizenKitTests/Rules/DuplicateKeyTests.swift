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
}
