/// Computes `kaizen report`'s figures from a workspace's records.
///
/// A *retention* is an experiment concluded with `outcome: retained` that
/// names an existing improvement: each of its teams retained that improvement
/// on the day it concluded. An *adoption* is a retention by a team other than
/// the improvement's `origin`.
///
/// - adoption rate: teams with an adoption concluded in the period ÷ teams.
/// - knowledge capture: proven improvements with Summary, Context,
///   Implementation guide and Adaptation notes all written ÷ proven improvements.
/// - impact multiplication: for each proven improvement, its origin plus every
///   other team that ever retained it; overall, their sum ÷ proven improvements.
/// - scaling efficiency: the median days from start to conclusion of the
///   adoptions concluded in the period, against the median of the origins'
///   own retained trials of the same improvements: 1 − adoption ÷ origin.
/// - level balance: active (not retired) improvements by level.
/// - flow: running experiments per team against its limit; start-to-conclusion
///   days (median, 85th percentile by nearest rank) and conclusions per month
///   of the experiments concluded in the period; running experiments past
///   their deadline.
/// - constraints: recurring today and on the period's first day (seen by two
///   or more teams, or three or more times, in the review window); days open
///   from first seen to today or to resolution; open or easing constraints no
///   experiment names.
/// - learning: of the experiments concluded in the period, those whose
///   Learnings are written, and those discarded.
///
/// Days come from the front matter where it gives them, else from the commit
/// that made the change (see `RecordDating`).
public struct ReportBuilder: Sendable {
    let records: [Record]
    let config: KaizenConfig
    let period: ReportPeriod
    let dating: RecordDating

    private let improvements: [String: (record: Record, improvement: ImprovementRecord)]
    private let experiments: [(record: Record, experiment: ExperimentRecord)]
    // Worked out once: several figures read each of them.
    private let retentions: [Retention]
    private let proven: [(record: Record, improvement: ImprovementRecord)]
    private let concludedInPeriod: [(record: Record, experiment: ExperimentRecord, day: CalendarDate)]

    public init(records: [Record], config: KaizenConfig, period: ReportPeriod, dating: RecordDating) {
        self.records = records
        self.config = config
        self.period = period
        self.dating = dating
        var improvements: [String: (record: Record, improvement: ImprovementRecord)] = [:]
        for record in records {
            if let improvement = record.improvement, improvements[record.id] == nil { improvements[record.id] = (record, improvement) }
        }
        self.improvements = improvements
        let experiments = records.compactMap { record in record.experiment.map { (record: record, experiment: $0) } }
            .sorted { $0.record.id < $1.record.id }
        self.experiments = experiments
        retentions = experiments.compactMap { record, experiment in
            guard experiment.status?.value == .concluded, experiment.outcome?.value == .retained,
                  let id = experiment.improvement?.value, let improvement = improvements[id] else { return nil }
            return Retention(experiment: record, improvement: id, origin: improvement.improvement.origin?.value,
                             teams: record.teams, day: dating.concluded(record))
        }
        proven = improvements.values.filter { $0.improvement.status?.value == .proven }.sorted { $0.record.id < $1.record.id }
        concludedInPeriod = experiments.compactMap { record, experiment in
            guard experiment.status?.value == .concluded, let day = dating.concluded(record), period.contains(day) else { return nil }
            return (record, experiment, day)
        }
    }

    public func build() -> CrossTeamReport {
        CrossTeamReport(
            period: period, teams: teams, recordCount: records.count, hasHistory: dating.hasHistory, goals: config.goals,
            adoption: adoption(), capture: capture(), impact: impact(), scaling: scaling(), levels: levels(),
            flow: flow(), constraints: constraintFigures(), learning: learning())
    }

    /// kaizen.yml's teams, else every team the records name.
    var teams: [String] {
        config.teams.isEmpty ? Set(records.flatMap(\.teams)).sorted() : config.teamIDs
    }

    private struct Retention {
        var experiment: Record
        var improvement: String
        var origin: String?
        var teams: [String]
        var day: CalendarDate?
    }

    private func adoption() -> CrossTeamReport.Adoption {
        var adopted: [String: Set<String>] = [:]
        for retention in retentions {
            guard let day = retention.day, period.contains(day) else { continue }
            for team in retention.teams where team != retention.origin && retention.origin != nil {
                adopted[team, default: []].insert(retention.improvement)
            }
        }
        let adopters = teams.compactMap { team in
            adopted[team].map { CrossTeamReport.TeamImprovements(team: team, improvements: $0.sorted()) }
        }
        return CrossTeamReport.Adoption(teams: Ratio(adopters.count, of: teams.count), adopters: adopters,
                                        others: teams.filter { adopted[$0] == nil })
    }

    private func capture() -> CrossTeamReport.Capture {
        let missing = proven.compactMap { record, _ -> CrossTeamReport.MissingSections? in
            let lacking = NotCapturedRule.missingSections(of: record)
            return lacking.isEmpty ? nil : CrossTeamReport.MissingSections(improvement: record.id, sections: lacking)
        }
        return CrossTeamReport.Capture(improvements: Ratio(proven.count - missing.count, of: proven.count), missing: missing)
    }

