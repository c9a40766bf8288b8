@testable import KaizenKit
import Testing

@Suite struct MessageFramingTests {
    @Test func messagesSplitAcrossChunksAndRunTogetherComeOutWhole() {
        let bodies = [#"{"a":1}"#, #"{"b":"é"}"#, "{}"]
        let stream = bodies.flatMap { MessageFraming.frame(Array($0.utf8)) }
        var framing = MessageFraming()
        var frames: [MessageFraming.Frame] = []
        // One byte at a time: every split point of headers and bodies is crossed.
        for byte in stream {
            framing.append([byte])
            while let frame = framing.next() { frames.append(frame) }
        }
        #expect(frames == bodies.map { .message(Array($0.utf8)) })
    }

    @Test func theLengthCountsBytesNotCharacters() {
        let frame = MessageFraming.frame(Array(#"{"x":"😀"}"#.utf8))
        #expect(String(decoding: frame, as: UTF8.self).hasPrefix("Content-Length: 12\r\n\r\n"))
    }

    @Test func otherHeadersAreIgnoredAndTheNameIsCaseInsensitive() {
        var framing = MessageFraming()
        framing.append(Array("content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8))
        #expect(framing.next() == .message(Array("{}".utf8)))
    }

    @Test func aHeaderWithoutALengthIsReportedAndTheStreamGoesOn() {
        var framing = MessageFraming()
        framing.append(Array("Content-Type: x\r\n\r\n".utf8) + MessageFraming.frame(Array("{}".utf8)))
        #expect(framing.next() == .malformedHeader("the header has no Content-Length"))
        #expect(framing.next() == .message(Array("{}".utf8)))
    }

    @Test func aLengthThatIsNotANumberOrTooLargeIsReported() {
        var framing = MessageFraming()
        framing.append(Array("Content-Length: twelve\r\n\r\nContent-Length: 99999999999\r\n\r\n".utf8))
        #expect(framing.next() == .malformedHeader("Content-Length 'twelve' is not a length"))
        guard case .malformedHeader(let message)? = framing.next() else {
            Issue.record("an oversized length was accepted")
            return
        }
        #expect(message.contains("over the limit"))
    }

    @Test func endlessGarbageWithoutABlankLineIsDroppedRatherThanKept() {
        var framing = MessageFraming()
        framing.append([UInt8](repeating: UInt8(ascii: "x"), count: MessageFraming.maximumHeaderLength + 10))
        guard case .malformedHeader? = framing.next() else {
            Issue.record("a header longer than the limit was kept")
            return
        }
        framing.append(Array("\r\n\r\n".utf8) + MessageFraming.frame(Array("{}".utf8)))
        // The rest of the garbage is skipped with it, up to the next header.
        #expect(framing.next() == .message(Array("{}".utf8)))
    }

    @Test func anIncompleteBodyWaitsForTheRest() {
        var framing = MessageFraming()
        framing.append(Array("Content-Length: 4\r\n\r\n{}".utf8))
        #expect(framing.next() == nil)
        framing.append(Array("  ".utf8))
        #expect(framing.next() == .message(Array("{}  ".utf8)))
    }

    /// A stream that goes wrong, then goes on with two intact messages.
    struct DamagedStream: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let bytes: [UInt8]
        let frames: [MessageFraming.Frame]

        init(_ description: String, _ damage: String, _ frames: [MessageFraming.Frame]) {
            testDescription = description
            bytes = Array(damage.utf8) + MessageFraming.frame(Array(#"{"a":1}"#.utf8)) + MessageFraming.frame(Array("{}".utf8))
            self.frames = frames + [.message(Array(#"{"a":1}"#.utf8)), .message(Array("{}".utf8))]
        }
    }

    static let damagedStreams = [
        DamagedStream("a length that is not a number", "Content-Length: abc\r\n\r\n{\"id\":1}",
                      [.malformedHeader("Content-Length 'abc' is not a length")]),
        DamagedStream("no Content-Length", "Content-Type: x\r\n\r\n{\"id\":1}",
                      [.malformedHeader("the header has no Content-Length")]),
        DamagedStream("a length past Int", "Content-Length: 99999999999999999999\r\n\r\n{\"id\":1}",
                      [.malformedHeader("Content-Length '99999999999999999999' is not a length")]),
        DamagedStream("a length over the limit", "Content-Length: 99999999999\r\n\r\n{\"id\":1}",
                      [.malformedHeader("Content-Length 99999999999 is over the limit of \(MessageFraming.maximumContentLength) bytes")]),
        // The body is cut at its length; what is left of it is skipped.
        DamagedStream("a length shorter than the body", "Content-Length: 3\r\n\r\n{\"id\":1}",
                      [.message(Array("{\"i".utf8)), .malformedHeader("the header has no Content-Length")]),
        DamagedStream("LF line ends, accepted", "Content-Type: x\nContent-Length: 8\n\n{\"id\":1}",
                      [.message(Array("{\"id\":1}".utf8))]),
        DamagedStream("a CR LF line, then an LF blank line, accepted", "Content-Length: 8\r\n\n{\"id\":1}",
                      [.message(Array("{\"id\":1}".utf8))]),
        DamagedStream("garbage before the first header", "{\"id\":1}\r\n\r\nxx",
                      [.malformedHeader("the header has no Content-Length")]),
    ]

    @Test(arguments: damagedStreams)
    func afterADamagedMessageTheNextHeaderIsFound(_ stream: DamagedStream) {
        var whole = MessageFraming()
        whole.append(stream.bytes)
        #expect(Array(sequence(state: whole) { $0.next() }) == stream.frames)
        // One byte at a time: the header being skipped to is crossed at every split point.
        var trickle = MessageFraming()
        var frames: [MessageFraming.Frame] = []
        for byte in stream.bytes {
            trickle.append([byte])
            while let frame = trickle.next() { frames.append(frame) }
        }
        #expect(frames == stream.frames)
    }

    @Test func whileSkippingOnlyWhatMayBeginAHeaderIsKept() {
        var framing = MessageFraming()
        framing.append(Array("Content-Length: abc\r\n\r\n".utf8))
        #expect(framing.next() == .malformedHeader("Content-Length 'abc' is not a length"))
        // A megabyte of body with blank lines and no header.
        let garbage = Array(String(repeating: "{\"text\":\"no header here\"}\r\n\r\n", count: 40_000).utf8)
        for chunk in stride(from: 0, to: garbage.count, by: 65_536) {
            framing.append(garbage[chunk..<min(garbage.count, chunk + 65_536)])
            #expect(framing.next() == nil)
            #expect(framing.bufferedByteCount < MessageFraming.lengthHeaderName.count)
        }
        framing.append(MessageFraming.frame(Array("{}".utf8)))
        #expect(framing.next() == .message(Array("{}".utf8)))
    }
}
