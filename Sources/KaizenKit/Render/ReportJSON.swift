/// Version 1 of `kaizen report --format json`, documented in the README.
/// Extend it only by adding keys. Shares are fractions (0.4, not 40); a
/// figure with nothing to count has no share and `met` is absent.
struct ReportJSON: Encodable {
    struct Period: Encodable {
        var start: CalendarDate
        var end: CalendarDate
    }

    struct Share: Encodable {
        var count: Int
        var total: Int
        var share: Double?
        var goal: Double?
        var met: Bool?

        init(_ ratio: Ratio, goal: Double? = nil, met: Bool? = nil) {
            count = ratio.count
            total = ratio.total
            share = ratio.share
            self.goal = goal
            self.met = met
        }
    }

    struct Adoption: Encodable {
        var rate: Share
        var adopters: [CrossTeamReport.TeamImprovements]
        var others: [String]
    }

    struct Capture: Encodable {
        var rate: Share
        var missing: [CrossTeamReport.MissingSections]
    }

    struct Impact: Encodable {
        var retentions: Int
        var improvements: Int
        var multiplication: Double?
        var goal: Double
        var met: Bool?
        var perImprovement: [CrossTeamReport.ImprovementSpread]
    }

    struct Scaling: Encodable {
        var medianAdoptionDays: Double?
        var medianOriginDays: Double?
        var reduction: Double?
        var goal: Double
        var met: Bool?
        var adoptions: [CrossTeamReport.Trial]
        var originTrials: [CrossTeamReport.Trial]
    }

    struct Levels: Encodable {
        var counts: [CrossTeamReport.LevelCount]
        var total: Int
        var largestShare: Double?
        var goal: Double
        var met: Bool?
    }

    struct Flow: Encodable {
        var workInProgress: [CrossTeamReport.TeamLoad]
        var cycleTimes: [Int]
        var medianCycleDays: Double?
        var cycleDays85: Int?
        var throughput: [CrossTeamReport.MonthCount]
        var expired: [String]
        var undated: [String]
        var quickWins: QuickWins
    }

    struct QuickWins: Encodable {
        struct Team: Encodable {
            var team: String
            var count: Int
            var total: Int
            var share: Double?
        }

        var withinDays: Int
        var rate: Share
        var perTeam: [Team]
        var experiments: [CrossTeamReport.QuickWin]
    }

    struct Constraints: Encodable {
        var recurring: [CrossTeamReport.RecurringConstraint]
        var recurringAtStart: Int
        var ages: [CrossTeamReport.ConstraintAge]
        var unaddressed: [String]
    }

    struct Learning: Encodable {
        var withLearnings: Share
        var discarded: Share
        var neverDiscards: Bool
    }

    var version = 1
    var period: Period
    var teams: [String]
    var records: Int
    var history: Bool
    var adoption: Adoption
    var capture: Capture
    var impact: Impact
    var scaling: Scaling
    var levels: Levels
    var flow: Flow
    var constraints: Constraints
    var learning: Learning
    /// Improvements marked proven that no retention backs; not counted as proven.
    var unbackedClaims: [String]
    /// Experiments retained against their signals with no outcome-reason; not counted as retentions.
    var unexplainedRetentions: [String]

    init(_ report: CrossTeamReport) {
        let goals = report.goals
        let met = report.goalsMet
        period = Period(start: report.period.start, end: report.period.end)
        teams = report.teams
        records = report.recordCount
        history = report.hasHistory
        adoption = Adoption(rate: Share(report.adoption.teams, goal: goals.adoptionRate, met: met.adoption),
                            adopters: report.adoption.adopters, others: report.adoption.others)
        capture = Capture(rate: Share(report.capture.improvements, goal: goals.knowledgeCapture, met: met.capture), missing: report.capture.missing)
        impact = Impact(retentions: report.impact.retentions, improvements: report.impact.improvements,
                        multiplication: report.impact.multiplication, goal: goals.impactMultiplication, met: met.impact,
                        perImprovement: report.impact.perImprovement)
        let scaling = report.scaling
        self.scaling = Scaling(medianAdoptionDays: scaling.medianAdoptionDays, medianOriginDays: scaling.medianOriginDays,
                               reduction: scaling.reduction, goal: goals.scalingEfficiency,
                               met: met.scaling,
                               adoptions: scaling.adoptions, originTrials: scaling.originTrials)
        let levels = report.levels
        self.levels = Levels(counts: levels.counts, total: levels.total, largestShare: levels.largestShare, goal: goals.levelBalance,
                             met: met.levels)
        let flow = report.flow
        self.flow = Flow(workInProgress: flow.workInProgress, cycleTimes: flow.cycleTimes.sorted(), medianCycleDays: flow.medianCycleDays,
                         cycleDays85: flow.cycleDays85, throughput: flow.throughput, expired: flow.expired, undated: flow.undated,
                         quickWins: QuickWins(withinDays: flow.quickWins.withinDays, rate: Share(flow.quickWins.experiments),
                                              perTeam: flow.quickWins.perTeam.map {
                                                  QuickWins.Team(team: $0.team, count: $0.experiments.count, total: $0.experiments.total,
                                                                 share: $0.experiments.share)
                                              },
                                              experiments: flow.quickWins.wins))
        let constraints = report.constraints
        self.constraints = Constraints(recurring: constraints.recurring, recurringAtStart: constraints.recurringAtStart,
                                       ages: constraints.ages, unaddressed: constraints.unaddressed)
        learning = Learning(withLearnings: Share(report.learning.withLearnings), discarded: Share(report.learning.discarded),
                            neverDiscards: report.learning.neverDiscards)
        unbackedClaims = report.unbackedClaims
        unexplainedRetentions = report.unexplainedRetentions
    }
}
