@testable import KaizenKit
import Testing

@Suite struct InvalidEncodingTests {
    /// The UTF-8 bytes of `marked` with `bad` spliced in where 1️⃣ stands, and
    /// the position of the first spliced byte.
    private func bytes(_ marked: String, splicing bad: [UInt8]) -> (bytes: [UInt8], position: SourcePosition) {
        let parts = marked.split(separator: "1️⃣", omittingEmptySubsequences: false)
        return (Array(parts[0].utf8) + bad + Array(parts[1].utf8), MarkedText(marked)["1"])
    }

    @Test func aByteThatIsNotUTF8IsReportedWhereItSits() {
        let (bytes, position) = bytes(RecordFixture.experiment("review-pairs", title: "Review pairs 1️⃣for payment changes", status: "planned").text,
                                      splicing: [0xFF])
        let parsed = RecordParser().parse(bytes, path: "experiments/review-pairs.md", folderKind: .experiment)
        #expect(parsed.diagnostics == [
            Diagnostic(path: "experiments/review-pairs.md", position: position, severity: .error,
                       rule: "invalid-encoding", message: "byte 0xFF is not valid UTF-8: save the file as UTF-8"),
        ])
        #expect(parsed.record.id == "review-pairs")
        #expect(parsed.record.kind == .experiment)
        #expect(parsed.record.experiment == nil)
    }

    @Test func theColumnCountsTheCharactersBeforeTheByteNotItsBytes() {
        // A Windows-1252 opening quote (0x93) pasted into an otherwise UTF-8 line
        // that already holds multi-byte characters.
        let (bytes, position) = bytes(RecordFixture.constraint("change-board", title: "Zürich – 1️⃣change board” waits a week").text,
                                      splicing: [0x93])
        let parsed = RecordParser().parse(bytes, path: "constraints/change-board.md", folderKind: .constraint)
        #expect(position == SourcePosition(line: 3, column: 17))
        #expect(parsed.diagnostics.map(\.rule) == ["invalid-encoding"])
        #expect(parsed.diagnostics.map(\.position) == [position])
        #expect(parsed.diagnostics.map(\.message) == ["byte 0x93 is not valid UTF-8: save the file as UTF-8"])
    }

    @Test func aCharacterCutShortAtTheEndOfTheFileIsReported() {
        // The file was truncated in the middle of '…' (E2 80 A6).
        let (bytes, position) = bytes(RecordFixture.improvement("trunk-based-development", status: "proposed",
                                                                body: "## Summary\n\nMerge small changes to trunk daily1️⃣").text,
                                      splicing: [0xE2, 0x80])
        let parsed = RecordParser().parse(bytes, path: "improvements/trunk-based-development.md", folderKind: .improvement)
        #expect(parsed.diagnostics.map(\.rule) == ["invalid-encoding"])
        #expect(parsed.diagnostics.map(\.position) == [position])
        #expect(parsed.diagnostics.map(\.message) == ["byte 0xE2 is not valid UTF-8: save the file as UTF-8"])
    }

    @Test func aByteOrderMarkIsNotCountedInTheColumn() {
        let (bytes, position) = bytes("""
            1️⃣---
            kind: experiment
            ---
            """, splicing: [0xC0])
        let parsed = RecordParser().parse(DecodedText.byteOrderMark + bytes, path: "experiments/review-pairs.md",
                                          folderKind: .experiment)
        #expect(parsed.diagnostics.map(\.position) == [position])
        #expect(parsed.diagnostics.map(\.message) == ["byte 0xC0 is not valid UTF-8: save the file as UTF-8"])
    }

    @Test func kaizenYmlThatIsNotUTF8IsReportedInTheConfig() {
        let (bytes, position) = bytes("""
            teams:
              payments: {name: Paiements 1️⃣équipe}
            """, splicing: [0xE9])
        let loaded = ConfigLoader.load(bytes)
        #expect(loaded.diagnostics == [
            Diagnostic(path: "kaizen.yml", position: position, severity: .error,
                       rule: "invalid-encoding", message: "byte 0xE9 is not valid UTF-8: save the file as UTF-8"),
        ])
    }

    @Test func utf8RecordsPassWithOrWithoutAByteOrderMark() {
        let record = RecordFixture.constraint("change-board", title: "Zürich – change board waits a week…", observed: """
            - date: 2026-10-01
              team: payments
              note: “just a config change” waited six days
            """, body: "## Description\n\nEvery production change, however small, waits for the Thursday board.\n")
        let parsed = RecordParser().parse(DecodedText.byteOrderMark + Array(record.text.utf8), path: record.path, folderKind: .constraint)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.record.title?.value == "Zürich – change board waits a week…")

        let harness = RuleHarness([record])
        harness.expect("invalid-encoding", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
