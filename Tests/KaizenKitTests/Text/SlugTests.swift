@testable import KaizenKit
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Trunk-based development", "trunk-based-development"),
        ("Pair reviews: half the wait?", "pair-reviews-half-the-wait"),
        ("Crème brûlée deploys", "creme-brulee-deploys"),
        ("改善 kaizen", "gai-shan-kaizen"),
        ("  ../../etc/passwd  ", "etc-passwd"),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("100% green builds", "100-green-builds"),
    ])
    func titlesBecomeSafeIDs(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
        #expect(Slug.isValid(slug))
    }

    @Test func longTitlesAreCutAtAWordBoundary() {
        let slug = Slug.make(from: "Reduce the number of hand-offs between platform and product teams when provisioning new services")
        #expect(slug == "reduce-the-number-of-hand-offs-between-platform-and-product")
        #expect(slug.count <= Slug.maximumLength)
        #expect(Slug.make(from: String(repeating: "a", count: 100)).count == Slug.maximumLength)
    }

    @Test func titlesWithNothingToTransliterateGiveNoSlug() {
        #expect(Slug.make(from: "🚀🚀") == "")
        #expect(Slug.make(from: "   ") == "")
    }

    @Test(arguments: ["Foo", "foo--bar", "-foo", "foo-", "foo bar", "foo/bar", "", "föo"])
    func rejectsInvalidIDs(id: String) {
        #expect(!Slug.isValid(id))
    }
}
