@testable import KaizenKit
import Testing

@Suite struct TextPositionsTests {
    @Test func columnsInScalarsBecomeUTF16Offsets() {
        // 😀 is one scalar and two UTF-16 units; é is one of each.
        let lines = TextLines("---\ntitle: 😀é x\n---\n")
        #expect(lines.lspPosition(of: SourcePosition(line: 2, column: 8)) == LSPPosition(line: 1, character: 7))
        #expect(lines.lspPosition(of: SourcePosition(line: 2, column: 9)) == LSPPosition(line: 1, character: 9))
        #expect(lines.lspPosition(of: SourcePosition(line: 2, column: 11)) == LSPPosition(line: 1, character: 11))
    }

    @Test func carriageReturnsAndAByteOrderMarkAreNotCountedAsColumns() {
        let lines = TextLines("\u{FEFF}---\r\nstatus: x\r\n")
        #expect(lines.lines.map(String.init) == ["\u{FEFF}---", "status: x", ""])
        #expect(lines.lspPosition(of: .start) == LSPPosition(line: 0, character: 1))
        #expect(lines.tokenRange(at: SourcePosition(line: 2, column: 9))
            == LSPRange(start: LSPPosition(line: 1, character: 8), end: LSPPosition(line: 1, character: 9)))
    }

    @Test func aPositionInsideASurrogatePairFallsBackToItsStart() {
        let lines = TextLines("a😀b")
        let index = lines.index(of: LSPPosition(line: 0, character: 2))!
        #expect(lines.character(of: index, inLine: 0) == 1)
        #expect(lines.index(of: LSPPosition(line: 3, character: 0)) == nil)
    }

    @Test func tokenRangesCoverTheValueTheFindingPointsAt() {
        let text = """
            ---
            status: runing   # typo
            teams: [payments, chekout]
            hypothesis: "If we pair, we expect less wait"
            unknwn: 1
            ---
            """
        let lines = TextLines(text)
        func covered(_ line: Int, _ column: Int) -> String {
            let range = lines.tokenRange(at: SourcePosition(line: line, column: column))
            let content = lines.line(range.start.line)
            let start = lines.index(of: range.start)!, end = lines.index(of: range.end)!
            return String(content[start..<end])
        }
        #expect(covered(2, 9) == "runing")
        #expect(covered(3, 19) == "chekout")
        #expect(covered(4, 13) == "\"If we pair, we expect less wait\"")
        #expect(covered(5, 1) == "unknwn")
        #expect(covered(1, 1) == "---")
    }

    @Test func anEmptyValueCoversItsWholeLine() {
        let lines = TextLines("---\nrollback:\n---")
        #expect(lines.tokenRange(at: SourcePosition(line: 2, column: 10))
            == LSPRange(start: LSPPosition(line: 1, character: 0), end: LSPPosition(line: 1, character: 9)))
    }
}
