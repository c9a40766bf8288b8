@testable import KaizenKit
import Testing

@Suite struct TimelinePageTests {
    func html() throws -> String {
        try TimelinePage(snapshot: SiteFixture.snapshot()).content().markup
    }

    /// One chart per team, on one shared axis from the first start to today.
    @Test func oneChartPerTeamOnASharedAxis() throws {
        let html = try html()
        for team in ["payments", "checkout", "mobile", "data"] {
            #expect(html.contains("<figure class=\"chart\" id=\"team-\(team)\">"), "\(team)")
        }
        // quarantine-trial started 2026-01-10, the earliest.
        #expect(html.contains("from 2026-01-10 to 2026-11-20"))
        let checkout = try #require(SiteFixture.slice(html, from: "id=\"team-checkout\"", to: "</figure>"))
        #expect(checkout.contains("<title>An experiment: 2026-08-01 to 2026-08-31, retained</title>"))
        // checkout-focus runs from its start in history to today.
        #expect(checkout.contains("<title>An experiment: 2026-11-01 to 2026-11-20, running</title>"))
        #expect(SiteFixture.count("<rect class=\"span", in: checkout) == 4)
        #expect(checkout.contains("<line class=\"today\""))
    }

    /// Bars are placed by day: the axis runs from 2026-01-10 (x 170) to
    /// 2026-11-20 (x 630), 314 days over 460 units.
    @Test func barsArePlacedByDay() throws {
        let checkout = try #require(SiteFixture.slice(try html(), from: "id=\"team-checkout\"", to: "</figure>"))
        #expect(checkout.contains("<rect class=\"span retained\" x=\"170\" y=\"27\" width=\"44\""))
        #expect(checkout.contains("<line class=\"today\" x1=\"630\" x2=\"630\""))
    }

    @Test func experimentsWithoutAStartAreListedApart() throws {
        let files = SiteFixture.files + [InsightsFixture.experiment("later", teams: "[mobile]", status: "planned", reviewBy: "2027-01-01")]
        let snapshot = try SiteFixture.snapshot(of: files, history: InsightsFixture.history,
                                                period: ReportPeriod(start: InsightsFixture.today.adding(days: -180), end: InsightsFixture.today),
                                                periodName: "180 days")
        let html = TimelinePage(snapshot: snapshot).content().markup
        let apart = try #require(SiteFixture.slice(html, from: "<h2>Not on the axis</h2>", to: "</section>"))
        #expect(apart.contains("<a href=\"experiments/later.html\">An experiment</a>"))
        #expect(SiteFixture.isInert(html))
    }
}
