@testable import KaizenKit
import Testing

@Suite struct SuggestionTests {
    @Test func suggestsTheClosestPlausibleTypo() {
        let fields = ["title", "status", "review-by", "rollback", "hypothesis"]
        #expect(Suggestion.closest(to: "reviewby", among: fields) == "review-by")
        #expect(Suggestion.closest(to: "hypothesys", among: fields) == "hypothesis")
        #expect(Suggestion.closest(to: "stauts", among: fields) == "status")
        #expect(Suggestion.closest(to: "Title", among: fields) == "title")
    }

    @Test func longWordsStillNeedACloseMatch() {
        let ids = ["improvement-00123", "canary-releases"]
        #expect(Suggestion.closest(to: "improvement-00123-old", among: ids) == nil)
        #expect(Suggestion.closest(to: "canary-release", among: ids) == "canary-releases")
        #expect(Suggestion.closest(to: "canery-relase", among: ids) == "canary-releases")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "colour", among: ["title", "status"]) == nil)
        #expect(Suggestion.clause(for: "zzz", among: ["team"]) == "")
    }

    @Test func editDistanceCountsSwapsAsOneEdit() {
        func distance(_ a: String, _ b: String) -> Int {
            Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 10)
        }
        #expect(distance("status", "stauts") == 1)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3)
    }
}
