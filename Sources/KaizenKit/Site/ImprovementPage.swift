/// One improvement: its facts, its guide sections rendered from Markdown,
/// its experiments across teams and how it was adopted over time.
struct ImprovementPage: SitePage {
    let snapshot: SiteSnapshot
    let record: Record

    var path: String { SitePaths.improvement(record.id) }
    var title: String { displayTitle(record) }

    func content() -> HTML {
        let improvement = record.improvement
        let experiments = snapshot.experiments(ofImprovement: record.id)
        let constraints = improvement?.constraints.map(\.value) ?? []
        return """
            <h1>\(title)</h1>
            \(facts([
                ("Id", "<code>\(record.id)</code>"),
                ("Status", improvementStatus(record)),
                ("Level", "\(improvement?.level?.value.rawValue ?? "unknown")"),
                ("Area", "\(improvement?.area?.value ?? "unknown")"),
                ("Origin", improvement?.origin.map { teamLink($0.value) } ?? "<span class=\"none\">unknown</span>"),
                ("Retained by", teamLinks(snapshot.retainingTeams(of: record.id))),
                ("Constraints addressed", constraints.isEmpty ? nil : constraintLinks(constraints)),
                ("Tags", record.tags.isEmpty ? nil : "\(record.tags.map(\.value).joined(separator: ", "))"),
            ]))
            \(bodySections(of: record, expected: NotCapturedRule.guideSections.map(\.title)))
            <section>
            <h2>Experiments across teams</h2>
            \(experimentTable(experiments, caption: "Every experiment that trials this improvement."))
            </section>
            <section>
            <h2>Adoption timeline</h2>
            \(adoptionTimeline(experiments))
            </section>
            """
    }

    /// Each start and conclusion in date order, then the same on a time axis.
    private func adoptionTimeline(_ experiments: [Record]) -> HTML {
        let origin = record.improvement?.origin?.value
        var events: [(day: CalendarDate, text: HTML)] = []
        for experiment in experiments {
            let who = teamLinks(experiment.teams)
            let role: HTML = origin.map { experiment.teams.contains($0) } == false ? "adoption" : "trial by the origin"
            if let start = snapshot.dating.started(experiment) {
                events.append((start, "\(who) started \(experimentLink(experiment)) (\(role))"))
            }
            if experiment.experiment?.status?.value == .concluded, let end = snapshot.dating.concluded(experiment) {
                let outcome = experiment.experiment?.outcome?.value.rawValue ?? "no outcome"
                events.append((end, "\(who) concluded \(experimentLink(experiment)): <strong>\(outcome)</strong>"))
            }
        }
        guard !events.isEmpty else { return "<p class=\"none\">No experiment of this improvement has started yet.</p>" }
        let items = events.sorted { $0.day < $1.day }.map { "<li><time datetime=\"\($0.day.description)\">\($0.day.description)</time>: \($0.text)</li>" as HTML }
        let spans = experiments.compactMap { span(of: $0, label: $0.teams.joined(separator: ", ") + ": " + $0.id) }
        var chart: HTML = ""
        if let from = spans.map(\.start).min(), let to = spans.map(\.end).max() {
            chart = SVGChart.gantt(id: "adoption-chart", title: "Trials on a time axis",
                                   summary: "Each experiment from its start to its conclusion, or to today while it runs.",
                                   spans: spans, from: from, to: max(to, from.adding(days: 1)), today: snapshot.today)
        }
        return """
            <ol class="events">
            \(HTML.joined(items, separator: "\n"))
            </ol>
            \(chart)
            \(spans.isEmpty ? "" : spanLegend)
            """
    }
}
