public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json, csv
}

/// Renders `kaizen report`: each figure with its count and total, its goal
/// and whether it is met, then what it was computed from.
public struct ReportFormatter: Sendable {
    public var format: ReportFormat
    /// How the period was asked for ("6 months"), for the heading.
    public var periodName: String

    public init(format: ReportFormat, periodName: String) {
        self.format = format
        self.periodName = periodName
    }

    public func render(_ report: CrossTeamReport) -> String {
        switch format {
        case .json: return JSONOutput.encode(ReportJSON(report))
        case .csv: return ReportCSV.render(report)
        case .text: return text(sections(report), report)
        case .markdown: return markdown(sections(report), report)
        }
    }

    /// One figure: its value in words, its goal, and the lines behind it.
    struct Line {
        var figure: String
        var value: String
        var goal: String? = nil
        var met: Bool? = nil
        var details: [String] = []
    }

    struct Section {
        var title: String
        var lines: [Line]
    }

    func heading(_ report: CrossTeamReport) -> String {
        let history = report.hasHistory ? "" : " No git history was read: days come from the front matter only."
        return "Cross-team report, \(report.period.start) to \(report.period.end) (\(periodName)): "
            + "\(pluralized(report.teams.count, "team")), \(pluralized(report.recordCount, "record")).\(history)"
    }

    func sections(_ report: CrossTeamReport) -> [Section] {
        [spread(report), flow(report.flow), constraints(report), learning(report.learning)]
    }

    private func spread(_ report: CrossTeamReport) -> Section {
        let goals = report.goals
        let adoption = report.adoption
        var adoptionDetails = adoption.adopters.map { "\($0.team) retained \(list($0.improvements))" }
        if !adoption.others.isEmpty { adoptionDetails.append("not yet: \(list(adoption.others))") }

        let capture = report.capture
        let captureDetails = capture.missing.map { "\($0.improvement) lacks \(list($0.sections))" }

        let impact = report.impact
        let impactValue = impact.multiplication.map {
            "\(pluralized(impact.retentions, "team retention")) ÷ \(pluralized(impact.improvements, "proven improvement")) = \(Self.number($0))×"
        } ?? "no proven improvement"
        let impactDetails = impact.perImprovement.map { "\($0.improvement): \($0.teams.count)× (\($0.teams.joined(separator: ", ")))" }

        let scaling = report.scaling
        let scalingValue: String
        if let adoptionDays = scaling.medianAdoptionDays, let originDays = scaling.medianOriginDays, let reduction = scaling.reduction {
            let direction = reduction >= 0 ? "shorter" : "longer"
            scalingValue = "adoptions \(Self.days(adoptionDays)) (median of \(scaling.adoptions.count)) vs origins "
                + "\(Self.days(originDays)) (median of \(scaling.originTrials.count)): \(Self.percent(abs(reduction))) \(direction)"
        } else if scaling.adoptions.isEmpty {
            scalingValue = "no dated adoption concluded in the period"
        } else if let adoptionDays = scaling.medianAdoptionDays, scaling.medianOriginDays == 0 {
            // A trial concluded the day it started: there is no length to take a share of.
            scalingValue = "adoptions \(Self.days(adoptionDays)) (median of \(scaling.adoptions.count)) vs origins 0 days "
                + "(median of \(scaling.originTrials.count)): nothing to compare with a trial that took no time"
        } else {
            scalingValue = "no dated origin trial to compare the \(pluralized(scaling.adoptions.count, "adoption")) with"
        }
        let scalingDetails = (scaling.adoptions.map { ($0, "adoption") } + scaling.originTrials.map { ($0, "origin trial") })
            .map { trial, role in "\(trial.experiment) (\(role) of \(trial.improvement), \(trial.teams.joined(separator: ", "))): \(Self.days(Double(trial.days)))" }

        let levels = report.levels
        let levelValue = levels.total == 0 ? "no active improvement" : levels.counts.map { count in
            "\(count.level.rawValue) \(count.count) (\(Self.percent(Double(count.count) / Double(levels.total))))"
        }.joined(separator: ", ") + " of \(levels.total) active"
        let met = report.goalsMet
        var evidence: [Line] = []
        if !report.unbackedClaims.isEmpty {
            evidence.append(Line(figure: "Claims without evidence",
                                 value: "\(pluralized(report.unbackedClaims.count, "improvement")) marked proven, which no retained experiment backs: not counted above",
                                 details: [list(report.unbackedClaims)]))
        }
        if !report.unexplainedRetentions.isEmpty {
            evidence.append(Line(figure: "Retained unexplained",
                                 value: "\(pluralized(report.unexplainedRetentions.count, "experiment")) retained against its signals with no outcome-reason: not counted as retentions",
                                 details: [list(report.unexplainedRetentions)]))
        }

        return Section(title: "Spread", lines: [
            Line(figure: "Adoption rate", value: Self.ratio(adoption.teams, noun: "team"), goal: Self.percent(goals.adoptionRate),
                 met: met.adoption, details: adoptionDetails),
            Line(figure: "Knowledge capture", value: Self.ratio(capture.improvements, noun: "proven improvement"),
                 goal: Self.percent(goals.knowledgeCapture), met: met.capture,
                 details: captureDetails),
            Line(figure: "Impact multiplication", value: impactValue, goal: "\(Self.number(goals.impactMultiplication))×",
                 met: met.impact, details: impactDetails),
            Line(figure: "Scaling efficiency", value: scalingValue, goal: "\(Self.percent(goals.scalingEfficiency)) shorter",
                 met: met.scaling, details: scalingDetails),
            Line(figure: "Level balance", value: levelValue, goal: "no level above \(Self.percent(goals.levelBalance))",
                 met: met.levels),
        ] + evidence)
    }

