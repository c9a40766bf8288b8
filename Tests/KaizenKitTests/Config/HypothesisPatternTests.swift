import Foundation
import Testing
@testable import KaizenKit

/// The standard pattern runs a faster expression and trims the effect in
/// Swift; it must find exactly what the documented expression finds.
@Suite struct HypothesisPatternTests {
    /// The standard source, run as written.
    static let documented = try! NSRegularExpression(pattern: HypothesisPattern.standardSource)

    static func documentedMatch(_ text: String) -> (change: String?, effect: String?)? {
        guard let result = documented.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ name: String) -> String? { Range(result.range(withName: name), in: text).map { String(text[$0]) } }
        return (group("change"), group("effect"))
    }

    /// Pieces that stress the tail: full stops, every kind of whitespace
    /// (U+000B and U+0085 are whitespace to ICU, U+200B is not), line ends,
    /// combining marks, and words of the pattern itself.
    static let pieces = [
        "if", "If", " ", "  ", "we", "expect", "expects", ",", ".", "..", "\n", "\r\n", "\t", "\u{2028}", "\u{2029}",
        "\u{A0}", "\u{0B}", "\u{0C}", "\u{85}", "\u{1680}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{1F}", "\u{301}",
        "e\u{301}", "x", "then", "'d", "’d", "would", "will", "the team", "I", "they", "🙂", "a.b", " .", ". ",
        "lead time to fall from 9 to 5 days",
    ]

    /// The same pseudo-random texts on every run.
    static func corpus(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let tail = (0..<(1 + next(10))).map { _ in pieces[next(pieces.count)] }.joined()
            switch index % 3 {
            case 0: return "If we pair on reviews, we expect " + tail
            case 1: return tail + " if we pair, we'd expect less" + tail
            default: return tail
            }
        }
    }

    @Test func theStandardPatternMatchesWhatItsSourceMatches() {
        var matched = 0
        for text in Self.corpus(count: 20_000) + [
            "If we pair on reviews, we expect review wait to fall from 48 to 4 hours.",
            "If we pair on reviews, we expect x",
            "If we pair on reviews, we expect .",
            "If we pair on reviews, we expect  .  \n",
            "If we pair, then the team would expect fewer defects . \u{85}",
        ] {
            let expected = Self.documentedMatch(text)
            let actual = HypothesisPattern.standard.match(text)
            #expect((actual == nil) == (expected == nil), "\(text.debugDescription)")
            guard let expected, let actual else { continue }
            matched += 1
            #expect(actual.change == expected.change, "\(text.debugDescription)")
            #expect(actual.effect == expected.effect, "\(text.debugDescription)")
        }
        // Enough of them match for the comparison to mean something.
        #expect(matched > 5_000)
    }

    @Test func theStandardSourceInKaizenYmlIsTheStandardPattern() throws {
        let pattern = try HypothesisPattern(source: HypothesisPattern.standardSource)
        #expect(pattern.isStandard)
        #expect(pattern.match("If we pair, we expect waits to fall.")?.effect == "waits to fall")
    }
}
