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

    /// A piece of a record's text and the weight of its words.
    struct Field: Sendable, Equatable {
        var text: String
        var weight: Double
        var isBody: Bool
    }

    public let records: [Record]
    public let fields: Fields
    /// The words, numbered: a term id is the word's id in the vocabulary.
    let vocabulary: Vocabulary
    /// Per term: how many records hold it.
    let documentFrequency: [Int]
    /// Per record: the BM25 weight of each of its words, by ascending term id.
    let vectors: [Vector]
    /// Per record: the Euclidean length of its vector.
    let norms: [Double]
    /// Per record: `|d|`, the field-weighted count of its words.
    let lengths: [Double]
    let averageLength: Double
    /// Per record: whether its body has a word (never, in an index of headings).
    let hasBodyWords: [Bool]

    public init(records: [Record], fields: Fields = .all) {
        let counted = WordCounter.count(records)
        self.init(records: records, words: counted.words, vocabulary: counted.vocabulary, fields: fields)
    }

    /// The index of records whose words are counted already, `words[i]` those
    /// of `records[i]`, all in `vocabulary`.
    init(records: [Record], words: [RecordWords], vocabulary: Vocabulary, fields: Fields) {
        self.records = records
        self.fields = fields
        self.vocabulary = vocabulary
        let counted = words.map { $0.counted(fields) }
        var frequency = [Int](repeating: 0, count: vocabulary.count)
        for record in counted {
            for term in record.terms { frequency[Int(term)] += 1 }
        }
        documentFrequency = frequency
        lengths = counted.map(\.length)
        hasBodyWords = fields == .all ? words.map(\.hasBodyWords) : Array(repeating: false, count: words.count)
        averageLength = lengths.isEmpty ? 0 : lengths.reduce(0, +) / Double(lengths.count)

        let count = Double(records.count) + Self.backgroundRecords
        let idf = frequency.map { n in log(1 + (count - Double(n) + 0.5) / (Double(n) + 0.5)) }
        var vectors: [Vector] = []
        vectors.reserveCapacity(counted.count)
        for (document, record) in counted.enumerated() {
            let lengthFactor = Self.k1 * (1 - Self.b + Self.b * lengths[document] / averageLength)
            vectors.append(Vector(terms: record.terms, values: zip(record.terms, record.counts).map { term, tf in
                idf[Int(term)] * tf * (Self.k1 + 1) / (tf + lengthFactor)
            }))
        }
        self.vectors = vectors
        norms = vectors.map { $0.values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    }

    /// The words some record of the collection holds.
    var words: [String] {
        documentFrequency.indices.filter { documentFrequency[$0] > 0 }.map { vocabulary.word($0) }
    }

    /// The texts of a record's fields, each with the weight of its words.
    static func fields(of record: Record) -> [Field] {
        var result: [Field] = []
        if let title = record.title { result.append(Field(text: title.value, weight: titleWeight, isBody: false)) }
        for tag in record.tags { result.append(Field(text: tag.value, weight: tagWeight, isBody: false)) }
        if let area = record.improvement?.area { result.append(Field(text: area.value, weight: tagWeight, isBody: false)) }
        for section in record.sections where !section.text.isEmpty {
            result.append(Field(text: section.text, weight: bodyWeight, isBody: true))
        }
        return result
    }

    /// `bm25(word, document)`, 0 when the record lacks the word.
    public func weight(of word: String, in document: Int) -> Double {
        guard let term = vocabulary.existingID(of: word) else { return 0 }
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
        return shared.sorted { a, b in
            a.product != b.product ? a.product > b.product : vocabulary.word(Int(a.term)) < vocabulary.word(Int(b.term))
        }.prefix(limit).map { vocabulary.word(Int($0.term)) }
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
