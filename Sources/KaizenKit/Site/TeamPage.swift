/// One team: its work in progress against its limit, its quick wins, its
/// experiments, the improvements it developed and adopted, the constraints it
/// observed, and what `kaizen recommend` suggests to it.
struct TeamPage: SitePage {
    let snapshot: SiteSnapshot
    let team: String

    var path: String { SitePaths.team(team) }
    var title: String { snapshot.teamName(team) }

    func content() -> HTML {
        let experiments = snapshot.experiments(ofTeam: team)
        let load = snapshot.report.flow.workInProgress.first { $0.team == team }
        let running = experiments.filter { $0.experiment?.status?.value == .running }
        let wip: HTML = load.map { load in
            let over: HTML = load.running > load.limit ? " <strong class=\"not-met\">over the limit</strong>" : ""
            return "<p>\(load.running) running of a limit of \(load.limit).\(over)</p>"
        } ?? "<p class=\"none\">Not a team of kaizen.yml.</p>"
        let runningList: HTML = running.isEmpty ? "" : "<ul>\(HTML.joined(running.map { "<li>\(experimentLink($0))</li>" as HTML }))</ul>"
        return """
            <h1>\(title)</h1>
            <p class="lead">Team <code>\(team)</code>: \(pluralized(experiments.count, "experiment")).</p>
            <section>
            <h2>Work in progress</h2>
            \(wip)
            \(runningList)
            </section>
            <section>
            <h2>Quick wins</h2>
            \(quickWins())
            </section>
            <section>
            <h2>Experiments</h2>
            \(experimentTable(experiments, caption: "Every experiment this team runs or ran, alone or with others."))
            </section>
            <section>
            <h2>Improvements</h2>
            \(improvements())
            </section>
            <section>
            <h2>Constraints</h2>
            \(constraints())
            </section>
            <section>
            <h2>Recommended for \(title)</h2>
            \(recommendations())
            </section>
            """
    }

    /// The team's share of the dashboard's quick wins, and which they were.
    private func quickWins() -> HTML {
        let quickWins = snapshot.report.flow.quickWins
        guard let share = quickWins.perTeam.first(where: { $0.team == team }) else { return "<p class=\"none\">Not a team of kaizen.yml.</p>" }
        let days = Dictionary(quickWins.wins.map { ($0.experiment, $0.days) }, uniquingKeysWith: { first, _ in first })
        let items = snapshot.experiments(ofTeam: team).compactMap { record -> HTML? in
            days[record.id].map { "<li>\(experimentLink(record)): \(ReportFormatter.days(Double($0)))</li>" }
        }
        let list: HTML = items.isEmpty ? "" : "<ul>\(HTML.joined(items))</ul>"
        return """
            <p>In the report's period (\(snapshot.report.period.start.description) to \(snapshot.report.period.end.description)): \
            \(ReportFormatter.quickWins(share.experiments, withinDays: quickWins.withinDays)).</p>
            \(list)
            """
    }

    /// What the team developed, and what it retained from other teams.
    private func improvements() -> HTML {
        let developed = snapshot.improvements.filter { $0.improvement?.origin?.value == team }
        let adopted = snapshot.improvements.filter { record in
            record.improvement?.origin?.value != team && snapshot.retainingTeams(of: record.id).contains(team)
        }
        let inPeriod = snapshot.report.adoption.adopters.first { $0.team == team }?.improvements ?? []
        func list(_ records: [Record], empty: String) -> HTML {
            records.isEmpty ? "<p class=\"none\">\(empty)</p>"
                : "<ul>\(HTML.joined(records.map { "<li>\(improvementLink($0.id))</li>" as HTML }))</ul>"
        }
        return """
            <h3>Developed here</h3>
            \(list(developed, empty: "None yet."))
            <h3>Adopted from other teams</h3>
            \(list(adopted, empty: "None yet."))
            <p>In the report's period (\(snapshot.report.period.start.description) to \(snapshot.report.period.end.description)): \
            \(inPeriod.isEmpty ? "no adoption" : "\(pluralized(inPeriod.count, "improvement")) adopted") \
            — this is what the dashboard's adoption rate counts.</p>
            """
    }

    /// The constraints the team observed, each with how often and when it last did.
    private func constraints() -> HTML {
        let items = snapshot.constraints.compactMap { record -> HTML? in
            let sightings = record.constraint?.observed.filter { $0.team?.value == team } ?? []
            guard !sightings.isEmpty else { return nil }
            let last = sightings.compactMap(\.date?.value).max().map { ", last on \($0.description)" } ?? ""
            return "<li>\(constraintLink(record.id)) \(badge(record.status?.value)): seen \(pluralized(sightings.count, "time"))\(last)</li>"
        }
        return items.isEmpty ? "<p class=\"none\">None observed.</p>" : "<ul>\(HTML.joined(items))</ul>"
    }

    private func recommendations() -> HTML {
        guard let report = snapshot.recommendations[team] else { return "<p class=\"none\">No recommendations.</p>" }
        if let reason = report.emptyReason { return "<p class=\"none\">\(reason)</p>" }
        let items = report.recommendations.map { recommendation -> HTML in
            let reasons = HTML.joined(recommendation.reasons.map { "<li>\($0)</li>" as HTML })
            return "<li>\(improvementLink(recommendation.improvement.id)) <ul>\(reasons)</ul></li>"
        }
        return """
            <p>Improvements proven elsewhere that fit this team's constraints, best fit first (as <code>kaizen recommend --team \(team)</code> ranks them).</p>
            <ol>\(HTML.joined(items, separator: "\n"))</ol>
            """
    }
}
