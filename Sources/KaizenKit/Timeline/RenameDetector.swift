/// Pairs the files one commit deleted with the files it added by git's own
/// rules (`diffcore-rename.c` and `diffcore-delta.c` of git 2.39, `git log -M`
/// with default settings), so that a timeline follows the renames `git log`
/// shows:
///
/// 1. Exact renames: each added file, in path order, takes a deleted file with
///    the same blob, preferring one with the same file name, else the first in
///    path order (among the first 100 candidates, as git stops there).
/// 2. Same file names: a deleted file whose name no other deleted file has is
///    compared with the one added file of that name, if only one has it, and
///    paired when at least 75 % similar (git's basename pass).
/// 3. The rest, when at most `renameLimit`² pairs: every added file is scored
///    against every deleted one, keeping its best four; all kept pairs are
///    taken best first (a tie goes to the pair that kept its file name, then to
///    the added file first in path order), each file once, down to 50 %.
///
/// Similarity is git's estimate: both files cut into lines (or 64-byte
/// chunks) that are hashed and counted by bytes; the score is the bytes of
/// the deleted file found again in the added one, over the larger size.
///
/// Where it departs from git, and why: only files in scope are candidates
/// (git also pairs other files under the same pathspec, such as images next
/// to the records); a blob `contents` gives no bytes for (one too large for a
/// record) pairs only by identity; and `.gitattributes` is not read, so a file
/// counts as binary only by a NUL in its first 8,000 bytes, as git decides
/// without attributes.
struct RenameDetector {
    struct Rename {
        var from: FileChange
        var to: FileChange
    }

    /// git's scale for similarity: a score of `maximumScore` is identical.
    static let maximumScore = 60_000
    /// git's default threshold (`-M50%`).
    static let minimumScore = maximumScore / 2
    /// git's threshold for the basename pass: halfway from `minimumScore` to identical.
    static let minimumBasenameScore = minimumScore + (maximumScore - minimumScore) / 2
    /// git's `diff.renameLimit` default: beyond this many deleted times added
    /// files squared, only exact and basename renames are found.
    static let renameLimit = 1_000
    /// How many candidate sources git keeps per added file.
    private static let candidatesPerDestination = 4
    /// How many identical candidates git looks at for one added file.
    private static let identicalCandidateLimit = 100

