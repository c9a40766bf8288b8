/// "Did you mean …?" for misspelt field names, values, ids and teams.
public enum Suggestion {
    static let maximumEdits = 3

    /// The candidate closest to `word` by edit distance, if it is close enough
    /// to be a plausible typo: at most a third of the word's length, at least
    /// one edit and at most three (further apart is a different word, not a typo).
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        SuggestionIndex(candidates).closest(to: word)
    }

    /// " (did you mean 'x'?)" or nothing.
    public static func clause(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent swaps),
    /// giving up early once every path exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}

/// Candidates prepared once (lowercased, as scalars), for asking many times:
/// a rule with thousands of misspelt ids must not redo that per question.
struct SuggestionIndex {
    private let candidates: [(text: String, scalars: [Unicode.Scalar])]

    init(_ candidates: some Sequence<String>) {
        self.candidates = candidates.map { ($0, Array($0.lowercased().unicodeScalars)) }
    }

    func closest(to word: String) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = min(Suggestion.maximumEdits, max(1, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where abs(candidate.scalars.count - target.count) <= limit {
            let distance = Suggestion.editDistance(target, candidate.scalars, limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate.text, distance)
            }
        }
        return best?.candidate
    }
}
