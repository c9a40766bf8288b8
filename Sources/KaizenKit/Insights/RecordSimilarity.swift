import Foundation

/// How alike two records read: the one similarity `kaizen similar`, `kaizen
/// new` and the possible-duplicate rule all use.
///
/// The cosine of the two records' BM25 vectors (`DocumentIndex`) in a
/// collection of records:
///
///     similarity(a, b) = Σ_w bm25(w, a) · bm25(w, b) / (‖bm25(·, a)‖ · ‖bm25(·, b)‖)
///
/// It is 1 for records with the same words in the same proportions, 0 for
/// records sharing no word, and in between otherwise. Rare words count more
/// than common ones (idf), a word repeated counts with diminishing returns, and
/// title and tags count more than the body.
///
/// Records are compared on what both of them say: when either has no body
/// text yet (a draft fresh from its template), the vectors are those of an
/// index of titles, tags and areas only, so a draft is not judged unlike a
/// record for the body it has not written.
///
/// The idf and average length come from the collection: the record asked
/// about and the records it is compared with (all records, or those of one
/// kind), so comparing improvements with improvements gives the same number
/// everywhere.
public struct RecordSimilarity: Sendable {
    /// One record near another, and the words that make it so.
    public struct Match: Sendable {
        public var record: Record
        public var similarity: Double
        /// The words contributing most to the similarity, the largest first.
        public var sharedWords: [String]
    }

    /// The whole records.
    public let index: DocumentIndex
    /// Titles, tags and areas, when some record has no body text to compare.
    let headings: DocumentIndex?

    public init(records: [Record]) {
        let counted = WordCounter.count(records)
        self.init(records: records, words: counted.words, vocabulary: counted.vocabulary)
    }

    /// The similarity of records whose words `cache` may hold counted from before.
    init(records: [Record], cache: inout WordCountCache) {
        let words = records.map { cache.words(of: $0) }
        self.init(records: records, words: words, vocabulary: cache.counter.vocabulary)
    }

    private init(records: [Record], words: [RecordWords], vocabulary: Vocabulary) {
        index = DocumentIndex(records: records, words: words, vocabulary: vocabulary, fields: .all)
        headings = index.hasBodyWords.allSatisfy { $0 } ? nil
            : DocumentIndex(records: records, words: words, vocabulary: vocabulary, fields: .headings)
    }

    public var records: [Record] { index.records }

    public func similarity(_ a: Int, _ b: Int) -> Double {
        comparing(a, b).cosine(a, b)
    }

    /// The `limit` words contributing most to `similarity(a, b)`, the largest first.
    public func sharedWords(_ a: Int, _ b: Int, limit: Int = 5) -> [String] {
        comparing(a, b).sharedWords(a, b, limit: limit)
    }

    /// The index two records are compared in: the whole records when both
    /// have body text, else their headings.
    private func comparing(_ a: Int, _ b: Int) -> DocumentIndex {
        guard let headings, !(index.hasBodyWords[a] && index.hasBodyWords[b]) else { return index }
        return headings
    }

    /// The records most like record `target`, best first (ties by id), among
    /// those `candidate` accepts; records sharing no word are left out.
    public func nearest(to target: Int, limit: Int, where candidate: (Record) -> Bool = { _ in true }) -> [Match] {
        let scored = records.indices.compactMap { other -> (Int, Double)? in
            guard other != target, candidate(records[other]) else { return nil }
            let value = similarity(target, other)
            return value > 0 ? (other, value) : nil
        }
        return scored.sorted { a, b in
            a.1 != b.1 ? a.1 > b.1 : records[a.0].id < records[b.0].id
        }.prefix(limit).map { other, value in
            Match(record: records[other], similarity: value, sharedWords: sharedWords(target, other))
        }
    }

    /// The records of `records` most like `record`, which may be one of them
    /// (matched by path) or not (a file outside the record folders, a draft).
    /// The collection is `record` and the records of `kind` (all kinds when
    /// nil), so the scores are those the possible-duplicate rule sees when
    /// both are improvements.
    public static func nearest(to record: Record, in records: [Record], kind: RecordKind? = nil, limit: Int) -> [Match] {
        let others = records.filter { $0.path != record.path && (kind == nil || $0.kind == kind) }
        return RecordSimilarity(records: [record] + others).nearest(to: 0, limit: limit)
    }

    /// `kaizen similar`: the record `argument` names in the working tree of
    /// `workspace` (`RecordLookup.record(idOrPath:)`, which reads `history`
    /// only for an id no record has), and the records most like it.
    public static func nearest(toRecordNamed argument: String, in workspace: Workspace, relativeTo directory: URL,
                               kind: RecordKind? = nil, limit: Int, history: () throws -> WorkspaceHistory? = { nil }) throws
        -> (target: Record, renamed: RecordRename?, matches: [Match]) {
        let loader = RecordLoader(workspace: workspace)
        let records = try loader.loadAllRecords()
        let (target, renamed) = try RecordLookup.record(idOrPath: argument, in: records, loader: loader, relativeTo: directory,
                                                        history: history)
        return (target, renamed, nearest(to: target, in: records, kind: kind, limit: limit))
    }

    /// The similarity from which `kaizen new` names an existing record as
    /// like the one just created. Lower than the possible-duplicate rule's
    /// 0.4: a new record has only its title, and a title shares only a few
    /// words even with the same practice written up in full. On the demo,
    /// drafts of practices it has score 28–86 % against them ("Canary releases
    /// for the data pipelines" is 28 % like "Canary releases with automatic
    /// rollback"); drafts of practices it lacks stay under 25 %.
    public static let draftThreshold = 0.25

    /// Records of `draft`'s kind at least `draftThreshold` like it, at most three, best first.
    public static func lookalikes(of draft: Record, in records: [Record]) -> [Match] {
        nearest(to: draft, in: records, kind: draft.kind, limit: 3).filter { $0.similarity >= draftThreshold }
    }

    /// Every pair of `documents` with one of `targets` (a subset of them;
    /// first < second) whose similarity reaches `threshold`. Compares each
    /// target with every document: for a few targets, far less work than
    /// finding all pairs.
    func pairs(of targets: [Int], among documents: [Int], threshold: Double) -> [CosineJoin.Pair] {
        let isTarget = Set(targets)
        var pairs: [CosineJoin.Pair] = []
        for target in targets {
            // A pair of two targets is found from the first of them.
            for other in documents where other != target && !(isTarget.contains(other) && other < target) {
                let value = similarity(target, other)
                if value >= threshold {
                    pairs.append(CosineJoin.Pair(first: min(target, other), second: max(target, other), similarity: value))
                }
            }
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// Every pair of `documents` (first < second) whose similarity reaches
    /// `threshold`, found without comparing every pair (`CosineJoin`).
    func pairs(among documents: [Int], threshold: Double) -> [CosineJoin.Pair] {
        let whole = documents.filter { index.hasBodyWords[$0] }
        var pairs = CosineJoin.pairs(in: index, among: whole, threshold: threshold)
        if let headings, whole.count < documents.count {
            // Pairs with a record without body text, compared on headings.
            pairs += CosineJoin.pairs(in: headings, among: documents, threshold: threshold).filter {
                !(index.hasBodyWords[$0.first] && index.hasBodyWords[$0.second])
            }
            pairs.sort { ($0.first, $0.second) < ($1.first, $1.second) }
        }
        return pairs
    }
}