    /// The renames, in the added files' path order, and the deletions and
    /// additions that stay unpaired, in the order given. `contents` gives a
    /// blob's bytes, or nil for one too large to compare, which then pairs
    /// only with an identical copy.
    func pair(deleted: [FileChange], added: [FileChange], contents: (ObjectID) throws -> [UInt8]?)
        throws -> (renames: [Rename], deleted: [FileChange], added: [FileChange]) {
        guard !deleted.isEmpty, !added.isEmpty else { return ([], deleted, added) }
        // git's diff queue is in path order (bytewise, which is tree order for full paths).
        let sources = deleted.indices.sorted { Self.pathPrecedes(deleted[$0].path, deleted[$1].path) }
        let destinations = added.indices.sorted { Self.pathPrecedes(added[$0].path, added[$1].path) }
        var sourceOfDestination: [Int: Int] = [:]
        var usedSources = Set<Int>()

        func record(_ source: Int, _ destination: Int) {
            sourceOfDestination[destination] = source
            usedSources.insert(source)
        }

        // 1. Exact renames.
        var sourcesByBlob: [ObjectID: [Int]] = [:]
        for source in sources { sourcesByBlob[deleted[source].oldBlob!, default: []].append(source) }
        for destination in destinations {
            guard let identical = sourcesByBlob[added[destination].newBlob!] else { continue }
            let name = Self.fileName(added[destination].path)
            var best: Int?
            for source in identical.lazy.filter({ !usedSources.contains($0) }).prefix(Self.identicalCandidateLimit) {
                if Self.fileName(deleted[source].path) == name {
                    best = source
                    break
                }
                best = best ?? source
            }
            if let best { record(best, destination) }
        }

        var similarity = Similarity()
        // 2. Files that kept a name no other deleted or added file has.
        var remainingSources = sources.filter { !usedSources.contains($0) }
        var remainingDestinations = destinations.filter { sourceOfDestination[$0] == nil }
        let uniqueSourceNames = Self.uniqueNames(remainingSources.map { deleted[$0].path })
        let uniqueDestinationNames = Self.uniqueNames(remainingDestinations.map { added[$0].path })
        for source in remainingSources {
            let name = Self.fileName(deleted[source].path)
            guard uniqueSourceNames[name] != nil, let position = uniqueDestinationNames[name] else { continue }
            let destination = remainingDestinations[position]
            let score = try similarity.score(deleted[source].oldBlob!, added[destination].newBlob!,
                                             minimumScore: Self.minimumBasenameScore, contents: contents)
            if score >= Self.minimumBasenameScore { record(source, destination) }
        }

        // 3. Everything else against everything else, within git's limit.
        remainingSources.removeAll { usedSources.contains($0) }
        remainingDestinations.removeAll { sourceOfDestination[$0] != nil }
        if !remainingSources.isEmpty, !remainingDestinations.isEmpty,
           remainingSources.count * remainingDestinations.count <= Self.renameLimit * Self.renameLimit {
            var kept: [Candidate?] = []
            kept.reserveCapacity(remainingDestinations.count * Self.candidatesPerDestination)
            for destination in remainingDestinations {
                var best = [Candidate?](repeating: nil, count: Self.candidatesPerDestination)
                for source in remainingSources {
                    let score = try similarity.score(deleted[source].oldBlob!, added[destination].newBlob!,
                                                     minimumScore: Self.minimumScore, contents: contents)
                    let sameName = Self.fileName(deleted[source].path) == Self.fileName(added[destination].path)
                    Candidate.keep(Candidate(score: score, sameName: sameName, source: source, destination: destination), in: &best)
                }
                kept += best
            }
            // git sorts with a stable sort, so equal candidates stay in destination order, then slot order.
            let ranked = kept.enumerated().sorted { x, y in
                let order = Candidate.order(x.element, y.element)
                return order != 0 ? order < 0 : x.offset < y.offset
            }
            for case let candidate? in ranked.map(\.element) {
                guard candidate.score >= Self.minimumScore else { break }
                guard sourceOfDestination[candidate.destination] == nil, !usedSources.contains(candidate.source) else { continue }
                record(candidate.source, candidate.destination)
            }
        }

        let renames = destinations.compactMap { destination in
            sourceOfDestination[destination].map { Rename(from: deleted[$0], to: added[destination]) }
        }
        let unpairedDeleted = deleted.indices.filter { !usedSources.contains($0) }.map { deleted[$0] }
        let unpairedAdded = added.indices.filter { sourceOfDestination[$0] == nil }.map { added[$0] }
        return (renames, unpairedDeleted, unpairedAdded)
    }

    /// One deleted file as a candidate source of one added file: git's `diff_score`.
    private struct Candidate {
        var score: Int
        var sameName: Bool
        var source: Int
        var destination: Int

        /// git's `score_compare`: negative when `a` goes first; empty slots last.
        static func order(_ a: Candidate?, _ b: Candidate?) -> Int {
            guard let a else { return b == nil ? 0 : 1 }
            guard let b else { return -1 }
            if a.score == b.score { return (b.sameName ? 1 : 0) - (a.sameName ? 1 : 0) }
            return b.score - a.score
        }

        /// git's `record_if_better`: replaces the worst of the kept candidates
        /// (the first of equally bad ones) when the new one is strictly better.
        static func keep(_ candidate: Candidate, in slots: inout [Candidate?]) {
            var worst = 0
            for index in slots.indices.dropFirst() where order(slots[index], slots[worst]) > 0 { worst = index }
            if order(slots[worst], candidate) > 0 { slots[worst] = candidate }
        }
    }

    /// git's similarity estimate, with each blob's chunk counts made once.
    private struct Similarity {
        private var bytes: [ObjectID: [UInt8]?] = [:]
        private var chunks: [ObjectID: ChunkCounts] = [:]

