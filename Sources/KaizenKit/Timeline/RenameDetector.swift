import CGit2

/// Pairs the files one commit deleted with the files it added, as git does:
/// identical contents first (by blob id, no reading), then, for what is left,
/// contents at least half similar by libgit2's similarity signature.
struct RenameDetector {
    struct Rename {
        var from: FileChange
        var to: FileChange
    }

    /// git's default threshold (`-M50%`).
    static let threshold: Int32 = 50
    /// Similarity compares every remaining deleted file with every remaining
    /// added one; beyond this many pairs it is skipped, as git's renameLimit does.
    static let pairLimit = 250_000

    /// The renames, and the deletions and additions that stay unpaired.
    /// `contents` gives a blob's bytes, or nil for one too large to compare,
    /// which then pairs only with an identical copy.
    func pair(deleted: [FileChange], added: [FileChange], contents: (ObjectID) throws -> [UInt8]?)
        throws -> (renames: [Rename], deleted: [FileChange], added: [FileChange]) {
        var renames: [Rename] = []
        var addedByBlob: [ObjectID: [Int]] = [:]
        for (index, change) in added.enumerated() { addedByBlob[change.newBlob!, default: []].append(index) }
        var pairedAdded = Set<Int>()
        var unpairedDeleted: [FileChange] = []
        for change in deleted {
            if var candidates = addedByBlob[change.oldBlob!], !candidates.isEmpty {
                // Among identical copies, prefer the one that kept the file name.
                let name = change.path.split(separator: "/").last
                let best = candidates.firstIndex { added[$0].path.split(separator: "/").last == name } ?? 0
                let index = candidates.remove(at: best)
                addedByBlob[change.oldBlob!] = candidates
                pairedAdded.insert(index)
                renames.append(Rename(from: change, to: added[index]))
            } else {
                unpairedDeleted.append(change)
            }
        }
        var unpairedAdded = added.indices.filter { !pairedAdded.contains($0) }.map { added[$0] }
        guard !unpairedDeleted.isEmpty, !unpairedAdded.isEmpty,
              unpairedDeleted.count * unpairedAdded.count <= Self.pairLimit else {
            return (renames, unpairedDeleted, unpairedAdded)
        }
        let oldSignatures = try unpairedDeleted.map { Signature(try contents($0.oldBlob!)) }
        let newSignatures = try unpairedAdded.map { Signature(try contents($0.newBlob!)) }
        var scored: [(score: Int32, old: Int, new: Int)] = []
        for (oldIndex, old) in oldSignatures.enumerated() {
            for (newIndex, new) in newSignatures.enumerated() {
                let score = old.similarity(to: new)
                if score >= Self.threshold { scored.append((score, oldIndex, newIndex)) }
            }
        }
        // Best matches first; ties in path order, so the result never depends on hashing.
        scored.sort { ($0.score, $1.old, $1.new) > ($1.score, $0.old, $0.new) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        for candidate in scored where !usedOld.contains(candidate.old) && !usedNew.contains(candidate.new) {
            usedOld.insert(candidate.old)
            usedNew.insert(candidate.new)
            renames.append(Rename(from: unpairedDeleted[candidate.old], to: unpairedAdded[candidate.new]))
        }
        unpairedDeleted = unpairedDeleted.indices.filter { !usedOld.contains($0) }.map { unpairedDeleted[$0] }
        unpairedAdded = unpairedAdded.indices.filter { !usedNew.contains($0) }.map { unpairedAdded[$0] }
        return (renames, unpairedDeleted, unpairedAdded)
    }

    /// libgit2's similarity signature of one file, the one `git_diff_find_similar` uses.
    private final class Signature {
        private let handle: OpaquePointer?

        init(_ bytes: [UInt8]?) {
            guard let bytes else {
                handle = nil
                return
            }
            var signature: OpaquePointer?
            let options = git_hashsig_option_t(rawValue: GIT_HASHSIG_SMART_WHITESPACE.rawValue | GIT_HASHSIG_ALLOW_SMALL_FILES.rawValue)
            let code = bytes.withUnsafeBufferPointer { buffer in
                git_hashsig_create(&signature, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, buffer.count, options)
            }
            // Content too small or too uniform to sign cannot be matched by similarity.
            handle = code < 0 ? nil : signature
        }

        deinit {
            if let handle { git_hashsig_free(handle) }
        }

        /// 0 to 100.
        func similarity(to other: Signature) -> Int32 {
            guard let handle, let otherHandle = other.handle else { return 0 }
            return max(0, git_hashsig_compare(handle, otherHandle))
        }
    }
}
