/// Splits a record's text into its YAML front matter and its Markdown body.
///
/// The front matter opens with a line `---` on line 1 and closes with the next
/// line that is exactly `---` or `...` (trailing spaces and a carriage return
/// allowed). YAML itself treats such a line at column 1 as the end of the
/// document, so a `---` inside a quoted or indented value cannot close it early.
struct FrontMatterSplitter {
    struct Split: Sendable {
        /// The YAML between the delimiters.
        var yaml: Substring
        /// The file line holding the first line of `yaml`.
        var yamlFirstLine: Int
        /// The Markdown after the closing delimiter.
        var body: Substring
        /// The file line holding the first line of `body`.
        var bodyFirstLine: Int
    }

    enum Failure: Error, Equatable {
        /// No opening delimiter anywhere near the top.
        case missing
        /// An opening delimiter on a later line, with a field line after it.
        case notAtTop(line: Int)
        /// Opened on line 1, never closed.
        case unterminated
    }

    /// How far down a misplaced front matter is looked for, to explain it.
    private static let misplacedSearchLines = 40

    static func split(_ text: String) -> Result<Split, Failure> {
        var lines = LineCursor(text)
        guard let first = lines.next() else { return .failure(.missing) }
        guard isDelimiter(first.content, allowDots: false) else {
            return .failure(misplacedOpening(after: first, in: &lines))
        }
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if isDelimiter(line.content, allowDots: true) {
                return .success(Split(
                    yaml: text[first.end..<line.start],
                    yamlFirstLine: 2,
                    body: text[line.end...],
                    bodyFirstLine: lineNumber + 1
                ))
            }
        }
        return .failure(.unterminated)
    }

    private static func misplacedOpening(after first: LineCursor.Line, in lines: inout LineCursor) -> Failure {
        var lineNumber = 1
        var previous = first
        while let line = lines.next(), lineNumber < misplacedSearchLines {
            lineNumber += 1
            if isDelimiter(previous.content, allowDots: false), looksLikeField(line.content) {
                return .notAtTop(line: lineNumber - 1)
            }
            previous = line
        }
        return .missing
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            bytes = bytes.dropLast()
        }
        return bytes.elementsEqual("---".utf8) || (allowDots && bytes.elementsEqual("...".utf8))
    }

    /// `key:` at column 1, the way every record's first field starts.
    private static func looksLikeField(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
        let key = line[..<colon]
        return key.first!.isLetter && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}

/// Iterates the lines of a text without copying it. A line's `content` excludes
/// its `\n`; `end` is the index after the `\n` (or the end of the text).
struct LineCursor {
    struct Line {
        var start: String.Index
        var content: Substring
        var end: String.Index
    }

    private let text: String
    private var index: String.Index

    init(_ text: String) {
        self.text = text
        self.index = text.startIndex
    }

    /// Every line of `text`, without its `\n` or `\r\n`.
    static func lines(of text: String) -> [Substring] {
        var cursor = LineCursor(text)
        var lines: [Substring] = []
        while let line = cursor.next() {
            lines.append(line.content.last == "\r" ? line.content.dropLast() : line.content)
        }
        return lines
    }

    mutating func next() -> Line? {
        guard index < text.endIndex else { return nil }
        let start = index
        let utf8 = text.utf8
        let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n"))
        let contentEnd = newline ?? text.endIndex
        index = newline.map { utf8.index(after: $0) } ?? text.endIndex
        return Line(start: start, content: text[start..<contentEnd], end: index)
    }
}
