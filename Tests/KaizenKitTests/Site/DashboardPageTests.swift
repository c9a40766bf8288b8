@testable import KaizenKit
import Testing

@Suite struct DashboardPageTests {
    func html() throws -> String {
        try DashboardPage(snapshot: SiteFixture.snapshot()).content().markup
    }

    /// The rows of a chart's table of numbers, as (label, value) pairs.
    func rows(of chart: String, in html: String) throws -> [[String]] {
        let figure = try #require(SiteFixture.slice(html, from: "<figure class=\"chart\" id=\"\(chart)\">", to: "</figure>"))
        let body = try #require(SiteFixture.slice(figure, from: "<tbody>", to: "</tbody>"))
        return body.components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "<t").dropFirst().map { cell in String(cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }) }
        }
    }

    /// Every figure of `kaizen report`, in its words, with the goal's verdict.
    @Test func figuresAreTheReports() throws {
        let snapshot = try SiteFixture.snapshot()
        let html = try html()
        let formatter = ReportFormatter(format: .text, periodName: "6 months")
        for line in formatter.sections(snapshot.report).flatMap(\.lines) {
            #expect(html.contains("<li><h3>\(HTMLEscaping.escape(line.figure))</h3><p class=\"value\">\(HTMLEscaping.escape(line.value))</p>"),
                    "\(line.figure)")
        }
        #expect(html.contains("<h3>Adoption rate</h3><p class=\"value\">2 of 4 teams (50%)</p><p class=\"goal\">Goal 70%: <span class=\"not-met\">not met</span></p>"))
        #expect(html.contains("<p class=\"lead\">Cross-team report, 2026-05-20 to 2026-11-20 (6 months): 4 teams, 21 records.</p>"))
    }

    /// quick-win-days is 30: of the four experiments concluded in the period,
    /// only checkout-canary was retained within 30 days of its start.
    @Test func quickWinsWithEachTeamsShare() throws {
        #expect(try html().contains("""
            <li><h3>Quick wins</h3><p class="value">1 of 4 concluded experiments (25%) retained within 30 days of starting</p>\
            <ul><li>by team: payments 0 of 1 (0%), checkout 1 of 2 (50%), mobile 0 of 1 (0%), data 0 of 1 (0%)</li>\
            <li>checkout-canary (checkout): 30 days</li></ul></li>
            """))
    }

    /// checkout adopted canary on 2026-08-31 and mobile on 2026-10-21 (by history).
    @Test func adoptionOverTime() throws {
        let rows = try rows(of: "adoption-over-time", in: html())
        #expect(rows.map { $0[0] } == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
        #expect(rows.map { $0[1] } == ["0", "0", "0", "1", "1", "2", "2"])
    }

    /// Running: checkout-focus; mobile-pairs; payments-alerts (payments, data); hostile-trial (data).
    @Test func workInProgressPerTeamWithLimits() throws {
        let html = try html()
        #expect(try rows(of: "wip-per-team", in: html) == [["payments", "1", "3"], ["checkout", "1", "3"], ["mobile", "1", "1"], ["data", "2", "3"]])
        let chart = try #require(SiteFixture.slice(html, from: "<figure class=\"chart\" id=\"wip-per-team\">", to: "</svg>"))
        #expect(SiteFixture.count("<line class=\"limit\"", in: chart) == 4)
        #expect(chart.contains("<a href=\"teams/mobile.html\">"))
        #expect(chart.contains("role=\"img\" aria-labelledby=\"wip-per-team-title\" aria-describedby=\"wip-per-team-summary\""))
    }

    /// Concluded in the period: 30, 50, 40 and 45 days, in weekly bins.
    @Test func cycleTimeDistribution() throws {
        let rows = try rows(of: "cycle-times", in: html())
        #expect(rows.count == 8)
        #expect(rows.first == ["0–6", "0"])
        #expect(rows.filter { $0[1] != "0" } == [["28–34", "1"], ["35–41", "1"], ["42–48", "1"], ["49–55", "1"]])
    }

    /// Only staging recurs in the window: payments and checkout saw it.
    @Test func recurringConstraints() throws {
        let rows = try rows(of: "constraints-by-recurrence", in: html())
        #expect(rows.count == 1)
        #expect(rows.first?.first?.hasSuffix("(payments, checkout)") == true)
        #expect(rows.first?.last == "2")
    }
}
