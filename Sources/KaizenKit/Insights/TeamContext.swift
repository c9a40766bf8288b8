/// What one team has seen and works on, as the weighted query `Recommender`
/// ranks improvements by (its doc comment gives the formula): the words of the
/// constraints it observed, weighted by `n(c)` and the field each word is in,
/// and the words of its own records' tags and areas.
struct TeamContext {
    /// The constraints the team observed that are not resolved, by id.
    let constraints: [Recommendation.ObservedConstraint]
    /// The query: a weight per word.
    let query: [String: Double]
    /// For each word of the query, the constraint that added most to its
    /// weight, or "" for the team's tags and areas.
    private let sources: [String: String]

    init(team: String, records: [Record], today: CalendarDate, windowDays: Int) {
        var constraints: [Recommendation.ObservedConstraint] = []
        var query: [String: Double] = [:]
        // Per word: how much each source (a constraint id, or "" for tags
        // and areas) added, to name the largest.
        var contributions: [String: [String: Double]] = [:]
        func add(_ word: String, _ weight: Double, from source: String) {
            query[word, default: 0] += weight
            contributions[word, default: [:]][source, default: 0] += weight
        }
        let earliest = today.adding(days: -windowDays)
        for record in records.sorted(by: { $0.id < $1.id }) {
            if let constraint = record.constraint, constraint.status?.value != .resolved {
                let seen = constraint.observed.filter { $0.team?.value == team }
                guard !seen.isEmpty else { continue }
                let recent = seen.count { $0.date.map { $0.value >= earliest && $0.value <= today } ?? false }
                let observed = Recommendation.ObservedConstraint(id: record.id, observations: seen.count, recent: recent)
                constraints.append(observed)
                var strongest: [String: Double] = [:]
                for field in DocumentIndex.fields(of: record) {
                    for word in Tokenizer.words(in: field.text) { strongest[word] = max(strongest[word] ?? 0, field.weight) }
                }
                for (word, weight) in strongest { add(word, Double(observed.weight) * weight, from: record.id) }
            } else if record.experiment.map({ $0.teams.contains { $0.value == team } }) ?? false
                        || record.improvement?.origin?.value == team {
                let labels = record.tags.map(\.value) + (record.improvement?.area.map { [$0.value] } ?? [])
                for label in labels {
                    for word in Tokenizer.words(in: label) { add(word, DocumentIndex.tagWeight, from: "") }
                }
            }
        }
        self.constraints = constraints
        self.query = query
        sources = contributions.mapValues { sources in
            sources.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
        }
    }

    /// The constraint a query word came from most, or nil when it came
    /// from the team's tags and areas most (or is not in the query).
    func constraint(of word: String) -> String? {
        sources[word].flatMap { $0.isEmpty ? nil : $0 }
    }
}
