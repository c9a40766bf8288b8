/// One record's words with their field-weighted counts: what a
/// `DocumentIndex` weighs. Counted once for both kinds of index, since the
/// headings' words are a subset of all the words.
struct RecordWords: Sendable, Equatable {
    /// Vocabulary ids, ascending.
    var terms: [Int32] = []
    /// Per term: its field-weighted count over title, tags, area and body.
    var counts: [Double] = []
    /// Per term: its count over the headings (title, tags, area) only; 0 for
    /// a word only the body has.
    var headingCounts: [Double] = []
    /// `|d|` over all fields, and over the headings.
    var length = 0.0
    var headingLength = 0.0
    var hasBodyWords = false

    /// The terms and counts `fields` reads, and their total.
    func counted(_ fields: DocumentIndex.Fields) -> (terms: [Int32], counts: [Double], length: Double) {
        switch fields {
        case .all:
            return (terms, counts, length)
        case .headings:
            let kept = headingCounts.indices.filter { headingCounts[$0] > 0 }
            return (kept.map { terms[$0] }, kept.map { headingCounts[$0] }, headingLength)
        }
    }
}

/// Counts records' words into one vocabulary, so the counts of records
/// counted at different times can be weighed together.
struct WordCounter: Sendable {
    private(set) var vocabulary = Vocabulary()
    /// Per vocabulary id, the counts of the record being counted, and which ids it has.
    private var counts: [Double] = []
    private var headingCounts: [Double] = []
    private var seen: [Int32] = []

    /// The words of each of `records`, counted into one new vocabulary.
    static func count(_ records: [Record]) -> (words: [RecordWords], vocabulary: Vocabulary) {
        var counter = WordCounter()
        let words = records.map { counter.words(of: $0) }
        return (words, counter.vocabulary)
    }

    mutating func words(of record: Record) -> RecordWords {
        words(of: DocumentIndex.fields(of: record))
    }

    /// The words of a record's fields (`DocumentIndex.fields(of:)`).
    mutating func words(of fields: [DocumentIndex.Field]) -> RecordWords {
        var words = RecordWords()
        for field in fields {
            Tokenizer.forEachWordBytes(in: field.text) { word in
                let (id, isNew) = vocabulary.id(of: word)
                if isNew {
                    counts.append(0)
                    headingCounts.append(0)
                }
                if counts[Int(id)] == 0 { seen.append(id) }
                counts[Int(id)] += field.weight
                words.length += field.weight
                if field.isBody {
                    words.hasBodyWords = true
                } else {
                    headingCounts[Int(id)] += field.weight
                    words.headingLength += field.weight
                }
            }
        }
        seen.sort()
        words.terms = seen
        words.counts = seen.map { counts[Int($0)] }
        words.headingCounts = seen.map { headingCounts[Int($0)] }
        for id in seen {
            counts[Int(id)] = 0
            headingCounts[Int(id)] = 0
        }
        seen.removeAll(keepingCapacity: true)
        return words
    }
}
