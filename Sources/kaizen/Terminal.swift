import Foundation
import KaizenKit
import Synchronization

/// Writing to the terminal: stderr messages and whether colour is welcome.
enum Terminal {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org)
    /// or the terminal is dumb.
    static var stdoutWantsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}

extension Terminal {
    static func isInteractive(fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// A one-line progress report on stderr for long history scans, redrawn at
/// most ten times a second and only after the first second, so quick runs stay silent.
final class ProgressLine: Sendable {
    private struct State {
        var started = Date()
        var lastDrawn: Date?
    }

    private let state = Mutex(State())

    func show(_ progress: HistoryScanner.Progress) {
        state.withLock { state in
            let now = Date()
            guard now.timeIntervalSince(state.started) > 1,
                  state.lastDrawn.map({ now.timeIntervalSince($0) > 0.1 }) ?? true else { return }
            state.lastDrawn = now
            Terminal.standardError("\rkaizen: reading history: \(progress.commitsRead) of \(progress.commitsTotal) commits")
        }
    }

    func finish() {
        state.withLock { state in
            if state.lastDrawn != nil { Terminal.standardError("\r\u{1B}[K") }
        }
    }
}
