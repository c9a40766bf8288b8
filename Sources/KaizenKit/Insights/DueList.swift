/// One reason a record needs attention this cadence.
public enum DueReason: Sendable, Equatable {
    /// A running experiment past its deadline (extensions included).
    case expired(deadline: CalendarDate, daysOver: Int)
    /// A running experiment whose deadline falls within the window.
    case expiresSoon(deadline: CalendarDate, daysLeft: Int)
    /// A running experiment with no dated Observations entry for a review
    /// period or more: `since` is its last entry, else its start.
    case observationsDue(lastEntry: CalendarDate?, since: CalendarDate, days: Int)
    /// A proven improvement without the guide another team needs.
    case notCaptured(sections: [String])

    /// Lower is more urgent.
    var rank: (Int, Int) {
        switch self {
        case .expired(_, let over): return (0, -over)
        case .expiresSoon(_, let left): return (1, left)
        case .observationsDue(_, _, let days): return (2, -days)
        case .notCaptured: return (3, 0)
        }
    }

    public var name: String {
        switch self {
        case .expired: return "expired"
        case .expiresSoon: return "expires-soon"
        case .observationsDue: return "observations-due"
        case .notCaptured: return "not-captured"
        }
    }
}

/// A record and why it is due, most urgent reason first.
public struct DueItem: Sendable, Equatable {
    public var id: String
    public var path: String
    public var title: String?
    public var teams: [String]
    public var reasons: [DueReason]
}

/// What needs attention, by team, most urgent first within each.
public struct DueList: Sendable, Equatable {
    public struct TeamItems: Sendable, Equatable {
        /// nil for records that name no team.
        public var team: String?
        public var items: [DueItem]
    }

    public var today: CalendarDate
    public var withinDays: Int
    public var reviewPeriodDays: Int
    public var teams: [TeamItems]

    public var isEmpty: Bool { teams.isEmpty }

    /// `kaizen due` on the working tree of `workspace`. `within` defaults to
    /// kaizen.yml's `expiry-notice-days`; `history` is read only once `team`
    /// is known to kaizen.yml, so a mistyped team is told at once.
    public static func make(_ workspace: Workspace, today: CalendarDate, within: PeriodLength?, team: String?,
                            history: () throws -> WorkspaceHistory?) throws -> DueList {
        if let team { try workspace.config.requireKnownTeam(team) }
        let records = try RecordLoader(workspace: workspace).loadAllRecords()
        let days = within.map { $0.before(today).days(until: today) } ?? workspace.config.expiryNoticeDays
        return make(records: records, config: workspace.config, today: today, within: days, team: team,
                    dating: RecordDating(history: try history()))
    }

    /// - Parameters:
    ///   - within: days ahead in which an approaching deadline counts.
    ///   - team: only this team's records.
    public static func make(records: [Record], config: KaizenConfig, today: CalendarDate, within: Int,
                            team: String? = nil, dating: RecordDating) -> DueList {
        var items: [DueItem] = []
        for record in records {
            let reasons = Self.reasons(for: record, config: config, today: today, within: within, dating: dating)
                .sorted { $0.rank < $1.rank }
            guard !reasons.isEmpty else { continue }
            items.append(DueItem(id: record.id, path: record.path, title: record.title?.value, teams: record.teams, reasons: reasons))
        }
        items.sort { a, b in
            let (x, y) = (a.reasons[0].rank, b.reasons[0].rank)
            return (x.0, x.1, a.id) < (y.0, y.1, b.id)
        }
        // A record of several teams is due for each of them.
        var groups: [String?: [DueItem]] = [:]
        for item in items {
            for owner in item.teams.isEmpty ? [nil] : item.teams.map(Optional.some) where team == nil || owner == team {
                groups[owner, default: []].append(item)
            }
        }
        let order = config.teamIDs
        let sorted = groups.map { TeamItems(team: $0.key, items: $0.value) }.sorted { a, b in
            func key(_ group: TeamItems) -> (Int, String) {
                guard let team = group.team else { return (Int.max, "") }
                return (order.firstIndex(of: team) ?? order.count, team)
            }
            return key(a) < key(b)
        }
        return DueList(today: today, withinDays: within, reviewPeriodDays: config.reviewPeriodDays, teams: sorted)
    }

    private static func reasons(for record: Record, config: KaizenConfig, today: CalendarDate, within: Int,
                                dating: RecordDating) -> [DueReason] {
        if let improvement = record.improvement {
            guard improvement.status?.value == .proven else { return [] }
            let missing = NotCapturedRule.missingSections(of: record)
            return missing.isEmpty ? [] : [.notCaptured(sections: missing)]
        }
        guard let experiment = record.experiment, experiment.status?.value == .running else { return [] }
        var reasons: [DueReason] = []
        if let deadline = experiment.deadline?.value {
            let left = today.days(until: deadline)
            if left < 0 {
                reasons.append(.expired(deadline: deadline, daysOver: -left))
            } else if left <= within {
                reasons.append(.expiresSoon(deadline: deadline, daysLeft: left))
            }
        }
        // Entries dated after today are plans, not observations.
        let lastEntry = record.section("Observations")?.entryDates.filter { $0 <= today }.max()
        if let since = lastEntry ?? dating.started(record) {
            let days = since.days(until: today)
            if days >= config.reviewPeriodDays {
                reasons.append(.observationsDue(lastEntry: lastEntry, since: since, days: days))
            }
        }
        return reasons
    }
}
