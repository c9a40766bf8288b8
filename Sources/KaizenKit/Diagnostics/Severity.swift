/// How much a finding matters. Errors fail `kaizen check`; warnings are reported
/// but pass unless `--strict` is given.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}
