/// Puts a page's content into the site's page template (`templates/site/page.html`,
/// or the repository's own in `.kaizen/templates/site/`).
///
/// The pages are written in Swift, not in a template language: every value
/// goes through `HTML` interpolation, which escapes it, so a template cannot
/// forget to; the charts are geometry, which a logic-less template cannot
/// compute; and kaizen needs no template engine as a dependency. What a
/// repository most wants to change, the frame around every page, its
/// styles and the filter script, stays in plain files it can override.
/// The template's `{{name}}` variables: `title`, `root` (the relative way to
/// the site's root, with a trailing `/` unless empty), `nav`, `content`,
/// `scripts`, `today` and `version`.
struct PageLayout {
    let template: String
    let today: CalendarDate

    private static let sections: [(title: String, path: String)] = [
        ("Improvements", SitePaths.library), ("Dashboard", SitePaths.dashboard), ("Timeline", SitePaths.timeline),
    ]

    func render(_ page: some SitePage) -> String {
        let nav = HTML.joined(Self.sections.map { title, target in
            let current: HTML = target == page.path ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(page.href(target))\"\(current)>\(title)</a></li>"
        })
        let teams = HTML.joined(page.snapshot.teams.map { team in
            let current: HTML = SitePaths.team(team) == page.path ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(page.href(SitePaths.team(team)))\"\(current)>\(page.snapshot.teamName(team))</a></li>"
        })
        let scripts = HTML.joined(page.scripts.map { "<script src=\"\(page.href($0))\" defer></script>" }, separator: "\n")
        let values: [String: String] = [
            "title": HTMLEscaping.escape(page.title),
            "root": page.href(""),
            "nav": """
                <nav aria-label="Pages"><ul>\(nav.markup)</ul></nav>
                <nav aria-label="Teams"><ul>\(teams.markup)</ul></nav>
                """,
            "content": page.content().markup,
            "scripts": scripts.markup,
            "today": today.description,
            "version": HTMLEscaping.escape(KaizenVersion.current),
        ]
        return TemplateRenderer(values: values).render(template)
    }
}
