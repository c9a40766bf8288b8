/// Control characters in a record's Markdown body. The front matter has its
/// own check in the YAML parser; the body is free text, so it is scanned here.
/// Tab, line feed and carriage return are text; every other C0 control, DEL
/// and the C1 controls are not: editors do not show them, terminals act on
/// them, and git takes a file holding NUL for binary, so a pull request shows
/// no diff of it.
enum ControlCharacters {
    struct Found: Equatable {
        var position: SourcePosition
        var message: String
    }

    /// The first control character in `body`, whose first line is file line
    /// `firstLine`, with a message that counts them all; nil when there is none.
    static func first(in body: Substring, firstLine: Int) -> Found? {
        guard body.unicodeScalars.contains(where: isControl) else { return nil }
        var line = firstLine, column = 1
        var first: (position: SourcePosition, scalar: Unicode.Scalar)?
        var count = 0
        // Lines end at LF, as the front matter's do; columns count Unicode
        // scalars, as every diagnostic's do.
        for scalar in body.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if isControl(scalar) {
                count += 1
                if first == nil { first = (SourcePosition(line: line, column: column), scalar) }
            }
            column += 1
        }
        guard let first else { return nil }
        let name = first.scalar.value == 0 ? "a NUL character (U+0000)" : "a control character (U+\(hex(first.scalar)))"
        let binary = body.unicodeScalars.contains("\u{0}") ? "; git treats a file holding NUL as binary, so pull requests show no diff of it" : ""
        let others = count > 1 ? " (\(count) control characters in the body in all)" : ""
        return Found(position: first.position,
                     message: "the body holds \(name)\(others), which editors do not show: remove it\(binary)")
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0..<0x20, 0x7F..<0xA0: return true
        default: return false
        }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
