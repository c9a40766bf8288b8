@testable import KaizenKit
import Testing

@Suite struct ConstraintPageTests {
    func html(_ id: String, history: Bool = true) throws -> String {
        let snapshot = try SiteFixture.snapshot(history: history)
        return ConstraintPage(snapshot: snapshot, record: SiteFixture.record(id, in: snapshot)).content().markup
    }

    /// staging: seen by payments on 2026-09-01 and checkout on 2026-10-01, so
    /// recurring; open 80 days to 2026-11-20; checkout-canary names it.
    @Test func factsObservationsAndWhatAddressesIt() throws {
        let html = try html("staging")
        #expect(html.contains("<dt>Status</dt><dd><span class=\"badge\">open</span></dd>"))
        #expect(html.contains("<dt>Observed by</dt><dd><a href=\"../teams/payments.html\">payments</a>, <a href=\"../teams/checkout.html\">checkout</a></dd>"))
        #expect(html.contains("<dt>First seen</dt><dd>2026-09-01</dd>"))
        #expect(html.contains("<dt>Days open</dt><dd>80 days, from when it was first seen to today</dd>"))
        #expect(html.contains("<dt>Recurring</dt><dd><strong>yes</strong>: seen 2 times by <a href=\"../teams/payments.html\">payments</a>, "
            + "<a href=\"../teams/checkout.html\">checkout</a> in the last 90 days</dd>"))
        let observations = try #require(SiteFixture.slice(html, from: "<h2>Observations</h2>", to: "</table>"))
        #expect(observations.contains("""
            <tr><td><time datetime="2026-09-01">2026-09-01</time></td><td><a href="../teams/payments.html">payments</a></td><td>seen</td></tr>
            <tr><td><time datetime="2026-10-01">2026-10-01</time></td><td><a href="../teams/checkout.html">checkout</a></td><td>seen</td></tr>
            """))
        let addressed = try #require(SiteFixture.slice(html, from: "<h2>Addressed by</h2>", to: "</section>"))
        #expect(addressed.contains("<h3>Improvements</h3>\n<p class=\"none\">No improvement lists it.</p>"))
        let experiments = addressed.components(separatedBy: "<a href=\"../experiments/").dropFirst().map { $0.prefix { $0 != "." } }
        #expect(experiments == ["checkout-canary"])
        #expect(html.contains("<h2>Description</h2>\n<p class=\"none\">Not written yet.</p>"))
    }

    /// noise: first seen 2026-06-01, resolved on 2026-07-01 by history; seen once.
    @Test func aResolvedConstraintCountsItsDaysToItsResolution() throws {
        let html = try html("noise")
        #expect(html.contains("<dt>Days open</dt><dd>30 days, from when it was first seen to the day it was resolved</dd>"))
        #expect(html.contains("<dt>Recurring</dt><dd>no: not seen by two teams or three times in the last 90 days</dd>"))
        #expect(try self.html("noise", history: false).contains("<dt>Days open</dt><dd><span class=\"none\">no day known</span></dd>"))
    }

    @Test func recordValuesAreEscapedAndBothKindsThatAddressItAreLinked() throws {
        let html = try html("hostile-queue")
        #expect(SiteFixture.isInert(html))
        #expect(html.contains("<h1>&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;yes&#39;)&lt;/script&gt; queue</h1>"))
        #expect(html.contains("<td>&lt;img src=x onerror=&quot;alert(7)&quot;&gt; waited</td>"))
        #expect(html.contains("<h2>Description</h2>\n<p>Five teams wait for <a href=\"\">a link</a>.</p>\n</section>"))
        #expect(html.contains("<li><a href=\"../improvements/hostile.html\">&lt;script&gt;"))
        #expect(html.contains("<a href=\"../experiments/hostile-trial.html\">Try &quot;quotes&quot;"))
    }

    /// The pages that show a record's constraints, or list constraints, link each to its page.
    @Test func otherPagesLinkTheConstraintPages() throws {
        let snapshot = try SiteFixture.snapshot()
        func page(_ page: some SitePage) -> String { page.content().markup }
        let experiment = page(ExperimentPage(snapshot: snapshot, record: SiteFixture.record("hostile-trial", in: snapshot)))
        #expect(experiment.contains("<dt>Constraints</dt><dd><a href=\"../constraints/hostile-queue.html\">&lt;script&gt;"))
        #expect(experiment.contains("</a>, <code>no-such-constraint</code> <span class=\"none\">(no such constraint)</span></dd>"))
        let improvement = page(ImprovementPage(snapshot: snapshot, record: SiteFixture.record("hostile", in: snapshot)))
        #expect(improvement.contains("<dt>Constraints addressed</dt><dd><a href=\"../constraints/hostile-queue.html\">"))
        let dashboard = page(DashboardPage(snapshot: snapshot))
        let chart = try #require(SiteFixture.slice(dashboard, from: "<figure class=\"chart\" id=\"constraints-by-recurrence\">", to: "</svg>"))
        #expect(chart.contains("<a href=\"constraints/staging.html\">"))
        let team = page(TeamPage(snapshot: snapshot, team: "checkout"))
        #expect(team.contains("<h2>Constraints</h2>\n<ul><li><a href=\"../constraints/staging.html\">A constraint</a> "
            + "<span class=\"badge\">open</span>: seen 1 time, last on 2026-10-01</li></ul>"))
        #expect(page(TeamPage(snapshot: snapshot, team: "mobile")).contains("<a href=\"../constraints/queue.html\">A constraint</a>"))
    }
}
