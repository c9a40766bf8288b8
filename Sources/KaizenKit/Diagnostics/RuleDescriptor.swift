/// A rule's identity: its kebab-case name, the severity it reports at unless
/// `kaizen.yml` says otherwise, and one line on what it catches.
public struct RuleDescriptor: Sendable, Hashable {
    public let name: String
    public let defaultSeverity: Severity
    public let summary: String

    public init(name: String, severity: Severity, summary: String) {
        self.name = name
        self.defaultSeverity = severity
        self.summary = summary
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

    mutating func report(_ rule: RuleDescriptor, at position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(rule, path: path, at: position, message))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
