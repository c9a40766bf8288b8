@testable import KaizenKit
import Testing

@Suite struct ControlCharacterTests {
    /// A planned experiment with `body`.
    static func record(_ body: String) -> MarkedText {
        MarkedText(RecordFixture.experiment("review-pairs", status: "planned", body: .text(body)).text)
    }

    func parse(_ marked: MarkedText, crlf: Bool = false) -> ParsedRecord {
        let text = crlf ? marked.text.replacingOccurrences(of: "\n", with: "\r\n") : marked.text
        return RecordParser().parse(Array(text.utf8), path: "experiments/review-pairs.md", folderKind: .experiment)
    }

    @Test func aNulInTheBodyIsReportedWhereItSitsAndCounted() {
        let marked = Self.record("## Plan\n\nPair on é1️⃣\u{0}every review.\n\n## Observations\n\nWait\u{0} fell.\n")
        for crlf in [false, true] {
            let parsed = parse(marked, crlf: crlf)
            #expect(parsed.diagnostics == [
                Diagnostic(path: "experiments/review-pairs.md", position: marked["1"], severity: .error, rule: "control-character",
                           message: "the body holds a NUL character (U+0000) (2 control characters in the body in all), which editors do not show: "
                               + "remove it; git treats a file holding NUL as binary, so pull requests show no diff of it"),
            ])
            // The rest of the record is still read.
            #expect(parsed.record.experiment?.status?.value == .planned)
            #expect(parsed.record.sections.map(\.title) == ["Plan", "Observations"])
        }
    }

    @Test func anEscapeSequenceOrAC1ControlIsReported() {
        for (character, code) in [("\u{1B}", "001B"), ("\u{7F}", "007F"), ("\u{85}", "0085"), ("\u{8}", "0008")] {
            let marked = Self.record("## Plan\n\n1️⃣\(character)[31mPair on every review.\n")
            #expect(parse(marked).diagnostics == [
                Diagnostic(path: "experiments/review-pairs.md", position: marked["1"], severity: .error, rule: "control-character",
                           message: "the body holds a control character (U+\(code)), which editors do not show: remove it"),
            ])
        }
    }

    @Test func tabsLineEndsAndOrdinaryTextAreNotReported() {
        let marked = Self.record("## Plan\n\n\tPair on every review.\r\nLone\rreturn, emoji 🚀, non-breaking\u{A0}space.\n")
        #expect(parse(marked).diagnostics.isEmpty)
    }
}
