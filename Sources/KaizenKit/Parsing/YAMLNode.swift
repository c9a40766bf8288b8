import Yams

/// kaizen composes YAML with Yams' basic resolver, which leaves every scalar
/// untyped: resolving tags runs regular expressions on each scalar and key,
/// and kaizen types values itself. These read the two untyped forms it needs.
extension Node {
    /// An empty value, `~` or `null`, written plain (unquoted).
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A decimal integer, such as `90` or `"90"`.
    var integer: Int? {
        guard case .scalar(let scalar) = self else { return nil }
        return Int(scalar.string)
    }
}
