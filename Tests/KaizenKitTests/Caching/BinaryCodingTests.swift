import Foundation
import Testing
@testable import KaizenKit

@Suite struct BinaryCodingTests {
    static let integers: [Int64] = [0, 1, -1, 63, 64, -64, -65, 127, 128, 300, -300, 1 << 35, Int64(Int32.min), .max, .min]

    @Test func integersStringsIdsAndBlocksReadBackAsWritten() throws {
        let id = ObjectID(blobContents: Array("kaizen".utf8))
        var block = BinaryWriter()
        block.string("inside")
        var writer = BinaryWriter()
        for value in Self.integers { writer.integer(value) }
        writer.string("")
        writer.string("Zoë's ✨ trial")
        writer.optionalString(nil)
        writer.id(id)
        writer.block(block.bytes[...])
        writer.bool(true)

        var reader = BinaryReader(bytes: writer.bytes)
        #expect(try Self.integers.map { _ in try reader.integer() } == Self.integers)
        #expect(try reader.string() == "")
        #expect(try reader.string() == "Zoë's ✨ trial")
        #expect(try reader.optionalString() == nil)
        #expect(try reader.id() == id)
        let place = try reader.block()
        #expect(try reader.bool())
        #expect(reader.isAtEnd)
        // A block is read by a reader of its own, its offsets those of the file.
        var inner = BinaryReader(bytes: writer.bytes[place])
        #expect(try inner.string() == "inside")
        #expect(inner.isAtEnd)
    }

    @Test func smallIntegersTakeOneByte() {
        for value: Int64 in [0, 1, -1, 63, -64] {
            var writer = BinaryWriter()
            writer.integer(value)
            #expect(writer.bytes.count == 1, "\(value)")
        }
    }

    @Test func whatAWriterCouldNotHaveWrittenIsMalformed() {
        let cases: [[UInt8]] = [
            [],  // nothing
            Array(repeating: 0xFF, count: 11),  // an integer longer than 64 bits
            [0x80],  // an integer cut short
            [0x14, 0x61],  // a string of 10 bytes with 1 there
            [0x04],  // a bool that is 2
        ]
        for (index, bytes) in cases.enumerated() {
            var reader = BinaryReader(bytes: bytes)
            #expect(throws: BinaryReader.Malformed.self, "case \(index)") {
                switch index {
                case 3: _ = try reader.string()
                case 4: _ = try reader.bool()
                default: _ = try reader.integer()
                }
            }
        }
    }

    @Test func aBlockWithAChangedByteIsMalformed() throws {
        var block = BinaryWriter()
        block.string("If we pair on reviews, we expect review wait to fall")
        var writer = BinaryWriter()
        writer.block(block.bytes[...])
        for index in writer.bytes.count - block.bytes.count..<writer.bytes.count {
            var damaged = writer.bytes
            damaged[index] ^= 0x20
            var reader = BinaryReader(bytes: damaged)
            #expect(throws: BinaryReader.Malformed.self, "byte \(index)") { try reader.block() }
        }
    }
}
