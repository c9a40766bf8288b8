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

    /// How far a prefix's bound may go towards the threshold. Any share up
    /// to 1 gives the same pairs; at 1 the prefixes are longest and the index
    /// smallest, but nearly every record found through it could still reach
    /// the threshold and needs a closer look. Stopping at 85 % rules most of
    /// them out at a glance: on the benchmark's 1,500 improvements the join
    /// takes 6 ms instead of 16.
    static let prefixShare = 0.85
    /// Rounding must not drop a pair that is exactly at the threshold.
    static let margin = 1e-9

    /// Every pair (first < second, as record indices of the index) among
    /// `documents` whose cosine is at least `threshold` (greater than 0),
    /// ordered by first then second.
    static func pairs(in index: DocumentIndex, among documents: [Int], threshold: Double) -> [Pair] {
        let vectors = RankedVectors(index, documents: documents)
        var rests = RestIndex(rankCount: vectors.maxWeight.count, documentCount: documents.count)
        var pairs: [Pair] = []
        for (position, document) in documents.enumerated() {
            let prefix = vectors.prefix(of: position, boundBelow: prefixShare * threshold - margin)
            rests.lookUpAndAdd(position, prefix: prefix, vectors: vectors)
            for other in rests.overlapping where rests.mayReach(threshold, position, other, vectors: vectors) {
                let similarity = index.cosine(document, documents[other])
                if similarity >= threshold {
                    pairs.append(Pair(first: min(document, documents[other]), second: max(document, documents[other]), similarity: similarity))
                }
            }
            rests.clearOverlaps()
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}

/// Where a record's rest starts, and how much of a cosine its prefix can give at most.
private struct Prefix {
    /// The offset of the rest's first word in `RankedVectors`.
    var restStart: Int
    /// The rank of the rest's first word; `Int32.max` when the rest is empty.
    var end: Int32
    /// `Σ x(w) · maxweight(w)` over the prefix, or its length if smaller (Cauchy–Schwarz).
    var bound: Double
}

/// The documents' vectors scaled to length 1, each word named by its rank,
/// commonest first. Flat, one array for all positions (positions in the
/// documents joined, not record indices): an array per record would cost a
/// retain at every look.
private struct RankedVectors {
    /// A position's words are at `starts[position]..<starts[position + 1]` in `ranks` and `weights`, by ascending rank.
    private(set) var starts: [Int] = []
    private(set) var ranks: [Int32] = []
    private(set) var weights: [Double] = []
    /// Running sums of squared weights, one more per position than it has
    /// words: a position's over its first k words is at `starts[position] + position + k`.
    private var squares: [Double] = []
    /// Per rank: the largest weight the word has in any of the documents.
    private(set) var maxWeight: [Double]

    init(_ index: DocumentIndex, documents: [Int]) {
        let rank = Self.ranksByFrequency(index.documentFrequency)
        maxWeight = [Double](repeating: 0, count: rank.count)
        for document in documents {
            let vector = index.vectors[document], norm = index.norms[document]
            starts.append(ranks.count)
            var sum = 0.0
            squares.append(0)
            // By rank, then the entry's place, packed in one integer: quicker to sort than by a closure.
            let ranked = vector.terms.indices.map { UInt64(rank[Int(vector.terms[$0])]) << 32 | UInt64($0) }.sorted()
            for packed in ranked where norm > 0 {
                let wordRank = Int32(packed >> 32), weight = vector.values[Int(packed & 0xFFFF_FFFF)] / norm
                ranks.append(wordRank)
                weights.append(weight)
                maxWeight[Int(wordRank)] = max(maxWeight[Int(wordRank)], weight)
                sum += weight * weight
                squares.append(sum)
            }
        }
        starts.append(ranks.count)
    }

    /// Each term's rank, commonest first (ties by id): the order the prefixes
    /// need, which the index itself does not keep.
    private static func ranksByFrequency(_ frequency: [Int]) -> [Int32] {
        var rank = [Int32](repeating: 0, count: frequency.count)
        let commonestFirst = frequency.indices.sorted { frequency[$0] != frequency[$1] ? frequency[$0] > frequency[$1] : $0 < $1 }
        for (position, term) in commonestFirst.enumerated() {
            rank[term] = Int32(position)
        }
        return rank
    }

    /// A position's prefix: the longest run of its first words whose bound
    /// stays below `limit`.
    func prefix(of position: Int, boundBelow limit: Double) -> Prefix {
        let last = starts[position + 1]
        var start = starts[position], weighted = 0.0, bound = 0.0
        while start < last {
            let nextWeighted = weighted + weights[start] * maxWeight[Int(ranks[start])]
            let nextBound = min(nextWeighted, squares[start + position + 1].squareRoot())
            guard nextBound < limit else { break }
            (weighted, bound) = (nextWeighted, nextBound)
            start += 1
        }
        return Prefix(restStart: start, end: start < last ? ranks[start] : Int32.max, bound: bound)
    }

    /// The length of a position's vector over its words ranked before `end`.
    func length(of position: Int, before end: Int32) -> Double {
        var low = starts[position], high = starts[position + 1]
        let first = low
        while low < high {
            let middle = (low + high) / 2
            if ranks[middle] < end { low = middle + 1 } else { high = middle }
        }
        return squares[first + position + (low - first)].squareRoot()
    }
}

/// The rests of the positions joined so far, by word, and what the current
/// position's rest shares with each of them.
private struct RestIndex {
    /// Per rank: the position and weight of each rest that holds the word.
    private var postings: [[(position: Int32, weight: Double)]]
    /// Per position joined so far: its prefix.
    private var prefixes: [Prefix]
    /// Per position: the dot product of its rest with the current position's.
    private var shared: [Double]
    /// The positions whose `shared` is not 0.
    private(set) var overlapping: [Int] = []

    init(rankCount: Int, documentCount: Int) {
        postings = Array(repeating: [], count: rankCount)
        prefixes = Array(repeating: Prefix(restStart: 0, end: Int32.max, bound: 0), count: documentCount)
        shared = Array(repeating: 0, count: documentCount)
    }

    /// Adds up what the rest of `position` shares with each rest joined
    /// before it, then joins it.
    mutating func lookUpAndAdd(_ position: Int, prefix: Prefix, vectors: RankedVectors) {
        prefixes[position] = prefix
        for offset in prefix.restStart..<vectors.starts[position + 1] {
            let rank = Int(vectors.ranks[offset]), weight = vectors.weights[offset]
            postings[rank].withUnsafeBufferPointer { list in
                for posting in list {
                    let other = Int(posting.position)
                    if shared[other] == 0 { overlapping.append(other) }
                    shared[other] += weight * posting.weight
                }
            }
            postings[rank].append((Int32(position), weight))
        }
    }

    /// Whether the cosine of `position` and `other` may reach `threshold`.
    /// Their rests' shared words give `shared[other]`; the rest of it comes
    /// from words before the later of the two prefix ends: at most that
    /// prefix's bound, and at most the product of the two vectors' lengths
    /// there, which costs more to work out, so only when the bound does not settle it.
    func mayReach(_ threshold: Double, _ position: Int, _ other: Int, vectors: RankedVectors) -> Bool {
        let later = prefixes[other].end > prefixes[position].end ? other : position
        let end = prefixes[later].end
        var rest = prefixes[later].bound
        if shared[other] + rest >= threshold - CosineJoin.margin, end != Int32.max {
            rest = min(rest, vectors.length(of: position, before: end) * vectors.length(of: other, before: end))
        }
        return shared[other] + rest >= threshold - CosineJoin.margin
    }

    /// Forgets what the current position shared, before the next one is looked up.
    mutating func clearOverlaps() {
        for other in overlapping { shared[other] = 0 }
        overlapping.removeAll(keepingCapacity: true)
    }
}
