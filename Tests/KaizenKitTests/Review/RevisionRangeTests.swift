import KaizenKit
import Testing

@Suite struct RevisionRangeTests {
    @Test func threeDotsCompareWithTheMergeBase() throws {
        #expect(try RevisionRange(parsing: "origin/main...HEAD") == RevisionRange(base: "origin/main", head: "HEAD", usesMergeBase: true))
        #expect(try RevisionRange(parsing: "main...") == RevisionRange(base: "main", head: "HEAD", usesMergeBase: true))
    }

    @Test func twoDotsCompareTheCommits() throws {
        #expect(try RevisionRange(parsing: "v1.0..v1.1") == RevisionRange(base: "v1.0", head: "v1.1", usesMergeBase: false))
        #expect(try RevisionRange(parsing: "..topic") == RevisionRange(base: "HEAD", head: "topic", usesMergeBase: false))
    }

    @Test func aLoneBaseMeansThreeDotsToHead() throws {
        #expect(try RevisionRange(parsing: "main") == RevisionRange(base: "main", head: "HEAD", usesMergeBase: true))
        #expect(try RevisionRange(parsing: "main").description == "main...HEAD")
    }

    @Test(arguments: ["", "a..b..c", "a...b...c", "a....b"])
    func malformedRangesAreRejected(_ text: String) {
        #expect(throws: KaizenError.self) { try RevisionRange(parsing: text) }
    }
}
