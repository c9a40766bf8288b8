import Foundation
import Testing

/// `kaizen site` on the demo repository, with three records written to attack
/// the pages, loaded in headless Chromium: every page loads without a console
/// message (a script error, a blocked resource, a Content-Security-Policy
/// violation), the filter narrows the list, and the attack stays text.
///
/// Chromium is driven with `--dump-dom`: it loads a page, runs its scripts,
/// and prints the DOM as they left it; `--enable-logging=stderr` puts every
/// console message on stderr as a `CONSOLE` line. The filter reads its
/// settings from the page address, so a query string exercises it.
@Suite(.serialized) struct SiteCommandTests {
    static let hostileImprovement = """
        ---
        kind: improvement
        title: "<script>document.body.setAttribute('data-pwned','yes')</script> Hostile practice"
        status: trialling
        origin: data
        level: team
        area: flow
        ---

        ## Summary

        <script>document.body.setAttribute('data-pwned','yes')</script>

        Read [this](javascript:document.body.setAttribute('data-pwned','yes')) and <img src=x onerror="document.body.setAttribute('data-pwned','yes')">.

        ## Context

        <iframe src="javascript:alert(1)"></iframe>

        ## Implementation guide

        [steps](  JAVASCRIPT:alert(1) "title")

        ## Adaptation notes

        None.
        """

    static let hostileExperiment = """
        ---
        kind: experiment
        title: "Trial <img src=x onerror=\\"document.body.setAttribute('data-pwned','yes')\\">"
        teams: [data]
        improvement: zz-hostile
        constraints: [zz-hostile-queue]
        hypothesis: "If we change <b>this</b>, we expect the lead time to fall below 2 days"
        signals:
          - {metric: lead time, baseline: 4 days, target: 2 days, result: "\\" onmouseover=\\"alert(1)"}
        status: planned
        review-by: 2026-12-20
        rollback: "<a href='javascript:alert(1)'>undo</a>"
        ---

        ## Plan

        <a href="javascript:alert(1)">go</a>

        ## Observations

        ## Learnings
        """

    static let hostileConstraint = """
        ---
        kind: constraint
        title: "<script>document.body.setAttribute('data-pwned','yes')</script> Hostile queue"
        status: open
        level: team
        observed:
          - {date: 2026-11-02, team: data, note: "<img src=x onerror=\\"document.body.setAttribute('data-pwned','yes')\\"> waited"}
        ---

        ## Description

        Read [this](javascript:document.body.setAttribute('data-pwned','yes')).
        """

