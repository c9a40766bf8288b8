/// Every experiment on one time axis, team by team: from its start to its
/// conclusion, or to today while it runs.
struct TimelinePage: SitePage {
    let snapshot: SiteSnapshot
    let path = SitePaths.timeline
    let title = "Timeline"

    func content() -> HTML {
        let perTeam = snapshot.teams.map { team in
            (team, snapshot.experiments(ofTeam: team).compactMap { span(of: $0, label: displayTitle($0)) }
                .sorted { ($0.start, $0.label) < ($1.start, $1.label) })
        }
        let all = perTeam.flatMap(\.1)
        guard let from = all.map(\.start).min(), let to = all.map(\.end).max() else {
            return "<h1>Timeline</h1>\n<p class=\"none\">No experiment has started yet.</p>"
        }
        // One axis for every team, so their charts line up.
        let axisEnd = max(to, snapshot.today, from.adding(days: 1))
        let charts = perTeam.map { team, spans -> HTML in
            spans.isEmpty
                ? "<section><h2>\(snapshot.teamName(team))</h2><p class=\"none\">No experiment started.</p></section>"
                : SVGChart.gantt(id: "team-\(SitePaths.fileName(team))", title: snapshot.teamName(team),
                                 summary: "\(pluralized(spans.count, "experiment")) of \(snapshot.teamName(team)).",
                                 spans: spans, from: from, to: axisEnd, today: snapshot.today)
        }
        let unstarted = snapshot.experiments.filter { span(of: $0, label: "") == nil }
        let unstartedList: HTML = unstarted.isEmpty ? "" : """
            <section><h2>Not on the axis</h2><p>Planned, or with no start day known:</p>
            <ul>\(HTML.joined(unstarted.map { "<li>\(experimentLink($0)) (\(teamLinks($0.teams)))</li>" as HTML }))</ul></section>
            """
        return """
            <h1>Timeline</h1>
            <p class="lead">Experiments per team from \(from.description) to \(axisEnd.description); the red line is today, \(snapshot.today.description).</p>
            \(spanLegend)
            \(HTML.joined(charts, separator: "\n"))
            \(unstartedList)
            """
    }
}
