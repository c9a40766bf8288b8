/// The result of `kaizen check`.
public struct CheckReport: Sendable {
    /// Sorted by path, line, column and rule.
    public var diagnostics: [Diagnostic]
    /// How many record files were reported on.
    public var recordCount: Int

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// The problems in `paths` (reported on `recordCount` records), and those elsewhere.
    public func split(by paths: Set<String>, recordCount: Int) -> (inside: CheckReport, elsewhere: CheckReport) {
        let inside = diagnostics.filter { paths.contains($0.path) }
        let elsewhere = diagnostics.filter { !paths.contains($0.path) }
        return (CheckReport(diagnostics: inside, recordCount: recordCount),
                CheckReport(diagnostics: elsewhere, recordCount: self.recordCount - recordCount))
    }
}

/// Runs every rule over the parsed records and applies the configured
/// severities. Pure: the caller reads files and prints results.
public enum Checker {
    /// - Parameters:
    ///   - parsed: every record of the workspace, with its parse diagnostics.
    ///   - scope: the paths to report on; nil reports on all. Rules always see
    ///     every record, so links and limits are judged on the whole repository.
    ///   - strict: report warnings as errors.
    ///   - changes: what a change did since an earlier version, for the history rules.
    ///   - wordCounts: the records' words counted by earlier checks, for a caller that checks again and again.
    public static func check(_ parsed: [ParsedRecord], workspace: Workspace, today: CalendarDate,
                             scope: Set<String>? = nil, strict: Bool = false, changes: RecordChanges? = nil,
                             wordCounts: WordCountCache = WordCountCache(), renames: RecordRenames? = nil) -> CheckReport {
        // The records reported on: rules that judge each record alone need see only these.
        let scoped = scope.map { scope in parsed.filter { scope.contains($0.record.path) } } ?? parsed
        let scopedRecords = scope == nil ? nil : scoped.map(\.record)
        let context = RuleContext(records: parsed.map(\.record), config: workspace.config, today: today,
                                  reported: scopedRecords, wordCounts: wordCounts, renames: renames)
        let scopedContext = scopedRecords.map { RuleContext(records: $0, config: workspace.config, today: today) } ?? context
        let scopedKinds = Set(scoped.compactMap(\.record.kind))
        let config = workspace.config
        let rules = RuleCatalog.recordRules.filter { rule in
            config.severity(of: type(of: rule).descriptor) != nil && type(of: rule).reportsOnKind.map(scopedKinds.contains) ?? true
        }
        // Rules are independent of each other, so they run side by side.
        let results = ParallelResults<[Diagnostic]>(count: rules.count)
        results.fill { index in
            let rule = rules[index]
            var findings = Findings(rule: type(of: rule).descriptor)
            rule.check(type(of: rule).judgesEachRecordAlone ? scopedContext : context, findings: &findings)
            return findings.diagnostics
        }
        var diagnostics = workspace.configDiagnostics + scoped.flatMap(\.diagnostics)
        for findings in results.takeValues() { diagnostics += findings }
        if let changes {
            for rule in RuleCatalog.historyRules where config.severity(of: type(of: rule).descriptor) != nil {
                var findings = Findings(rule: type(of: rule).descriptor)
                rule.check(changes, context: context, findings: &findings)
                diagnostics += findings.diagnostics
            }
        }
        if let scope {
            diagnostics.removeAll { !scope.contains($0.path) }
        }
        let drafts = Set(scoped.lazy.map(\.record).filter(\.isDraft).map(\.path))
        diagnostics = diagnostics.compactMap { diagnostic in
            var diagnostic = diagnostic
            if let rule = RuleCatalog.descriptor(named: diagnostic.rule) {
                guard let severity = config.severity(of: rule) else { return nil }
                diagnostic.severity = severity
            }
            if diagnostic.unfinished, diagnostic.severity == .error, drafts.contains(diagnostic.path) { diagnostic.severity = .warning }
            if strict { diagnostic.severity = .error }
            return diagnostic
        }
        let recordCount = scope.map { scope in parsed.count { scope.contains($0.record.path) } } ?? parsed.count
        return CheckReport(diagnostics: diagnostics.sorted(), recordCount: recordCount)
    }
}