    /// The demo repository with the hostile records, and its site under `site/`.
    static func buildSite() throws -> (FixtureFolder, URL) {
        let folder = try FixtureFolder()
        let repository = folder.url.appendingPathComponent("demo")
        let script = KaizenProcess.packageRoot.appendingPathComponent("examples/build-demo-repo.sh").path
        let built = try FixtureProcess.run("/bin/bash", [script, repository.path], in: nil)
        #expect(built.status == 0, "\(built.text)\(built.errorText)")
        try folder.write("demo/improvements/zz-hostile.md", hostileImprovement)
        try folder.write("demo/experiments/zz-hostile-trial.md", hostileExperiment)
        try folder.write("demo/constraints/zz-hostile-queue.md", hostileConstraint)
        let result = try KaizenProcess.run(["site", "--out", "site", "--today", "2026-11-20"], in: repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote 49 files to "), "\(result.stdout)")
        return (folder, repository.appendingPathComponent("site"))
    }

    struct Loaded {
        var dom: String
        var console: [String]
    }

    /// Chromium, from the Debian package `chromium`.
    static func chromium() -> String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Loads a page in headless Chromium, with a fresh profile and a minute to finish.
    static func load(_ browser: String, _ url: URL, query: String = "") throws -> Loaded {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let chromium = try BackgroundProcess(
            URL(fileURLWithPath: browser), ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                                            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
                                            "--dump-dom", url.absoluteString + query],
            in: nil, environment: ProcessInfo.processInfo.environment
        ).finish(within: 60)
        #expect(chromium.status == 0, "chromium failed on \(url.path): \(chromium.errorText)")
        return Loaded(dom: chromium.text, console: chromium.errorText.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init))
    }

    /// Chromium and the demo's site; nil, recorded as an issue, without Chromium.
    static func browserAndSite() throws -> (browser: String, folder: FixtureFolder, site: URL)? {
        guard let browser = chromium() else {
            Issue.record("chromium is not installed, and the site's browser test needs it: apt-get install -y chromium")
            return nil
        }
        let (folder, site) = try buildSite()
        return (browser, folder, site)
    }

    /// The improvements the filter left shown, by page name.
    static func shownImprovements(_ dom: String) -> [String] {
        dom.components(separatedBy: "<li data-teams=").dropFirst().filter { item in
            !(item.prefix { $0 != ">" }).contains(" hidden")
        }.compactMap { item in
            item.range(of: "href=\"improvements/").map { String(item[$0.upperBound...].prefix { $0 != "." }) }
        }
    }

    @Test func theSiteLoadsFiltersAndKeepsRecordsInert() throws {
        guard let (browser, folder, site) = try Self.browserAndSite() else { return }
        defer { _ = folder }

        let pages = ["index.html", "dashboard.html", "timeline.html", "improvements/canary-releases.html",
                     "experiments/canary-payments-api.html", "teams/checkout.html", "constraints/flaky-e2e-suite.html",
                     "improvements/zz-hostile.html", "experiments/zz-hostile-trial.html", "constraints/zz-hostile-queue.html"]
        for page in pages {
            let loaded = try Self.load(browser, site.appendingPathComponent(page))
            #expect(loaded.console.isEmpty, "\(page): \(loaded.console)")
            #expect(loaded.dom.contains("<main id=\"main\">"), "\(page) did not load")
            #expect(!loaded.dom.contains("data-pwned=\"yes\""), "\(page) ran a record's script")
            let dom = loaded.dom.lowercased()
            #expect(!dom.contains("href=\"javascript:") && !dom.contains("src=\"javascript:"), "\(page) kept a script link")
        }

        // Without a filter, every improvement shows and the script has shown the form.
        let all = try Self.load(browser, site.appendingPathComponent("index.html"))
        #expect(Self.shownImprovements(all.dom).count == 11)
        #expect(all.dom.contains("Showing all 11 improvements."))
        #expect(all.dom.contains("<form id=\"filter\" class=\"filter\" role=\"search\" aria-label=\"Filter the improvements\">"))

        // Mobile developed mobile-trunk-based-development and review-pairs, and trials preview environments.
        let mobile = try Self.load(browser, site.appendingPathComponent("index.html"), query: "?team=mobile")
        #expect(Self.shownImprovements(mobile.dom) == ["mobile-trunk-based-development", "preview-environments", "review-pairs"])
        #expect(mobile.dom.contains("Showing 3 of 11 improvements."))
        #expect(mobile.console.isEmpty, "\(mobile.console)")

        // Canary releases is cross-team; standard-change pre-approval, a system one, builds on them.
        let words = try Self.load(browser, site.appendingPathComponent("index.html"), query: "?q=canary%20rollback")
        #expect(Self.shownImprovements(words.dom) == ["canary-releases", "standard-change-preapproval"])
        let narrowed = try Self.load(browser, site.appendingPathComponent("index.html"), query: "?level=system&q=canary")
        #expect(Self.shownImprovements(narrowed.dom) == ["standard-change-preapproval"])

        // The attack is on the page as text.
        let hostile = try Self.load(browser, site.appendingPathComponent("improvements/zz-hostile.html"))
        #expect(hostile.dom.contains("<h1>&lt;script&gt;document.body.setAttribute('data-pwned','yes')&lt;/script&gt; Hostile practice</h1>"))
        #expect(!hostile.dom.contains("<iframe"))
        #expect(!hostile.dom.contains("<img"))
        let trial = try Self.load(browser, site.appendingPathComponent("experiments/zz-hostile-trial.html"))
        #expect(trial.dom.contains("<td>\" onmouseover=\"alert(1)</td>"))
        #expect(!trial.dom.contains("<img"))
        #expect(!trial.dom.contains("<b>this</b>"))
        let queue = try Self.load(browser, site.appendingPathComponent("constraints/zz-hostile-queue.html"))
        #expect(queue.dom.contains("<h1>&lt;script&gt;document.body.setAttribute('data-pwned','yes')&lt;/script&gt; Hostile queue</h1>"))
        #expect(queue.dom.contains("<td>&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\"&gt; waited</td>"))
        #expect(!queue.dom.contains("<img"))
    }

    /// A constraint's page: its observations, the report's days open and
    /// recurrence, what addresses it; and the pages that link to it.
    @Test func eachConstraintHasAPageThatThePagesNamingItLinkTo() throws {
        guard let (browser, folder, site) = try Self.browserAndSite() else { return }
        defer { _ = folder }
        let flaky = try Self.load(browser, site.appendingPathComponent("constraints/flaky-e2e-suite.html"))
        #expect(flaky.console.isEmpty, "\(flaky.console)")
        let dom = flaky.dom
        #expect(dom.contains("<h1>Flaky end-to-end tests block checkout's pipeline</h1>"))
        #expect(dom.contains("<dt>Status</dt><dd><span class=\"badge\">easing</span></dd>"))
        // `kaizen report` says: flaky-e2e-suite (easing): 85 days; recurring (checkout; 3 times).
        #expect(dom.contains("<dt>Days open</dt><dd>85 days, from when it was first seen to today</dd>"))
        #expect(dom.contains("<dt>Recurring</dt><dd><strong>yes</strong>: seen 3 times by <a href=\"../teams/checkout.html\">Checkout</a> in the last 90 days</dd>"))
        let observations = try #require(dom.components(separatedBy: "<h2>Observations</h2>").last?.components(separatedBy: "</table>").first)
        #expect(observations.components(separatedBy: "<time datetime=").dropFirst().map { String($0.prefix(12)) }
                == ["\"2026-08-27\"", "\"2026-09-24\"", "\"2026-10-15\""])
        #expect(observations.contains("<td>Hotfix for the tax calculation needed three pipeline reruns (70 minutes) before it could merge.</td>"))
        let addressed = try #require(dom.components(separatedBy: "<h2>Addressed by</h2>").last?.components(separatedBy: "</section>").first)
        let links = addressed.components(separatedBy: "<a href=\"../").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(links.filter { !$0.hasPrefix("teams/") } == ["improvements/flaky-test-quarantine.html", "experiments/checkout-contract-tests.html",
                                                             "experiments/checkout-flaky-quarantine-trial.html", "improvements/flaky-test-quarantine.html"])

        let experiment = try Self.load(browser, site.appendingPathComponent("experiments/canary-payments-api.html"))
        #expect(experiment.dom.contains("<dt>Constraints</dt><dd><a href=\"../constraints/change-advisory-board.html\">"))
        let improvement = try Self.load(browser, site.appendingPathComponent("improvements/flaky-test-quarantine.html"))
        #expect(improvement.dom.contains("<dt>Constraints addressed</dt><dd><a href=\"../constraints/flaky-e2e-suite.html\">Flaky end-to-end tests block checkout's pipeline</a></dd>"))
        let dashboard = try Self.load(browser, site.appendingPathComponent("dashboard.html"))
        #expect(dashboard.dom.contains("<a href=\"constraints/flaky-e2e-suite.html\">"))
        let team = try Self.load(browser, site.appendingPathComponent("teams/checkout.html"))
        #expect(team.dom.contains("<a href=\"../constraints/flaky-e2e-suite.html\">Flaky end-to-end tests block checkout's pipeline</a> <span class=\"badge\">easing</span>: seen 3 times, last on 2026-10-15"))
    }

    /// The command refuses unsafe folders with a diagnostic and exit 2, and writing again replaces its own site.
    @Test func refusesUnsafeOutputFolders() throws {
        let (folder, site) = try Self.buildSite()
        let repository = site.deletingLastPathComponent()
        let again = try KaizenProcess.run(["site", "--out", "site", "--today", "2026-11-20"], in: repository)
        #expect(again.status == 0, "\(again.stderr)")
        for (out, message) in [(".", "it is the repository's root folder"), ("improvements/site", "which kaizen reads records or settings from")] {
            let result = try KaizenProcess.run(["site", "--out", out, "--today", "2026-11-20"], in: repository)
            #expect(result.status == 2)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stderr.hasPrefix("kaizen: error: cannot write the site to "))
        }
        try folder.write("demo/public/keep.txt", "mine")
        let busy = try KaizenProcess.run(["site", "--out", "public", "--today", "2026-11-20"], in: repository)
        #expect(busy.status == 2)
        #expect(busy.stderr.contains("holds files that `kaizen site` did not write"))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("public/index.html").path))
        let forced = try KaizenProcess.run(["site", "--out", "public", "--force", "--today", "2026-11-20"], in: repository)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try folder.read("demo/public/keep.txt") == "mine")
    }

    /// An output folder that cannot be listed is an environment error (exit
    /// 2), not a finding (exit 1). Root can list any folder, so as root the
    /// run drops to the user nobody.
    @Test func anOutputFolderThatCannotBeListedExitsTwo() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config, "improvements/review-pairs.md": Records.improvement])
        let output = folder.url.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: output.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: output.path) }
        let arguments = ["site", "--out", "public", "--today", "2026-11-20"]
        let result = getuid() == 0
            ? try BackgroundKaizen(["--reuid=65534", "--regid=65534", "--clear-groups", KaizenProcess.binary.path] + arguments,
                                   in: folder.url, executable: URL(fileURLWithPath: "/usr/bin/setpriv")).finish()
            : try folder.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr == "kaizen: error: cannot read \(output.path): permission denied: check its permissions\n")
    }

    /// A record file that cannot be read is left out of the site, and said
    /// so on stderr in `kaizen check`'s words rather than dropped unseen.
    @Test func anUnreadableRecordIsNamedOnStandardError() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config, "improvements/review-pairs.md": Records.improvement])
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("improvements/gone.md").path,
                                                   withDestinationPath: "nowhere.md")
        let result = try folder.run(["site", "--out", "public", "--today", "2026-11-20"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "kaizen: warning: left out of the site, as they cannot be read:")
        #expect(lines.contains { $0.hasPrefix("  improvements/gone.md:1:1: error: cannot read ") && $0.hasSuffix("[unreadable-file]") })
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("public/improvements/review-pairs.html").path))
    }
}
