/// Where YAML tokens end. Yams gives every node's start (its mark) but not its
/// end; these scans find the end from the start, for the few shapes the
/// editor replaces or appends to. They need not understand all of YAML: an
/// edit is parsed again afterwards and refused if anything else changed.
extension FrontMatterSource {
    /// The offset after a double-quoted scalar starting at `offset` (`"`), or nil if it never closes.
    func endOfDoubleQuoted(at offset: Int) -> Int? {
        var index = offset + 1
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    /// The offset after a single-quoted scalar starting at `offset` (`'`), where `''` is a quote.
    func endOfSingleQuoted(at offset: Int) -> Int? {
        var index = offset + 1
        while index < end {
            if bytes[index] == UInt8(ascii: "'") {
                if index + 1 < end, bytes[index + 1] == UInt8(ascii: "'") {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// The offset after the part of a plain scalar that lies on the line of
    /// `offset`: it stops before a comment (` #`), before `: ` when `isKey`,
    /// and before `,` `]` `}` in a flow collection; trailing spaces are not part of it.
    func endOfPlainOnLine(at offset: Int, isKey: Bool = false, inFlow: Bool = false) -> Int {
        let lineEnd = lines[lineIndex(of: offset)].contentEnd
        var index = offset
        var last = offset
        while index < lineEnd {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#"), index > offset, Self.isSpace(bytes[index - 1]) { break }
            if inFlow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
            if byte == UInt8(ascii: ":"), isKey || inFlow {
                let next = index + 1 < lineEnd ? bytes[index + 1] : UInt8(ascii: " ")
                if Self.isSpace(next) || (inFlow && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == UInt8(ascii: "}"))) {
                    break
                }
            }
            if !Self.isSpace(byte) { last = index + 1 }
            index += 1
        }
        return last
    }

    /// A flow collection (`[...]` or `{...}`) starting at `offset`: the offset
    /// after its closing bracket, and the offset after the last byte before
    /// that bracket that is neither white space nor in a comment (that byte is
    /// the opening bracket when it is empty, a `,` when it ends with one).
    func flowCollection(at offset: Int) -> (end: Int, lastSignificant: Int)? {
        var depth = 0
        var index = offset
        var lastSignificant = offset
        // Whether a quote here would open a quoted scalar rather than sit inside a plain one.
        var atNodeStart = true
        while index < end {
            let byte = bytes[index]
            if isBreak(at: index) || Self.isSpace(byte) {
                index += max(1, Self.breakWidth(in: bytes, at: index, end: end))
                continue
            }
            if byte == UInt8(ascii: "#"), index > offset, Self.isSpace(bytes[index - 1]) || isBreak(at: index - 1) {
                index = lines[lineIndex(of: index)].contentEnd
                continue
            }
            if atNodeStart, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = byte == UInt8(ascii: "\"") ? endOfDoubleQuoted(at: index) : endOfSingleQuoted(at: index) else {
                    return nil
                }
                index = close
                lastSignificant = close
                atNodeStart = false
                continue
            }
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                atNodeStart = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return (index + 1, lastSignificant) }
                atNodeStart = false
            case UInt8(ascii: ","):
                atNodeStart = true
            case UInt8(ascii: ":"):
                atNodeStart = true
            default:
                atNodeStart = false
            }
            index += 1
            lastSignificant = index
        }
        return nil
    }
}
