/// A place in a document as LSP counts it: 0-based line, and 0-based
/// character offset in UTF-16 code units within the line.
public struct LSPPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }

    var json: JSONValue { ["line": .number(Double(line)), "character": .number(Double(character))] }

    /// Reads `{line, character}`; nil unless both are non-negative integers.
    init?(json: JSONValue?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue,
              line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

public struct LSPRange: Sendable, Hashable {
    public var start: LSPPosition
    public var end: LSPPosition

    public init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    var json: JSONValue { ["start": start.json, "end": end.json] }

    init?(json: JSONValue?) {
        guard let start = LSPPosition(json: json?["start"]), let end = LSPPosition(json: json?["end"]), start <= end else { return nil }
        self.init(start: start, end: end)
    }
}

/// A document's text split into lines, for converting between kaizen's
/// positions (1-based lines, columns in Unicode scalars) and LSP's (0-based,
/// UTF-16 code units). Lines end at LF; a CR before it belongs to the break,
/// as kaizen's parser counts them.
public struct TextLines: Sendable {
    /// Each line's content, without its line break.
    public let lines: [Substring]

    public init(_ text: String) {
        // Split on scalars: as Characters, CR LF is one grapheme that is not "\n".
        let scalars = text.unicodeScalars
        var lines: [Substring] = []
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == "\n" {
                lines.append(Self.withoutCR(scalars[lineStart..<index]))
                lineStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        lines.append(Self.withoutCR(scalars[lineStart..<scalars.endIndex]))
        self.lines = lines
    }

    private static func withoutCR(_ line: Substring.UnicodeScalarView) -> Substring {
        Substring(line.last == "\r" ? line.dropLast() : line)
    }

    /// The line at a 0-based index, or "" past the end.
    public func line(_ index: Int) -> Substring {
        index >= 0 && index < lines.count ? lines[index] : ""
    }

    /// The LSP position of a kaizen position; clamped to the text. A leading
    /// byte-order mark, which kaizen does not count, is skipped on line 1.
    public func lspPosition(of position: SourcePosition) -> LSPPosition {
        let lineIndex = max(0, min(position.line - 1, lines.count - 1))
        let line = self.line(lineIndex)
        var scalars = line.unicodeScalars[...]
        if lineIndex == 0, scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        let skipped = line.unicodeScalars.count - scalars.count
        let utf16 = scalars.prefix(max(0, position.column - 1)).reduce(skipped) { $0 + UTF16.width($1) }
        return LSPPosition(line: lineIndex, character: utf16)
    }

    /// The index in `line` of a UTF-16 offset, clamped to the line, and
    /// moved back to a scalar boundary if it falls inside a surrogate pair.
    public func index(of position: LSPPosition) -> String.Index? {
        guard position.line >= 0, position.line < lines.count else { return nil }
        let line = lines[position.line]
        var remaining = position.character
        var index = line.startIndex
        for scalar in line.unicodeScalars {
            let width = UTF16.width(scalar)
            if remaining < width { break }
            remaining -= width
            index = line.unicodeScalars.index(after: index)
        }
        return index
    }

    /// The UTF-16 offset of an index within line `lineIndex`.
    public func character(of index: String.Index, inLine lineIndex: Int) -> Int {
        let line = self.line(lineIndex)
        return line.utf16.distance(from: line.startIndex, to: index)
    }

    /// The range a finding at `position` covers: the token there — a quoted
    /// scalar, a key up to its colon, a flow item up to `,` `]` or `}`, or the
    /// rest of the line without a trailing comment — and at least one character,
    /// so an editor can underline it.
    public func tokenRange(at position: SourcePosition) -> LSPRange {
        let start = lspPosition(of: position)
        let line = self.line(start.line)
        guard let startIndex = index(of: start), startIndex < line.endIndex else {
            // At the end of a line (an empty value) there is nothing to cover but the line itself.
            return LSPRange(start: LSPPosition(line: start.line, character: 0), end: LSPPosition(line: start.line, character: line.utf16.count))
        }
        let rest = line[startIndex...]
        var end = rest.endIndex
        if let quote = rest.first, quote == "\"" || quote == "'" {
            var index = rest.index(after: rest.startIndex)
            while index < rest.endIndex {
                if rest[index] == "\\", quote == "\"" {
                    index = rest.index(after: index)
                    if index == rest.endIndex { break }
                } else if rest[index] == quote {
                    end = rest.index(after: index)
                    break
                }
                index = rest.index(after: index)
            }
        } else {
            let inFlow = line[..<startIndex].contains { $0 == "[" || $0 == "{" }
            var previous: Character = " "
            for index in rest.indices {
                let character = rest[index]
                let next = rest.index(after: index) < rest.endIndex ? rest[rest.index(after: index)] : " "
                if character == "#", previous.isWhitespace, index > rest.startIndex { end = index; break }
                if character == ":", next.isWhitespace { end = index; break }
                if inFlow, character == "," || character == "]" || character == "}" { end = index; break }
                previous = character
            }
            while end > rest.startIndex, rest[rest.index(before: end)].isWhitespace { end = rest.index(before: end) }
            if end == rest.startIndex { end = rest.endIndex }
        }
        return LSPRange(start: start, end: LSPPosition(line: start.line, character: character(of: end, inLine: start.line)))
    }
}

extension UTF16 {
    static func width(_ scalar: Unicode.Scalar) -> Int { scalar.value > 0xFFFF ? 2 : 1 }
}
