@testable import KaizenKit
import Testing

@Suite struct TeamPageTests {
    func html(_ team: String) throws -> String {
        try TeamPage(snapshot: SiteFixture.snapshot(), team: team).content().markup
    }

    /// Checkout runs checkout-focus (started by history), against the default limit of 3.
    @Test func workInProgressAgainstTheLimit() throws {
        let html = try html("checkout")
        #expect(html.contains("<p>1 running of a limit of 3.</p>"))
        #expect(html.contains("<ul><li><a href=\"../experiments/checkout-focus.html\">An experiment</a></li></ul>"))
        let mobile = try self.html("mobile")
        #expect(mobile.contains("<p>1 running of a limit of 1.</p>"))
    }

    /// quick-win-days is 30: checkout concluded checkout-trunk (40 days) and
    /// checkout-canary (30) in the period, mobile only mobile-canary (50).
    @Test func itsQuickWinsInThePeriod() throws {
        let checkout = try #require(SiteFixture.slice(try html("checkout"), from: "<h2>Quick wins</h2>", to: "</section>"))
        #expect(checkout.contains(
            "<p>In the report's period (2026-05-20 to 2026-11-20): 1 of 2 concluded experiments (50%) retained within 30 days of starting.</p>"))
        #expect(checkout.contains("<ul><li><a href=\"../experiments/checkout-canary.html\">An experiment</a>: 30 days</li></ul>"))
        let mobile = try #require(SiteFixture.slice(try html("mobile"), from: "<h2>Quick wins</h2>", to: "</section>"))
        #expect(mobile.contains("0 of 1 concluded experiment (0%) retained within 30 days of starting.</p>"))
        #expect(!mobile.contains("<li>"))
    }

    @Test func itsExperimentsAndImprovements() throws {
        let html = try html("checkout")
        let table = try #require(SiteFixture.slice(html, from: "<h2>Experiments</h2>", to: "</table>"))
        let experiments = table.components(separatedBy: "<a href=\"../experiments/").dropFirst().map { $0.prefix { $0 != "." } }
        #expect(experiments == ["checkout-canary", "checkout-focus", "checkout-trunk", "quarantine-trial"])
        let developed = try #require(SiteFixture.slice(html, from: "<h3>Developed here</h3>", to: "</ul>"))
        #expect(developed.contains("improvements/quarantine.html") && developed.contains("improvements/trunk.html"))
        #expect(!developed.contains("canary"))
        let adopted = try #require(SiteFixture.slice(html, from: "<h3>Adopted from other teams</h3>", to: "</ul>"))
        #expect(adopted.contains("<a href=\"../improvements/canary.html\">An improvement</a>"))
        #expect(html.contains("1 improvement adopted"))
        #expect(try self.html("data").contains("<h3>Adopted from other teams</h3>\n<p class=\"none\">None yet.</p>"))
    }

    /// The recommendations are Recommender's, in its order.
    @Test func recommendationsAreTheRecommenders() throws {
        let expected = try Recommender(records: SiteFixture.records, config: InsightsFixture.config, today: InsightsFixture.today)
            .recommend(for: "data", limit: 5)
        let html = try html("data")
        let section = try #require(SiteFixture.slice(html, from: "<h2>Recommended for data</h2>", to: "</ol>"))
        let shown = section.components(separatedBy: "<a href=\"../improvements/").dropFirst().map { String($0.prefix { $0 != "." }) }
        #expect(!expected.recommendations.isEmpty)
        #expect(shown == expected.recommendations.map(\.improvement.id))
        #expect(section.contains("<li>\(HTMLEscaping.escape(expected.recommendations[0].reasons[0]))</li>"))
    }
}
