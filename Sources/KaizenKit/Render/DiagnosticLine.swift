/// One finding as one line, `path:line:column: severity: message [rule]`,
/// the form compilers print and Vim's and Emacs's error parsers read. Every
/// command that prints findings as text prints them through this, so a
/// control character in a path or a message (a newline from a quoted YAML
/// value, an escape sequence) shows escaped and never splits a finding in two.
public enum DiagnosticLine {
    /// - Parameters:
    ///   - path: the file as the line should name it (relative to where the command ran).
    ///   - useColor: ANSI colours for a terminal: bold location, red or yellow severity, dim rule.
    public static func render(_ diagnostic: Diagnostic, path: String, useColor: Bool = false) -> String {
        let paint = { (text: String, code: String) in useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        let location = "\(VisibleText.escaping(path)):\(diagnostic.position.line):\(diagnostic.position.column)"
        let severity = diagnostic.severity.rawValue
        return "\(paint(location, "1")): \(paint(severity, diagnostic.severity == .error ? "1;31" : "1;33")): "
            + "\(VisibleText.escaping(diagnostic.message)) \(paint("[\(diagnostic.rule)]", "2"))"
    }
}
