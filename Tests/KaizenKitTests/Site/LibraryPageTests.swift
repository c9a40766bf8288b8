@testable import KaizenKit
import Testing

@Suite struct LibraryPageTests {
    func html() throws -> String {
        try LibraryPage(snapshot: SiteFixture.snapshot()).content().markup
    }

    /// One card per improvement, each carrying what the filter matches on.
    @Test func listsEveryImprovementWithItsFilterFields() throws {
        let html = try html()
        #expect(SiteFixture.count("<li data-teams=", in: html) == 6)
        let canary = try #require(SiteFixture.slice(html, from: "<li data-teams=\"payments checkout mobile\"", to: "</li>"))
        #expect(canary.contains("data-level=\"system\" data-area=\"flow\" data-status=\"proven\""))
        #expect(canary.contains("<a href=\"improvements/canary.html\">An improvement</a>"))
        // The origin, then the adopters, as their experiments retained it.
        #expect(canary.contains("<dt>Retained by</dt><dd><a href=\"teams/payments.html\">payments</a>, "
            + "<a href=\"teams/checkout.html\">checkout</a>, <a href=\"teams/mobile.html\">mobile</a></dd>"))
        #expect(canary.contains("<dt>Experiments</dt><dd>3</dd>"))
        let old = try #require(SiteFixture.slice(html, from: "<li data-teams=\"data\" data-level=\"cross-team\"", to: "</li>"))
        #expect(old.contains("data-status=\"retired\""))
        #expect(old.contains("<dt>Retained by</dt><dd><span class=\"none\">none</span></dd>"))
    }

    /// Every control has a label bound to it, and the form stays hidden
    /// until the script shows it: without the script it would do nothing.
    @Test func theFilterIsLabelledAndHiddenWithoutScript() throws {
        let html = try html()
        let form = try #require(SiteFixture.slice(html, from: "<form id=\"filter\"", to: "</form>"))
        #expect(form.contains("role=\"search\""))
        #expect(form.contains(" hidden>"))
        for name in ["team", "level", "area", "status", "q"] {
            #expect(form.contains("<label for=\"filter-\(name)\">"), "\(name)")
            #expect(form.contains("id=\"filter-\(name)\" name=\"\(name)\""), "\(name)")
        }
        #expect(form.contains("<option value=\"cross-team\">cross-team</option>"))
        #expect(form.contains("<option value=\"mobile\">mobile</option>"))
        #expect(html.contains("<p id=\"filter-count\" role=\"status\" aria-live=\"polite\"></p>"))
        #expect(LibraryPage(snapshot: try SiteFixture.snapshot()).scripts == ["assets/filter.js"])
    }

    /// The title and tags go into both the text and the attributes escaped.
    @Test func recordValuesAreEscaped() throws {
        let html = try html()
        #expect(SiteFixture.isInert(html))
        #expect(html.contains(">&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;yes&#39;)&lt;/script&gt; &amp; friends</a>"))
        #expect(html.contains("data-text=\"hostile &lt;script&gt;"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;\">"))
    }

    /// The page frame links the stylesheet and script relative to the page.
    @Test func layoutLinksRelativeToThePage() throws {
        let snapshot = try SiteFixture.snapshot()
        let layout = PageLayout(template: TemplateStore.builtIn("site/page.html"), today: InsightsFixture.today)
        let page = layout.render(LibraryPage(snapshot: snapshot))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"assets/site.css\">"))
        #expect(page.contains("<script src=\"assets/filter.js\" defer></script>"))
        #expect(page.contains("<a href=\"index.html\" aria-current=\"page\">Improvements</a>"))
        #expect(page.contains("<title>Improvement library · kaizen</title>"))
        #expect(page.contains("script-src 'self'"))
        let team = layout.render(TeamPage(snapshot: snapshot, team: "mobile"))
        #expect(team.contains("<link rel=\"stylesheet\" href=\"../assets/site.css\">"))
        #expect(team.contains("<a href=\"../teams/mobile.html\" aria-current=\"page\">mobile</a>"))
        #expect(!team.contains("<script"))
    }

    /// An improvement that claims proven with no retained experiment is marked
    /// where its status shows, in the library and on its page; a backed one is not.
    @Test func aProvenClaimWithoutEvidenceIsMarked() throws {
        let files = SiteFixture.files + [InsightsFixture.improvement("claimed", "proven", origin: "data", level: "team")]
        let snapshot = try SiteFixture.snapshot(of: files, history: nil)
        let mark = "<span class=\"badge\">proven</span> <span class=\"claim\" title=\"No concluded experiment retained it on evidence\">no evidence</span>"
        let html = LibraryPage(snapshot: snapshot).content().markup
        let claimed = try #require(SiteFixture.slice(html, from: "<li data-teams=\"data\" data-level=\"team\"", to: "</li>"))
        #expect(claimed.contains("<dt>Status</dt><dd>\(mark)</dd>"))
        #expect(SiteFixture.count("class=\"claim\"", in: html) == 1)
        let page = ImprovementPage(snapshot: snapshot, record: SiteFixture.record("claimed", in: snapshot)).content().markup
        #expect(page.contains("<dt>Status</dt><dd>\(mark)</dd>"))
    }
}
