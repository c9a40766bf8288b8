@testable import KaizenKit
import Testing

@Suite struct ImprovementPageTests {
    func html(_ id: String, history: Bool = true) throws -> String {
        let snapshot = try SiteFixture.snapshot(history: history)
        return ImprovementPage(snapshot: snapshot, record: SiteFixture.record(id, in: snapshot)).content().markup
    }

    /// The four guide sections in order, from Markdown; a missing one says so.
    @Test func guideSectionsAreRenderedInOrder() throws {
        let html = try html("trunk")
        let headings = ["Summary", "Context", "Implementation guide", "Adaptation notes"].map { "<h2>\($0)</h2>" }
        let positions = headings.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("<h2>Summary</h2>\n<p>Short branches.</p>"))
        #expect(html.contains("<h2>Context</h2>\n<p class=\"none\">Not written yet.</p>"))
    }

    /// Every trial across teams, and the adoption timeline in date order:
    /// the origin's trial, then the two adoptions.
    @Test func experimentsAndAdoptionTimeline() throws {
        let html = try html("canary")
        let table = try #require(SiteFixture.slice(html, from: "<h2>Experiments across teams</h2>", to: "</table>"))
        #expect(SiteFixture.count("<tr><th scope=\"row\">", in: table) == 3)
        #expect(table.contains("<a href=\"../experiments/mobile-canary.html\">An experiment</a>"))
        // mobile-canary's conclusion is known from history only.
        #expect(table.contains("<td>2026-09-01</td><td>2026-10-21</td>"))
        let events = try #require(SiteFixture.slice(html, from: "<ol class=\"events\">", to: "</ol>"))
        let days = events.components(separatedBy: "<time datetime=\"").dropFirst().map { String($0.prefix(10)) }
        #expect(days == ["2026-03-01", "2026-04-30", "2026-08-01", "2026-08-31", "2026-09-01", "2026-10-21"])
        #expect(events.contains("payments</a> started <a href=\"../experiments/payments-canary.html\">An experiment</a> (trial by the origin)"))
        #expect(events.contains("checkout</a> started <a href=\"../experiments/checkout-canary.html\">An experiment</a> (adoption)"))
        #expect(events.contains("concluded <a href=\"../experiments/mobile-canary.html\">An experiment</a>: <strong>retained</strong>"))
        #expect(html.contains("<svg viewBox=") && html.contains("role=\"img\" aria-labelledby=\"adoption-chart-title\""))
    }

    /// Without history, mobile-canary's conclusion is unknown and leaves the timeline.
    @Test func withoutHistoryOnlyFrontMatterDaysCount() throws {
        let events = try #require(SiteFixture.slice(try html("canary", history: false), from: "<ol class=\"events\">", to: "</ol>"))
        #expect(!events.contains("2026-10-21"))
        #expect(events.contains("2026-09-01"))
    }

    /// Raw HTML is left out, script URLs lose their target, and GFM tables still render.
    @Test func markdownIsRenderedSafely() throws {
        let html = try html("hostile")
        #expect(SiteFixture.isInert(html))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("<a href=\"\">here</a>"))
        #expect(html.contains("<a href=\"\">there</a>"))
        #expect(html.contains("<a href=\"https://example.com/guide?a=1&amp;b=2\">guide</a>"))
        #expect(html.contains("<table>") && html.contains("<td><em>two</em></td>"))
        #expect(html.contains("<h1>&lt;script&gt;"))
        #expect(html.contains("<time datetime=\"2026-11-01\">2026-11-01</time>"))
    }
}
