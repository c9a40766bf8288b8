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
        // What is left of the garbage ends at the blank line, and is reported once.
        #expect(framing.next() == .malformedHeader("header line 'xxx' is not 'Name: value'"))
        #expect(framing.next() == .message(Array("{}".utf8)))
    }

    @Test func anIncompleteBodyWaitsForTheRest() {
        var framing = MessageFraming()
        framing.append(Array("Content-Length: 4\r\n\r\n{}".utf8))
        #expect(framing.next() == nil)
        framing.append(Array("  ".utf8))
        #expect(framing.next() == .message(Array("{}  ".utf8)))
    }
}
