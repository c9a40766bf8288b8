/// A rule's identity: its kebab-case name, the severity it reports at unless
/// `kaizen.yml` says otherwise, and what it is about, written once for
/// `--list-rules` and SARIF's rule help alike.
public struct RuleDescriptor: Sendable, Hashable {
    public let name: String
    public let defaultSeverity: Severity
    /// One line on what it catches.
    public let summary: String
    /// What it checks, in full: when it fires and what it leaves alone.
    public let explanation: String
    /// What to change in the record to resolve a finding.
    public let howToFix: String

    public init(name: String, severity: Severity, summary: String, explanation: String, howToFix: String) {
        self.name = name
        self.defaultSeverity = severity
        self.summary = summary
        self.explanation = explanation
        self.howToFix = howToFix
    }
}

/// Collects the diagnostics of one file, each at its rule's default severity;
/// the checker applies the configured severities afterwards.
struct DiagnosticCollector {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func report(_ rule: RuleDescriptor, at position: SourcePosition, _ message: String, unfinished: Bool = false) {
        diagnostics.append(Diagnostic(rule, path: path, at: position, message, unfinished: unfinished))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
