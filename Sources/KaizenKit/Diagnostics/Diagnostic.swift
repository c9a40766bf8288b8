/// One finding: a rule broken at a place in a file.
public struct Diagnostic: Sendable, Hashable, Comparable, Error {
    /// The file, relative to the workspace root, with `/` separators.
    public var path: String
    public var position: SourcePosition
    public var severity: Severity
    /// The kebab-case name of the rule, e.g. `expired`.
    public var rule: String
    public var message: String
    /// The finding is about text not written yet (a template placeholder, a
    /// missing field, rollback or signal): in a draft, a planned experiment
    /// or a proposed improvement, it is a warning, so a draft can be
    /// committed and discussed; once the record runs or is trialled, an error.
    public var unfinished: Bool

    public init(path: String, position: SourcePosition, severity: Severity, rule: String, message: String, unfinished: Bool = false) {
        self.path = path
        self.position = position
        self.severity = severity
        self.rule = rule
        self.message = message
        self.unfinished = unfinished
    }

    /// A finding of `rule` at its default severity; `kaizen.yml` may change
    /// the severity later.
    init(_ rule: RuleDescriptor, path: String, at position: SourcePosition, _ message: String, unfinished: Bool = false) {
        self.init(path: path, position: position, severity: rule.defaultSeverity, rule: rule.name, message: message, unfinished: unfinished)
    }

    /// Sorted by file, then position, then rule name, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message < rhs.message
    }
}