    private func flow(_ flow: CrossTeamReport.Flow) -> Section {
        let load = flow.workInProgress.map { "\($0.team) \($0.running) of \($0.limit)\($0.running > $0.limit ? " (over)" : "")" }
        let cycle: String
        if let median = flow.medianCycleDays, let p85 = flow.cycleDays85 {
            cycle = "median \(Self.days(median)), 85th percentile \(Self.days(Double(p85))) "
                + "(\(pluralized(flow.cycleTimes.count, "experiment")) concluded in the period)"
        } else {
            cycle = "no dated experiment concluded in the period"
        }
        let total = flow.throughput.reduce(0) { $0 + $1.count }
        let perMonth = flow.throughput.map { "\($0.month): \($0.count)" }.joined(separator: ", ")
        var cycleDetails: [String] = []
        if !flow.undated.isEmpty {
            cycleDetails.append("no start or conclusion day known for \(list(flow.undated)): add `start:` and `concluded:`")
        }
        return Section(title: "Flow", lines: [
            Line(figure: "Work in progress", value: load.isEmpty ? "no teams" : load.joined(separator: ", ")),
            Line(figure: "Cycle time", value: cycle, details: cycleDetails),
            Line(figure: "Throughput", value: "\(total) concluded: \(perMonth)"),
            Line(figure: "Quick wins", value: Self.quickWins(flow.quickWins.experiments, withinDays: flow.quickWins.withinDays),
                 details: quickWinDetails(flow.quickWins)),
            Line(figure: "Expired", value: flow.expired.isEmpty ? "none" : "\(flow.expired.count): \(list(flow.expired))"),
        ])
    }

    private func quickWinDetails(_ quickWins: CrossTeamReport.QuickWins) -> [String] {
        let perTeam = quickWins.perTeam.map { "\($0.team) \(Self.ratio($0.experiments))" }
        return (perTeam.isEmpty ? [] : ["by team: " + perTeam.joined(separator: ", ")])
            + quickWins.wins.map { "\($0.experiment) (\($0.teams.joined(separator: ", "))): \(Self.days(Double($0.days)))" }
    }