    private func impact() -> CrossTeamReport.Impact {
        let spreads = proven.map { record, improvement in
            var teams = improvement.origin.map { [$0.value] } ?? []
            for retention in retentions where retention.improvement == record.id {
                for team in retention.teams where !teams.contains(team) { teams.append(team) }
            }
            return CrossTeamReport.ImprovementSpread(improvement: record.id, origin: improvement.origin?.value, teams: teams)
        }.sorted { ($1.teams.count, $0.improvement) < ($0.teams.count, $1.improvement) }
        return CrossTeamReport.Impact(retentions: spreads.reduce(0) { $0 + $1.teams.count }, improvements: spreads.count,
                                      perImprovement: spreads)
    }

    private func scaling() -> CrossTeamReport.Scaling {
        var adoptions: [CrossTeamReport.Trial] = []
        var origins: [CrossTeamReport.Trial] = []
        for retention in retentions {
            guard let origin = retention.origin, let days = trialDays(retention) else { continue }
            let trial = CrossTeamReport.Trial(experiment: retention.experiment.id, improvement: retention.improvement,
                                              teams: retention.teams, days: days)
            if retention.teams.contains(origin) {
                origins.append(trial)
            } else if let day = retention.day, period.contains(day) {
                adoptions.append(trial)
            }
        }
        // Only the origin trials of improvements adopted in the period compare.
        let adopted = Set(adoptions.map(\.improvement))
        return CrossTeamReport.Scaling(adoptions: adoptions, originTrials: origins.filter { adopted.contains($0.improvement) })
    }

    private func trialDays(_ retention: Retention) -> Int? {
        guard let start = dating.started(retention.experiment), let end = retention.day, start <= end else { return nil }
        return start.days(until: end)
    }

    private func levels() -> CrossTeamReport.LevelBalance {
        let active = improvements.values.filter { $0.improvement.status.map { $0.value != .retired } ?? false }
        let counts = Level.allCases.map { level in
            CrossTeamReport.LevelCount(level: level, count: active.count { $0.improvement.level?.value == level })
        }
        return CrossTeamReport.LevelBalance(counts: counts, total: counts.reduce(0) { $0 + $1.count })
    }

    private func flow() -> CrossTeamReport.Flow {
        let running = experiments.filter { $0.experiment.status?.value == .running }
        let load = teams.map { team in
            CrossTeamReport.TeamLoad(team: team, running: running.count { $0.record.teams.contains(team) },
                                     limit: config.wipLimit(forTeam: team))
        }
        let concluded = concludedInPeriod
        var cycleTimes: [Int] = []
        var undated = experiments.filter { $0.experiment.status?.value == .concluded && dating.concluded($0.record) == nil }.map(\.record.id)
        for (record, _, day) in concluded {
            if let start = dating.started(record), start <= day {
                cycleTimes.append(start.days(until: day))
            } else {
                undated.append(record.id)
            }
        }
        var perMonth: [String: Int] = [:]
        for (_, _, day) in concluded { perMonth[ReportPeriod.month(of: day), default: 0] += 1 }
        let expired = running.filter { _, experiment in experiment.deadline.map { $0.value < period.end } ?? false }.map(\.record.id)
        return CrossTeamReport.Flow(
            workInProgress: load, cycleTimes: cycleTimes,
            throughput: period.months.map { CrossTeamReport.MonthCount(month: $0, count: perMonth[$0] ?? 0) },
            expired: expired, undated: undated.sorted())
    }

    private func constraintFigures() -> CrossTeamReport.ConstraintFigures {
        let constraints = records.compactMap { record in record.constraint.map { (record: record, constraint: $0) } }
            .sorted { $0.record.id < $1.record.id }
        let window = config.reviewWindowDays
        let recurring = constraints.filter { $0.constraint.isRecurring(today: period.end, windowDays: window) }.map { record, constraint in
            let earliest = period.end.adding(days: -window)
            let recent = constraint.observed.filter { $0.date.map { $0.value >= earliest && $0.value <= period.end } ?? false }
            var teams: [String] = []
            for team in recent.compactMap(\.team?.value) where !teams.contains(team) { teams.append(team) }
            return CrossTeamReport.RecurringConstraint(constraint: record.id, teams: teams, times: recent.count)
        }.sorted { ($1.times, $0.constraint) < ($0.times, $1.constraint) }
        let ages = constraints.map { record, constraint in
            let status = constraint.status?.value
            let until = status == .resolved ? dating.resolved(record) : period.end
            let days = dating.opened(record).flatMap { opened in until.map { max(0, opened.days(until: $0)) } }
            return CrossTeamReport.ConstraintAge(constraint: record.id, status: status?.rawValue ?? "unknown", days: days)
        }.sorted { ($1.days ?? -1, $0.constraint) < ($0.days ?? -1, $1.constraint) }
        let named = Set(experiments.flatMap { $0.experiment.constraints.map(\.value) })
        let unaddressed = constraints.filter { record, constraint in
            guard let status = constraint.status?.value, status != .resolved else { return false }
            return !named.contains(record.id)
        }.map(\.record.id)
        return CrossTeamReport.ConstraintFigures(
            recurring: recurring,
            recurringAtStart: constraints.count { $0.constraint.isRecurring(today: period.start, windowDays: window) },
            ages: ages, unaddressed: unaddressed)
    }

    private func learning() -> CrossTeamReport.Learning {
        let concluded = concludedInPeriod
        return CrossTeamReport.Learning(
            withLearnings: Ratio(concluded.count { $0.record.section("Learnings")?.hasContent == true }, of: concluded.count),
            discarded: Ratio(concluded.count { $0.experiment.outcome?.value == .discarded }, of: concluded.count))
    }
}
