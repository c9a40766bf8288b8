/// The improvement library (the site's front page): every improvement with
/// its level, area, origin and the teams that retained it, and a filter by
/// team, level, area, status and free text that needs the one script.
struct LibraryPage: SitePage {
    let snapshot: SiteSnapshot
    let path = SitePaths.library
    let title = "Improvement library"
    let scripts = [SitePaths.filterScript]

    func content() -> HTML {
        let improvements = snapshot.improvements
        return """
            <h1>Improvement library</h1>
            <p class="lead">\(pluralized(improvements.count, "improvement")) from \(pluralized(snapshot.teams.count, "team")): \
            what each changes, where it came from and who kept it.</p>
            \(filterForm())
            <p id="filter-count" role="status" aria-live="polite"></p>
            <ul class="cards" id="improvements">
            \(HTML.joined(improvements.map(card), separator: "\n"))
            </ul>
            """
    }

    /// Teams are matched by their page names, which hold no space.
    /// Hidden until the script shows it: without the script it would do nothing.
    private func filterForm() -> HTML {
        let improvements = snapshot.improvements.compactMap(\.improvement)
        let areas = Set(improvements.compactMap(\.area?.value)).union(snapshot.config.areas).sorted()
        return """
            <form id="filter" class="filter" role="search" aria-label="Filter the improvements" hidden>
            \(select("team", "Team (origin, trialled or retained)", snapshot.teams.map { (SitePaths.fileName($0), snapshot.teamName($0)) }))
            \(select("level", "Level", Level.allCases.map { ($0.rawValue, $0.rawValue) }))
            \(select("area", "Area", areas.map { ($0, $0) }))
            \(select("status", "Status", ImprovementStatus.allCases.map { ($0.rawValue, $0.rawValue) }))
            <div class="text"><label for="filter-q">Words in the title, tags or summary</label>\
            <input id="filter-q" name="q" type="search" autocomplete="off"></div>
            <div><button type="reset">Show all</button></div>
            </form>
            """
    }

    private func select(_ name: String, _ label: String, _ options: [(value: String, label: String)]) -> HTML {
        let choices = HTML.joined(options.map { "<option value=\"\($0.value)\">\($0.label)</option>" })
        return """
            <div><label for="filter-\(name)">\(label)</label><select id="filter-\(name)" name="\(name)">\
            <option value="">any</option>\(choices)</select></div>
            """
    }

    private func card(_ record: Record) -> HTML {
        let improvement = record.improvement
        let origin = improvement?.origin?.value
        let retained = snapshot.retainingTeams(of: record.id)
        let experiments = snapshot.experiments(ofImprovement: record.id)
        var teams = origin.map { [$0] } ?? []
        for team in experiments.flatMap(\.teams) where !teams.contains(team) { teams.append(team) }
        let summary = record.section("Summary")?.text ?? ""
        let searchable = ([record.id, displayTitle(record), summary] + record.tags.map(\.value)).joined(separator: " ").lowercased()
        return """
            <li data-teams="\(teams.map(SitePaths.fileName).joined(separator: " "))" data-level="\(improvement?.level?.value.rawValue ?? "")" \
            data-area="\(improvement?.area?.value ?? "")" data-status="\(improvement?.status?.value.rawValue ?? "")" data-text="\(searchable)">
            <h2><a href="\(href(SitePaths.improvement(record.id)))">\(displayTitle(record))</a></h2>
            \(facts([
                ("Status", improvementStatus(record)),
                ("Level", "\(improvement?.level?.value.rawValue ?? "unknown")"),
                ("Area", "\(improvement?.area?.value ?? "unknown")"),
                ("Origin", origin.map(teamLink) ?? "<span class=\"none\">unknown</span>"),
                ("Retained by", teamLinks(retained)),
                ("Experiments", "\(experiments.count)"),
            ]))
            </li>
            """
    }
}
