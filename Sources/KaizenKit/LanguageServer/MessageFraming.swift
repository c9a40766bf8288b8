/// The base protocol's framing: each message is a header block of
/// `Name: value` lines ending with an empty line (CR LF throughout), then
/// exactly `Content-Length` bytes of JSON. Bytes arrive in arbitrary chunks;
/// `append` takes them and `next` hands out whole messages.
public struct MessageFraming: Sendable {
    /// What the next frame in the stream turned out to be.
    public enum Frame: Sendable, Equatable {
        case message([UInt8])
        /// A header block that cannot be used; its bytes have been skipped, so
        /// the stream goes on with whatever follows it.
        case malformedHeader(String)
    }

    /// A header block longer than this is not a header: the stream is garbage
    /// up to the next blank line, and keeping it all would grow without bound.
    static let maximumHeaderLength = 8_192
    /// Larger bodies are refused rather than allocated.
    static let maximumContentLength = 64 << 20

    private var buffer: [UInt8] = []
    private var start = 0
    /// The body length of a header already read, while its body is awaited.
    private var pendingLength: Int?

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        if pendingLength == nil {
            guard let headerEnd = headerEnd() else {
                if buffer.count - start > Self.maximumHeaderLength {
                    // Keep the last three bytes: they may begin the blank line.
                    start = buffer.count - 3
                    compact()
                    return .malformedHeader("a header block longer than \(Self.maximumHeaderLength) bytes without a blank line")
                }
                return nil
            }
            let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
            start = headerEnd + 4
            switch Self.contentLength(in: header) {
            case .success(let length): pendingLength = length
            case .failure(let problem):
                compact()
                return .malformedHeader(problem.message)
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

    /// The offset of the `\r\n\r\n` ending the header block that starts at `start`.
    private func headerEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    private struct HeaderProblem: Error {
        let message: String
    }

    private static func contentLength(in header: String) -> Result<Int, HeaderProblem> {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem(message: "header line '\(line.prefix(80))' is not 'Name: value'"))
            }
            guard line[..<colon].trimmingSpaces().lowercased() == "content-length" else { continue }
            guard let value = Int(line[line.index(after: colon)...].trimmingSpaces()), value >= 0 else {
                return .failure(HeaderProblem(message: "Content-Length '\(line[line.index(after: colon)...].trimmingSpaces())' is not a length"))
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
