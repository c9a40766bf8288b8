import Foundation
@testable import KaizenKit
import Testing

@Suite struct RecordParserTests {
    let parser = RecordParser()

    static let experiment = """
        ---
        kind: experiment
        title: Review pairs
        teams: [payments]
        hypothesis: If we pair on reviews, we expect review wait to fall from 48 to 4 hours
        signals:
          - metric: review wait (hours)
            baseline: 48
            target: 4
        status: running
        start: 2026-09-01
        review-by: 2026-11-30
        rollback: stop pairing
        ---

        ## Plan

        Pairs of reviewers.

        ## Learnings

        """

    func parse(_ text: String, path: String = "experiments/review-pairs.md") -> ParsedRecord {
        parser.parse(Array(text.utf8), path: path, folderKind: .experiment)
    }

    @Test func aValidRecordHasTypedFieldsPositionsAndSections() throws {
        let parsed = parse(Self.experiment)
        #expect(parsed.diagnostics.isEmpty)
        let experiment = try #require(parsed.record.experiment)
        #expect(parsed.record.id == "review-pairs")
        #expect(parsed.record.title == Located("Review pairs", at: SourcePosition(line: 3, column: 8)))
        #expect(experiment.teams == [Located("payments", at: SourcePosition(line: 4, column: 9))])
        #expect(experiment.signals.first?.baseline == Located("48", at: SourcePosition(line: 8, column: 15)))
        #expect(experiment.start?.value == CalendarDate(year: 2026, month: 9, day: 1))
        #expect(parsed.record.keyPositions["rollback"] == SourcePosition(line: 13, column: 1))
        #expect(parsed.record.sections.map(\.title) == ["Plan", "Learnings"])
        #expect(parsed.record.sections.map(\.position.line) == [16, 20])
        #expect(parsed.record.sections.map(\.hasContent) == [true, false])
    }

    @Test func crlfLineEndingsParseLikeLF() throws {
        let crlf = Self.experiment.replacingOccurrences(of: "\n", with: "\r\n")
        let parsed = parse(crlf)
        #expect(parsed.diagnostics.isEmpty)
        let lf = parse(Self.experiment)
        #expect(parsed.record.title == lf.record.title)
        #expect(parsed.record.keyPositions == lf.record.keyPositions)
        #expect(parsed.record.sections.map(\.position) == lf.record.sections.map(\.position))
        #expect(parsed.record.experiment?.rollback?.value == "stop pairing")
    }

