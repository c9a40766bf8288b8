import Foundation

/// The encoding of kaizen's cache files: integers in as few bytes as their
/// size needs (zigzag LEB128: -1 and most lengths, counts and positions take
/// one byte, which keeps a 5,000-record parse cache small enough to read and
/// write quickly), strings as a length and their UTF-8 bytes, object ids as
/// their 20 bytes.
/// Caches only ever read back what a `BinaryWriter` wrote, so the format needs
/// no self-description; `BinaryReader` checks every length against what is
/// left, so a torn or damaged file fails to read instead of trapping.
struct BinaryWriter {
    var bytes: [UInt8] = []

    init() {}

    /// Room for about the size of `file`, which this writer's bytes will
    /// replace, so the buffer is not copied as it grows.
    init(replacing file: URL) {
        let previousSize = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
        bytes.reserveCapacity((previousSize ?? 0) + 65_536)
    }

    mutating func integer(_ value: Int64) {
        var rest = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func integer(_ value: Int) {
        integer(Int64(value))
    }

    mutating func bool(_ value: Bool) {
        integer(value ? 1 : 0)
    }

    mutating func id(_ value: ObjectID) {
        bytes.append(contentsOf: value.bytes)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        if let value {
            string(value)
        } else {
            integer(-1)
        }
    }

    /// A flag, then the value if there is one.
    mutating func optional<Value>(_ value: Value?, _ write: (inout BinaryWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    /// Bytes another writer made, preceded by their length, so that a reader
    /// can skip them or hand them to another thread, and by their checksum.
    mutating func block(_ encoded: ArraySlice<UInt8>) {
        integer(encoded.count)
        integer(Int64(bitPattern: Checksum.of(encoded)))
        bytes += encoded
    }

    /// A count, then each element.
    mutating func array<Element>(_ values: [Element], _ write: (inout BinaryWriter, Element) -> Void) {
        integer(values.count)
        for value in values { write(&self, value) }
    }
}

struct BinaryReader {
    /// What a reader throws for bytes a writer could not have written.
    struct Malformed: Error {}

    /// Its indices are those of the array it was cut from, as offsets are.
    let bytes: ArraySlice<UInt8>
    private(set) var offset: Int

    init(bytes: [UInt8]) {
        self.init(bytes: bytes[...])
    }

    /// A reader of these bytes alone, part of a larger file.
    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset == bytes.endIndex }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        try advance(by: count)
        return bytes[offset - count..<offset]
    }

    mutating func integer() throws -> Int64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    /// An integer that must fit an `Int`, as counts, numbers and positions do.
    mutating func int() throws -> Int {
        guard let value = Int(exactly: try integer()) else { throw Malformed() }
        return value
    }

    mutating func bool() throws -> Bool {
        switch try integer() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    /// A count of items that follow; bounded by what the file could hold.
    mutating func count() throws -> Int {
        let value = try integer()
        guard value >= 0, value <= Int64(bytes.endIndex - offset) else { throw Malformed() }
        return Int(value)
    }

    mutating func id() throws -> ObjectID {
        try advance(by: 20)
        let start = offset - 20 - bytes.startIndex
        return bytes.withUnsafeBytes { ObjectID(bytes: UnsafeRawBufferPointer(rebasing: $0[start..<start + 20])) }
    }

    mutating func string() throws -> String {
        guard let value = try optionalString() else { throw Malformed() }
        return value
    }

    mutating func optionalString() throws -> String? {
        let length = try integer()
        if length == -1 { return nil }
        guard let count = Int(exactly: length) else { throw Malformed() }
        try advance(by: count)
        let start = offset - count - bytes.startIndex
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
    }

    mutating func optional<Value>(_ read: (inout BinaryReader) throws -> Value) throws -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Element>(_ read: (inout BinaryReader) throws -> Element) throws -> [Element] {
        let count = try count()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// An item of `array`, stored as its index.
    mutating func element<Element>(of array: [Element]) throws -> Element {
        try element(of: array, at: try integer())
    }

    func element<Element>(of array: [Element], at number: Int64) throws -> Element {
        guard number >= 0, number < Int64(array.count) else { throw Malformed() }
        return array[Int(number)]
    }

    /// Where a block (written by `BinaryWriter.block`) lies; it is skipped,
    /// to be read later or by another reader. A block whose bytes were
    /// damaged after it was written (a flipped bit inside a text) would still
    /// read as something; its checksum tells.
    mutating func block() throws -> Range<Int> {
        let count = try count()
        let checksum = UInt64(bitPattern: try integer())
        try advance(by: count)
        guard Checksum.of(bytes[offset - count..<offset]) == checksum else { throw Malformed() }
        return offset - count..<offset
    }

    private mutating func advance(by count: Int) throws {
        guard count >= 0, count <= bytes.endIndex - offset else { throw Malformed() }
        offset += count
    }
}

/// A 64-bit checksum of a block of a cache file, eight bytes a step: each
/// step (xor, then multiply by an odd number) is one-to-one, so any one
/// changed word changes the result, and more changes almost surely do.
enum Checksum {
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01b3
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x100_0000_01b3
                offset += 1
            }
            return hash
        }
    }
}

/// FNV-1a, 64 bits, as 16 hexadecimal digits: a stable name for a cache file
/// (Swift's own hash is seeded per process).
enum StableHash {
    static func hex(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
