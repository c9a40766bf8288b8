/// One file of the site: its path under the output folder and its text.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var contents: String
}

/// Renders every page of the site, and its stylesheet and script, from a snapshot.
public struct SiteBuilder: Sendable {
    let snapshot: SiteSnapshot
    let templates: TemplateStore

    public init(snapshot: SiteSnapshot, templates: TemplateStore) {
        self.snapshot = snapshot
        self.templates = templates
    }

    public func files() throws -> [SiteFile] {
        let layout = PageLayout(template: try templates.siteTemplate(named: "page.html"), today: snapshot.today)
        var pages: [any SitePage] = [LibraryPage(snapshot: snapshot), DashboardPage(snapshot: snapshot), TimelinePage(snapshot: snapshot)]
        pages += snapshot.improvements.map { ImprovementPage(snapshot: snapshot, record: $0) }
        pages += snapshot.experiments.map { ExperimentPage(snapshot: snapshot, record: $0) }
        pages += snapshot.constraints.map { ConstraintPage(snapshot: snapshot, record: $0) }
        pages += snapshot.teams.map { TeamPage(snapshot: snapshot, team: $0) }
        var files = pages.map { SiteFile(path: $0.path, contents: layout.render($0)) }
        files.append(SiteFile(path: SitePaths.stylesheet, contents: try templates.siteTemplate(named: "site.css")))
        files.append(SiteFile(path: SitePaths.filterScript, contents: try templates.siteTemplate(named: "filter.js")))
        return files
    }
}
