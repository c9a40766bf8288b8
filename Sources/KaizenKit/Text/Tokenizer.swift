/// How every text feature splits text into words: the possible-duplicate rule,
/// `kaizen similar` and `kaizen recommend` all see the same words, so a word
/// that matches in one matches in the others.
///
/// A word is a lowercased run of letters and digits: two letters (so that
/// CI, QA and UI count) or three characters or more, not only digits, not a
/// stopword, in the singular (`singular(_:)`).
enum Tokenizer {
    /// Function words and the commonest verbs and numbers: they say nothing
    /// about what a text is about.
    static let stopwords: Set<String> = [
        "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on",
        "or", "so", "to", "up", "us", "we",
        "about", "above", "after", "again", "against", "all", "also", "and", "any", "are", "because", "been",
        "before", "being", "below", "between", "both", "but", "can", "cannot", "could", "did", "does", "doing",
        "done", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for", "from", "further",
        "get", "gets", "got", "had", "has", "have", "having", "her", "here", "hers", "herself", "him", "himself",
        "his", "how", "however", "into", "its", "itself", "just", "least", "less", "let", "like", "made", "make",
        "makes", "many", "may", "might", "more", "most", "much", "must", "myself", "need", "needs", "nor", "not",
        "now", "off", "often", "once", "one", "only", "onto", "other", "others", "otherwise", "our", "ours",
        "ourselves", "out", "over", "own", "per", "rather", "same", "she", "should", "since", "some", "still", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "though", "through", "thus", "too", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "under", "until", "upon", "used", "uses", "using", "very", "via", "was", "were", "what", "whatever",
        "when", "whenever", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
        "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "team", "teams",
    ]

    /// The distinct words of `text`.
    static func words(in text: String) -> Set<String> {
        var result = Set<String>()
        forEachWord(in: text) { result.insert($0) }
        return result
    }

    /// How many times each word occurs in `text`.
    static func wordCounts(in text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        forEachWord(in: text) { result[$0, default: 0] += 1 }
        return result
    }

