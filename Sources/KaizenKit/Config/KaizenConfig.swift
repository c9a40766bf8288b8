import Foundation

/// A workspace's settings, from `kaizen.yml` or the defaults.
public struct KaizenConfig: Sendable {
    public struct Team: Sendable, Equatable {
        public var id: String
        public var name: String?
        /// This team's limit on running experiments, overriding `wipLimit`.
        public var wipLimit: Int?

        public init(id: String, name: String? = nil, wipLimit: Int? = nil) {
            self.id = id
            self.name = name
            self.wipLimit = wipLimit
        }
    }

    /// The targets `kaizen report` measures the cross-team figures against.
    public struct Goals: Sendable, Equatable {
        /// Share of teams that retained an improvement from another team.
        public var adoptionRate = 0.70
        /// Share of proven improvements with their guide sections filled.
        public var knowledgeCapture = 0.90
        /// Teams retaining each proven improvement, its origin included.
        public var impactMultiplication = 5.0
        /// How much shorter an adopting team's trial is than the origin's.
        public var scalingEfficiency = 0.60
        /// The largest share of active improvements one level may hold.
        public var levelBalance = 0.80

        public init() {}
    }

    /// What `kaizen.yml` says about a rule.
    public enum RuleSetting: Sendable, Equatable {
        case off
        case severity(Severity)
    }

    public static let fileName = "kaizen.yml"
    public static let supportedVersion = 1

    /// The teams, in the order the file lists them. Empty means teams are not
    /// configured, and team ids are not checked.
    public var teams: [Team] = []
    /// The folder of each kind, relative to the workspace root.
    public var folders: [RecordKind: String] = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, $0.defaultFolder) })
    /// Where kaizen.yml sets a folder explicitly, to report it if it is missing.
    public var folderPositions: [RecordKind: SourcePosition] = [:]
    public var maxExperimentDays = 90
    public var expiryNoticeDays = 14
    /// Running experiments a team may have at once, unless its entry says otherwise.
    public var wipLimit = 3
    /// How far back observations count when deciding a constraint is recurring.
    public var reviewWindowDays = 90
    /// A running experiment should get a dated Observations entry at least this often.
    public var reviewPeriodDays = 14
    /// An experiment retained within this many days of its start is a quick win.
    public var quickWinDays = 14
    public var goals = Goals()
    public var hypothesisPattern = HypothesisPattern.standard
    /// Areas added to the built-in ones.
    public var extraAreas: [String] = []
    public var ruleSettings: [String: RuleSetting] = [:]

    public init() {}

    public var areas: [String] { ImprovementArea.builtIn + extraAreas }

    /// The severity `rule` reports at here; nil when kaizen.yml turns it off.
    public func severity(of rule: RuleDescriptor) -> Severity? {
        switch ruleSettings[rule.name] {
        case .off?: return nil
        case .severity(let severity)?: return severity
        case nil: return rule.defaultSeverity
        }
    }

    public var teamIDs: [String] { teams.map(\.id) }

    /// Throws, naming the closest team, when kaizen.yml lists teams and `id`
    /// is not one of them; without configured teams any id is accepted.
    public func requireKnownTeam(_ id: String) throws {
        let known = teamIDs
        guard known.isEmpty || known.contains(id) else {
            throw KaizenError.invalidArgument(
                "unknown team '\(id)'\(Suggestion.clause(for: id, among: known)); the teams in kaizen.yml are \(known.joined(separator: ", "))")
        }
    }

    /// The team a command was given, checked against kaizen.yml; or, when
    /// none was given, the only team there is.
    public func team(given: String?) throws -> String {
        guard let team = given else {
            if teamIDs.count == 1 { return teamIDs[0] }
            let choices = teamIDs.isEmpty ? "" : ": one of \(teamIDs.joined(separator: ", "))"
            throw KaizenError.invalidArgument("--team is required\(choices)")
        }
        guard Slug.isValid(team) else {
            throw KaizenError.invalidArgument("'\(team)' is not a team id: team ids are lowercase slugs, e.g. payments")
        }
        try requireKnownTeam(team)
        return team
    }

    public func wipLimit(forTeam id: String) -> Int {
        teams.first { $0.id == id }?.wipLimit ?? wipLimit
    }

    /// The kind whose folder holds `path` (workspace-relative), if any; the
    /// deepest folder wins when one kind's folder lies inside another's.
    public func folderKind(ofPath path: String) -> RecordKind? {
        RecordKind.allCases
            .filter { path.hasPrefix(folders[$0]! + "/") }
            .max { folders[$0]!.count < folders[$1]!.count }
    }
}

