import Foundation

/// The records of a collection as BM25-weighted word vectors: what
/// `RecordSimilarity`, the possible-duplicate rule and `Recommender` score with.
///
/// A record's text is three fields, each word occurrence counting by its field:
/// the title 3, the tags and an improvement's area 2, the body sections' text 1
/// (an index of `headings` leaves the body out). So `tf(w, d)` is the
/// field-weighted count of word `w` in record `d`, and `|d|` the sum of those
/// counts. With `N` records, `n(w)` of them holding `w`, and `avgdl` the mean
/// `|d|`:
///
///     idf(w)      = ln(1 + (N + 20 − n(w) + 0.5) / (n(w) + 0.5))
///     bm25(w, d)  = idf(w) · tf(w, d) · (k1 + 1) / (tf(w, d) + k1 · (1 − b + b · |d| / avgdl))
///
/// with k1 = 1.2 and b = 0.75. The 20 is a background of records that hold
/// none of the words (Lucene's idf has none): in a repository of two
/// improvements, a word they share would otherwise weigh a quarter of a word
/// only one has, and two write-ups of one practice would look unlike; from a
/// few hundred records on it changes little. A query `q` (a weight per word)
/// scores `Σ q(w) · bm25(w, d)`. Words are `Tokenizer`'s.
public struct DocumentIndex: Sendable {
    public static let k1 = 1.2
    public static let b = 0.75
    public static let titleWeight = 3.0
    public static let tagWeight = 2.0
    public static let bodyWeight = 1.0
    /// Records assumed besides the collection, holding none of its words (see above).
    public static let backgroundRecords = 20.0

    /// A record's words as ascending term ids, each with a value.
    struct Vector: Sendable {
        var terms: [Int32] = []
        var values: [Double] = []
    }

    /// Which fields of a record are read.
    public enum Fields: Sendable {
        /// Title, tags, area and body.
        case all
        /// Title, tags and area.
        case headings
    }

    public let records: [Record]
    public let fields: Fields
    /// Each term's word. Term ids are ordered by document frequency, the
    /// commonest word first (ties by the word), as the similarity join wants.
    let terms: [String]
    let termIDs: [String: Int32]
    /// How many records hold each term.
    let documentFrequency: [Int]
    /// Per record: the BM25 weight of each of its words.
    let vectors: [Vector]
    /// Per record: the Euclidean length of its vector.
    let norms: [Double]
    /// Per record: `|d|`, the field-weighted count of its words.
    let lengths: [Double]
    let averageLength: Double
    /// Per record: whether its body has a word.
    let hasBodyWords: [Bool]

