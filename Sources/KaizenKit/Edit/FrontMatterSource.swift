/// A record file's bytes with its front matter located: where the YAML starts
/// and ends, and where each of its lines starts, counted as libyaml counts
/// them, so that a Yams mark (line, column in Unicode scalars) converts to a
/// byte offset in the original file.
///
/// libyaml breaks lines at CR LF, LF, a lone CR, NEL (U+0085), LS (U+2028) and
/// PS (U+2029); the project's other positions count LF only, which agrees on
/// every file that uses LF or CR LF. Counting all of them here keeps a mark's
/// offset right whatever the file holds.
struct FrontMatterSource {
    struct Line {
        /// The offset of its first byte.
        var start: Int
        /// The offset of its line break (or of the YAML's end).
        var contentEnd: Int
        /// The offset after its line break.
        var end: Int
    }

    enum Failure: Error, Equatable {
        case notUTF8
        case noFrontMatter
    }

    /// The whole file.
    let bytes: [UInt8]
    /// The offset of the YAML's first byte (after the opening `---` line).
    let start: Int
    /// The offset of the closing delimiter line.
    let end: Int
    /// The YAML's lines; mark line 1 is `lines[0]`.
    let lines: [Line]

    init(_ bytes: [UInt8]) throws(Failure) {
        guard case .success(let text) = DecodedText.decode(bytes) else { throw .notUTF8 }
        guard case .success(let split) = FrontMatterSplitter.split(text) else { throw .noFrontMatter }
        let bom = bytes.starts(with: DecodedText.byteOrderMark) ? DecodedText.byteOrderMark.count : 0
        self.bytes = bytes
        start = bom + text.utf8.distance(from: text.startIndex, to: split.yaml.startIndex)
        end = bom + text.utf8.distance(from: text.startIndex, to: split.yaml.endIndex)
        lines = Self.lines(of: bytes, from: start, to: end)
    }

    /// The YAML text, as the parser is given it.
    var yaml: String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func lines(of bytes: [UInt8], from start: Int, to end: Int) -> [Line] {
        var lines: [Line] = []
        var lineStart = start
        var index = start
        while index < end {
            let width = breakWidth(in: bytes, at: index, end: end)
            if width > 0 {
                lines.append(Line(start: lineStart, contentEnd: index, end: index + width))
                index += width
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart < end || lines.isEmpty {
            lines.append(Line(start: lineStart, contentEnd: end, end: end))
        }
        return lines
    }

    /// The length of the line break at `index`, or 0 when there is none.
    static func breakWidth(in bytes: [UInt8], at index: Int, end: Int) -> Int {
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < end && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return index + 2 < end && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    // MARK: - Positions

    /// The byte offset a mark points at; nil when it lies outside the YAML.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        let text = lines[line - 1]
        var offset = text.start
        var remaining = column - 1
        while remaining > 0 {
            guard offset < text.contentEnd else { return nil }
            offset += 1
            while offset < text.contentEnd, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    /// The index in `lines` of the line holding `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// How many spaces start the line.
    func indentation(ofLine index: Int) -> Int {
        let line = lines[index]
        var offset = line.start
        while offset < line.contentEnd, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
        return offset - line.start
    }

    /// The bytes between `offset` and the start of its line.
    func column(of offset: Int) -> Int {
        offset - lines[lineIndex(of: offset)].start
    }

    /// The line break ending the line (the file's own: LF or CR LF), or the
    /// first one of the file when the line has none.
    func lineBreak(ofLine index: Int) -> ArraySlice<UInt8> {
        let line = lines[index]
        if line.end > line.contentEnd { return bytes[line.contentEnd..<line.end] }
        if let first = lines.first(where: { $0.end > $0.contentEnd }) { return bytes[first.contentEnd..<first.end] }
        // The opening delimiter's line break: the YAML starts right after it.
        return start >= 2 && bytes[start - 2] == 0x0D ? [0x0D, 0x0A] : [0x0A]
    }

    /// Whether the line holds nothing but spaces and tabs.
    func isBlank(line index: Int) -> Bool {
        firstSignificant(inLine: index) == nil
    }

    /// Whether the line holds only a comment.
    func isComment(line index: Int) -> Bool {
        firstSignificant(inLine: index).map { bytes[$0] == UInt8(ascii: "#") } ?? false
    }

    private func firstSignificant(inLine index: Int) -> Int? {
        let line = lines[index]
        return (line.start..<line.contentEnd).first { bytes[$0] != UInt8(ascii: " ") && bytes[$0] != UInt8(ascii: "\t") }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    func isBreak(at offset: Int) -> Bool {
        offset < end && Self.breakWidth(in: bytes, at: offset, end: end) > 0
    }
}
