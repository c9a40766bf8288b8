@testable import KaizenKit
import Testing

@Suite struct SimilarityJoinTests {
    @Test func wordsAreNormalised() {
        #expect(SimilarityJoin.words(in: "The Teams merge small changes, daily!") == ["merge", "small", "change", "daily"])
    }

    /// ASCII text takes a path of its own; a trailing " é" (too short to be a
    /// word) sends the same text down the general one.
    @Test func asciiTextGivesTheWordsTheGeneralPathGives() {
        let texts = [
            "Review pairs: 2 reviewers, 48h -> 4h. PASS passes pass glass glasses; A/B tests (x3) in CI_CD & QA!",
            "If we release the payments API through a 5 % canary, we expect the change failure rate to fall from 18 % to 8 %.",
            "   ", "", "abc", "ab", "ABCS", "Tests tests TESTS", "under_score kebab-case dotted.words CamelCase 1234 12",
        ]
        for text in texts {
            #expect(SimilarityJoin.words(in: text) == SimilarityJoin.words(in: text + " é"), "\(text)")
        }
    }

    /// The prefix-filtered join must find exactly what comparing every pair finds.
    @Test func findsTheSamePairsAsComparingEveryPair() {
        var generator = SplitMix64(seed: 42)
        let vocabulary = (0..<60).map { "word\($0)" }
        var sets: [Set<String>] = (0..<300).map { _ in
            Set((0..<Int(generator.next() % 12 + 2)).map { _ in vocabulary[Int(generator.next() % 60)] })
        }
        // Near-copies with one word swapped, so every threshold has pairs to find.
        for original in sets.prefix(40) where original.count > 6 {
            var copy = original
            copy.remove(copy.first!)
            copy.insert(vocabulary[Int(generator.next() % 60)])
            sets.append(copy)
        }
        for threshold in [0.3, 0.5, 0.8] {
            var expected: [SimilarityJoin.Pair] = []
            for i in sets.indices where sets[i].count >= 3 {
                for j in sets.indices where j > i && sets[j].count >= 3 {
                    let shared = sets[i].intersection(sets[j]).count
                    let similarity = Double(shared) / Double(sets[i].union(sets[j]).count)
                    if similarity >= threshold { expected.append(.init(first: i, second: j, similarity: similarity)) }
                }
            }
            let actual = SimilarityJoin.pairs(of: sets, threshold: threshold, minimumSize: 3)
            #expect(actual.map { [$0.first, $0.second] } == expected.map { [$0.first, $0.second] })
            #expect(!expected.isEmpty)
        }
    }
}

/// A small deterministic generator, so randomised tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