    private func constraints(_ report: CrossTeamReport) -> Section {
        let figures = report.constraints
        let recurring = figures.recurring.map { "\($0.constraint) (\($0.teams.joined(separator: ", ")); \(pluralized($0.times, "time")))" }
        let trend = "\(figures.recurring.count) now, \(figures.recurringAtStart) on \(report.period.start)"
        let ages = figures.ages.map { age in
            "\(age.constraint) (\(age.status)): " + (age.days.map { pluralized($0, "day") } ?? "no day known")
        }
        return Section(title: "Constraints", lines: [
            Line(figure: "Recurring", value: trend, details: recurring),
            Line(figure: "Days open", value: figures.ages.isEmpty ? "no constraints" : "\(pluralized(figures.ages.count, "constraint")), longest first",
                 details: ages),
            Line(figure: "Not addressed", value: figures.unaddressed.isEmpty
                 ? "every open constraint has an experiment" : "\(figures.unaddressed.count) open with no experiment: \(list(figures.unaddressed))"),
        ])
    }

    private func learning(_ learning: CrossTeamReport.Learning) -> Section {
        var discardedDetails: [String] = []
        if learning.neverDiscards {
            discardedDetails.append(
                "nothing concluded in the period was discarded: either every idea works, or failures are being called something else")
        }
        return Section(title: "Learning", lines: [
            Line(figure: "Learnings written", value: Self.ratio(learning.withLearnings, noun: "concluded experiment")),
            Line(figure: "Discarded", value: Self.ratio(learning.discarded, noun: "concluded experiment"), details: discardedDetails),
        ])
    }

    // MARK: Layouts

    private func text(_ sections: [Section], _ report: CrossTeamReport) -> String {
        var output = heading(report) + "\n"
        let width = sections.flatMap(\.lines).map(\.figure.count).max() ?? 0
        for section in sections {
            output += "\n\(section.title)\n"
            for line in section.lines {
                output += "  " + line.figure.padding(toLength: width + 2, withPad: " ", startingAt: 0) + line.value
                if let goal = line.goal { output += "; goal \(goal): \(Self.verdict(line.met))" }
                output += "\n"
                for detail in line.details { output += String(repeating: " ", count: width + 6) + detail + "\n" }
            }
        }
        return output
    }

    private func markdown(_ sections: [Section], _ report: CrossTeamReport) -> String {
        var output = "# Cross-team report\n\n\(MarkdownText.inline(heading(report)))\n"
        for section in sections {
            output += "\n## \(section.title)\n\n| Figure | Value | Goal |\n|---|---|---|\n"
            for line in section.lines {
                let goal = line.goal.map { "\(MarkdownText.inline($0)): \(Self.verdict(line.met))" } ?? ""
                output += "| \(line.figure) | \(MarkdownText.inline(line.value)) | \(goal) |\n"
            }
            let detailed = section.lines.filter { !$0.details.isEmpty }
            if !detailed.isEmpty { output += "\n" }
            for line in detailed {
                output += "- **\(line.figure)**\n"
                for detail in line.details { output += "  - \(MarkdownText.inline(detail))\n" }
            }
        }
        return output
    }

    // MARK: Words and numbers

    /// "2 of 5 teams (40%)", or without a noun "2 of 5 (40%)".
    static func ratio(_ ratio: Ratio, noun: String? = nil) -> String {
        let share = ratio.share.map { " (\(percent($0)))" } ?? ""
        let total = noun.map { pluralized(ratio.total, $0) } ?? String(ratio.total)
        return "\(ratio.count) of \(total)\(share)"
    }

    /// The quick-win figure in words, for the report and the site's team pages.
    static func quickWins(_ experiments: Ratio, withinDays: Int) -> String {
        "\(ratio(experiments, noun: "concluded experiment")) retained within \(pluralized(withinDays, "day")) of starting"
    }

    private func list(_ items: [String]) -> String {
        items.joined(separator: ", ")
    }

    static func verdict(_ met: Bool?) -> String {
        switch met {
        case true?: return "met"
        case false?: return "not met"
        case nil: return "no data yet"
        }
    }

    /// A share as a whole percentage: 0.4 → "40%".
    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }

    /// Whole numbers without a decimal point, others with one digit.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }

    static func days(_ value: Double) -> String {
        value == 1 ? "1 day" : "\(number(value)) days"
    }
}
