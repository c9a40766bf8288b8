@testable import KaizenKit
import Testing

@Suite struct DocumentStoreTests {
    private func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> LSPRange {
        LSPRange(start: LSPPosition(line: l1, character: c1), end: LSPPosition(line: l2, character: c2))
    }

    @Test func incrementalChangesApplyInOrderInUTF16Units() throws(RPCError) {
        var store = DocumentStore()
        store.open(uri: "file:///r.md", version: 1, text: "title: 😀 pairs\nstatus: runing\n")
        try store.change(uri: "file:///r.md", version: 2, changes: [
            // After the emoji (two UTF-16 units at 7 and 8).
            TextChange(range: range(0, 9, 0, 9), text: "!"),
            TextChange(range: range(1, 8, 1, 14), text: "running"),
            // Joining lines: the range spans a line break.
            TextChange(range: range(0, 16, 1, 0), text: " / "),
        ])
        #expect(store["file:///r.md"]?.text == "title: 😀! pairs / status: running\n")
        #expect(store["file:///r.md"]?.version == 2)
    }

    @Test func aCharacterPastTheLineEndMeansTheEndAndCRLFStaysWhole() throws(RPCError) {
        var store = DocumentStore()
        store.open(uri: "u", version: 1, text: "ab\r\ncd")
        try store.change(uri: "u", version: 2, changes: [TextChange(range: range(0, 99, 0, 99), text: "X")])
        #expect(store["u"]?.text == "abX\r\ncd")
    }

    @Test func aFullChangeReplacesTheText() throws(RPCError) {
        var store = DocumentStore()
        store.open(uri: "u", version: 1, text: "old")
        try store.change(uri: "u", version: 5, changes: [TextChange(range: nil, text: "new")])
        #expect(store["u"]?.text == "new")
    }

    @Test func rangesOutsideTheTextAndUnknownDocumentsAreInvalidParams() {
        var store = DocumentStore()
        store.open(uri: "u", version: 1, text: "one line")
        #expect(throws: RPCError.self) { try store.change(uri: "u", version: 2, changes: [TextChange(range: range(4, 0, 4, 0), text: "x")]) }
        #expect(throws: RPCError.self) { try store.change(uri: "other", version: 2, changes: [TextChange(range: nil, text: "x")]) }
        #expect(store["u"]?.text == "one line")
    }
}
