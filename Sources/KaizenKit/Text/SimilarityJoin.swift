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
        for raw in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            var word = String(raw)
            guard word.count >= 3, !stopwords.contains(word) else { continue }
            if word.count > 4, word.hasSuffix("s"), !word.hasSuffix("ss") { word.removeLast() }
            result.insert(word)
        }
        return result
    }

    /// Every pair (first < second, as indices into `sets`) with similarity at
    /// least `threshold`. Sets smaller than `minimumSize` take no part.
    static func pairs(of sets: [Set<String>], threshold: Double, minimumSize: Int) -> [Pair] {
        var frequency: [String: Int] = [:]
        for set in sets { for word in set { frequency[word, default: 0] += 1 } }
        let ordered: [[String]] = sets.map { set in
            set.sorted { (frequency[$0]!, $0) < (frequency[$1]!, $1) }
        }
        let order = sets.indices.filter { sets[$0].count >= minimumSize }.sorted {
            (sets[$0].count, $0) < (sets[$1].count, $1)
        }

        var index: [String: [Int]] = [:]
        var pairs: [Pair] = []
        for x in order {
            let size = sets[x].count
            let prefix = size - Int((threshold * Double(size)).rounded(.up)) + 1
            var candidates = Set<Int>()
            for word in ordered[x].prefix(prefix) {
                for y in index[word, default: []] where Double(sets[y].count) >= threshold * Double(size) {
                    candidates.insert(y)
                }
            }
            for y in candidates {
                let shared = sets[x].intersection(sets[y]).count
                let similarity = Double(shared) / Double(sets[x].count + sets[y].count - shared)
                if similarity >= threshold {
                    pairs.append(Pair(first: min(x, y), second: max(x, y), similarity: similarity))
                }
            }
            for word in ordered[x].prefix(prefix) { index[word, default: []].append(x) }
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}
