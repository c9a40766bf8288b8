/// One improvement recommended to a team, with the parts of its score.
public struct Recommendation: Sendable {
    /// A constraint the team observed, and how often.
    public struct ObservedConstraint: Sendable, Equatable {
        public var id: String
        public var observations: Int
        /// Those within the review window.
        public var recent: Int
        /// `n(c)`: recent observations count twice.
        public var weight: Int { observations + recent }
    }

    public var improvement: Record
    public var score: Double
    /// The text match, from 0 to 1 (the best candidate's).
    public var text: Double
    /// The constraints T observed that the improvement lists.
    public var addresses: [ObservedConstraint]
    /// The teams that retained it, by id.
    public var retainedBy: [String]
    /// The query words it holds, adding most first.
    public var matchedWords: [MatchedWord]
    public var reasons: [String]
}

/// A word of the team's context found in an improvement, and where the word
/// came from.
public struct MatchedWord: Sendable, Equatable {
    public var word: String
    /// The constraint it came from, or nil for the team's tags and areas.
    public var constraint: String?

    /// "constraint slow-ci-queue" or "your tags and areas".
    var source: String {
        constraint.map { "constraint \($0)" } ?? "your tags and areas"
    }
}

/// What `kaizen recommend` found for one team.
public struct RecommendationReport: Sendable {
    public var team: String
    /// Best first, at most the limit asked for.
    public var recommendations: [Recommendation]
    /// How many candidates there were before the limit.
    public var candidateCount: Int
    /// Candidates but for the team having tried them, by id.
    public var alreadyTried: [String]

    /// When there is nothing to recommend, why, in a sentence.
    public var emptyReason: String? {
        guard recommendations.isEmpty else { return nil }
        guard !alreadyTried.isEmpty else {
            return "Nothing to recommend to \(team): no other team has an improvement that an experiment retained yet."
        }
        return "Nothing to recommend to \(team): it has already tried every improvement retained in another team (\(Recommender.list(alreadyTried)))."
    }
}
