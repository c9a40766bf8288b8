import Dispatch
import Synchronization

/// Runs work once a burst of calls has gone quiet for `delay`: each call
/// supersedes the ones before it, by a generation count, so a burst of
/// keystrokes yields one check.
public final class Debouncer: Sendable {
    private let delay: DispatchTimeInterval
    private let queue = DispatchQueue(label: "kaizen.lsp.debounce")
    private let generation = Mutex<UInt64>(0)

    public init(delay: DispatchTimeInterval) {
        self.delay = delay
    }

    public func schedule(_ work: @escaping @Sendable () -> Void) {
        let mine = generation.withLock { value in
            value &+= 1
            return value
        }
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            guard generation.withLock({ $0 }) == mine else { return }
            work()
        }
    }
}
