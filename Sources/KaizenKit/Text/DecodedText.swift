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

        /// "byte 0xFF is not valid UTF-8: save the file as UTF-8".
        public var message: String {
            let hex = String(byte, radix: 16, uppercase: true)
            return "byte 0x\(hex.count < 2 ? "0" + hex : hex) is not valid UTF-8: save the file as UTF-8"
        }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes `bytes`, dropping a UTF-8 byte-order mark at the start.
    public static func decode(_ bytes: [UInt8]) -> Result<String, InvalidByte> {
        let body = bytes.starts(with: byteOrderMark) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) {
            return .success(text)
        }
        return .failure(firstInvalidByte(in: body))
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
