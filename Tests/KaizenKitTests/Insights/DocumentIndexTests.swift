@testable import KaizenKit
import Testing

@Suite struct DocumentIndexTests {
    /// Three constraints (constraints have no area, so only title, tags and
    /// body count), small enough to work out by hand:
    ///
    ///     A  title "Canary deploys", body "Canary first."       canary 3+1, deploy 3, first 1                 |A| = 8
    ///     B  title "Canary releases", tags [kubernetes],      canary 3, release 3, kubernetes 2,
    ///        body "Helm charts."                              helm 1, chart 1                               |B| = 10
    ///     C  title "Review pairs", body "Pairs review         review 3+1, pair 3+1, small 1, deploy 1       |C| = 10
    ///        every small deploy." ("every" is a stopword)
    ///
    /// N = 3 (+ 20 background records), avgdl = 28 / 3.
    /// idf of a word in 2 records: ln(1 + (23 − 2 + 0.5) / 2.5) = ln 9.6 = 2.261763;
    /// in 1 record: ln(1 + 22.5 / 1.5) = ln 16 = 2.772589.
    /// The length factor k1 · (1 − b + b · |d| / avgdl):
    ///     A: 1.2 · (0.25 + 0.75 · 24/28) = 1.071429
    ///     B, C: 1.2 · (0.25 + 0.75 · 30/28) = 1.264286
    /// bm25 = idf · tf · 2.2 / (tf + factor):
    ///     A canary = 2.261763 · 8.8 / 5.071429 = 3.924637
    ///     A deploy = 2.261763 · 6.6 / 4.071429 = 3.666437
    ///     A first = 2.772589 · 2.2 / 2.071429 = 2.944680
    ///     B canary = 2.261763 · 6.6 / 4.264286 = 3.500618
    ///     B release = 2.772589 · 6.6 / 4.264286 = 4.291243
    ///     B kubernetes = 2.772589 · 4.4 / 3.264286 = 3.737231
    ///     B helm = B chart = C small = 2.772589 · 2.2 / 2.264286 = 2.693872
    ///     C review = C pair = 2.772589 · 8.8 / 5.264286 = 4.634775
    ///     C deploy = 2.261763 · 2.2 / 2.264286 = 2.197549
    static func corpus() -> [Record] {
        RecordFixture.records([
            RecordFixture.constraint("a", title: "Canary deploys", observed: "[]", body: .summary("Canary first.")),
            RecordFixture.constraint("b", title: "Canary releases", observed: "[]", tags: "[kubernetes]", body: .summary("Helm charts.")),
            RecordFixture.constraint("c", title: "Review pairs", observed: "[]", body: .summary("Pairs review every small deploy.")),
        ])
    }

    @Test func weightsAreBM25WithTitleAndTagsCountingMore() {
        let index = DocumentIndex(records: Self.corpus())
        let expected: [(String, Int, Double)] = [
            ("canary", 0, 3.924637), ("deploy", 0, 3.666437), ("first", 0, 2.944680),
            ("canary", 1, 3.500618), ("release", 1, 4.291243), ("kubernetes", 1, 3.737231), ("helm", 1, 2.693872),
            ("chart", 1, 2.693872),
            ("review", 2, 4.634775), ("pair", 2, 4.634775), ("small", 2, 2.693872), ("deploy", 2, 2.197549),
            ("canary", 2, 0), ("every", 2, 0), ("absent", 0, 0),
        ]
        for (word, document, weight) in expected {
            #expect(abs(index.weight(of: word, in: document) - weight) < 1e-6, "\(word) in \(document)")
        }
        #expect(abs(index.averageLength - 28.0 / 3) < 1e-12)
        #expect(index.lengths == [8, 10, 10])
    }

    /// The query "canary deploy" (weight 1 each) scores A 3.924637 + 3.666437 =
    /// 7.591074, B 3.500618 (canary only), C 2.197549 (deploy only): A, B, C.
    @Test func aQueryScoresTheSumOfItsWordsWeights() {
        let index = DocumentIndex(records: Self.corpus())
        let query = ["canary": 1.0, "deploy": 1.0]
        let scores = (0..<3).map { index.score(query, document: $0) }
        #expect(abs(scores[0] - 7.591074) < 1e-6)
        #expect(abs(scores[1] - 3.500618) < 1e-6)
        #expect(abs(scores[2] - 2.197549) < 1e-6)
        // A word weighted twice in the query adds twice (2 · 2.197549 = 4.395098
        // beats small's 2.693872); matches name the words, largest first.
        let matches = index.matches(["deploy": 2, "small": 1], document: 2)
        #expect(matches.map(\.word) == ["deploy", "small"])
        #expect(abs(matches[0].score - 4.395098) < 1e-6)
    }

    /// ‖A‖ = √(3.924637² + 3.666437² + 2.944680²) = 6.125086;
    /// ‖B‖ = √(3.500618² + 4.291243² + 3.737231² + 2 · 2.693872²) = 7.690896;
    /// ‖C‖ = √(2 · 4.634775² + 2.693872² + 2.197549²) = 7.419464.
    /// cos(A, B) = 3.924637 · 3.500618 / (6.125086 · 7.690896) = 13.738655 / 47.107403 = 0.291645;
    /// cos(A, C) = 3.666437 · 2.197549 / (6.125086 · 7.419464) = 8.057175 / 45.444855 = 0.177296;
    /// B and C share nothing.
    @Test func cosineIsThatOfTheWeightVectors() {
        let index = DocumentIndex(records: Self.corpus())
        #expect(abs(index.norms[0] - 6.125086) < 1e-6)
        #expect(abs(index.cosine(0, 1) - 0.291645) < 1e-6)
        #expect(abs(index.cosine(0, 2) - 0.177296) < 1e-6)
        #expect(index.cosine(1, 2) == 0)
        #expect(index.cosine(1, 0) == index.cosine(0, 1))
        #expect(abs(index.cosine(2, 2) - 1) < 1e-12)
        #expect(index.sharedWords(0, 2, limit: 5) == ["deploy"])
    }

    @Test func anImprovementsAreaCountsLikeATagAndHeadingsLeaveTheBodyOut() {
        let records = RecordFixture.records([
            RecordFixture.improvement("x", title: "Pair reviews", area: "feedback", body: .summary("Reviewers answer within hours.")),
        ])
        // pair 3, review 3, feedback 2, reviewer 1, answer 1, hour 1.
        let index = DocumentIndex(records: records)
        #expect(Set(index.words) == ["pair", "review", "feedback", "reviewer", "answer", "hour"])
        #expect(index.lengths == [11])
        #expect(index.hasBodyWords == [true])
        let headings = DocumentIndex(records: records, fields: .headings)
        #expect(Set(headings.words) == ["pair", "review", "feedback"])
        #expect(headings.lengths == [8])
        #expect(headings.hasBodyWords == [false])
    }

    @Test func recordsWithoutWordsHaveNoSimilarity() {
        let records = RecordFixture.records([
            RecordFixture.constraint("empty", title: "The and of", observed: "[]"),
            RecordFixture.constraint("full", title: "Canary deploys", observed: "[]"),
        ])
        let index = DocumentIndex(records: records)
        #expect(index.wordCount(of: 0) == 0)
        #expect(index.cosine(0, 1) == 0)
        #expect(DocumentIndex(records: []).words.isEmpty)
    }
}