/// The form every hypothesis must take: a regular expression with, ideally,
/// named groups `change` and `effect`.
public struct HypothesisPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to share between threads.
    public let source: String
    let expression: NSRegularExpression
    /// Whether this is kaizen's English default, for which the effect is also
    /// checked for something observable.
    public let isStandard: Bool
    /// Which of `change` and `effect` the pattern names; asking a match for a
    /// group the pattern lacks raises an exception in Foundation.
    private let groups: Set<String>

    /// "If <change>, we expect <effect>": the change may be phrased freely
    /// ("If we pair", "If every developer has a partner"), and the expectation
    /// may be "we expect", "we'd expect", "we would expect" or "the team expects".
    public static let standardSource =
        #"(?is)^\s*if\s+(?<change>.+?),?\s+(?:then\s+)?(?:we|i|they|the\s+team)(?:'d|’d|\s+would|\s+will)?\s+expects?\s+(?<effect>.+?)\s*\.?\s*$"#

    /// The standard pattern as it is run: the same up to the effect, which is
    /// taken to the end and then trimmed as `(?<effect>.+?)\s*\.?\s*$` would
    /// (see `lazyEffectEnd`). ICU tried that lazy tail after every character
    /// of the effect, which was most of the time of checking hypotheses.
    private static let standardMatchingSource =
        #"(?is)^\s*if\s+(?<change>.+?),?\s+(?:then\s+)?(?:we|i|they|the\s+team)(?:'d|’d|\s+would|\s+will)?\s+expects?\s+(?<effect>.+)$"#

    public static let standard = HypothesisPattern()

    private init() {
        source = Self.standardSource
        // The built-in pattern is a constant that is known to compile.
        expression = try! NSRegularExpression(pattern: Self.standardMatchingSource)
        isStandard = true
        groups = Self.namedGroups(in: Self.standardSource)
    }

    public init(source: String) throws {
        if source == Self.standardSource {
            self = Self.standard
            return
        }
        self.source = source
        self.expression = try NSRegularExpression(pattern: source)
        self.isStandard = false
        self.groups = Self.namedGroups(in: source)
    }

    private static func namedGroups(in source: String) -> Set<String> {
        Set(["change", "effect"].filter { source.contains("(?<\($0)>") })
    }

    /// The parts of a hypothesis that matched, or nil when it does not match.
    public func match(_ text: String) -> (change: String?, effect: String?)? {
        let range = NSRange(text.startIndex..., in: text)
        guard let result = expression.firstMatch(in: text, range: range) else { return nil }
        func group(_ name: String) -> String? {
            guard groups.contains(name), var groupRange = Range(result.range(withName: name), in: text) else { return nil }
            if isStandard, name == "effect" {
                groupRange = groupRange.lowerBound..<Self.lazyEffectEnd(in: text, from: groupRange.lowerBound)
            }
            return String(text[groupRange])
        }
        return (group("change"), group("effect"))
    }

    /// Where the standard pattern's lazy effect, starting at `start`, ends:
    /// it is the shortest text (one character at least) after which only
    /// whitespace, one full stop and whitespace follow, so the longest such
    /// tail is cut off. That tail matches whatever the effect holds, so the
    /// effect starts where it does with any tail, and `change` is the same
    /// too. `\s` in ICU is Unicode's White_Space, as `isWhitespace` is.
    static func lazyEffectEnd(in text: String, from start: String.Index) -> String.Index {
        let scalars = text.unicodeScalars
        var end = scalars.endIndex
        func dropWhitespace() {
            while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        }
        dropWhitespace()
        if end > start, scalars[scalars.index(before: end)] == "." {
            end = scalars.index(before: end)
            dropWhitespace()
        }
        return max(end, scalars.index(after: start))
    }
}
