import Foundation

/// How `kaizen check` prints its findings.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
    case sarif
}

/// Turns a check report into text for one output format. Text and JSON show
/// paths as `displayPath` maps them (relative to where the command ran);
/// GitHub annotations and SARIF, read by CI services, name them from the
/// top of `repository`.
public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    public var useColor: Bool
    public var today: CalendarDate
    public var displayPath: @Sendable (String) -> String
    public var repository: RepositoryLocation
    /// The checked text of the files with findings, for SARIF.
    public var sources: FindingSources

    public init(format: DiagnosticFormat, useColor: Bool = false, today: CalendarDate,
                displayPath: @escaping @Sendable (String) -> String = { $0 },
                repository: RepositoryLocation = RepositoryLocation(root: nil, workspaceFolder: ""),
                sources: FindingSources = FindingSources()) {
        self.format = format
        self.useColor = useColor
        self.today = today
        self.displayPath = displayPath
        self.repository = repository
        self.sources = sources
    }

    public func render(_ report: CheckReport) -> String {
        switch format {
        case .text: return text(report)
        case .json: return json(report)
        case .github: return github(report)
        case .sarif: return SARIFFormatter(repository: repository, sources: sources).render(report.diagnostics)
        }
    }

    // MARK: - Text

    private func text(_ report: CheckReport) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            output += DiagnosticLine.render(diagnostic, path: displayPath(diagnostic.path), useColor: useColor) + "\n"
        }
        output += summary(report) + "\n"
        return output
    }

    /// "42 records checked: 2 errors, 1 warning" or "42 records checked: no problems".
    public func summary(_ report: CheckReport) -> String {
        var parts: [String] = []
        if report.errorCount > 0 { parts.append(pluralized(report.errorCount, "error")) }
        if report.warningCount > 0 { parts.append(pluralized(report.warningCount, "warning")) }
        let found = parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
        return "\(pluralized(report.recordCount, "record")) checked: \(found)"
    }

    // MARK: - JSON

    /// Version 1 of the JSON shape, documented in the README. Extend it only by
    /// adding keys.
    struct JSONReport: Encodable {
        struct Summary: Encodable {
            var records: Int
            var errors: Int
            var warnings: Int
        }
        var version = 1
        var today: String
        var summary: Summary
        var diagnostics: [DiagnosticJSON]
    }

    private func json(_ report: CheckReport) -> String {
        let document = JSONReport(
            today: today.description,
            summary: .init(records: report.recordCount, errors: report.errorCount, warnings: report.warningCount),
            diagnostics: report.diagnostics.map { DiagnosticJSON($0, displayPath: displayPath) })
        return JSONOutput.encode(document)
    }

    // MARK: - GitHub workflow annotations

    private func github(_ report: CheckReport) -> String {
        annotations(report.diagnostics) + summary(report) + "\n"
    }

    /// One workflow command per finding, which GitHub shows on the line in the pull request.
    public func annotations(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics {
            let command = diagnostic.severity == .error ? "error" : "warning"
            let properties = [
                "file=\(escapeProperty(repository.path(of: diagnostic.path)))",
                "line=\(diagnostic.position.line)",
                "col=\(diagnostic.position.column)",
                "title=\(escapeProperty("kaizen \(diagnostic.rule)"))",
            ].joined(separator: ",")
            output += "::\(command) \(properties)::\(escapeData(diagnostic.message))\n"
        }
        return output
    }

    /// Workflow-command escaping, as the Actions toolkit does it: `%`, CR and
    /// LF in the message; those and `:` and `,` in a property.
    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// One finding, as `check` and `review` write it in JSON.
struct DiagnosticJSON: Encodable {
    var path: String
    var line: Int
    var column: Int
    var severity: Severity
    var rule: String
    var message: String

    init(_ diagnostic: Diagnostic, displayPath: (String) -> String) {
        path = displayPath(diagnostic.path)
        line = diagnostic.position.line
        column = diagnostic.position.column
        severity = diagnostic.severity
        rule = diagnostic.rule
        message = diagnostic.message
    }
}
