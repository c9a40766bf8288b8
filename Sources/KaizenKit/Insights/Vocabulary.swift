/// Words numbered in the order they are first seen, looked up by their bytes
/// in a hash table of its own (open addressing, FNV-1a): building a
/// `DocumentIndex` looks up every word of every improvement, in every check
/// and every pre-commit hook, and a String and a SipHash per occurrence cost
/// most of that time.
struct Vocabulary: Sendable {
    /// The words' bytes, one after another; word `i` spans `ends[i - 1]..<ends[i]`.
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    /// Per word, its hash, to grow the table without hashing again.
    private var hashes: [UInt64] = []
    /// Word ids, or -1 for an empty slot; the size is a power of two.
    private var slots = [Int32](repeating: -1, count: 1_024)

    var count: Int { ends.count }

    /// The id of `word`, and whether it was new.
    mutating func id(of word: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(word)
        let (slot, found) = find(word, hash: hash)
        if let found { return (found, false) }
        let id = Int32(ends.count)
        arena.append(contentsOf: word)
        ends.append(arena.count)
        hashes.append(hash)
        slots[slot] = id
        if ends.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `word` if it has one.
    func existingID(of word: String) -> Int32? {
        var word = word
        return word.withUTF8 { find($0, hash: Self.hash($0)).id }
    }

    /// The slot holding `word`'s id, or the empty slot where it would go.
    private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, id: Int32?) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { return (slot, nil) }
            if hashes[Int(id)] == hash, equals(Int(id), word) { return (slot, id) }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// The word with this id.
    func word(_ id: Int) -> String {
        String(decoding: arena[(id == 0 ? 0 : ends[id - 1])..<ends[id]], as: UTF8.self)
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == word.count else { return false }
        for offset in 0..<word.count where arena[start + offset] != word[offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }

    /// 64-bit FNV-1a, its high bits folded in, since the table uses the low ones.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 32)
    }
}
