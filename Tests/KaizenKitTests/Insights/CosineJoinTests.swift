@testable import KaizenKit
import Testing

@Suite struct CosineJoinTests {
    /// Records of random words, common words far more often than rare ones
    /// (as in prose), some of them near-copies of others with a word or two
    /// changed, so every threshold has pairs to find.
    static func corpus(seed: UInt64) -> [Record] {
        var generator = SplitMix64(seed: seed)
        let vocabulary = (0..<400).map { "word\($0)x" }
        func word() -> String {
            // Squaring a uniform number favours small indices: a Zipf-like skew.
            let uniform = Double(generator.next() % 10_000) / 10_000
            return vocabulary[Int(uniform * uniform * Double(vocabulary.count))]
        }
        var texts: [(title: String, tags: [String], summary: String)] = (0..<250).map { _ in
            ((0..<4).map { _ in word() }.joined(separator: " "), (0..<2).map { _ in word() },
             (0..<Int(generator.next() % 30 + 5)).map { _ in word() }.joined(separator: " "))
        }
        for original in texts.prefix(60) {
            var words = original.summary.split(separator: " ").map(String.init)
            words[Int(generator.next() % UInt64(words.count))] = word()
            if generator.next() % 2 == 0 { words.append(word()) }
            texts.append((original.title, original.tags, words.joined(separator: " ")))
        }
        return RecordFixture.records(texts.enumerated().map { number, text in
            RecordFixture.improvement("r\(number)", title: .text(text.title), tags: .text("[\(text.tags.joined(separator: ", "))]"),
                                      body: .summary(text.summary))
        })
    }

    /// The join must find exactly what comparing every pair finds.
    @Test(arguments: [0.05, 0.2, 0.3, 0.5, 0.8, 0.95])
    func findsExactlyThePairsThatComparingEveryPairFinds(threshold: Double) {
        let index = DocumentIndex(records: Self.corpus(seed: 42))
        // Some records take no part, as short ones do in the rule.
        let documents = index.records.indices.filter { $0 % 7 != 3 }
        var expected: [[Int]] = []
        for (position, a) in documents.enumerated() {
            for b in documents[(position + 1)...] where index.cosine(a, b) >= threshold { expected.append([a, b]) }
        }
        let pairs = CosineJoin.pairs(in: index, among: documents, threshold: threshold)
        #expect(pairs.map { [$0.first, $0.second] } == expected)
        #expect(pairs.allSatisfy { $0.similarity == index.cosine($0.first, $0.second) })
        #expect(!expected.isEmpty)
    }

    @Test func noRecordsNoPairs() {
        let index = DocumentIndex(records: Self.corpus(seed: 7))
        #expect(CosineJoin.pairs(in: index, among: [], threshold: 0.3).isEmpty)
        #expect(CosineJoin.pairs(in: index, among: [5], threshold: 0.3).isEmpty)
    }
}
