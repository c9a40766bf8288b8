import Dispatch
import Foundation
import Synchronization

/// Work spread over threads by index.
enum Parallel {
    /// Calls `body` once for every index below `count`, on up to `threads`
    /// threads at once. Each thread makes its own `worker` first (state that
    /// must stay on one thread, such as a libgit2 handle) and takes the next
    /// index whenever it finishes one, so a slow index holds up no other.
    /// `threads` 1 runs on the calling thread alone, leaving Dispatch's
    /// threads, which Swift tasks run on, to other work. An error stops the
    /// threads taking more indices; the first is thrown once all have stopped.
    static func forEachIndex<Worker, Failure: Error>(
        below count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        worker makeWorker: @Sendable () throws(Failure) -> Worker,
        _ body: @Sendable (Worker, Int) throws(Failure) -> Void
    ) throws(Failure) {
        let nextIndex = Atomic<Int>(0)
        let firstError = Mutex<Failure?>(nil)
        @Sendable func work(_: Int) {
            do throws(Failure) {
                let worker = try makeWorker()
                while true {
                    let index = nextIndex.add(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    try body(worker, index)
                }
            } catch {
                firstError.withLock { if $0 == nil { $0 = error } }
                // Every index is handed out: the other threads stop at their next.
                nextIndex.store(count, ordering: .relaxed)
            }
        }
        let workers = min(max(1, threads), count)
        if workers == 1 {
            work(0)
        } else if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        if let error = firstError.withLock({ $0.take() }) { throw error }
    }

    /// `forEachIndex(below:threads:worker:_:)` for work that needs no state of its own on each thread.
    static func forEachIndex<Failure: Error>(
        below count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ body: @Sendable (Int) throws(Failure) -> Void
    ) throws(Failure) {
        try forEachIndex(below: count, threads: threads, worker: { () throws(Failure) in }) { (_, index) throws(Failure) in try body(index) }
    }
}
