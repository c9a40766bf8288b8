/// Where a position lies in a buffer's front matter, read from the text
/// around it rather than from a parse: while someone types, the YAML is
/// often incomplete, and completion must still know which field it is in.
struct FrontMatterCursor {
    /// The 0-based line of the closing `---`, or nil while it is unwritten.
    let closingLine: Int?
    /// The cursor's line, up to the cursor.
    let linePrefix: Substring
    /// The whole line.
    let line: Substring
    /// The top-level field the cursor's line belongs to (its own key, or the
    /// key of the list or mapping it continues), if any.
    let topLevelKey: String?
    /// Whether the line is indented: an entry of a list of mappings, or a list item.
    let isNested: Bool
    /// The key written on this line before the cursor (`status` in `status: ru|`), if any.
    let keyBeforeCursor: String?

    /// nil when the position is not inside the front matter.
    init?(lines: TextLines, position: LSPPosition) {
        guard lines.line(0).trimmingPrefix("\u{FEFF}").trimmingTrailingSpaces == "---" else { return nil }
        let closing = (1..<max(1, lines.lines.count)).first { lines.line($0).trimmingTrailingSpaces == "---" }
        guard position.line > 0, position.line < (closing ?? lines.lines.count),
              let index = lines.index(of: position) else { return nil }
        closingLine = closing
        line = lines.line(position.line)
        linePrefix = line[..<index]
        isNested = line.first == " " || line.first == "\t" || line.first == "-"
        keyBeforeCursor = Self.key(in: linePrefix)
        var topLevelKey: String?
        for candidate in stride(from: position.line, to: 0, by: -1) {
            let text = lines.line(candidate)
            guard let first = text.first, first != " ", first != "\t", first != "#", first != "-" else { continue }
            topLevelKey = Self.key(in: candidate == position.line ? linePrefix : text)
            break
        }
        self.topLevelKey = topLevelKey
    }

    /// The first key of a line: the text before `:` followed by a space or the
    /// line's end, after indentation and a list dash.
    static func key(in text: Substring) -> String? {
        var rest = text.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        if rest.hasPrefix("{") { rest = rest.dropFirst().drop { $0 == " " } }
        guard let colon = rest.firstIndex(where: { $0 == ":" }) else { return nil }
        let after = rest.index(after: colon)
        guard after == rest.endIndex || rest[after] == " " || rest[after] == "\t" else { return nil }
        let key = rest[..<colon].trimmingSpaces()
        return key.isEmpty || key.contains(where: { "[]{},#\"'".contains($0) }) ? nil : key
    }

    /// The word being typed: from after the last separator to the cursor.
    var wordPrefix: Substring {
        let start = linePrefix.lastIndex { " \t[,{:\"'".contains($0) }.map { linePrefix.index(after: $0) } ?? linePrefix.startIndex
        return linePrefix[start...]
    }

    /// The id-like word the position is on, and where it starts and ends in the line.
    static func word(in line: Substring, at index: String.Index) -> Range<String.Index>? {
        let isIDCharacter: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        var start = index
        while start > line.startIndex, isIDCharacter(line[line.index(before: start)]) { start = line.index(before: start) }
        var end = index
        while end < line.endIndex, isIDCharacter(line[end]) { end = line.index(after: end) }
        return start < end ? start..<end : nil
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
        return self[..<end]
    }
}

extension FrontMatterCursor {
    /// The record id under `position` when it is the value of a field that
    /// refers to records (`improvement:`, `constraints:`), with its range.
    static func referencedID(in lines: TextLines, at position: LSPPosition, kind: RecordKind?) -> (id: String, range: LSPRange)? {
        guard let cursor = FrontMatterCursor(lines: lines, position: position),
              let key = cursor.topLevelKey ?? Self.key(in: cursor.line),
              let spec = FrontMatterFields.spec(key, entryOf: nil, kind: kind) else { return nil }
        switch spec.type {
        case .reference, .references: break
        default: return nil
        }
        guard let index = lines.index(of: position), let word = word(in: cursor.line, at: index) else { return nil }
        // The key itself is not a reference.
        if let colon = cursor.line.firstIndex(of: ":"), word.lowerBound < colon, !cursor.isNested { return nil }
        let range = LSPRange(start: LSPPosition(line: position.line, character: lines.character(of: word.lowerBound, inLine: position.line)),
                             end: LSPPosition(line: position.line, character: lines.character(of: word.upperBound, inLine: position.line)))
        return (String(cursor.line[word]), range)
    }
}
