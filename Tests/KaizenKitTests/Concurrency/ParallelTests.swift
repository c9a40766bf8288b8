import Foundation
@testable import KaizenKit
import Synchronization
import Testing

@Suite struct ParallelTests {
    struct Stop: Error, Equatable {
        var index: Int
    }

    @Test func everyIndexIsComputedOnceAndKeptInOrder() {
        let calls = Atomic<Int>(0)
        let results = ParallelResults<String>(count: 1_000)
        results.fill { index in
            calls.add(1, ordering: .relaxed)
            return "\(index)"
        }
        #expect(results.takeValues() == (0..<1_000).map { "\($0)" })
        #expect(calls.load(ordering: .relaxed) == 1_000)
    }

    @Test func twoResultsAreFilledAtOnce() {
        let squares = ParallelResults<Int>(count: 100), names = ParallelResults<String>(count: 100)
        squares.fill(alongside: names) { index in (index * index, "\(index)") }
        #expect(squares.takeValues() == (0..<100).map { $0 * $0 })
        #expect(names.takeValues() == (0..<100).map { "\($0)" })
    }

    @Test func slotsLeftEmptyAreSkipped() {
        let results = ParallelResults<Int>(count: 10)
        Parallel.forEachIndex(below: 10) { index in
            if index % 3 == 0 { results.store(index, at: index) }
        }
        #expect(results.takeValues() == [0, 3, 6, 9])
    }

    @Test func oneThreadIsTheCallingThread() {
        let caller = pthread_self()
        let elsewhere = Atomic<Int>(0)
        Parallel.forEachIndex(below: 50, threads: 1) { _ in
            if pthread_equal(pthread_self(), caller) == 0 { elsewhere.add(1, ordering: .relaxed) }
        }
        #expect(elsewhere.load(ordering: .relaxed) == 0)
    }

    @Test func eachThreadMakesItsWorkerOnce() {
        let workers = Atomic<Int>(0)
        let used = Mutex<Set<ObjectIdentifier>>([])
        final class Worker {}
        Parallel.forEachIndex(below: 200, worker: { () -> Worker in
            workers.add(1, ordering: .relaxed)
            return Worker()
        }) { worker, _ in
            let id = ObjectIdentifier(worker)
            used.withLock { _ = $0.insert(id) }
        }
        // A thread that finds every index taken uses its worker for none.
        #expect(workers.load(ordering: .relaxed) <= ProcessInfo.processInfo.activeProcessorCount)
        #expect((1...workers.load(ordering: .relaxed)).contains(used.withLock { $0.count }))
    }

    @Test func anErrorStopsTheWorkAndIsThrown() {
        let started = Atomic<Int>(0)
        #expect(throws: Stop(index: 5)) {
            try Parallel.forEachIndex(below: 100, threads: 1) { (index: Int) throws(Stop) in
                started.add(1, ordering: .relaxed)
                if index == 5 { throw Stop(index: 5) }
            }
        }
        #expect(started.load(ordering: .relaxed) == 6)
    }
}
