/// Computes `kaizen report`'s figures from a workspace's records.
///
/// A *retention* is an experiment concluded with `outcome: retained` on
/// evidence (a signal met its target, or an `outcome-reason` says why it was
/// kept anyway) that names an existing improvement: each of its teams retained
/// that improvement on the day it concluded. An *adoption* is a retention by a
/// team other than the improvement's `origin`. An improvement counts as proven
/// only when its status says so and a retention backs it; one that claims
/// proven without is listed apart, and counted nowhere.
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
///   their deadline; quick wins: experiments concluded in the period and
///   retained on evidence within `quick-win-days` of their start, out of all
///   concluded in the period, overall and per team.
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
    /// kaizen.yml's teams, else every team the records name.
    let teams: [String]

    // The lists below hold indices into `records`: a record copied into each
    // of them would retain every one of its fields, for thousands of records.
    /// The first improvement record with each id.
    private let improvements: [String: Int]
    /// Experiment records, sorted by id.
    private let experiments: [Int]
    // Worked out once: several figures read each of them.
    private let retentions: [Retention]
    /// Improvements proven on evidence (status and a retention), sorted by id.
    private let proven: [Int]
    /// Improvements marked proven that no retention backs, sorted by id.
    private let unbacked: [Int]
    /// With the days from start to conclusion, when the start is known and not after the conclusion.
    private let concludedInPeriod: [(experiment: Int, day: CalendarDate, cycleDays: Int?)]

    /// The report on the working tree of `workspace` for `period`.
    public init(workspace: Workspace, period: ReportPeriod, history: WorkspaceHistory?) throws {
        self.init(records: try RecordLoader(workspace: workspace).loadAllRecords(), config: workspace.config, period: period,
                  dating: RecordDating(history: history))
    }

    public init(records: [Record], config: KaizenConfig, period: ReportPeriod, dating: RecordDating) {
        self.records = records
        self.config = config
        self.period = period
        self.dating = dating
        teams = config.teams.isEmpty ? Set(records.flatMap(\.teams)).sorted() : config.teamIDs
        var improvements: [String: Int] = [:]
        var experiments: [Int] = []
        for index in records.indices {
            switch records[index].details {
            case .improvement: if improvements[records[index].id] == nil { improvements[records[index].id] = index }
            case .experiment: experiments.append(index)
            case .constraint, .unreadable: break
            }
        }
        experiments.sort { records[$0].id < records[$1].id }
        self.improvements = improvements
        self.experiments = experiments
        retentions = experiments.compactMap { index in
            guard let experiment = records[index].experiment, experiment.retainsOnEvidence, let id = experiment.improvement?.value,
                  let improvement = improvements[id] else { return nil }
            return Retention(experiment: index, improvement: id, origin: records[improvement].improvement?.origin?.value,
                             teams: records[index].teams, day: dating.concluded(records[index]))
        }
        let backed = Set(retentions.map(\.improvement))
        let claimed = improvements.values.filter { records[$0].improvement?.status?.value == .proven }
            .sorted { records[$0].id < records[$1].id }
        proven = claimed.filter { backed.contains(records[$0].id) }
        unbacked = claimed.filter { !backed.contains(records[$0].id) }
        concludedInPeriod = experiments.compactMap { index in
            guard records[index].experiment?.status?.value == .concluded, let day = dating.concluded(records[index]),
                  period.contains(day) else { return nil }
            let start = dating.started(records[index])
            return (index, day, start.flatMap { $0 <= day ? $0.days(until: day) : nil })
        }
    }

    public func build() -> CrossTeamReport {
        CrossTeamReport(
            period: period, teams: teams, recordCount: records.count, hasHistory: dating.hasHistory, goals: config.goals,
            adoption: adoption(), capture: capture(), impact: impact(), scaling: scaling(), levels: levels(),
            flow: flow(), constraints: constraintFigures(), learning: learning(),
            unbackedClaims: unbacked.map { records[$0].id },
            unexplainedRetentions: experiments.filter { records[$0].experiment.map { $0.retains && !$0.retainsOnEvidence } ?? false }
                .map { records[$0].id })
    }

    private struct Retention {
        /// The experiment's index in `records`.
        var experiment: Int
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
        let missing = proven.compactMap { index -> CrossTeamReport.MissingSections? in
            let lacking = NotCapturedRule.missingSections(of: records[index])
            return lacking.isEmpty ? nil : CrossTeamReport.MissingSections(improvement: records[index].id, sections: lacking)
        }
        return CrossTeamReport.Capture(improvements: Ratio(proven.count - missing.count, of: proven.count), missing: missing)
    }

    private func impact() -> CrossTeamReport.Impact {
        var retainingTeams: [String: [String]] = [:]
        for retention in retentions {
            retainingTeams[retention.improvement, default: []].append(contentsOf: retention.teams)
        }
        let spreads = proven.map { index in
            let id = records[index].id, origin = records[index].improvement?.origin?.value
            var teams = origin.map { [$0] } ?? []
            for team in retainingTeams[id] ?? [] where !teams.contains(team) { teams.append(team) }
            return CrossTeamReport.ImprovementSpread(improvement: id, origin: origin, teams: teams)
        }.sorted { ($1.teams.count, $0.improvement) < ($0.teams.count, $1.improvement) }
        return CrossTeamReport.Impact(retentions: spreads.reduce(0) { $0 + $1.teams.count }, improvements: spreads.count,
                                      perImprovement: spreads)
    }

    private func scaling() -> CrossTeamReport.Scaling {
        var adoptions: [CrossTeamReport.Trial] = []
        var origins: [CrossTeamReport.Trial] = []
        for retention in retentions {
            guard let origin = retention.origin, let days = trialDays(retention) else { continue }
            let trial = CrossTeamReport.Trial(experiment: records[retention.experiment].id, improvement: retention.improvement,
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
        guard let start = dating.started(records[retention.experiment]), let end = retention.day, start <= end else { return nil }
        return start.days(until: end)
    }

    private func levels() -> CrossTeamReport.LevelBalance {
        var counts = [Level: Int]()
        for index in improvements.values {
            guard let improvement = records[index].improvement, let status = improvement.status?.value, status != .retired,
                  let level = improvement.level?.value else { continue }
            counts[level, default: 0] += 1
        }
        let levelCounts = Level.allCases.map { CrossTeamReport.LevelCount(level: $0, count: counts[$0] ?? 0) }
        return CrossTeamReport.LevelBalance(counts: levelCounts, total: levelCounts.reduce(0) { $0 + $1.count })
    }

    private func flow() -> CrossTeamReport.Flow {
        var running: [Int] = []
        var runningByTeam: [String: Int] = [:]
        var expired: [String] = []
        var undated: [String] = []
        for index in experiments {
            guard let experiment = records[index].experiment else { continue }
            switch experiment.status?.value {
            case .running?:
                running.append(index)
                for team in records[index].teams { runningByTeam[team, default: 0] += 1 }
                if let deadline = experiment.deadline, deadline.value < period.end { expired.append(records[index].id) }
            case .concluded?:
                if dating.concluded(records[index]) == nil { undated.append(records[index].id) }
            default:
                break
            }
        }
        let load = teams.map { team in
            CrossTeamReport.TeamLoad(team: team, running: runningByTeam[team] ?? 0, limit: config.wipLimit(forTeam: team))
        }
        var cycleTimes: [Int] = []
        var perMonth: [String: Int] = [:]
        for (index, day, days) in concludedInPeriod {
            if let days {
                cycleTimes.append(days)
            } else {
                undated.append(records[index].id)
            }
            perMonth[ReportPeriod.month(of: day), default: 0] += 1
        }
        return CrossTeamReport.Flow(
            workInProgress: load, cycleTimes: cycleTimes,
            throughput: period.months.map { CrossTeamReport.MonthCount(month: $0, count: perMonth[$0] ?? 0) },
            expired: expired, undated: undated.sorted(), quickWins: quickWins())
    }

    private func quickWins() -> CrossTeamReport.QuickWins {
        var wins: [CrossTeamReport.QuickWin] = []
        var concludedByTeam: [String: Int] = [:]
        var winsByTeam: [String: Int] = [:]
        for (index, _, days) in concludedInPeriod {
            let teams = records[index].teams
            for team in teams { concludedByTeam[team, default: 0] += 1 }
            guard records[index].experiment?.retainsOnEvidence == true, let days, days <= config.quickWinDays else { continue }
            wins.append(CrossTeamReport.QuickWin(experiment: records[index].id, teams: teams, days: days))
            for team in teams { winsByTeam[team, default: 0] += 1 }
        }
        return CrossTeamReport.QuickWins(
            withinDays: config.quickWinDays, experiments: Ratio(wins.count, of: concludedInPeriod.count),
            perTeam: teams.map { CrossTeamReport.TeamRatio(team: $0, experiments: Ratio(winsByTeam[$0] ?? 0, of: concludedByTeam[$0] ?? 0)) },
            wins: wins)
    }

    private func constraintFigures() -> CrossTeamReport.ConstraintFigures {
        let constraints = records.indices.filter { records[$0].constraint != nil }.sorted { records[$0].id < records[$1].id }
        let window = config.reviewWindowDays
        let earliest = period.end.adding(days: -window)
        var recurring: [CrossTeamReport.RecurringConstraint] = []
        var recurringAtStart = 0
        var ages: [CrossTeamReport.ConstraintAge] = []
        var open: [String] = []
        for index in constraints {
            guard let constraint = records[index].constraint else { continue }
            if constraint.isRecurring(today: period.end, windowDays: window) {
                let recent = constraint.observed.filter { $0.date.map { $0.value >= earliest && $0.value <= period.end } ?? false }
                var teams: [String] = []
                for team in recent.compactMap(\.team?.value) where !teams.contains(team) { teams.append(team) }
                recurring.append(CrossTeamReport.RecurringConstraint(constraint: records[index].id, teams: teams, times: recent.count))
            }
            if constraint.isRecurring(today: period.start, windowDays: window) { recurringAtStart += 1 }
            let status = constraint.status?.value
            let until = status == .resolved ? dating.resolved(records[index]) : period.end
            let days = dating.opened(records[index]).flatMap { opened in until.map { max(0, opened.days(until: $0)) } }
            ages.append(CrossTeamReport.ConstraintAge(constraint: records[index].id, status: status?.rawValue ?? "unknown", days: days))
            if let status, status != .resolved { open.append(records[index].id) }
        }
        let named = Set(experiments.flatMap { records[$0].experiment?.constraints.map(\.value) ?? [] })
        return CrossTeamReport.ConstraintFigures(
            recurring: recurring.sorted { ($1.times, $0.constraint) < ($0.times, $1.constraint) },
            recurringAtStart: recurringAtStart,
            ages: ages.sorted { ($1.days ?? -1, $0.constraint) < ($0.days ?? -1, $1.constraint) },
            unaddressed: open.filter { !named.contains($0) })
    }

    private func learning() -> CrossTeamReport.Learning {
        let concluded = concludedInPeriod.map(\.experiment)
        return CrossTeamReport.Learning(
            withLearnings: Ratio(concluded.count { records[$0].section("Learnings")?.hasContent == true }, of: concluded.count),
            discarded: Ratio(concluded.count { records[$0].experiment?.outcome?.value == .discarded }, of: concluded.count))
    }
}
