@testable import KaizenKit
import Testing

@Suite struct VocabularyTests {
    @Test func wordsAreNumberedInTheOrderFirstSeenAndFoundAgain() {
        var vocabulary = Vocabulary()
        func id(_ word: String) -> (id: Int32, isNew: Bool) {
            var word = word
            return word.withUTF8 { vocabulary.id(of: $0) }
        }
        #expect(id("canary") == (0, true))
        #expect(id("deploy") == (1, true))
        #expect(id("canary") == (0, false))
        #expect(id("can") == (2, true))
        #expect(id("canaryx") == (3, true))
        #expect(id("élan") == (4, true))
        #expect(vocabulary.count == 5)
        #expect((0..<5).map { vocabulary.word($0) } == ["canary", "deploy", "can", "canaryx", "élan"])
        #expect(vocabulary.existingID(of: "élan") == 4)
        #expect(vocabulary.existingID(of: "canar") == nil)
        #expect(vocabulary.count == 5)
    }

    /// Past its first table size it grows, and every word keeps its id.
    @Test func thousandsOfWordsKeepTheirIds() {
        var vocabulary = Vocabulary()
        let words = (0..<5_000).map { "w\($0)" }
        for (number, word) in words.enumerated() {
            var word = word
            #expect(word.withUTF8 { vocabulary.id(of: $0) } == (Int32(number), true))
        }
        for (number, word) in words.enumerated().reversed() {
            var word = word
            #expect(word.withUTF8 { vocabulary.id(of: $0) } == (Int32(number), false))
        }
        #expect(vocabulary.word(4_321) == "w4321")
    }
}
