/// Records' word counts kept between checks by a caller that checks the same
/// records again and again with one of them changed (the language server), so
/// only the changed record's text is read again. Each count is kept with the
/// weighted texts it was made from and used only while the record still has them.
public struct WordCountCache: Sendable {
    private(set) var counter = WordCounter()
    private var entries: [String: (fields: [DocumentIndex.Field], words: RecordWords)] = [:]
    /// How many times a record's text was read, not served from before.
    private(set) var recordsCounted = 0

    public init() {}

    /// Counts the words of those of `records` not counted as they are now,
    /// and forgets records no longer among them.
    public mutating func update(_ records: some Sequence<Record>) {
        let records = Array(records)
        let paths = Set(records.map(\.path))
        entries = entries.filter { paths.contains($0.key) }
        for record in records { _ = words(of: record) }
    }

    /// Counts `record`'s words, unless they are counted as it is now.
    public mutating func update(_ record: Record) {
        _ = words(of: record)
    }

    /// The words of `record`, counted now unless kept from before for its present text.
    mutating func words(of record: Record) -> RecordWords {
        let fields = DocumentIndex.fields(of: record)
        if let entry = entries[record.path], entry.fields == fields { return entry.words }
        let words = counter.words(of: fields)
        recordsCounted += 1
        entries[record.path] = (fields, words)
        return words
    }
}
