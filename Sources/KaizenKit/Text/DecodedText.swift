/// A file's bytes decoded as UTF-8 text, with a leading byte-order mark removed.
///
/// Records are UTF-8 by definition; anything else is reported with the exact
/// place of the first bad byte, so the user can find it in a hex editor or an
/// editor that shows invalid bytes.
public enum DecodedText {
    public struct InvalidByte: Error, Sendable, Equatable {
        /// Where the first byte that is not valid UTF-8 sits; columns count the
        /// scalars before it on its line, plus one.
        public var position: SourcePosition
        public var byte: UInt8
        /// The whole file looks like UTF-16, the usual reason for the bad byte.
        public var isUTF16 = false

        /// "byte 0xFF is not valid UTF-8: save the file as UTF-8".
        public var message: String {
            if isUTF16 {
                return "the file is UTF-16 text, not UTF-8: save it as UTF-8 (most editors offer the encoding when saving)"
            }
            let hex = String(byte, radix: 16, uppercase: true)
            return "byte 0x\(hex.count < 2 ? "0" + hex : hex) is not valid UTF-8: save the file as UTF-8"
        }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes `bytes`, dropping a UTF-8 byte-order mark at the start.
    public static func decode(_ bytes: [UInt8]) -> Result<String, InvalidByte> {
        if looksLikeUTF16(bytes) {
            return .failure(InvalidByte(position: SourcePosition(line: 1, column: 1), byte: bytes[0], isUTF16: true))
        }
        let body = bytes.starts(with: byteOrderMark) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) {
            return .success(text)
        }
        return .failure(firstInvalidByte(in: body))
    }

    /// A UTF-16 byte-order mark, or ASCII text in UTF-16 without one: a NUL
    /// byte beside each of the first characters. UTF-16 without a mark is
    /// valid UTF-8 (NUL is a character), so it would otherwise read as a file
    /// with no front matter.
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let start = bytes.prefix(8)
        guard start.count == 8 else { return false }
        let evens = stride(from: 0, to: 8, by: 2).map { start[$0] }
        let odds = stride(from: 1, to: 8, by: 2).map { start[$0] }
        return (evens.allSatisfy { $0 == 0 } && odds.allSatisfy { $0 != 0 })
            || (odds.allSatisfy { $0 == 0 } && evens.allSatisfy { $0 != 0 })
    }

    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> InvalidByte {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                // Unreachable when validation failed; answer the end of the text.
                return InvalidByte(position: SourcePosition(line: line, column: column), byte: 0)
            case .error:
                return InvalidByte(position: SourcePosition(line: line, column: column), byte: bytes[offset])
            }
        }
    }
}
