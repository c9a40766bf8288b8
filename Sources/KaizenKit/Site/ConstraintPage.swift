/// One constraint: its facts, every observation, how long it has been open
/// and whether it recurs (the report's own figures, so the page and the
/// dashboard agree), the improvements and experiments that address it, and
/// its body sections rendered from Markdown.
struct ConstraintPage: SitePage {
    let snapshot: SiteSnapshot
    let record: Record

    var path: String { SitePaths.constraint(record.id) }
    var title: String { displayTitle(record) }

    func content() -> HTML {
        let constraint = record.constraint
        let addressing = snapshot.records(addressing: record.id)
        return """
            <h1>\(title)</h1>
            \(facts([
                ("Id", "<code>\(record.id)</code>"),
                ("Status", badge(constraint?.status?.value.rawValue)),
                ("Level", "\(constraint?.level?.value.rawValue ?? "unknown")"),
                ("Observed by", teamLinks(record.teams)),
                ("First seen", snapshot.dating.opened(record).map { "\($0.description)" }),
                ("Days open", daysOpen()),
                ("Recurring", recurrence()),
                ("Tags", record.tags.isEmpty ? nil : "\(record.tags.map(\.value).joined(separator: ", "))"),
            ]))
            <section>
            <h2>Observations</h2>
            \(observations(constraint?.observed ?? []))
            </section>
            <section>
            <h2>Addressed by</h2>
            <h3>Improvements</h3>
            \(improvementList(addressing.filter { $0.kind == .improvement }))
            <h3>Experiments</h3>
            \(experimentTable(addressing.filter { $0.kind == .experiment }, caption: "Every experiment that names this constraint."))
            </section>
            \(bodySections(of: record, expected: ["Description", "Effect"]))
            """
    }

    /// As the report counts them: from first seen to today, or to the day it was resolved.
    private func daysOpen() -> HTML {
        guard let days = snapshot.report.constraints.ages.first(where: { $0.constraint == record.id })?.days else {
            return "<span class=\"none\">no day known</span>"
        }
        let end = record.constraint?.status?.value == .resolved ? "the day it was resolved" : "today"
        return "\(pluralized(days, "day")), from when it was first seen to \(end)"
    }

    /// Recurring as the report lists it: seen by two or more teams, or three
    /// or more times, within the review window before today.
    private func recurrence() -> HTML {
        let window = "the last \(snapshot.config.reviewWindowDays) days"
        guard let recurring = snapshot.report.constraints.recurring.first(where: { $0.constraint == record.id }) else {
            return "no: not seen by two teams or three times in \(window)"
        }
        return "<strong>yes</strong>: seen \(pluralized(recurring.times, "time")) by \(teamLinks(recurring.teams)) in \(window)"
    }

    private func observations(_ observed: [Observation]) -> HTML {
        guard !observed.isEmpty else { return "<p class=\"none\">No observations.</p>" }
        let rows = observed.map { observation -> HTML in
            let day: HTML = observation.date.map { "<time datetime=\"\($0.value.description)\">\($0.value.description)</time>" }
                ?? "<span class=\"none\">no date</span>"
            let team = observation.team.map { teamLink($0.value) } ?? "<span class=\"none\">no team</span>"
            return "<tr><td>\(day)</td><td>\(team)</td><td>\(observation.note?.value ?? "")</td></tr>"
        }
        return HTML.table(headings: ["Day", "Team", "Note"], rows: rows, caption: "Each time it was seen, as written.")
    }

    private func improvementList(_ improvements: [Record]) -> HTML {
        guard !improvements.isEmpty else { return "<p class=\"none\">No improvement lists it.</p>" }
        let items = improvements.map { "<li>\(improvementLink($0.id)) \(badge($0.status?.value))</li>" as HTML }
        return "<ul>\(HTML.joined(items))</ul>"
    }
}