    public init(records: [Record], fields: Fields = .all) {
        self.records = records
        self.fields = fields
        // Every word gets an id in the order first seen, and each record its
        // field-weighted counts by id, gathered in `counts` (indexed by id)
        // for the ids in `seen`.
        var vocabulary = Vocabulary()
        var frequency: [Int] = []
        var counts: [Double] = []
        var seen: [Int32] = []
        var entries: [[(term: Int32, tf: Double)]] = []
        var lengths: [Double] = []
        var hasBodyWords: [Bool] = []
        entries.reserveCapacity(records.count)
        for record in records {
            var length = 0.0
            var body = false
            for field in Self.fields(of: record, fields) {
                Tokenizer.forEachWordBytes(in: field.text) { word in
                    let (id, isNew) = vocabulary.id(of: word)
                    if isNew {
                        frequency.append(0)
                        counts.append(0)
                    }
                    if counts[Int(id)] == 0 { seen.append(id) }
                    counts[Int(id)] += field.weight
                    length += field.weight
                    body = body || field.isBody
                }
            }
            entries.append(seen.map { (term: $0, tf: counts[Int($0)]) })
            for id in seen {
                frequency[Int(id)] += 1
                counts[Int(id)] = 0
            }
            seen.removeAll(keepingCapacity: true)
            lengths.append(length)
            hasBodyWords.append(body)
        }
        self.lengths = lengths
        self.hasBodyWords = hasBodyWords

        // Term ids rank the words commonest first (ties by the word).
        let words = (0..<vocabulary.count).map { vocabulary.word($0) }
        let order = words.indices.sorted { a, b in
            frequency[a] != frequency[b] ? frequency[a] > frequency[b] : words[a] < words[b]
        }
        var rank = [Int32](repeating: 0, count: words.count)
        for (id, word) in order.enumerated() { rank[word] = Int32(id) }
        terms = order.map { words[$0] }
        documentFrequency = order.map { frequency[$0] }
        termIDs = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, Int32($0)) })

        averageLength = lengths.isEmpty ? 0 : lengths.reduce(0, +) / Double(lengths.count)
        let count = Double(records.count) + Self.backgroundRecords
        let idf = documentFrequency.map { n in log(1 + (count - Double(n) + 0.5) / (Double(n) + 0.5)) }
        var vectors: [Vector] = []
        vectors.reserveCapacity(entries.count)
        for (document, record) in entries.enumerated() {
            // Sorted by term id as integers (the id above, the entry's place below): quicker than by a closure.
            let order = record.indices.map { UInt64(rank[Int(record[$0].term)]) << 32 | UInt64($0) }.sorted()
            let ranked = order.map { (term: Int32($0 >> 32), tf: record[Int($0 & 0xFFFF_FFFF)].tf) }
            let lengthFactor = Self.k1 * (1 - Self.b + Self.b * lengths[document] / averageLength)
            var vector = Vector()
            vector.terms.reserveCapacity(ranked.count)
            vector.values.reserveCapacity(ranked.count)
            for entry in ranked {
                vector.terms.append(entry.term)
                vector.values.append(idf[Int(entry.term)] * entry.tf * (Self.k1 + 1) / (entry.tf + lengthFactor))
            }
            vectors.append(vector)
        }
        self.vectors = vectors
        norms = vectors.map { $0.values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    }

    /// The texts of a record's fields, each with the weight of its words.
    static func fields(of record: Record, _ fields: Fields = .all) -> [(text: String, weight: Double, isBody: Bool)] {
        var result: [(text: String, weight: Double, isBody: Bool)] = []
        if let title = record.title { result.append((title.value, titleWeight, false)) }
        for tag in record.tags { result.append((tag.value, tagWeight, false)) }
        if let area = record.improvement?.area { result.append((area.value, tagWeight, false)) }
        if fields == .all {
            for section in record.sections where !section.text.isEmpty { result.append((section.text, bodyWeight, true)) }
        }
        return result
    }

    /// `bm25(word, document)`, 0 when the record lacks the word.
    public func weight(of word: String, in document: Int) -> Double {
        guard let term = termIDs[word] else { return 0 }
        let vector = vectors[document]
        var low = 0, high = vector.terms.count
        while low < high {
            let middle = (low + high) / 2
            if vector.terms[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low < vector.terms.count && vector.terms[low] == term ? vector.values[low] : 0
    }

    /// `Σ q(w) · bm25(w, document)`.
    public func score(_ query: [String: Double], document: Int) -> Double {
        matches(query, document: document).reduce(0) { $0 + $1.score }
    }

    /// The words of `query` the record holds, with what each adds to its
    /// score, the largest first.
    public func matches(_ query: [String: Double], document: Int) -> [(word: String, score: Double)] {
        query.compactMap { word, weight in
            let score = weight * self.weight(of: word, in: document)
            return score > 0 ? (word, score) : nil
        }.sorted { ($0.score, $1.word) > ($1.score, $0.word) }
    }

    /// The cosine of two records' vectors: 0 when either has no word.
    public func cosine(_ a: Int, _ b: Int) -> Double {
        let lengths = norms[a] * norms[b]
        guard lengths > 0 else { return 0 }
        var dot = 0.0
        merge(a, b) { _, x, y in dot += x * y }
        return min(1, dot / lengths)
    }

    /// The `limit` words adding most to `cosine(a, b)`, the largest first.
    public func sharedWords(_ a: Int, _ b: Int, limit: Int) -> [String] {
        var shared: [(term: Int32, product: Double)] = []
        merge(a, b) { term, x, y in shared.append((term, x * y)) }
        return shared.sorted { ($0.product, $1.term) > ($1.product, $0.term) }.prefix(limit).map { terms[Int($0.term)] }
    }

    /// Calls `body` with each term both records hold and its weight in each.
    private func merge(_ a: Int, _ b: Int, _ body: (Int32, Double, Double) -> Void) {
        let x = vectors[a], y = vectors[b]
        var i = 0, j = 0
        while i < x.terms.count, j < y.terms.count {
            if x.terms[i] == y.terms[j] {
                body(x.terms[i], x.values[i], y.values[j])
                i += 1
                j += 1
            } else if x.terms[i] < y.terms[j] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// How many distinct words the record has.
    public func wordCount(of document: Int) -> Int {
        vectors[document].terms.count
    }
}