    @Test func aByteOrderMarkIsIgnored() {
        let parsed = parser.parse([0xEF, 0xBB, 0xBF] + Array(Self.experiment.utf8), path: "experiments/review-pairs.md", folderKind: .experiment)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.record.title?.position == SourcePosition(line: 3, column: 8))
    }

    @Test func threeDashesInsideAYAMLValueDoNotCloseTheFrontMatter() throws {
        let text = Self.experiment
            .replacingOccurrences(of: "rollback: stop pairing", with: "rollback: |\n  ---\n  stop pairing --- at once")
            .replacingOccurrences(of: "title: Review pairs", with: "title: \"Review --- pairs\"")
        let parsed = parse(text)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.record.title?.value == "Review --- pairs")
        #expect(parsed.record.experiment?.rollback?.value == "---\nstop pairing --- at once\n")
    }

    @Test func headingsAndDashesInsideACodeBlockAreNotSections() {
        let text = Self.experiment + """
            ```markdown
            ---
            ## Learnings
            ```

            Learned a lot.
            """
        let parsed = parse(text)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.record.sections.map(\.title) == ["Plan", "Learnings"])
        #expect(parsed.record.section("Learnings")?.hasContent == true)
    }

    /// Dated notes open with their date; a date later in the text, or in a
    /// nested list, belongs to something else.
    @Test func sectionsKeepTheDatesThatOpenTheirEntries() {
        let text = Self.experiment + """

            ## Observations

            - 2026-09-14: pairs formed
              - 2026-09-15: a nested note
            - **2026-10-01** the first week measured
            * not dated, though 2026-10-02 is mentioned

            2026-10-20 A paragraph entry.

            ### 2026-11-02

            Under a dated heading.

            - 2026-13-01 is no date
            """
        let sections = parser.parse(Array(text.utf8), path: "experiments/review-pairs.md", folderKind: .experiment).record.sections
        let dates = sections.first { $0.title == "Observations" }?.entryDates.map(\.description)
        #expect(dates == ["2026-09-14", "2026-10-01", "2026-10-20", "2026-11-02"])
        #expect(sections.first { $0.title == "Plan" }?.entryDates == [])
    }

    @Test func anHTMLCommentAloneLeavesASectionEmpty() {
        let text = Self.experiment + "<!-- what did you learn? -->\n"
        #expect(parse(text).record.section("Learnings")?.hasContent == false)
    }

    @Test func emptyFrontMatterIsOneDiagnostic() {
        let parsed = parse("---\n---\n\n## Plan\n")
        #expect(parsed.diagnostics.map(\.rule) == ["front-matter"])
        #expect(parsed.diagnostics.first?.position == .start)
        #expect(parsed.diagnostics.first?.message ==
            "front matter is empty: add the record's fields (kind, title, teams, hypothesis, signals, status, review-by, rollback)")
        #expect(parsed.record.kind == .experiment)
    }

    @Test func frontMatterBelowTheFirstLineIsPointedAt() {
        let parsed = parse("\n# Review pairs\n\n---\nkind: experiment\ntitle: x\n---\n")
        #expect(parsed.diagnostics.map(\.rule) == ["front-matter"])
        #expect(parsed.diagnostics.first?.position == SourcePosition(line: 4, column: 1))
        #expect(parsed.diagnostics.first?.message ==
            "front matter must start on line 1, not line 4: remove everything above this '---', blank lines included")
    }

    @Test func aFileWithoutFrontMatterSaysWhatARecordLooksLike() {
        let parsed = parse("# Review pairs\n\nJust notes.\n")
        #expect(parsed.diagnostics.map(\.message) == [
            "missing front matter: a record starts with a line '---', then its fields (kind, title, status, …), then a line '---'",
        ])
        #expect(parse("").diagnostics.map(\.rule) == ["front-matter"])
    }

    @Test func unterminatedFrontMatterIsReported() {
        let parsed = parse("---\nkind: experiment\ntitle: x\n\n## Plan\n")
        #expect(parsed.diagnostics.map(\.message) == ["front matter opened here is never closed: add a line '---' after the last field"])
    }

    @Test func tabIndentationPointsAtTheTab() {
        let parsed = parse("---\nkind: experiment\nsignals:\n\t- metric: x\n---\n")
        #expect(parsed.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(parsed.diagnostics.first?.position == SourcePosition(line: 4, column: 1))
        #expect(parsed.diagnostics.first?.message.hasSuffix("YAML does not allow tabs for indentation; indent with spaces") == true)
    }

    @Test func anUnquotedColonGetsAQuotingHint() {
        let parsed = parse("---\nkind: experiment\ntitle: Ship: faster\n---\n")
        #expect(parsed.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(parsed.diagnostics.first?.position == SourcePosition(line: 3, column: 12))
        #expect(parsed.diagnostics.first?.message ==
            "mapping values are not allowed in this context: a value that contains ': ' must be quoted, e.g. title: \"Ship: faster\"")
    }

    @Test func anUnclosedQuotePointsAtItsStart() {
        let parsed = parse("---\nkind: experiment\ntitle: \"Review pairs\nstatus: running\n---\n")
        #expect(parsed.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(parsed.diagnostics.first?.message.contains("while scanning a quoted scalar at line 3") == true)
    }

    @Test func duplicateKeysPointAtTheRepeat() {
        let parsed = parse("---\nkind: experiment\ntitle: a\n\"title\": b\n---\n")
        #expect(parsed.diagnostics.filter { $0.rule == "duplicate-key" }.map(\.position) == [SourcePosition(line: 4, column: 1)])
        // The rest of the front matter is still read: the first title stands, and what is missing is reported.
        #expect(parsed.record.title?.value == "a")
        #expect(parsed.diagnostics.filter { $0.rule != "duplicate-key" }.map(\.rule) == ["missing-field", "missing-field", "missing-field"])
    }

    @Test(arguments: [
        // Aliases in values: Yams shares the nodes, so this is cheap, but kaizen still limits them.
        (9, "tags: *a8"),
        // An alias as a mapping key: Yams hashes keys, which would take hours here.
        (9, "? *a8\n: boom"),
    ])
    func aliasBombsAreRefusedQuickly(levels: Int, use: String) {
        var lines = ["---", "kind: experiment", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines += [use, "---"]
        let text = lines.joined(separator: "\n") + "\n"
        // On its own thread with a deadline: without the guard this parse runs
        // for many minutes, and the test should fail, not hang.
        final class Outcome: @unchecked Sendable {
            var parsed: ParsedRecord?
            let done = DispatchSemaphore(value: 0)
        }
        let outcome = Outcome()
        let parser = parser
        Thread {
            outcome.parsed = parser.parse(Array(text.utf8), path: "experiments/review-pairs.md", folderKind: .experiment)
            outcome.done.signal()
        }.start()
        guard outcome.done.wait(timeout: .now() + 10) == .success else {
            Issue.record("parsing an alias bomb took more than 10 seconds")
            return
        }
        let parsed = outcome.parsed
        #expect(parsed?.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(parsed?.diagnostics.first?.position == SourcePosition(line: 4, column: 1))
        #expect(parsed?.diagnostics.first?.message.hasPrefix("more than 8 YAML aliases") == true)
    }

    @Test func aFewAliasesAreAllowed() {
        let text = Self.experiment.replacingOccurrences(of: "teams: [payments]", with: "teams: &who [payments]\ntags: *who")
        let parsed = parse(text)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.record.tags.map(\.value) == ["payments"])
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() {
        var bytes = Array(Self.experiment.utf8)
        let offset = Array("---\nkind: experiment\ntitle: Rev".utf8).count
        bytes[offset] = 0xFF
        let parsed = parser.parse(bytes, path: "experiments/review-pairs.md", folderKind: .experiment)
        #expect(parsed.diagnostics.map(\.rule) == ["invalid-encoding"])
        #expect(parsed.diagnostics.first?.position == SourcePosition(line: 3, column: 11))
        #expect(parsed.diagnostics.first?.message == "byte 0xFF is not valid UTF-8: save the file as UTF-8")
    }

    @Test func nestingBeyondLibyamlsLimitIsADiagnosticNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let parsed = parse("---\nkind: experiment\ntags: \(deep)\n---\n")
        #expect(parsed.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(parsed.diagnostics.first?.position.line == 3)
    }

    @Test func controlCharactersAreADiagnosticWithAPosition() {
        let parsed = parse("---\nkind: experiment\ntitle: a\u{7}b\n---\n")
        #expect(parsed.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(parsed.diagnostics.first?.position == SourcePosition(line: 3, column: 9))
    }

    @Test func aRecordJustUnderTheSizeLimitParses() {
        let paragraph = String(repeating: "Observation: review wait fell again this week. ", count: 20) + "\n\n"
        let body = String(repeating: paragraph, count: 1_000_000 / paragraph.utf8.count)
        let text = Self.experiment + "Learned.\n\n## Observations\n\n" + body
        #expect(text.utf8.count > 990_000 && text.utf8.count <= RecordLimits.fileBytes)
        let parsed = parse(text)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.record.sections.map(\.title) == ["Plan", "Learnings", "Observations"])
    }

    @Test func aRecordOverTheSizeLimitIsOneDiagnosticAndNoParse() {
        let text = Self.experiment + String(repeating: "x", count: 5_300_000)
        let parsed = parse(text)
        #expect(parsed.diagnostics.map(\.rule) == ["unreadable-file"])
        #expect(parsed.diagnostics.first?.message
            == "the file is 5.1 MiB, over the 1 MiB a record may be: move the bulk (logs, data, generated text) out of the record and link to it")
        #expect(parsed.record.title == nil)
    }

    @Test func aFrontMatterValueJustUnderTheLimitParses() {
        let long = String(repeating: "pairs ", count: 40_000)
        let text = Self.experiment.replacingOccurrences(of: "title: Review pairs", with: "title: \(long)")
        let parsed = parse(text)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.record.title?.value.count == long.count - 1)
    }

    @Test func frontMatterOverTheLimitIsOneDiagnosticAndNoParse() {
        let long = String(repeating: "pairs ", count: 50_000)
        let parsed = parse(Self.experiment.replacingOccurrences(of: "title: Review pairs", with: "title: \(long)"))
        #expect(parsed.diagnostics.map(\.rule) == ["front-matter"])
        #expect(parsed.diagnostics.first?.message.hasPrefix("the front matter is 293.") == true)
        #expect(parsed.record.title == nil)
    }

    @Test func theIDIsTheFileStem() {
        #expect(RecordParser.id(forPath: "experiments/sub/review-pairs.md") == "review-pairs")
        #expect(RecordParser.id(forPath: "Review Pairs.md") == "Review Pairs")
    }
}
