import Foundation
@testable import KaizenKit
import Testing

@Suite struct DiagnosticFormatterTests {
    let today = CalendarDate(year: 2026, month: 11, day: 20)!
    let report = CheckReport(diagnostics: [
        Diagnostic(path: "experiments/a b.md", position: SourcePosition(line: 3, column: 7), severity: .error,
                   rule: "expired", message: "expired: 100% late,\nreally"),
        Diagnostic(path: "improvements/x.md", position: SourcePosition(line: 1, column: 1), severity: .warning,
                   rule: "invalid-id", message: "rename it"),
    ], recordCount: 12)

    @Test func textIsOneLinePerProblemAndASummary() {
        let output = DiagnosticFormatter(format: .text, today: today).render(report)
        #expect(output == """
            experiments/a b.md:3:7: error: expired: 100% late,\\nreally [expired]
            improvements/x.md:1:1: warning: rename it [invalid-id]
            12 records checked: 1 error, 1 warning

            """)
    }

    @Test func aDiagnosticLineEscapesEveryControlCharacterOfItsPathAndMessage() {
        let hostile = Diagnostic(path: "experiments/a\rb.md", position: SourcePosition(line: 2, column: 5), severity: .warning,
                                 rule: "unknown-team", message: "team 'x\r\ny'\u{1B}[31m")
        #expect(DiagnosticLine.render(hostile, path: hostile.path)
            == "experiments/a\\rb.md:2:5: warning: team 'x\\r\\ny'\\u{1b}[31m [unknown-team]")
    }

    @Test func colourIsOnlyAddedWhenAsked() {
        let colored = DiagnosticFormatter(format: .text, useColor: true, today: today).render(report)
        #expect(colored.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(!DiagnosticFormatter(format: .text, today: today).render(report).contains("\u{1B}"))
    }

    @Test func aCleanReportSaysSo() {
        let clean = CheckReport(diagnostics: [], recordCount: 1)
        #expect(DiagnosticFormatter(format: .text, today: today).render(clean) == "1 record checked: no problems\n")
    }

    @Test func githubAnnotationsNameFilesFromTheRepositoryRootAndEscapeDataAndProperties() {
        let repository = RepositoryLocation(root: "/work/repo", workspaceFolder: "team:a,b")
        let output = DiagnosticFormatter(format: .github, today: today, displayPath: { "../\($0)" }, repository: repository).render(report)
        let lines = output.split(separator: "\n")
        #expect(lines[0] == "::error file=team%3Aa%2Cb/experiments/a b.md,line=3,col=7,title=kaizen expired::expired: 100%25 late,%0Areally")
        #expect(lines[1] == "::warning file=team%3Aa%2Cb/improvements/x.md,line=1,col=1,title=kaizen invalid-id::rename it")
    }

    @Test func jsonHasTheDocumentedVersionedShape() throws {
        let output = DiagnosticFormatter(format: .json, today: today).render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["today"] as? String == "2026-11-20")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["records": 12, "errors": 1, "warnings": 1])
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["path"] as? String == "experiments/a b.md")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 7)
        #expect(first["severity"] as? String == "error")
        #expect(first["rule"] as? String == "expired")
        #expect(first["message"] as? String == "expired: 100% late,\nreally")
    }
}
