/// Where each top-level key of a record was written.
///
/// A list sorted by key rather than a dictionary: a record has a dozen keys,
/// and a command over a large workspace reads thousands of records from the
/// parse cache, where a dictionary would hash every key into a table of its own.
public struct KeyPositions: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var position: SourcePosition
    }

    /// Sorted by key, each key once; so equal positions make equal lists.
    private(set) var entries: [Entry] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, SourcePosition)...) {
        for (key, position) in elements { self[key] = position }
    }

    /// Nil unless `entries` are sorted by key, each key once, as `entries` are.
    init?(sorted entries: [Entry]) {
        guard zip(entries, entries.dropFirst()).allSatisfy({ $0.key < $1.key }) else { return nil }
        self.entries = entries
    }

    public subscript(key: String) -> SourcePosition? {
        get {
            let index = firstIndex(notBefore: key)
            return index < entries.count && entries[index].key == key ? entries[index].position : nil
        }
        set {
            let index = firstIndex(notBefore: key)
            let present = index < entries.count && entries[index].key == key
            switch (newValue, present) {
            case (let position?, true): entries[index].position = position
            case (let position?, false): entries.insert(Entry(key: key, position: position), at: index)
            case (nil, true): entries.remove(at: index)
            case (nil, false): break
            }
        }
    }

    /// The index of the first entry whose key is not before `key`: where `key`
    /// is, or belongs.
    private func firstIndex(notBefore key: String) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
