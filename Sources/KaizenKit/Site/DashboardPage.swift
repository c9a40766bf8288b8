/// `kaizen report` as a page: the same figures, from `ReportFormatter`'s own
/// sections so the words and numbers match the command's, and charts of
/// adoption over time, work in progress per team, the cycle time
/// distribution and the recurring constraints.
struct DashboardPage: SitePage {
    let snapshot: SiteSnapshot
    let path = SitePaths.dashboard
    let title = "Dashboard"

    func content() -> HTML {
        let formatter = ReportFormatter(format: .text, periodName: snapshot.periodName)
        let report = snapshot.report
        let sections = formatter.sections(report).map { section -> HTML in
            """
            <section>
            <h2>\(section.title)</h2>
            <ul class="figures">
            \(HTML.joined(section.lines.map(figure), separator: "\n"))
            </ul>
            </section>
            """
        }
        return """
            <h1>Dashboard</h1>
            <p class="lead">\(formatter.heading(report))</p>
            \(adoptionChart())
            \(workInProgressChart())
            \(cycleTimeChart())
            \(constraintChart())
            \(HTML.joined(sections, separator: "\n"))
            """
    }

    private func figure(_ line: ReportFormatter.Line) -> HTML {
        var goal: HTML = ""
        if let target = line.goal {
            let verdict = ReportFormatter.verdict(line.met)
            let style: HTML = line.met == true ? "met" : line.met == false ? "not-met" : "none"
            goal = "<p class=\"goal\">Goal \(target): <span class=\"\(style)\">\(verdict)</span></p>"
        }
        let details: HTML = line.details.isEmpty ? "" : "<ul>\(HTML.joined(line.details.map { "<li>\($0)</li>" as HTML }))</ul>"
        return "<li><h3>\(line.figure)</h3><p class=\"value\">\(line.value)</p>\(goal)\(details)</li>"
    }

    private func adoptionChart() -> HTML {
        let report = snapshot.report
        return SVGChart.columns(
            id: "adoption-over-time", title: "Adoption over time",
            summary: "Teams (of \(report.teams.count)) that retained an improvement from another team between \(report.period.start.description) and the end of each month: the adoption rate's count as it grew.",
            columns: snapshot.adoptionByMonth.map { SVGChart.Column(label: $0.month, value: $0.teams) },
            labelHeading: "month", valueHeading: "teams adopting")
    }

    private func workInProgressChart() -> HTML {
        SVGChart.bars(
            id: "wip-per-team", title: "Work in progress per team",
            summary: "Running experiments per team; the dashed line is the team's limit.",
            bars: snapshot.report.flow.workInProgress.map {
                SVGChart.Bar(label: snapshot.teamName($0.team), value: $0.running, limit: $0.limit, href: href(SitePaths.team($0.team)))
            },
            valueHeading: "running")
    }

    /// Cycle times in bins of whole weeks, wide enough for at most a dozen bins.
    private func cycleTimeChart() -> HTML {
        let times = snapshot.report.flow.cycleTimes
        let longest = times.max() ?? 0
        let binDays = max(7, Int((Double(longest + 1) / 12 / 7).rounded(.up)) * 7)
        let columns = times.isEmpty ? [] : (0...(longest / binDays)).map { bin in
            SVGChart.Column(label: "\(bin * binDays)–\((bin + 1) * binDays - 1)",
                            value: times.count { $0 / binDays == bin })
        }
        return SVGChart.columns(
            id: "cycle-times", title: "Cycle time distribution",
            summary: "Days from start to conclusion of the \(pluralized(times.count, "experiment")) concluded in the period, in bins of \(binDays) days.",
            columns: columns, labelHeading: "days", valueHeading: "experiments")
    }

    private func constraintChart() -> HTML {
        let recurring = snapshot.report.constraints.recurring.sorted { ($1.times, $0.constraint) < ($0.times, $1.constraint) }
        return SVGChart.bars(
            id: "constraints-by-recurrence", title: "Recurring constraints",
            summary: "Times each recurring constraint was observed within the last \(snapshot.config.reviewWindowDays) days.",
            bars: recurring.map { constraint in
                let record = snapshot.constraint(constraint.constraint)
                return SVGChart.Bar(label: "\(record.map(displayTitle) ?? constraint.constraint) (\(constraint.teams.joined(separator: ", ")))",
                                    value: constraint.times, href: record.map { href(SitePaths.constraint($0.id)) })
            },
            valueHeading: "observations")
    }
}
