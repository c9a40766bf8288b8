import Foundation

/// The encoding of kaizen's cache files: little-endian 64-bit integers,
/// strings as a length and their UTF-8 bytes, object ids as their 20 bytes.
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
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
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

    /// A count, then each element.
    mutating func array<Element>(_ values: [Element], _ write: (inout BinaryWriter, Element) -> Void) {
        integer(values.count)
        for value in values { write(&self, value) }
    }
}

struct BinaryReader {
    /// What a reader throws for bytes a writer could not have written.
    struct Malformed: Error {}

    let bytes: [UInt8]
    private(set) var offset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        try advance(by: count)
        return bytes[offset - count..<offset]
    }

    mutating func integer() throws -> Int64 {
        try advance(by: 8)
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset - 8, as: Int64.self) }
        return Int64(littleEndian: value)
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
        guard value >= 0, value <= Int64(bytes.count - offset) else { throw Malformed() }
        return Int(value)
    }

    mutating func id() throws -> ObjectID {
        try advance(by: 20)
        return bytes.withUnsafeBytes { ObjectID(bytes: UnsafeRawBufferPointer(rebasing: $0[offset - 20..<offset])) }
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
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset - count..<offset]), as: UTF8.self) }
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

    private mutating func advance(by count: Int) throws {
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        offset += count
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
