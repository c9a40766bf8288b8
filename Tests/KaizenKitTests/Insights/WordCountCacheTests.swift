@testable import KaizenKit
import Testing

@Suite struct WordCountCacheTests {
    static func records(summary: String = "Merge small changes to trunk daily behind feature flags.") -> [Record] {
        RecordFixture.records([
            RecordFixture.improvement("trunk", title: "Trunk-based development", tags: "[git]", body: .summary(summary)),
            RecordFixture.improvement("canary", title: "Canary releases", body: .summary("Five percent of traffic first, rolled back automatically.")),
            RecordFixture.improvement("pairs", title: "Review pairs", area: "feedback", body: .summary("Two developers review every change together.")),
        ])
    }

    /// Every weight of `index` and `expected`, over the words of both.
    static func expectSameWeights(_ index: DocumentIndex, _ expected: DocumentIndex, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Set(index.words) == Set(expected.words), sourceLocation: sourceLocation)
        for document in expected.records.indices {
            for word in expected.words {
                #expect(index.weight(of: word, in: document) == expected.weight(of: word, in: document), "\(word) in \(document)",
                        sourceLocation: sourceLocation)
            }
        }
        #expect(index.norms == expected.norms, sourceLocation: sourceLocation)
    }

    @Test func unchangedRecordsAreNotReadAgainAndAnEditedOneIs() {
        var cache = WordCountCache()
        cache.update(Self.records())
        #expect(cache.recordsCounted == 3)
        cache.update(Self.records())
        #expect(cache.recordsCounted == 3)
        let edited = Self.records(summary: "Merge small changes to trunk hourly.")
        cache.update(edited)
        #expect(cache.recordsCounted == 4)
        // The index made from the kept counts is the one made from the texts,
        // although the vocabulary still holds "daily" and "feature", which no record has now.
        let similarity = RecordSimilarity(records: edited, cache: &cache)
        #expect(cache.recordsCounted == 4)
        Self.expectSameWeights(similarity.index, DocumentIndex(records: edited))
        #expect(!similarity.index.words.contains("daily"))
    }

    /// The same text moved from a tag to the body weighs less: it is counted again.
    @Test func aTextThatChangesFieldIsCountedAgain() {
        let asTag = RecordFixture.records([RecordFixture.improvement("x", title: "Pair reviews", tags: "[pairing]")])
        let asBody = RecordFixture.records([RecordFixture.improvement("x", title: "Pair reviews", body: .summary("pairing"))])
        var cache = WordCountCache()
        cache.update(asTag)
        let similarity = RecordSimilarity(records: asBody, cache: &cache)
        #expect(cache.recordsCounted == 2)
        Self.expectSameWeights(similarity.index, DocumentIndex(records: asBody))
        #expect(similarity.index.hasBodyWords == [true])
    }

    @Test func recordsNoLongerGivenAreForgotten() {
        var cache = WordCountCache()
        cache.update(Self.records())
        cache.update(Array(Self.records().prefix(1)))
        _ = RecordSimilarity(records: Self.records(), cache: &cache)
        #expect(cache.recordsCounted == 5)
    }
}
