/// `kaizen report --format csv`, documented in the README: one row per
/// figure, then one per team, improvement, level, month, constraint or
/// experiment it breaks down into, so that a spreadsheet can filter, pivot
/// and chart them. The columns stay in this order; a value that is unknown,
/// or does not apply, is an empty cell. Shares are fractions, as in JSON.
enum ReportCSV {
    static let header = ["section", "figure", "subject", "value", "unit", "count", "total", "share", "goal", "met"]

    struct Row {
        var section: String
        var figure: String
        /// What part of the figure the row is; empty for the figure as a whole.
        var subject = ""
        var value: Double?
        var unit: String
        var count: Int? = nil
        var total: Int? = nil
        var share: Double? = nil
        var goal: Double? = nil
        var met: Bool? = nil

        /// A count out of a total, valued by its share.
        static func ratio(_ section: String, _ figure: String, subject: String = "", _ ratio: Ratio, unit: String = "share",
                          goal: Double? = nil, met: Bool? = nil) -> Row {
            Row(section: section, figure: figure, subject: subject, value: ratio.share, unit: unit, count: ratio.count,
                total: ratio.total, share: ratio.share, goal: goal, met: met)
        }

        var cells: [String] {
            [section, figure, subject, number(value), unit, number(count.map(Double.init)), number(total.map(Double.init)),
             number(share), number(goal), met.map(String.init) ?? ""]
        }
    }

    static func render(_ report: CrossTeamReport) -> String {
        CSVText.document([header] + (spread(report) + flow(report) + constraints(report) + learning(report)).map(\.cells))
    }

    private static func spread(_ report: CrossTeamReport) -> [Row] {
        let goals = report.goals, met = report.goalsMet
        let section = "Spread"
        var rows = [Row.ratio(section, "Adoption rate", report.adoption.teams, goal: goals.adoptionRate, met: met.adoption)]
        rows += report.teams.map { team in
            let adopted = report.adoption.adopters.first { $0.team == team }?.improvements.count ?? 0
            return Row(section: section, figure: "Adoption rate", subject: team, value: Double(adopted), unit: "improvements adopted")
        }
        rows.append(.ratio(section, "Knowledge capture", report.capture.improvements, goal: goals.knowledgeCapture, met: met.capture))
        let impact = report.impact
        rows.append(Row(section: section, figure: "Impact multiplication", value: impact.multiplication, unit: "teams per improvement",
                        count: impact.retentions, total: impact.improvements, goal: goals.impactMultiplication, met: met.impact))
        rows += impact.perImprovement.map {
            Row(section: section, figure: "Impact multiplication", subject: $0.improvement, value: Double($0.teams.count), unit: "teams")
        }
        let scaling = report.scaling
        rows += [
            Row(section: section, figure: "Scaling efficiency", value: scaling.reduction, unit: "share shorter",
                goal: goals.scalingEfficiency, met: met.scaling),
            Row(section: section, figure: "Scaling efficiency", subject: "adoptions", value: scaling.medianAdoptionDays,
                unit: "days (median)", count: scaling.adoptions.count),
            Row(section: section, figure: "Scaling efficiency", subject: "origin trials", value: scaling.medianOriginDays,
                unit: "days (median)", count: scaling.originTrials.count),
        ]
        let levels = report.levels
        rows.append(Row(section: section, figure: "Level balance", value: levels.largestShare, unit: "share of the largest level",
                        count: levels.counts.map(\.count).max(), total: levels.total, share: levels.largestShare,
                        goal: goals.levelBalance, met: met.levels))
        rows += levels.counts.map { .ratio(section, "Level balance", subject: $0.level.rawValue, Ratio($0.count, of: levels.total)) }
        rows += [
            Row(section: section, figure: "Claims without evidence", value: Double(report.unbackedClaims.count), unit: "improvements"),
            Row(section: section, figure: "Retained unexplained", value: Double(report.unexplainedRetentions.count), unit: "experiments"),
        ]
        return rows
    }

    private static func flow(_ report: CrossTeamReport) -> [Row] {
        let flow = report.flow, section = "Flow"
        // A team's limit is what its work in progress is held against.
        var rows = flow.workInProgress.map {
            Row(section: section, figure: "Work in progress", subject: $0.team, value: Double($0.running), unit: "experiments running",
                goal: Double($0.limit), met: $0.running <= $0.limit)
        }
        rows += [
            Row(section: section, figure: "Cycle time", subject: "median", value: flow.medianCycleDays, unit: "days",
                count: flow.cycleTimes.count),
            Row(section: section, figure: "Cycle time", subject: "85th percentile", value: flow.cycleDays85.map(Double.init),
                unit: "days", count: flow.cycleTimes.count),
            Row(section: section, figure: "Throughput", value: Double(flow.throughput.reduce(0) { $0 + $1.count }), unit: "experiments concluded"),
        ]
        rows += flow.throughput.map {
            Row(section: section, figure: "Throughput", subject: $0.month, value: Double($0.count), unit: "experiments concluded")
        }
        let quickWins = flow.quickWins
        let within = "share retained within \(pluralized(quickWins.withinDays, "day"))"
        rows.append(.ratio(section, "Quick wins", quickWins.experiments, unit: within))
        rows += quickWins.perTeam.map { .ratio(section, "Quick wins", subject: $0.team, $0.experiments, unit: within) }
        rows += quickWins.wins.map {
            Row(section: section, figure: "Quick wins", subject: $0.experiment, value: Double($0.days), unit: "days")
        }
        rows.append(Row(section: section, figure: "Expired", value: Double(flow.expired.count), unit: "experiments"))
        return rows
    }

    private static func constraints(_ report: CrossTeamReport) -> [Row] {
        let figures = report.constraints, section = "Constraints"
        var rows = [
            Row(section: section, figure: "Recurring", value: Double(figures.recurring.count), unit: "constraints"),
            Row(section: section, figure: "Recurring", subject: "on \(report.period.start)", value: Double(figures.recurringAtStart),
                unit: "constraints"),
        ]
        rows += figures.recurring.map {
            Row(section: section, figure: "Recurring", subject: $0.constraint, value: Double($0.times), unit: "observations")
        }
        rows.append(Row(section: section, figure: "Days open", value: Double(figures.ages.count), unit: "constraints"))
        rows += figures.ages.map {
            Row(section: section, figure: "Days open", subject: $0.constraint, value: $0.days.map(Double.init), unit: "days")
        }
        rows.append(Row(section: section, figure: "Not addressed", value: Double(figures.unaddressed.count), unit: "constraints"))
        return rows
    }

    private static func learning(_ report: CrossTeamReport) -> [Row] {
        [Row.ratio("Learning", "Learnings written", report.learning.withLearnings),
         Row.ratio("Learning", "Discarded", report.learning.discarded)]
    }

    /// Whole numbers without a decimal point; others as Swift writes a Double
    /// (the shortest text that reads back as the same number).
    private static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
