/// The three kinds of record.
public enum RecordKind: String, Sendable, Hashable, CaseIterable, Codable {
    case improvement
    case experiment
    case constraint

    /// The folder records of this kind live in unless `kaizen.yml` says otherwise.
    public var defaultFolder: String { rawValue + "s" }

    /// "an improvement", "an experiment", "a constraint".
    public var withArticle: String {
        self == .constraint ? "a constraint" : "an \(rawValue)"
    }
}

public enum ImprovementStatus: String, Sendable, CaseIterable, Codable {
    case proposed, trialling, proven, retired
}

public enum ExperimentStatus: String, Sendable, CaseIterable, Codable {
    case planned, running, concluded
}

public enum ConstraintStatus: String, Sendable, CaseIterable, Codable {
    case open, easing, resolved
}

/// Where in the organisation an improvement or constraint sits.
public enum Level: String, Sendable, CaseIterable, Codable {
    case team
    case crossTeam = "cross-team"
    case system
}

public enum Outcome: String, Sendable, CaseIterable, Codable {
    case retained, discarded, inconclusive
}

/// What an improvement improves; `kaizen.yml` may add more.
public enum ImprovementArea {
    public static let builtIn = [
        "dependencies", "architecture", "deployment-safety", "decision-rights", "policy-delay",
        "feedback", "learning-loops", "flow",
    ]
}
