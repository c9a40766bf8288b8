import Foundation
@testable import KaizenKit
import Synchronization
import Testing

@Suite struct DebouncerTests {
    @Test func aBurstRunsTheWorkOnceAfterItEnds() async throws {
        let debouncer = Debouncer(delay: .milliseconds(40))
        let runs = Mutex<[Int]>([])
        for call in 1...20 {
            debouncer.schedule { runs.withLock { $0.append(call) } }
        }
        try await Task.sleep(for: .milliseconds(300))
        // Only the last call of the burst ran.
        #expect(runs.withLock { $0 } == [20])
        debouncer.schedule { runs.withLock { $0.append(21) } }
        try await Task.sleep(for: .milliseconds(300))
        #expect(runs.withLock { $0 } == [20, 21])
    }
}