        /// git's `estimate_similarity`, 0 to `maximumScore`. Pairs whose sizes
        /// differ too much to reach `minimumScore` score 0 without being compared.
        mutating func score(_ source: ObjectID, _ destination: ObjectID, minimumScore: Int,
                            contents: (ObjectID) throws -> [UInt8]?) throws -> Int {
            guard let sourceBytes = try read(source, contents), let destinationBytes = try read(destination, contents) else { return 0 }
            let largest = max(sourceBytes.count, destinationBytes.count)
            let difference = largest - min(sourceBytes.count, destinationBytes.count)
            guard largest * (RenameDetector.maximumScore - minimumScore) >= difference * RenameDetector.maximumScore,
                  !destinationBytes.isEmpty else { return 0 }
            let copied = counts(source, sourceBytes).bytesFound(in: counts(destination, destinationBytes))
            return copied * RenameDetector.maximumScore / largest
        }

        private mutating func read(_ blob: ObjectID, _ contents: (ObjectID) throws -> [UInt8]?) throws -> [UInt8]? {
            if let known = bytes[blob] { return known }
            let read = try contents(blob)
            bytes[blob] = read
            return read
        }

        private mutating func counts(_ blob: ObjectID, _ bytes: [UInt8]) -> ChunkCounts {
            if let known = chunks[blob] { return known }
            let made = ChunkCounts(bytes)
            chunks[blob] = made
            return made
        }
    }

    /// A file's content as git's `hash_chars` sees it: for each hash of a line
    /// (or of a 64-byte run without a line end), how many bytes carry it.
    /// Hashes are in ascending order.
    private struct ChunkCounts {
        private var hashes: [UInt32] = []
        private var byteCounts: [Int] = []

        /// git's hash modulus, a prime between 2¹⁶ and 2¹⁷.
        private static let hashBase: UInt32 = 107_927
        /// git looks for a NUL byte this far to tell binary from text.
        private static let binaryProbeLength = 8_000

        init(_ bytes: [UInt8]) {
            let isText = !bytes.prefix(Self.binaryProbeLength).contains(0)
            var counts: [UInt32: Int] = [:]
            var length = 0
            var accumulator1: UInt32 = 0, accumulator2: UInt32 = 0
            for index in bytes.indices {
                let byte = bytes[index]
                // A CR before an LF does not count in text.
                if isText, byte == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { continue }
                let previous1 = accumulator1
                accumulator1 = (accumulator1 << 7) ^ (accumulator2 >> 25)
                accumulator2 = (accumulator2 << 7) ^ (previous1 >> 25)
                accumulator1 &+= UInt32(byte)
                length += 1
                guard length >= 64 || byte == 10 else { continue }
                counts[(accumulator1 &+ accumulator2 &* 0x61) % Self.hashBase, default: 0] += length
                length = 0
                accumulator1 = 0
                accumulator2 = 0
            }
            // As in git, a last line without a line end (and under 64 bytes) is not counted.
            for (hash, count) in counts.sorted(by: { $0.key < $1.key }) {
                hashes.append(hash)
                byteCounts.append(count)
            }
        }

        /// git's `src_copied`: the bytes of this file that `other` holds too.
        func bytesFound(in other: ChunkCounts) -> Int {
            var found = 0
            var j = 0
            for i in hashes.indices {
                while j < other.hashes.count, other.hashes[j] < hashes[i] { j += 1 }
                if j < other.hashes.count, other.hashes[j] == hashes[i] { found += min(byteCounts[i], other.byteCounts[j]) }
            }
            return found
        }
    }

    /// Bytewise order, git's order for full paths.
    private static func pathPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The bytes after the last `/`: git compares names bytewise, where
    /// Swift's string equality would equate differently normalised names.
    private static func fileName(_ path: String) -> [UInt8] {
        let bytes = Array(path.utf8)
        return Array(bytes[(bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0)...])
    }

    /// For each file name only one of `paths` has, that path's position.
    private static func uniqueNames(_ paths: [String]) -> [[UInt8]: Int] {
        var positions: [[UInt8]: Int] = [:]
        var repeated = Set<[UInt8]>()
        for (position, path) in paths.enumerated() where positions.updateValue(position, forKey: fileName(path)) != nil {
            repeated.insert(fileName(path))
        }
        return positions.filter { !repeated.contains($0.key) }
    }
}
