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

    public static let standard = HypothesisPattern(standardSource: standardSource)

    private init(standardSource: String) {
        // The built-in pattern is a constant that is known to compile.
        self.source = standardSource
        self.expression = try! NSRegularExpression(pattern: standardSource)
        self.isStandard = true
        self.groups = Self.namedGroups(in: standardSource)
    }

    public init(source: String) throws {
        self.source = source
        self.expression = try NSRegularExpression(pattern: source)
        self.isStandard = source == Self.standardSource
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
            guard groups.contains(name), let groupRange = Range(result.range(withName: name), in: text) else { return nil }
            return String(text[groupRange])
        }
        return (group("change"), group("effect"))
    }
}
