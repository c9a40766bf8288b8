/// Finds the pairs of word sets whose Jaccard similarity reaches a threshold,
/// without comparing every pair: the prefix-filtering all-pairs join (Bayardo,
/// Ma and Srikant, 2007). Two sets that overlap enough must share a word among
/// the first few of each, once words are ordered rarest first, so only sets
/// sharing such a word are compared.
struct SimilarityJoin {
    struct Pair: Equatable {
        var first: Int
        var second: Int
        var similarity: Double
    }

    static let stopwords: Set<String> = [
        "the", "and", "for", "with", "that", "this", "from", "into", "onto", "our", "their", "they", "them",
        "are", "was", "were", "been", "being", "has", "have", "had", "but", "not", "can", "will", "would",
        "should", "could", "its", "it's", "than", "then", "when", "which", "who", "what", "where", "how",
        "all", "any", "each", "per", "via", "over", "more", "less", "so", "also", "only", "one", "two",
        "team", "teams", "we", "us", "you", "your", "a", "an", "of", "to", "in", "on", "at", "by", "or", "is",
    ]

    /// The distinct content words of `text`: lowercased runs of letters and
    /// digits, three characters or more, stopwords removed, a plural `s` dropped.
    static func words(in text: String) -> Set<String> {
        var result = Set<String>()
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            asciiWords(in: text, into: &result)
            return result
        }
        var word = String.UnicodeScalarView()
        func finish() {
            defer { word = String.UnicodeScalarView() }
            guard word.count >= 3 else { return }
            insert(String(word), into: &result)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                switch scalar {
                case "A"..."Z": word.append(Unicode.Scalar(scalar.value + 32)!)
                case "a"..."z", "0"..."9": word.append(scalar)
                default: finish()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                finish()
            }
        }
        finish()
        return result
    }

    /// `words(in:)` for ASCII text: runs of letters and digits are found in
    /// its bytes and each word made in one step, not a scalar at a time (most
    /// records are ASCII, and this runs over every improvement).
    private static func asciiWords(in text: String, into result: inout Set<String>) {
        func isWordByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            default: false
            }
        }
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard isWordByte(bytes[start]) else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                if end - start >= 3 {
                    let word = String(unsafeUninitializedCapacity: end - start) { buffer in
                        for offset in 0..<end - start {
                            let byte = bytes[start + offset]
                            buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                        }
                        return end - start
                    }
                    insert(word, into: &result)
                }
                start = end
            }
        }
    }

    /// Adds `word` (three characters or more) unless it is a stopword, a
    /// plural `s` dropped.
    private static func insert(_ word: String, into result: inout Set<String>) {
        var word = word
        guard !stopwords.contains(word) else { return }
        if word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") { word.removeLast() }
        result.insert(word)
    }

    /// Every pair (first < second, as indices into `sets`) with similarity at
    /// least `threshold`. Sets smaller than `minimumSize` take no part.
    static func pairs(of sets: [Set<String>], threshold: Double, minimumSize: Int) -> [Pair] {
        let tokens = tokenize(sets)
        let order = sets.indices.filter { tokens[$0].count >= minimumSize }.sorted {
            (tokens[$0].count, $0) < (tokens[$1].count, $1)
        }
        var index: [[Int32]] = Array(repeating: [], count: tokens.reduce(0) { max($0, Int($1.last ?? 0) + 1) })
        var seen = [Int](repeating: -1, count: sets.count)
        var pairs: [Pair] = []
        for x in order {
            let size = tokens[x].count
            let prefix = tokens[x].prefix(size - Int((threshold * Double(size)).rounded(.up)) + 1)
            for token in prefix {
                for y32 in index[Int(token)] {
                    let y = Int(y32)
                    guard seen[y] != x, Double(tokens[y].count) >= threshold * Double(size) else { continue }
                    seen[y] = x
                    if let similarity = jaccard(tokens[x], tokens[y], atLeast: threshold) {
                        pairs.append(Pair(first: min(x, y), second: max(x, y), similarity: similarity))
                    }
                }
            }
            for token in prefix { index[Int(token)].append(Int32(x)) }
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// Each set as ascending token ids, where a smaller id is a rarer word
    /// (ties broken by the word), so every array is in the global order the
    /// prefix filter needs.
    private static func tokenize(_ sets: [Set<String>]) -> [[Int32]] {
        var frequency: [String: Int] = [:]
        for set in sets { for word in set { frequency[word, default: 0] += 1 } }
        // Counts travel with their words: looking them up inside the comparison
        // cost two hash lookups per step of the sort.
        let ranked = frequency.map { (count: $0.value, word: $0.key) }.sorted { ($0.count, $0.word) < ($1.count, $1.word) }
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(ranked.count)
        for (rank, entry) in ranked.enumerated() { ids[entry.word] = Int32(rank) }
        return sets.map { set in set.map { ids[$0]! }.sorted() }
    }

    /// The Jaccard similarity of two ascending arrays, or nil as soon as it
    /// can no longer reach `threshold`.
    private static func jaccard(_ a: [Int32], _ b: [Int32], atLeast threshold: Double) -> Double? {
        // Jaccard ≥ t needs an overlap of at least t / (1 + t) · (|a| + |b|).
        let needed = Int((threshold / (1 + threshold) * Double(a.count + b.count)).rounded(.up))
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if shared + min(a.count - i, b.count - j) < needed { return nil }
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let similarity = Double(shared) / Double(a.count + b.count - shared)
        return similarity >= threshold ? similarity : nil
    }
}
