@testable import KaizenKit
import Testing

@Suite struct TokenizerTests {
    @Test func wordsAreNormalised() {
        #expect(Tokenizer.words(in: "The Teams merge small changes, daily!") == ["merge", "small", "change", "daily"])
        #expect(Tokenizer.words(in: "400 lines in 2026, 3x faster on v12") == ["line", "faster", "v12"])
        // Two letters make a word, so acronyms count; two-letter stopwords do not.
        #expect(Tokenizer.words(in: "If CI is slow, QA and UI wait on it") == ["ci", "slow", "qa", "ui", "wait"])
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
            #expect(Tokenizer.words(in: text) == Tokenizer.words(in: text + " é"), "\(text)")
        }
    }

    @Test func pluralsAreMadeSingular() {
        let words = ["queries": "query", "dependencies": "dependency", "branches": "branch", "fixes": "fix",
                     "processes": "process", "changes": "change", "pods": "pod", "apis": "api", "deploys": "deploy",
                     "status": "status", "analysis": "analysis", "process": "process", "focus": "focus", "bus": "bus",
                     "ties": "tie", "branch": "branch", "kubernetes": "kubernetes", "always": "always"]
        for (plural, singular) in words {
            #expect(Tokenizer.singular(plural) == singular, "\(plural)")
        }
    }

    @Test func countsRepeatsWhereWordsGivesEachOnce() {
        let text = "Deploys deploy; DEPLOY the canary, then deploy again: canaries!"
        #expect(Tokenizer.wordCounts(in: text) == ["deploy": 4, "canary": 2])
        #expect(Set(Tokenizer.wordCounts(in: text).keys) == Tokenizer.words(in: text))
        #expect(Tokenizer.wordCounts(in: "Élan élan") == ["élan": 2])
    }
}
