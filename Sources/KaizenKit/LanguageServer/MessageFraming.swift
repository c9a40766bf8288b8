/// The base protocol's framing: each message is a header block of
/// `Name: value` lines ending with an empty line, then exactly
/// `Content-Length` bytes of JSON. Lines end with CR LF, as the protocol
/// says; a bare LF is accepted too, as many servers accept it, because a
/// client that writes one means nothing else by it. Bytes arrive in arbitrary
/// chunks; `append` takes them and `next` hands out whole messages.
///
/// After a header that cannot be used nothing tells where its body ends, so
/// the stream is skipped to the next `Content-Length:` and read on from there.
/// That name is looked for anywhere, not only at a line start: a client writes
/// each header straight after the previous body, on the same line.
public struct MessageFraming: Sendable {
    /// What the next frame in the stream turned out to be.
    public enum Frame: Sendable, Equatable {
        case message([UInt8])
        /// A header block that cannot be used; the stream is skipped from it
        /// to the next `Content-Length:`, and goes on with the message there.
        case malformedHeader(String)
    }

    /// A header block longer than this is not a header: the stream is garbage,
    /// and keeping it all would grow without bound.
    static let maximumHeaderLength = 8_192
    /// Larger bodies are refused rather than allocated.
    static let maximumContentLength = 64 << 20
    /// What skipping looks for, in lowercase: header names ignore case.
    static let lengthHeaderName = Array("content-length:".utf8)

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private var buffer: [UInt8] = []
    private var start = 0
    /// The body length of a header already read, while its body is awaited.
    private var pendingLength: Int?
    /// Whether the stream from `start` is being skipped to the next `Content-Length:`.
    private var skipping = false

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// How many bytes are held that no frame has taken yet.
    var bufferedByteCount: Int { buffer.count - start }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        if skipping, !skipToLengthHeader() { return nil }
        if pendingLength == nil {
            guard let (headerEnd, bodyStart) = headerEnd() else {
                guard buffer.count - start <= Self.maximumHeaderLength else {
                    return malformed("a header block longer than \(Self.maximumHeaderLength) bytes without a blank line")
                }
                return nil
            }
            switch Self.contentLength(in: buffer[start..<headerEnd]) {
            case .success(let length):
                pendingLength = length
                start = bodyStart
            case .failure(let problem):
                return malformed(problem.message)
            }
        }
        guard let length = pendingLength, buffer.count - start >= length else { return nil }
        let body = Array(buffer[start..<start + length])
        start += length
        pendingLength = nil
        compact()
        return .message(body)
    }

    /// Frames a message body for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Reports the header block at `start` and skips from its second byte:
    /// the next header may lie inside the block, as when a body longer than
    /// its length left its rest before the next header, on the same line.
    private mutating func malformed(_ problem: String) -> Frame {
        start += 1
        skipping = true
        return .malformedHeader(problem)
    }

    /// Moves `start` to the next `Content-Length:`, if it has arrived. Until
    /// then only a tail that may begin the name is kept, so skipping holds
    /// no more than that however long the garbage runs.
    private mutating func skipToLengthHeader() -> Bool {
        let name = Self.lengthHeaderName
        var index = start
        while index + name.count <= buffer.count {
            // Letters compare without case by setting their lowercase bit; '-' and ':' compare as they are.
            if name.indices.allSatisfy({ buffer[index + $0] | (name[$0] >= UInt8(ascii: "a") ? 0x20 : 0) == name[$0] }) {
                start = index
                skipping = false
                compact()
                return true
            }
            index += 1
        }
        start = max(start, buffer.count - (name.count - 1))
        compact()
        return false
    }

    /// Where the header block that starts at `start` ends, and its body begins:
    /// at the first empty line, a line ending with LF or CR LF.
    private func headerEnd() -> (headerEnd: Int, bodyStart: Int)? {
        var index = start
        while index + 1 < buffer.count {
            if buffer[index] == Self.lineFeed {
                if buffer[index + 1] == Self.lineFeed { return (index, index + 2) }
                if buffer[index + 1] == Self.carriageReturn {
                    guard index + 2 < buffer.count else { return nil }
                    if buffer[index + 2] == Self.lineFeed { return (index, index + 3) }
                }
            }
            index += 1
        }
        return nil
    }

    private struct HeaderProblem: Error {
        let message: String
    }

    /// The header's lines as bytes, each without its line end: `String` would
    /// take CR LF for one character, and split no line at it.
    private static func contentLength(in header: ArraySlice<UInt8>) -> Result<Int, HeaderProblem> {
        var length: Int?
        for bytes in header.split(separator: lineFeed, omittingEmptySubsequences: false) {
            let line = String(decoding: bytes.last == carriageReturn ? bytes.dropLast() : bytes, as: UTF8.self)
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem(message: "header line '\(line.prefix(80))' is not 'Name: value'"))
            }
            guard line[..<colon].trimmingSpaces().lowercased() == "content-length" else { continue }
            guard let value = Int(line[line.index(after: colon)...].trimmingSpaces()), value >= 0 else {
                return .failure(HeaderProblem(message: "Content-Length '\(line[line.index(after: colon)...].trimmingSpaces().prefix(80))' is not a length"))
            }
            guard value <= maximumContentLength else {
                return .failure(HeaderProblem(message: "Content-Length \(value) is over the limit of \(maximumContentLength) bytes"))
            }
            length = value
        }
        guard let length else { return .failure(HeaderProblem(message: "the header has no Content-Length")) }
        return .success(length)
    }

    /// Drops consumed bytes once they are most of the buffer, so appending stays cheap.
    private mutating func compact() {
        if start > 4_096, start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
