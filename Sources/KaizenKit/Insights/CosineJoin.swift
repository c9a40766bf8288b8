import Foundation
/// Finds the pairs of records whose cosine in a `DocumentIndex` reaches a threshold
/// without comparing every pair: the All-Pairs algorithm of Bayardo, Ma and
/// Srikant (2007) for cosine similarity.
///
/// Vectors are scaled to length 1 and their words ordered commonest first,
/// the same order for every record. Each record's words are split there into a
/// prefix and the rest: the prefix is as long as `Σ x(w) · maxweight(w)` over
/// it stays below the threshold (`maxweight(w)` is the largest weight `w` has
/// in any record), so the prefix alone cannot reach the threshold with any
/// record. Of two records that reach it, the one with the longer prefix must
/// then share a word with the other outside that prefix, which lies outside
/// the shorter prefix too: a word in both records' rests. So only the rests
/// are indexed and looked up, and only records found that way are compared.
/// Common words, which most records hold, make up the prefixes, so the lists
/// scanned are the short ones of rarer words. The answer is exactly what
/// comparing every pair would give.
struct CosineJoin {
    struct Pair: Equatable {
        var first: Int
        var second: Int
        var similarity: Double
    }

    /// Every pair (first < second, as record indices of the index) among
    /// `documents` whose cosine is at least `threshold` (greater than 0),
    /// ordered by first then second.
    static func pairs(in index: DocumentIndex, among documents: [Int], threshold: Double) -> [Pair] {
        // Per position in `documents`: its words (ascending term ids, the
        // commonest first), their weights scaled to length 1, and the running
        // sum of squared weights (`squares[k]` over the first k words).
        var units: [[Double]] = [], squares: [[Double]] = []
        units.reserveCapacity(documents.count)
        squares.reserveCapacity(documents.count)
        var maxWeight = [Double](repeating: 0, count: index.terms.count)
        for document in documents {
            let vector = index.vectors[document], norm = index.norms[document]
            let unit = norm > 0 ? vector.values.map { $0 / norm } : []
            var sums = [0.0]
            sums.reserveCapacity(unit.count + 1)
            for (term, value) in zip(vector.terms, unit) {
                maxWeight[Int(term)] = max(maxWeight[Int(term)], value)
                sums.append(sums.last! + value * value)
            }
            units.append(unit)
            squares.append(sums)
        }
        /// The length of a position's vector over the words before term `end`.
        func length(_ position: Int, before end: Int32) -> Double {
            let terms = index.vectors[documents[position]].terms
            var low = 0, high = units[position].count
            while low < high {
                let middle = (low + high) / 2
                if terms[middle] < end { low = middle + 1 } else { high = middle }
            }
            return squares[position][low].squareRoot()
        }

        // Per term: the (position, unit weight) of the records indexed under it.
        var postings = [[(position: Int32, weight: Double)]](repeating: [], count: index.terms.count)
        // Per position: the term id its rest starts at, and its prefix's bound.
        var prefixes = [(end: Int32, bound: Double)](repeating: (Int32.max, 0), count: documents.count)
        var accumulated = [Double](repeating: 0, count: documents.count)
        var touched: [Int] = []
        var pairs: [Pair] = []
        // Rounding must not drop a pair that is exactly at the threshold.
        let margin = 1e-9
        for (position, x) in documents.enumerated() {
            let terms = index.vectors[x].terms, unit = units[position]
            // The prefix: the longest run of first words whose bound stays
            // below the threshold. The bound is Σ x(w)·maxweight(w), or the
            // prefix's length (Cauchy–Schwarz), whichever is smaller.
            var start = 0, weighted = 0.0, bound = 0.0
            while start < unit.count {
                let next = weighted + unit[start] * maxWeight[Int(terms[start])]
                let nextBound = min(next, squares[position][start + 1].squareRoot())
                guard nextBound < threshold - margin else { break }
                (weighted, bound) = (next, nextBound)
                start += 1
            }
            prefixes[position] = (start < unit.count ? terms[start] : Int32.max, bound)
            for offset in start..<unit.count {
                let term = Int(terms[offset])
                for posting in postings[term] {
                    let y = Int(posting.position)
                    if accumulated[y] == 0 { touched.append(y) }
                    accumulated[y] += unit[offset] * posting.weight
                }
                postings[term].append((Int32(position), unit[offset]))
            }
            for y in touched {
                // The rests' shared words are accumulated; the rest of the
                // similarity comes from words before the later of the two
                // prefix ends, at most that prefix's bound, and at most the
                // product of the two vectors' lengths there.
                let later = prefixes[y].end > prefixes[position].end ? prefixes[y] : prefixes[position]
                let rest = min(later.bound, later.end == Int32.max ? 1 : length(position, before: later.end) * length(y, before: later.end))
                if accumulated[y] + rest >= threshold - margin,
                   case let value = index.cosine(x, documents[y]), value >= threshold {
                    pairs.append(Pair(first: min(x, documents[y]), second: max(x, documents[y]), similarity: value))
                }
                accumulated[y] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}
