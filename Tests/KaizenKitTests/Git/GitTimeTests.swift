@testable import KaizenKit
import Testing

@Suite struct GitTimeTests {
    @Test func anOrdinaryTimeIsShownAsGitShowsIt() {
        #expect(GitTime(seconds: 1_764_000_000, offsetMinutes: 60).iso8601 == "2025-11-24T17:00:00+01:00")
        #expect(GitTime(seconds: 1_764_000_000, offsetMinutes: -330).day == "2025-11-24")
        #expect(GitTime(seconds: -1, offsetMinutes: 0).iso8601 == "1969-12-31T23:59:59+00:00")
    }

    /// A commit can carry any 64-bit time; the fuzzer found a cached one
    /// before year -1000 that trapped, and so did such a commit.
    @Test func anyTimeACommitCanCarryIsShown() {
        #expect(GitTime(seconds: -99_999_999_999, offsetMinutes: 0).iso8601 == "-1199-02-15T14:13:21+00:00")
        // Past the ends of Int64 once the offset is added, the local time stops at them.
        #expect(GitTime(seconds: .max, offsetMinutes: 60).iso8601 == "292277026596-12-04T15:30:07+01:00")
        #expect(GitTime(seconds: .min, offsetMinutes: -60).iso8601 == "-292277022657-01-27T08:29:52-01:00")
        #expect(GitTime(seconds: 0, offsetMinutes: .min).iso8601 == "-2114-12-08T21:52:00-35791394:08")
    }
}
