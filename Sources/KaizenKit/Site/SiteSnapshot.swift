/// Everything the site shows, worked out once from the records: the same
/// report, recommendations and history the commands use, so a page never
/// shows a figure `kaizen report` would not.
public struct SiteSnapshot: Sendable {
    public let config: KaizenConfig
    public let today: CalendarDate
    public let report: CrossTeamReport
    /// How the report's period was asked for ("6 months"), as `kaizen report` names it.
    public let periodName: String
    /// Readable records, one per kind and id, sorted by id.
    let improvements: [Record]
    let experiments: [Record]
    let constraints: [Record]
    // Looked up from every page: indexed once so a large repository stays linear.
    private let improvementsByID: [String: Record]
    private let constraintsByID: [String: Record]
    /// The improvements, then the experiments, whose `constraints` name each constraint.
    private let addressing: [String: [Record]]
    private let experimentsByImprovement: [String: [Record]]
    private let experimentsByTeam: [String: [Record]]
    let history: WorkspaceHistory?
    let dating: RecordDating
    /// Each record's Markdown body, by path.
    private let bodies: [String: Substring]
    /// Teams that adopted within the period as it stood at the end of each month.
    let adoptionByMonth: [(month: String, teams: Int)]
    let recommendations: [String: RecommendationReport]

    /// - Parameters:
    ///   - sources: each record file's text by its path, for the bodies.
    ///   - history: the committed history, or nil where none was read.
    public init(records: [Record], config: KaizenConfig, period: ReportPeriod, periodName: String, today: CalendarDate,
                history: WorkspaceHistory?, sources: [String: String]) throws {
        self.config = config
        self.today = today
        self.periodName = periodName
        self.history = history
        let dating = RecordDating(history: history)
        self.dating = dating
        report = ReportBuilder(records: records, config: config, period: period, dating: dating).build()

        func unique(_ kind: RecordKind) -> [Record] {
            var seen = Set<String>()
            return records.filter { $0.kind == kind && $0.details != .unreadable && seen.insert($0.id).inserted }
                .sorted { $0.id < $1.id }
        }
        improvements = unique(.improvement)
        experiments = unique(.experiment)
        constraints = unique(.constraint)
        improvementsByID = Dictionary(improvements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        constraintsByID = Dictionary(constraints.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var addressing: [String: [Record]] = [:]
        for record in improvements + experiments {
            var named: [String] = []
            for reference in record.references where reference.kind == .constraint && !named.contains(reference.id.value) {
                named.append(reference.id.value)
                addressing[reference.id.value, default: []].append(record)
            }
        }
        self.addressing = addressing
        var byImprovement: [String: [Record]] = [:], byTeam: [String: [Record]] = [:]
        for record in experiments {
            if let id = record.experiment?.improvement?.value { byImprovement[id, default: []].append(record) }
            for team in record.teams { byTeam[team, default: []].append(record) }
        }
        experimentsByImprovement = byImprovement
        experimentsByTeam = byTeam

        var bodies: [String: Substring] = [:]
        for (path, text) in sources {
            if case .success(let split) = FrontMatterSplitter.split(text) { bodies[path] = split.body }
        }
        self.bodies = bodies

        // The report's own adoption figure, asked again for each month's end.
        adoptionByMonth = period.months.map { month in
            let parts = month.split(separator: "-").compactMap { Int($0) }
            let lastDay = CalendarDate(year: parts[0], month: parts[1], day: CalendarDate.daysIn(month: parts[1], year: parts[0]))!
            let sofar = ReportPeriod(start: period.start, end: min(lastDay, period.end))
            return (month, ReportBuilder(records: records, config: config, period: sofar, dating: dating).build().adoption.teams.count)
        }

        let recommender = Recommender(records: records, config: config, today: today)
        var recommendations: [String: RecommendationReport] = [:]
        for team in report.teams {
            recommendations[team] = try recommender.recommend(for: team, limit: 5)
        }
        self.recommendations = recommendations
    }

    var teams: [String] { report.teams }

    /// The team's name from kaizen.yml, else its id.
    func teamName(_ id: String) -> String {
        config.teams.first { $0.id == id }?.name ?? id
    }

    func improvement(_ id: String) -> Record? {
        improvementsByID[id]
    }

    func constraint(_ id: String) -> Record? {
        constraintsByID[id]
    }

    /// The improvements, then the experiments, that list the constraint `id`, each by id.
    func records(addressing id: String) -> [Record] {
        addressing[id] ?? []
    }

    func experiments(ofImprovement id: String) -> [Record] {
        experimentsByImprovement[id] ?? []
    }

    func experiments(ofTeam team: String) -> [Record] {
        experimentsByTeam[team] ?? []
    }

    /// The teams whose concluded experiments retained the improvement on evidence: its
    /// origin first, as the report lists them, then the others by experiment.
    func retainingTeams(of id: String) -> [String] {
        var teams: [String] = []
        for record in experiments(ofImprovement: id) where isRetention(record) {
            for team in record.teams where !teams.contains(team) { teams.append(team) }
        }
        guard let origin = improvement(id)?.improvement?.origin?.value, let index = teams.firstIndex(of: origin) else { return teams }
        return [teams.remove(at: index)] + teams
    }

    /// Retained on evidence, as the report counts retentions.
    func isRetention(_ record: Record) -> Bool {
        record.experiment?.retainsOnEvidence ?? false
    }

    /// The record's body sections in the order written, each as safe HTML.
    func renderedSections(of record: Record) -> [(title: String, html: HTML?)] {
        let document = bodies[record.path].map { MarkdownDocument($0) }
        return record.sections.map { section in
            (section.title, document?.sectionSource(titled: section.title).map(MarkdownHTML.render))
        }
    }

    /// The commits that created the record, changed its status, renamed or deleted it.
    func statusEvents(of record: Record) -> [HistoryEvent] {
        history?.history(ofRecordAt: record.path)?.events.filter { $0.kind != .changed || $0.field == "status" } ?? []
    }
}
