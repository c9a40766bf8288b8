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
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            forEachASCIIWord(in: text, body)
            return
        }
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

    /// `forEachWord` for ASCII text: runs of letters and digits are found in
    /// its bytes and each word made in one step, not a scalar at a time (most
    /// records are ASCII, and this runs over every improvement in every check).
    private static func forEachASCIIWord(in text: String, _ body: (String) -> Void) {
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
                if end - start >= 2 {
                    let word = String(unsafeUninitializedCapacity: end - start) { buffer in
                        for offset in 0..<end - start {
                            let byte = bytes[start + offset]
                            buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                        }
                        return end - start
                    }
                    emit(word, to: body)
                }
                start = end
            }
        }
    }

    /// Passes on `word` (two characters or more) unless it is a stopword, a
    /// number, or two characters that are not both letters ("3x", "5m"), in
    /// the singular.
    private static func emit(_ word: String, to body: (String) -> Void) {
        // A number ("400 lines", "2026") says little about what a text is about.
        let digits = word.utf8.count { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard digits < word.utf8.count, word.utf8.count > 2 || digits == 0, !stopwords.contains(word) else { return }
        body(singular(word))
    }

    /// Words that end in `s` without being plurals.
    static let invariant: Set<String> = [
        "always", "perhaps", "kubernetes", "postgres", "redis", "jenkins", "devops", "canvas", "alias", "atlas",
        "series", "species", "news", "analytics", "kudos", "chaos", "macos", "ios", "whereas", "nevertheless",
    ]

    /// English plurals made singular, as far as spelling tells: `queries` →
    /// `query`, `branches` → `branch`, `fixes` → `fix`, `changes` → `change`,
    /// `pods` → `pod`; `status`, `analysis` and `process` stay as they are.
    /// The words of `invariant` only look plural and stay too. (Words such as
    /// `caches` lose too much; they are rare in records.)
    static func singular(_ word: String) -> String {
        // On the bytes (the endings are ASCII): this runs for every word.
        var word = word
        let drop: Int = word.withUTF8 { bytes in
            func ends(with ending: StaticString) -> Bool {
                let count = ending.utf8CodeUnitCount
                guard bytes.count >= count else { return false }
                return ending.withUTF8Buffer { ending in
                    (0..<count).allSatisfy { bytes[bytes.count - count + $0] == ending[$0] }
                }
            }
            guard bytes.count > 3, bytes.last == UInt8(ascii: "s"), !ends(with: "ss"), !ends(with: "us"), !ends(with: "sis") else {
                return 0
            }
            if bytes.count > 4, ends(with: "ies") { return 3 }
            if ends(with: "ches") || ends(with: "shes") || ends(with: "xes") || ends(with: "sses") || ends(with: "zzes") { return 2 }
            return 1
        }
        switch drop {
        case 0: return word
        case _ where invariant.contains(word): return word
        case 3: return String(word.utf8.dropLast(3))! + "y"
        default: return String(word.utf8.dropLast(drop))!
        }
    }
}
