@testable import KaizenKit
import Testing

@Suite struct RecordSimilarityTests {
    /// On DocumentIndexTests' corpus, worked by hand there: A is 0.291645 like
    /// B (they share canary) and 0.177296 like C (deploy); B and C share nothing.
    @Test func nearestIsBestFirstWithTheSharedWordsAndLeavesOutRecordsSharingNothing() {
        let similarity = RecordSimilarity(records: DocumentIndexTests.corpus())
        let nearest = similarity.nearest(to: 0, limit: 10)
        #expect(nearest.map(\.record.id) == ["b", "c"])
        #expect(abs(nearest[0].similarity - 0.291645) < 1e-6)
        #expect(abs(nearest[1].similarity - 0.177296) < 1e-6)
        #expect(nearest.map(\.sharedWords) == [["canary"], ["deploy"]])
        #expect(similarity.nearest(to: 1, limit: 10).map(\.record.id) == ["a"])
        #expect(similarity.nearest(to: 0, limit: 1).map(\.record.id) == ["b"])
        #expect(similarity.nearest(to: 0, limit: 10) { $0.id != "b" }.map(\.record.id) == ["c"])
    }

    @Test func equalSimilaritiesAreOrderedById() {
        let records = RecordFixture.records([
            RecordFixture.constraint("query", title: "Canary deploys", observed: "[]"),
            RecordFixture.constraint("zulu", title: "Canary deploys", observed: "[]"),
            RecordFixture.constraint("alpha", title: "Canary deploys", observed: "[]"),
        ])
        let nearest = RecordSimilarity(records: records).nearest(to: 0, limit: 5)
        #expect(nearest.map(\.record.id) == ["alpha", "zulu"])
        #expect(nearest.allSatisfy { abs($0.similarity - 1) < 1e-12 })
    }

    /// A record outside the collection (a file passed by path) joins it: the
    /// collection is that record and the records of the kind asked for, so an
    /// improvement gets the number the possible-duplicate rule sees.
    @Test func aRecordFromOutsideIsComparedInTheCollectionOfTheKindAskedFor() {
        let files = [
            RecordFixture.improvement("trunk", title: "Trunk-based development", body: .summary("Merge small changes to trunk daily behind feature flags.")),
            RecordFixture.improvement("merges", title: "Daily merges to trunk", body: .summary("Small changes merge to trunk daily, behind feature flags.")),
            RecordFixture.improvement("canary", title: "Canary releases", body: .summary("Five percent of traffic first, rolled back automatically.")),
        ]
        let records = RecordFixture.records(files + [.experiment("trial", title: "Trial of trunk", teams: "[alpha]", improvement: "trunk", status: "concluded")])
        let improvements = Array(records.prefix(3))
        let byRule = RecordSimilarity(records: improvements).similarity(0, 1)
        let asked = RecordSimilarity.nearest(to: records[0], in: records, kind: .improvement, limit: 5)
        #expect(asked.map(\.record.id) == ["merges", "canary"])  // canary shares only the area, flow
        #expect(abs(asked[0].similarity - byRule) < 1e-12)
        // Without a kind the experiment joins the collection, and the idf changes with it.
        let all = RecordSimilarity.nearest(to: records[0], in: records, limit: 5)
        #expect(all.contains { $0.record.id == "trial" })
    }

    /// A draft fresh from its template has only a title: it is compared on
    /// titles, tags and areas, not found unlike a record for the body it has
    /// not written yet.
    @Test func aDraftWithoutBodyIsComparedOnHeadings() {
        let records = RecordFixture.records([
            RecordFixture.improvement("canary-releases", title: "Canary releases with automatic rollback", area: "deployment-safety",
                                       tags: "[kubernetes]",
                                       body: .summary("Every deploy first takes five percent of traffic for twenty minutes; Argo Rollouts compares error rates and latency and rolls back on its own.")),
            RecordFixture.improvement("draft", title: "Canary releases for the data pipelines", area: "deployment-safety"),
            RecordFixture.improvement("reviews", title: "Review pairs", area: "feedback", body: .summary("Two developers review every change together, within two hours.")),
        ])
        let similarity = RecordSimilarity(records: records)
        let headings = DocumentIndex(records: records, fields: .headings)
        #expect(similarity.similarity(0, 1) == headings.cosine(0, 1))
        #expect(similarity.similarity(0, 1) > similarity.index.cosine(0, 1))
        #expect(similarity.similarity(0, 2) == similarity.index.cosine(0, 2))
        #expect(similarity.sharedWords(1, 0).prefix(2).sorted() == ["canary", "release"])
        let lookalikes = RecordSimilarity.lookalikes(of: records[1], in: records)
        #expect(lookalikes.map(\.record.id) == ["canary-releases"])
        #expect(lookalikes[0].similarity >= RecordSimilarity.draftThreshold)
    }

    @Test func pairsAreThoseAtTheThresholdDraftsIncluded() {
        let records = RecordFixture.records([
            RecordFixture.improvement("a", title: "Canary releases", body: .summary("Five percent of traffic first, rolled back automatically.")),
            RecordFixture.improvement("b", title: "Canary releases everywhere", body: .summary("Five percent of traffic first, rolled back automatically.")),
            RecordFixture.improvement("c", title: "Canary releases"),
            RecordFixture.improvement("d", title: "Review pairs", body: .summary("Two developers review together.")),
        ])
        let similarity = RecordSimilarity(records: records)
        let pairs = similarity.pairs(among: Array(records.indices), threshold: 0.3)
        var expected: [[Int]] = []
        for a in records.indices {
            for b in records.indices where b > a && similarity.similarity(a, b) >= 0.3 { expected.append([a, b]) }
        }
        #expect(pairs.map { [$0.first, $0.second] } == expected)
        #expect(expected.contains([0, 2]) && expected.contains([0, 1]))
    }
}

extension RecordSimilarityTests {
    /// Comparing a few records with all the others finds exactly the pairs
    /// the join finds that hold one of them, drafts without body included.
    @Test(arguments: [0.2, 0.4, 0.8])
    func comparingFewRecordsWithAllFindsWhatTheJoinFinds(threshold: Double) {
        let drafts = RecordFixture.records((0..<20).map { number in
            RecordFixture.improvement("draft\(number)", title: "word\(number % 5)x word\(number % 3)x word1x")
        })
        let records = CosineJoinTests.corpus(seed: 9) + drafts
        let similarity = RecordSimilarity(records: records)
        let documents = records.indices.filter { $0 % 11 != 4 }
        let targets = documents.filter { $0 % 37 == 0 || $0 >= records.count - 3 }
        let joined = similarity.pairs(among: documents, threshold: threshold).filter { targets.contains($0.first) || targets.contains($0.second) }
        let direct = similarity.pairs(of: targets, among: documents, threshold: threshold)
        #expect(direct == joined)
        #expect(!direct.isEmpty)
    }
}
