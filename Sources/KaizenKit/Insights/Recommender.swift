/// Improvements proven in other teams that one team has not tried, ranked by
/// how well they fit that team: `kaizen recommend --team T`.
///
/// **Candidates** are the improvements whose status is `proven` or
/// `trialling`, that at least one experiment retained (outcome `retained`),
/// whose `origin` is not T, and that no experiment of T (any status) names as
/// its `improvement`. A trialling improvement that a team retained has its
/// evidence, only its status has not moved yet; a proven one that nobody
/// retained has none (the unproven-claim rule reports it), and recommending it
/// would spread a claim, not a practice.
///
/// **T's context** is the constraints T observed that are not `resolved`,
/// each weighted by T's observations of it, those within `review-window-days`
/// of today counting twice:
///
///     n(c) = observations of c by T + those of them within the review window
///
/// and the tags and areas of T's own records (experiments T runs,
/// improvements T originated).
///
/// **Score** of a candidate d:
///
///     q(w)     = Σ_c n(c) · f(c, w)  +  Σ_r 2 · [w is in r's tags or area]
///                (c: T's constraints; f(c, w) = 3 if w is in c's title, else
///                 2 in its tags, else 1 in its body, else 0; r: T's records)
///     text(d)  = Σ_w q(w) · bm25(w, d) / the largest such sum among the candidates
///                (bm25 over the collection of all improvements: `DocumentIndex`)
///     score(d) = 2 · text(d)
///              + Σ n(c) over the constraints c that d's `constraints` lists and T observed
///              + 0.5 · the number of teams that retained d (distinct teams of the
///                experiments linking to d with outcome retained, its origin included)
///
/// So an improvement aimed at a constraint the team keeps hitting comes
/// first, then the best text match (at most 2), with half a point per team it
/// has already spread to. Ties go by id.
public struct Recommender: Sendable {
    public static let textWeight = 2.0
    public static let retainedWeight = 0.5
    /// How many matched words a reason names, at most: those adding at least
    /// `wordShare` of what the best word adds.
    static let wordsShown = 6
    static let wordShare = 0.2

    public let records: [Record]
    public let config: KaizenConfig
    public let today: CalendarDate

    // Indexed once, not per team: `kaizen site` asks for every team's list.
    private let improvements: [Record]
    private let index: DocumentIndex
    private let position: [String: Int]

    public init(records: [Record], config: KaizenConfig, today: CalendarDate) {
        self.records = records
        self.config = config
        self.today = today
        improvements = records.filter { $0.improvement != nil }
        index = DocumentIndex(records: improvements)
        position = Dictionary(improvements.enumerated().map { ($1.path, $0) }) { first, _ in first }
    }

    /// Recommends from the records of the working tree of `workspace`.
    public init(workspace: Workspace, today: CalendarDate) throws {
        self.init(records: try RecordLoader(workspace: workspace).loadAllRecords(), config: workspace.config, today: today)
    }

    /// The teams `recommend` accepts: those of kaizen.yml, or, without any
    /// there, every team a record names.
    public var knownTeams: [String] {
        if !config.teamIDs.isEmpty { return config.teamIDs }
        return Set(records.flatMap(\.teams)).sorted()
    }

    /// The candidates for `team`, best first, at most `limit`.
    public func recommend(for team: String, limit: Int) throws -> RecommendationReport {
        let known = knownTeams
        guard known.contains(team) else {
            throw KaizenError.unknownTeam(team, suggestion: Suggestion.closest(to: team, among: known), known: known)
        }
        let experiments = records.compactMap { record in record.experiment.map { (record: record, experiment: $0) } }
        var retainers: [String: Set<String>] = [:]
        var tried: Set<String> = []
        for (_, experiment) in experiments {
            guard let improvement = experiment.improvement?.value else { continue }
            let teams = experiment.teams.map(\.value)
            if experiment.retainsOnEvidence { retainers[improvement, default: []].formUnion(teams) }
            if teams.contains(team) { tried.insert(improvement) }
        }
        let fromElsewhere = improvements.filter { record in
            let improvement = record.improvement!
            return [.proven, .trialling].contains(improvement.status?.value) && !(retainers[record.id] ?? []).isEmpty
                && improvement.origin?.value != team
        }
        let candidates = fromElsewhere.filter { !tried.contains($0.id) }

        let context = TeamContext(team: team, records: records, today: today, windowDays: config.reviewWindowDays)
        let textScores = candidates.map { index.score(context.query, document: position[$0.path]!) }
        let best = textScores.max() ?? 0

        var recommendations: [Recommendation] = []
        for (candidate, textScore) in zip(candidates, textScores) {
            let improvement = candidate.improvement!
            let listed = Set(improvement.constraints.map(\.value))
            let addressed = context.constraints.filter { listed.contains($0.id) }
                .sorted { a, b in a.weight != b.weight ? a.weight > b.weight : a.id < b.id }
            let text = best > 0 ? textScore / best : 0
            let retainedBy = (retainers[candidate.id] ?? []).sorted()
            let all = index.matches(context.query, document: position[candidate.path]!)
            let matches = all.prefix(Self.wordsShown).filter { $0.score >= Self.wordShare * all[0].score }
            var recommendation = Recommendation(
                improvement: candidate,
                score: Self.textWeight * text + Double(addressed.reduce(0) { $0 + $1.weight })
                    + Self.retainedWeight * Double(retainedBy.count),
                text: text, addresses: addressed, retainedBy: retainedBy,
                matchedWords: matches.map { MatchedWord(word: $0.word, constraint: context.constraint(of: $0.word)) },
                reasons: [])
            recommendation.reasons = reasons(for: recommendation, windowDays: config.reviewWindowDays)
            recommendations.append(recommendation)
        }
        recommendations.sort { a, b in a.score != b.score ? a.score > b.score : a.improvement.id < b.improvement.id }
        return RecommendationReport(
            team: team, recommendations: Array(recommendations.prefix(limit)), candidateCount: candidates.count,
            alreadyTried: fromElsewhere.map(\.id).filter(tried.contains).sorted())
    }

    /// Why, in words: the constraints it addresses, who retained it, which words matched.
    private func reasons(for recommendation: Recommendation, windowDays: Int) -> [String] {
        var reasons: [String] = []
        for constraint in recommendation.addresses {
            let times = constraint.observations == 1 ? "once" : "\(constraint.observations) times"
            let recent = constraint.recent == 0 ? ""
                : constraint.recent == constraint.observations ? (constraint.observations == 1 ? ", within the last \(windowDays) days" : ", all within the last \(windowDays) days")
                : ", \(constraint.recent) of them within the last \(windowDays) days"
            reasons.append("addresses constraint \(constraint.id), which you observed \(times)\(recent)")
        }
        let trialling = recommendation.improvement.improvement?.status?.value == .trialling
        reasons.append("retained by \(Self.list(recommendation.retainedBy))" + (trialling ? " (still marked trialling)" : ""))
        if !recommendation.matchedWords.isEmpty {
            var groups: [(source: String, words: [String])] = []
            for match in recommendation.matchedWords {
                if let index = groups.firstIndex(where: { $0.source == match.source }) {
                    groups[index].words.append(match.word)
                } else {
                    groups.append((match.source, [match.word]))
                }
            }
            reasons.append("its text matches " + Self.list(groups.map { "\($0.source) (\($0.words.joined(separator: ", ")))" }))
        }
        return reasons
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
