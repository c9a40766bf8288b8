/// What `kaizen report` found: how improvements spread between teams, and
/// how the work flows, over one period. Every figure keeps what it was
/// computed from; see `ReportBuilder` for the definitions.
public struct CrossTeamReport: Sendable {
    public var period: ReportPeriod
    /// The teams counted: kaizen.yml's, else every team the records name.
    public var teams: [String]
    public var recordCount: Int
    /// False when no git history was read, so dates come from front matter only.
    public var hasHistory: Bool
    public var goals: KaizenConfig.Goals

    public var adoption: Adoption
    public var capture: Capture
    public var impact: Impact
    public var scaling: Scaling
    public var levels: LevelBalance
    public var flow: Flow
    public var constraints: ConstraintFigures
    public var learning: Learning
    /// Improvements marked proven that no retention on evidence backs: claims, not counted as proven anywhere.
    public var unbackedClaims: [String]
    /// Experiments retained against their signals with no outcome-reason: not counted as retentions.
    public var unexplainedRetentions: [String]

    /// Teams that retained, within the period, an improvement that another team originated.
    public struct Adoption: Sendable, Equatable {
        public var teams: Ratio
        /// Each adopting team with the improvements it retained from others.
        public var adopters: [TeamImprovements]
        /// The teams with no such retention in the period.
        public var others: [String]
    }

    public struct TeamImprovements: Sendable, Equatable, Encodable {
        public var team: String
        public var improvements: [String]
    }

    /// Proven improvements whose four guide sections are written.
    public struct Capture: Sendable, Equatable {
        public var improvements: Ratio
        /// The proven improvements that are not, with the sections they lack.
        public var missing: [MissingSections]
    }

    public struct MissingSections: Sendable, Equatable, Encodable {
        public var improvement: String
        public var sections: [String]
    }

    /// How many teams retained each proven improvement, its origin included.
    public struct Impact: Sendable, Equatable {
        /// Teams retaining, summed over proven improvements.
        public var retentions: Int
        public var improvements: Int
        /// Best spread first.
        public var perImprovement: [ImprovementSpread]

        /// Teams per proven improvement; nil when none is proven.
        public var multiplication: Double? {
            improvements == 0 ? nil : Double(retentions) / Double(improvements)
        }
    }

    public struct ImprovementSpread: Sendable, Equatable, Encodable {
        public var improvement: String
        public var origin: String?
        /// The teams that retained it, origin first.
        public var teams: [String]
    }

    /// Days from start to retained: adopting teams' trials (concluded in the
    /// period) against the origins' own trials of the same improvements.
    public struct Scaling: Sendable, Equatable {
        public var adoptions: [Trial]
        public var originTrials: [Trial]

        public var medianAdoptionDays: Double? { Statistics.median(adoptions.map(\.days)) }
        public var medianOriginDays: Double? { Statistics.median(originTrials.map(\.days)) }

        /// How much shorter the adoptions' median is, as a share of the
        /// origins' (negative when longer); nil without both.
        public var reduction: Double? {
            guard let adoption = medianAdoptionDays, let origin = medianOriginDays, origin > 0 else { return nil }
            return 1 - adoption / origin
        }
    }

    public struct Trial: Sendable, Equatable, Encodable {
        public var experiment: String
        public var improvement: String
        public var teams: [String]
        public var days: Int
    }

    /// Active (not retired) improvements by level.
    public struct LevelBalance: Sendable, Equatable {
        public var counts: [LevelCount]
        public var total: Int

        /// The largest share one level holds; nil with no active improvement.
        public var largestShare: Double? {
            guard total > 0, let largest = counts.map(\.count).max() else { return nil }
            return Double(largest) / Double(total)
        }
    }

    public struct LevelCount: Sendable, Equatable, Encodable {
        public var level: Level
        public var count: Int
    }

    public struct Flow: Sendable, Equatable {
        /// Running experiments per team, against its limit.
        public var workInProgress: [TeamLoad]
        /// Start to conclusion, of experiments concluded in the period with both days known.
        public var cycleTimes: [Int]
        /// Experiments concluded in each month of the period.
        public var throughput: [MonthCount]
        /// Running experiments past their deadline today.
        public var expired: [String]
        /// Concluded in the period with no start or conclusion day known.
        public var undated: [String]
        public var quickWins: QuickWins

        public var medianCycleDays: Double? { Statistics.median(cycleTimes) }
        public var cycleDays85: Int? { Statistics.percentile(0.85, of: cycleTimes) }
    }

    /// Experiments concluded in the period and retained on evidence within
    /// `withinDays` of their start: early small wins keep a team's
    /// improvement cadence turning.
    public struct QuickWins: Sendable, Equatable {
        /// kaizen.yml's `quick-win-days`.
        public var withinDays: Int
        /// Quick wins out of all the experiments concluded in the period.
        public var experiments: Ratio
        /// Each team's quick wins out of its own conclusions in the period.
        public var perTeam: [TeamRatio]
        /// Sorted by experiment id.
        public var wins: [QuickWin]
    }

    public struct TeamRatio: Sendable, Equatable {
        public var team: String
        public var experiments: Ratio
    }

    public struct QuickWin: Sendable, Equatable, Encodable {
        public var experiment: String
        public var teams: [String]
        /// From start to conclusion.
        public var days: Int
    }

    public struct TeamLoad: Sendable, Equatable, Encodable {
        public var team: String
        public var running: Int
        public var limit: Int
    }

    public struct MonthCount: Sendable, Equatable, Encodable {
        /// `YYYY-MM`.
        public var month: String
        public var count: Int
    }

    public struct ConstraintFigures: Sendable, Equatable {
        /// Recurring today: seen by two or more teams, or three or more times,
        /// within the review window.
        public var recurring: [RecurringConstraint]
        /// How many were recurring on the period's first day, for the trend.
        public var recurringAtStart: Int
        /// Every constraint, longest open first.
        public var ages: [ConstraintAge]
        /// Open or easing constraints no experiment lists.
        public var unaddressed: [String]
    }

    public struct RecurringConstraint: Sendable, Equatable, Encodable {
        public var constraint: String
        public var teams: [String]
        /// Observations within the review window.
        public var times: Int
    }

    public struct ConstraintAge: Sendable, Equatable, Encodable {
        public var constraint: String
        public var status: String
        /// From first seen to today, or to its resolution; nil when no day is known.
        public var days: Int?
    }

    /// Experiments concluded in the period.
    public struct Learning: Sendable, Equatable {
        public var withLearnings: Ratio
        public var discarded: Ratio

        /// Five or more conclusions and not one discarded: either every idea
        /// works, or failures are being renamed.
        public var neverDiscards: Bool { discarded.total >= 5 && discarded.count == 0 }
    }
}

extension CrossTeamReport {
    /// Whether each figure with a goal meets it; nil where there is nothing to measure yet.
    public struct GoalsMet: Sendable, Equatable {
        public var adoption: Bool?
        public var capture: Bool?
        public var impact: Bool?
        public var scaling: Bool?
        public var levels: Bool?
    }

    public var goalsMet: GoalsMet {
        GoalsMet(adoption: adoption.teams.share.map { $0 >= goals.adoptionRate },
                 capture: capture.improvements.share.map { $0 >= goals.knowledgeCapture },
                 impact: impact.multiplication.map { $0 >= goals.impactMultiplication },
                 scaling: scaling.reduction.map { $0 >= goals.scalingEfficiency },
                 levels: levels.largestShare.map { $0 <= goals.levelBalance })
    }
}
