/// One page of the static site: where it goes, its title, and its content,
/// which `PageLayout` puts into the site's page template.
protocol SitePage {
    var snapshot: SiteSnapshot { get }
    /// Relative to the site's root.
    var path: String { get }
    var title: String { get }
    /// The script files it loads, relative to the site's root.
    var scripts: [String] { get }
    func content() -> HTML
}

extension SitePage {
    var scripts: [String] { [] }

    /// A link from this page to another page of the site.
    func href(_ target: String) -> String {
        SitePaths.link(from: path, to: target)
    }

    /// A link to a team's page; a team with no page (one kaizen.yml does not
    /// list, a typo such as 'paymnets') is named, not linked, and marked.
    func teamLink(_ team: String) -> HTML {
        guard snapshot.teams.contains(team) else { return "\(team) <span class=\"none\">(unknown team)</span>" }
        return "<a href=\"\(href(SitePaths.team(team)))\">\(snapshot.teamName(team))</a>"
    }

    func teamLinks(_ teams: [String]) -> HTML {
        teams.isEmpty ? "<span class=\"none\">none</span>" : HTML.joined(teams.map(teamLink), separator: ", ")
    }

    /// A link to an improvement's page, or its id alone when no improvement has it.
    func improvementLink(_ id: String) -> HTML {
        link(to: snapshot.improvement(id), id: id, kind: .improvement, page: SitePaths.improvement)
    }

    /// A link to a constraint's page, or its id alone when no constraint has it.
    func constraintLink(_ id: String) -> HTML {
        link(to: snapshot.constraint(id), id: id, kind: .constraint, page: SitePaths.constraint)
    }

    func constraintLinks(_ ids: [String]) -> HTML {
        ids.isEmpty ? "<span class=\"none\">none</span>" : HTML.joined(ids.map(constraintLink), separator: ", ")
    }

    private func link(to record: Record?, id: String, kind: RecordKind, page: (String) -> String) -> HTML {
        guard let record else { return "<code>\(id)</code> <span class=\"none\">(no such \(kind.rawValue))</span>" }
        return "<a href=\"\(href(page(id)))\">\(displayTitle(record))</a>"
    }

    func experimentLink(_ record: Record) -> HTML {
        "<a href=\"\(href(SitePaths.experiment(record.id)))\">\(displayTitle(record))</a>"
    }

    func displayTitle(_ record: Record) -> String {
        record.title?.value.trimmingSpaces() ?? record.id
    }

    func badge(_ value: String?) -> HTML {
        value.map { "<span class=\"badge\">\($0)</span>" } ?? "<span class=\"none\">unknown</span>"
    }

    /// An improvement's status, marked when it claims proven with no retained
    /// experiment to back it: such a claim is not counted as proven anywhere.
    func improvementStatus(_ record: Record) -> HTML {
        let status = record.improvement?.status?.value
        guard status == .proven, snapshot.retainingTeams(of: record.id).isEmpty else { return badge(status?.rawValue) }
        return "\(badge(status?.rawValue)) <span class=\"claim\" title=\"No concluded experiment retained it on evidence\">no evidence</span>"
    }

    /// Term and description pairs; a nil description leaves the pair out.
    func facts(_ pairs: [(String, HTML?)]) -> HTML {
        let items = pairs.compactMap { term, value in value.map { "<dt>\(term)</dt><dd>\($0)</dd>" as HTML } }
        return "<dl class=\"facts\">\n\(HTML.joined(items, separator: "\n"))\n</dl>"
    }

    /// Experiments as a table: title, teams, improvement, status, outcome, days.
    func experimentTable(_ records: [Record], caption: String) -> HTML {
        guard !records.isEmpty else { return "<p class=\"none\">No experiments.</p>" }
        let rows = records.map { record -> HTML in
            let experiment = record.experiment
            let improvement = experiment?.improvement.map { improvementLink($0.value) } ?? "<span class=\"none\">none</span>"
            return """
                <tr><th scope="row">\(experimentLink(record))</th><td>\(teamLinks(record.teams))</td><td>\(improvement)</td>\
                <td>\(badge(record.status?.value))</td><td>\(experiment?.outcome?.value.rawValue ?? "")</td>\
                <td>\(snapshot.dating.started(record)?.description ?? "")</td><td>\(snapshot.dating.concluded(record)?.description ?? "")</td></tr>
                """
        }
        return HTML.table(headings: ["Experiment", "Teams", "Improvement", "Status", "Outcome", "Started", "Concluded"],
                          rows: rows, caption: caption)
    }

    /// The record's body sections, each under its own heading, rendered from
    /// Markdown: first those `expected`, in that order, written or not, then the others.
    func bodySections(of record: Record, expected: [String] = []) -> HTML {
        let written = snapshot.renderedSections(of: record)
        var sections = expected.map { title in
            (title: title, html: written.first { $0.title.caseInsensitiveEquals(title) }?.html)
        }
        sections += written.filter { section in !expected.contains { $0.caseInsensitiveEquals(section.title) } }
        return HTML.joined(sections.map { title, html in
            let body = html ?? "<p class=\"none\">Not written yet.</p>"
            return "<section class=\"markdown\">\n<h2>\(title)</h2>\n\(body)</section>"
        }, separator: "\n")
    }

    /// The experiment on a time axis: from its start to its conclusion, or to
    /// today while it runs; nil before it starts or when no day is known.
    func span(of record: Record, label: String) -> SVGChart.Span? {
        guard let start = snapshot.dating.started(record) else { return nil }
        let status = record.experiment?.status?.value
        let end: CalendarDate
        let state: String
        if status == .concluded, let concluded = snapshot.dating.concluded(record) {
            end = concluded
            state = record.experiment?.outcome?.value.rawValue ?? "concluded"
        } else if status == .running {
            end = max(start, snapshot.today)
            state = "running"
        } else {
            return nil
        }
        return SVGChart.Span(label: label, href: href(SitePaths.experiment(record.id)), start: start, end: end, state: state)
    }

    /// The colours of the time axis, in words.
    var spanLegend: HTML {
        let states = ["running", "retained", "discarded", "inconclusive"]
        return "<ul class=\"legend\">\(HTML.joined(states.map { "<li><span class=\"swatch \($0)\"></span>\($0)</li>" }))</ul>"
    }
}
