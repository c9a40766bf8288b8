/// Writes pretty JSON straight into bytes, in the layout `JSONOutput` gives
/// (two-space indent, `"key" : value`), for outputs too large for
/// JSONEncoder's speed: a timeline of 5,000 records is 50,000 events.
/// Callers write object keys in sorted order themselves.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether it holds an element yet.
    private var hasElements: [Bool] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// Reserves room for about this many bytes, so a large document is not copied as it grows.
    init(expectedSize: Int = 0) {
        bytes.reserveCapacity(expectedSize)
    }

    /// The document with its final newline.
    var document: [UInt8] {
        var bytes = self.bytes
        bytes.append(10)
        return bytes
    }

    var text: String { String(decoding: document, as: UTF8.self) }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        startElement()
        quoted(name)
        bytes.append(contentsOf: " : ".utf8)
        afterKey = true
    }

    mutating func string(_ value: String?) {
        startElement()
        if let value { quoted(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func integer(_ value: Int64) {
        startElement()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// One member of an object: its key and what writes its value.
    typealias Member = (key: String, write: (inout JSONWriter) -> Void)

    /// An object of `members`, written in the order of their keys.
    mutating func object(_ members: [Member]) {
        beginObject()
        for member in members.sorted(by: { $0.key < $1.key }) {
            key(member.key)
            member.write(&self)
        }
        endObject()
    }

    /// An array of strings.
    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// A number rounded to `decimals` places, written as briefly as it reads
    /// (`0.85`, not `0.8500`).
    mutating func number(_ value: Double, decimals: Int = 4) {
        startElement()
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        bytes.append(contentsOf: (rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)).utf8)
    }

    mutating func bool(_ value: Bool) {
        startElement()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    private mutating func open(_ bracket: UInt8) {
        startElement()
        bytes.append(bracket)
        hasElements.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        if hasElements.removeLast() { newline() }
        bytes.append(bracket)
    }

    private mutating func startElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = hasElements.indices.last else { return }
        if hasElements[last] { bytes.append(UInt8(ascii: ",")) }
        hasElements[last] = true
        newline()
    }

    private mutating func newline() {
        bytes.append(10)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * hasElements.count))
    }

    /// RFC 8259 escaping: quote, backslash and control characters; `/` and
    /// non-ASCII text stay as they are.
    private mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 32 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 10: bytes.append(contentsOf: "\\n".utf8)
            case 13: bytes.append(contentsOf: "\\r".utf8)
            case 9: bytes.append(contentsOf: "\\t".utf8)
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
