/// Maps positions in an edited file back to the file as it is on disk, so
/// that findings about an edit that was not written point at lines the
/// person can open. A position in text the edit added maps to where that
/// text would go.
struct EditedPositions {
    let original: [UInt8]
    let edited: [UInt8]
    /// In file order, as `FrontMatterEditor.edited()` returns them.
    let changes: [FrontMatterEditor.Change]

    func original(_ position: SourcePosition) -> SourcePosition {
        guard let offset = Self.offset(of: position, in: edited) else { return position }
        var delta = 0
        for change in changes {
            let start = change.range.lowerBound + delta
            if offset < start { break }
            if offset < start + change.replacement.count { return Self.position(of: change.range.lowerBound, in: original) }
            delta += change.replacement.count - change.range.count
        }
        return Self.position(of: offset - delta, in: original)
    }

    /// Lines end at LF and columns count Unicode scalars after any byte-order mark, as diagnostics count them.
    private static func offset(of position: SourcePosition, in bytes: [UInt8]) -> Int? {
        var offset = bytes.starts(with: DecodedText.byteOrderMark) ? DecodedText.byteOrderMark.count : 0
        for _ in 1..<max(1, position.line) {
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { return nil }
            offset = newline + 1
        }
        for _ in 1..<max(1, position.column) {
            guard offset < bytes.count, bytes[offset] != 0x0A else { break }
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
        }
        return offset
    }

    private static func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        let start = bytes.starts(with: DecodedText.byteOrderMark) ? DecodedText.byteOrderMark.count : 0
        var line = 1
        var lineStart = start
        for index in start..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<max(lineStart, min(offset, bytes.count))].count { $0 & 0xC0 != 0x80 } + 1
        return SourcePosition(line: line, column: column)
    }
}
