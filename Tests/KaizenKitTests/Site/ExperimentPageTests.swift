@testable import KaizenKit
import Testing

@Suite struct ExperimentPageTests {
    func html(_ id: String, history: Bool = true) throws -> String {
        let snapshot = try SiteFixture.snapshot(history: history)
        return ExperimentPage(snapshot: snapshot, record: SiteFixture.record(id, in: snapshot)).content().markup
    }

    @Test func hypothesisSignalsAndFacts() throws {
        let html = try html("checkout-canary")
        #expect(html.contains("<blockquote class=\"hypothesis\"><p>If we change the way we work, we expect the lead time to fall below 2 days</p></blockquote>"))
        #expect(html.contains("<tr><th scope=\"row\">lead time</th><td>4 days</td><td>under 2 days</td><td>1.5 days</td></tr>"))
        #expect(html.contains("<dt>Teams</dt><dd><a href=\"../teams/checkout.html\">checkout</a></dd>"))
        #expect(html.contains("<dt>Improvement</dt><dd><a href=\"../improvements/canary.html\">An improvement</a></dd>"))
        #expect(html.contains("<dt>Review by</dt><dd>2026-09-01</dd>"))
        #expect(html.contains("<dt>Outcome</dt><dd><strong>retained</strong></dd>"))
        #expect(html.contains("<h2>Learnings</h2>\n<p>Worked here too.</p>"))
    }

    /// Each status commit: created, then every change, with its author.
    @Test func statusHistoryFromGit() throws {
        let html = try html("mobile-canary")
        let history = try #require(SiteFixture.slice(html, from: "<h2>Status history</h2>", to: "</table>"))
        let rows = history.components(separatedBy: "<tr><td>").dropFirst()
        #expect(rows.count == 3)
        #expect(rows.first?.contains("2026-08-20</time></td><td>created as <span class=\"badge\">planned</span></td><td>Ana Lima</td>") == true)
        #expect(rows.last?.contains("<span class=\"badge\">running</span> → <span class=\"badge\">concluded</span>") == true)
        #expect(html.contains("<dt>Concluded</dt><dd>2026-10-21</dd>"))
    }

    @Test func withoutHistoryTheStatusHistorySaysSo() throws {
        let html = try html("mobile-canary", history: false)
        #expect(html.contains("<h2>Status history</h2>\n<p class=\"none\">No git history was read.</p>"))
        #expect(!html.contains("<dt>Concluded</dt>"))
    }

    /// Front-matter values are text, even one that tries to close its attribute.
    @Test func recordValuesAreEscaped() throws {
        let html = try html("hostile-trial")
        #expect(SiteFixture.isInert(html))
        #expect(html.contains("<h1>Try &quot;quotes&quot; &amp; &lt;em&gt;tags&lt;/em&gt;</h1>"))
        #expect(html.contains("<td>x&quot; onmouseover=&quot;alert(5)</td>"))
        #expect(html.contains("<th scope=\"row\">&lt;i&gt;lead&lt;/i&gt; time</th>"))
        #expect(html.contains("<dt>Rollback</dt><dd>Undo &lt;it&gt;.</dd>"))
        #expect(html.contains("<a href=\"\">plan</a>"))
    }

    /// A team kaizen.yml does not list has no page, so it is named, not
    /// linked to a page that does not exist.
    @Test func anUnknownTeamIsNamedNotLinked() throws {
        let files = SiteFixture.files.map { file in
            file.path == "experiments/checkout-canary.md"
                ? RecordFixture(file.path, file.text.replacingOccurrences(of: "teams: [checkout]", with: "teams: [checkout, paymnets]")) : file
        }
        let snapshot = try SiteFixture.snapshot(of: files, history: nil)
        let html = ExperimentPage(snapshot: snapshot, record: SiteFixture.record("checkout-canary", in: snapshot)).content().markup
        #expect(html.contains("<dt>Teams</dt><dd><a href=\"../teams/checkout.html\">checkout</a>, paymnets <span class=\"none\">(unknown team)</span></dd>"))
        #expect(!html.contains("teams/paymnets.html"))
        #expect(try SiteBuilder(snapshot: snapshot, templates: TemplateStore(workspace: Workspace.inMemory(config: InsightsFixture.config)))
            .files().allSatisfy { $0.path != "teams/paymnets.html" })
    }
}
