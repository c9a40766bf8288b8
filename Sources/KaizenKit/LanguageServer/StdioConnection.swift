import Foundation
import Synchronization

/// Runs a `LanguageServer` over a pair of file descriptors (stdin and stdout
/// for `kaizen lsp`): a reader thread frames the input and feeds the server's
/// actor in order; every outgoing message is written whole under a lock,
/// straight to the descriptor, so nothing is buffered or interleaved.
public enum StdioConnection {
    /// Serves until `exit` or the end of input; returns the exit code.
    public static func serve(input: Int32, output: Int32, options: LanguageServer.Options) -> Int32 {
        let writer = MessageWriter(descriptor: output)
        let server = LanguageServer(options: options) { writer.send($0) }
        let (frames, continuation) = AsyncStream<MessageFraming.Frame>.makeStream()
        let reader = Thread {
            var framing = MessageFraming()
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                framing.append(chunk[..<count])
                while let frame = framing.next() { continuation.yield(frame) }
            }
            continuation.finish()
        }
        reader.start()
        let exitCode = Mutex<Int32>(1)
        let finished = DispatchSemaphore(value: 0)
        Task {
            var code: Int32?
            for await frame in frames {
                await server.receive(frame)
                code = await server.exitCode
                if code != nil { break }
            }
            let endOfInputCode = await server.exitCodeAtEndOfInput
            exitCode.withLock { $0 = code ?? endOfInputCode }
            finished.signal()
        }
        finished.wait()
        return exitCode.withLock { $0 }
    }
}

/// Writes framed messages to a descriptor, one whole message at a time.
final class MessageWriter: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func send(_ message: JSONValue) {
        let bytes = MessageFraming.frame(message.encoded)
        lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                // The client has gone; there is no one left to tell.
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