    /// Calls `body` with each word of `text`, in order, repeats included.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        forEachWordBytes(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// `forEachWord` with each word as its UTF-8 bytes, valid during the call
    /// only: counting words this way makes no String of them.
    static func forEachWordBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let ascii = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            forEachASCIIWord(in: bytes, body)
            return true
        }
        guard !ascii else { return }
        var word = String.UnicodeScalarView()
        func finish() {
            defer { word = String.UnicodeScalarView() }
            guard word.count >= 2 else { return }
            emit(String(word), to: body)
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
    }

    /// `forEachWord` for ASCII text, on its bytes: each word is lowercased,
    /// checked and made singular in a buffer, and a String is made only for
    /// the words passed on. Most records are ASCII, and this runs over every
    /// improvement in every check (and every pre-commit hook).
    private static func forEachASCIIWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // One spare byte for the y of queries → query.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: PackedWord.capacity + 1) { word in
            var start = 0
            while start < bytes.count {
                guard Self.isWordByte(bytes[start]) else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
                defer { start = end }
                let length = end - start
                guard length >= 2 else { continue }
                guard length <= PackedWord.capacity else {
                    // Too long to be a stopword or to pack: the general way.
                    emit(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased(), to: body)
                    continue
                }
                var digits = 0
                for offset in 0..<length {
                    let byte = bytes[start + offset]
                    if byte <= UInt8(ascii: "9") { digits += 1 }
                    word[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                let lowered = UnsafeBufferPointer(rebasing: word[0..<length])
                guard isCounted(length: length, digits: digits), !packedStopwords.contains(PackedWord(lowered)) else { continue }
                var ending = singularEnding(of: lowered)
                if ending.drop > 0, packedInvariant.contains(PackedWord(lowered)) { ending = (0, false) }
                var kept = length - ending.drop
                if ending.appendY {
                    word[kept] = UInt8(ascii: "y")
                    kept += 1
                }
                body(UnsafeBufferPointer(rebasing: word[0..<kept]))
            }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    /// Whether a word of `length` characters, `digits` of them digits, can
    /// count: not a number ("400 lines", "2026" say little about what a text
    /// is about), and two characters only when both are letters ("3x", "5m").
    private static func isCounted(length: Int, digits: Int) -> Bool {
        digits < length && (length > 2 || digits == 0)
    }

    /// Passes on `word` (two characters or more, lowercased) unless it is a
    /// stopword or does not count, in the singular.
    private static func emit(_ word: String, to body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let digits = word.unicodeScalars.count { $0.properties.numericType != nil }
        guard isCounted(length: word.unicodeScalars.count, digits: digits), !stopwords.contains(word) else { return }
        var singular = singular(word)
        singular.withUTF8(body)
    }

    /// Words that end in `s` without being plurals.
    static let invariant: Set<String> = [
        "always", "perhaps", "kubernetes", "postgres", "redis", "jenkins", "devops", "canvas", "alias", "atlas",
        "series", "species", "news", "analytics", "kudos", "chaos", "macos", "ios", "whereas", "nevertheless",
    ]

    /// The stopwords and invariant words, packed for the ASCII path. Both lists
    /// hold only words of at most `PackedWord.capacity` letters.
    private static let packedStopwords = PackedWordSet(stopwords.map { PackedWord(Array($0.utf8)) })
    private static let packedInvariant = PackedWordSet(invariant.map { PackedWord(Array($0.utf8)) })

    /// English plurals made singular, as far as spelling tells: `queries` →
    /// `query`, `branches` → `branch`, `fixes` → `fix`, `changes` → `change`,
    /// `pods` → `pod`; `status`, `analysis` and `process` stay as they are.
    /// The words of `invariant` only look plural and stay too. (Words such as
    /// `caches` lose too much; they are rare in records.)
    static func singular(_ word: String) -> String {
        var word = word
        let ending = word.withUTF8 { singularEnding(of: $0) }
        guard ending.drop > 0, !invariant.contains(word) else { return word }
        return String(word.utf8.dropLast(ending.drop))! + (ending.appendY ? "y" : "")
    }

    /// How many bytes to drop from the end of a lowercase word to make it
    /// singular, and whether to add a y; on bytes, since the endings are ASCII.
    private static func singularEnding(of bytes: UnsafeBufferPointer<UInt8>) -> (drop: Int, appendY: Bool) {
        func ends(with ending: StaticString) -> Bool {
            let count = ending.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            return ending.withUTF8Buffer { ending in
                (0..<count).allSatisfy { bytes[bytes.count - count + $0] == ending[$0] }
            }
        }
        guard bytes.count > 3, bytes.last == UInt8(ascii: "s"), !ends(with: "ss"), !ends(with: "us"), !ends(with: "sis") else {
            return (0, false)
        }
        if bytes.count > 4, ends(with: "ies") { return (3, true) }
        if ends(with: "ches") || ends(with: "shes") || ends(with: "xes") || ends(with: "sses") || ends(with: "zzes") { return (2, false) }
        return (1, false)
    }
}

/// A word of up to 15 bytes and its length as two integers: a set of them is
/// searched without making a String of the word.
private struct PackedWord: Equatable {
    static let capacity = 15
    var high: UInt64 = 0
    var low: UInt64 = 0

    init(_ bytes: some Collection<UInt8>) {
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 { high |= UInt64(byte) << (8 * offset) } else { low |= UInt64(byte) << (8 * (offset - 8)) }
        }
        low |= UInt64(bytes.count) << 56
    }
}

/// A fixed set of packed words, looked up with one multiplication and a
/// comparison or two (a Set would hash each word with SipHash).
private struct PackedWordSet {
    private let slots: [PackedWord?]
    private let shift: UInt64

    init(_ words: [PackedWord]) {
        var bits: UInt64 = 4
        while 1 << bits < words.count * 4 { bits += 1 }
        shift = 64 - bits
        var slots = [PackedWord?](repeating: nil, count: 1 << bits)
        for word in words {
            var slot = Self.slot(of: word, shift: shift)
            while let taken = slots[slot], taken != word { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = word
        }
        self.slots = slots
    }

    func contains(_ word: PackedWord) -> Bool {
        var slot = Self.slot(of: word, shift: shift)
        while let taken = slots[slot] {
            if taken == word { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
        return false
    }

    private static func slot(of word: PackedWord, shift: UInt64) -> Int {
        Int(((word.high &* 0x9E37_79B9_7F4A_7C15) ^ (word.low &* 0xC2B2_AE3D_27D4_EB4F)) >> shift)
    }
}
