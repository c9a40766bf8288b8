/// CSV as RFC 4180 defines it, for every `--format csv`: one line per row,
/// the header first, each ended by CRLF, in UTF-8.
enum CSVText {
    static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    /// Text that a spreadsheet would run as a formula gets an apostrophe in
    /// front, which spreadsheets take to mean "text": a record's title is
    /// written by anyone who can commit, and must not run (or send data
    /// away) on the computer of whoever opens the file.
    static func field(_ text: String) -> String {
        let text = isFormula(text) ? "'" + text : text
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Starts with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list
    /// for CSV injection) and is not a plain number such as -0.25, which
    /// kaizen writes for its own figures and which must stay a number.
    private static func isFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first, "=+-@\t\r".utf8.contains(first) else { return false }
        var rest = Substring(text)
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return !parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }
}
