import Foundation
@testable import KaizenKit
import Testing

/// One expected finding: the file, the marker it points at, the message and
/// the severity.
struct ExpectedFinding: CustomStringConvertible {
    var path: String
    var marker: Character
    var message: String
    /// nil: the rule's severity in the harness's configuration, the rule's
    /// default unless kaizen.yml sets another. A draft's unfinished text is a
    /// warning, and says so here.
    var severity: Severity?

    init(_ path: String, _ marker: Character, _ message: String, severity: Severity? = nil) {
        self.path = path
        self.marker = marker
        self.message = message
        self.severity = severity
    }

    var description: String { "\(path) \(marker)️⃣ \(message)" }
}

/// Runs the whole checker over in-memory files, as `kaizen check` would over a
/// repository, without touching the disk.
struct RuleHarness {
    var files: [(path: String, text: MarkedText)]
    var config: String?
    var today = CalendarDate(year: 2026, month: 11, day: 20)!
    /// The files of an earlier version, for the history rules (`kaizen check
    /// --against`); nil runs only the record rules.
    var before: [(path: String, text: MarkedText)]?
    /// The paths reported on, as when `kaizen check` is given files; nil reports on all.
    var scope: Set<String>?

    init(config: String? = nil, _ files: [(String, String)]) {
        self.init(config: config, files.map { RecordFixture($0.0, $0.1) })
    }

    init(config: String? = nil, before: [(String, String)], after: [(String, String)]) {
        self.init(config: config, before: before.map { RecordFixture($0.0, $0.1) }, after: after.map { RecordFixture($0.0, $0.1) })
    }

    init(config: String? = nil, _ files: [RecordFixture]) {
        self.config = config
        self.files = files.map { ($0.path, MarkedText($0.text)) }
    }

    /// Compares `after` (the files checked) with `before`. Markers may stand in
    /// either; a finding on a deleted file points into `before`.
    init(config: String? = nil, before: [RecordFixture], after: [RecordFixture]) {
        self.init(config: config, after)
        self.before = before.map { ($0.path, MarkedText($0.text)) }
    }

    func workspace() -> Workspace {
        let loaded = config.map { ConfigLoader.load(Array($0.utf8)) }
        return Workspace.inMemory(config: loaded?.config ?? KaizenConfig(), configDiagnostics: loaded?.diagnostics ?? [])
    }

    /// Every diagnostic, sorted.
    func diagnostics() -> [Diagnostic] {
        let workspace = workspace()
        let parsed = Self.parse(files, config: workspace.config)
        let changes = before.map { before in
            Self.changes(from: Self.parse(Self.differing(before, from: files), config: workspace.config),
                         to: Self.parse(Self.differing(files, from: before), config: workspace.config))
        }
        return Checker.check(parsed, workspace: workspace, today: today, scope: scope, changes: changes).diagnostics
    }

    private static func parse(_ files: [(path: String, text: MarkedText)], config: KaizenConfig) -> [ParsedRecord] {
        let parser = RecordParser(config: config)
        return files.map { file in
            parser.parse(Array(file.text.text.utf8), path: file.path, folderKind: config.folderKind(ofPath: file.path))
        }
    }

    /// The files of `version` that `other` lacks or holds with other text: as
    /// in VersionComparison, only these are compared.
    private static func differing(_ version: [(path: String, text: MarkedText)],
                                  from other: [(path: String, text: MarkedText)]) -> [(path: String, text: MarkedText)] {
        version.filter { file in !other.contains { $0.path == file.path && $0.text.text == file.text.text } }
    }

    /// Pairs the versions as VersionComparison pairs them by id, the same path
    /// preferred when ids repeat: in head path order, then deletions in base
    /// path order. (Pairing renamed files by content needs git's blobs; the
    /// end-to-end tests cover that.)
    private static func changes(from base: [ParsedRecord], to head: [ParsedRecord]) -> RecordChanges {
        var unpaired = base.map(\.record)
        var changes: [RecordChange] = []
        for record in head.map(\.record).sorted(by: { $0.path < $1.path }) {
            let index = unpaired.firstIndex { $0.id == record.id && $0.path == record.path }
                ?? unpaired.firstIndex { $0.id == record.id }
            changes.append(RecordChange(before: index.map { unpaired.remove(at: $0) }, after: record))
        }
        changes += unpaired.sorted { $0.path < $1.path }.map { RecordChange(before: $0, after: nil) }
        return RecordChanges(changes: changes)
    }

    /// The diagnostics of one rule.
    func findings(_ rule: String) -> [Diagnostic] {
        diagnostics().filter { $0.rule == rule }
    }

    /// Expects exactly `expected` from `rule`: same files, positions, messages
    /// and severities.
    func expect(_ rule: String, _ expected: [ExpectedFinding], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let actual = findings(rule)
        let descriptor = RuleCatalog.descriptor(named: rule)
        let defaultSeverity = descriptor.flatMap { workspace().config.severity(of: $0) } ?? descriptor?.defaultSeverity ?? .error
        let wanted = expected.map { finding -> Diagnostic in
            let file = (files + (before ?? [])).first { $0.path == finding.path }!
            return Diagnostic(path: finding.path, position: file.text[finding.marker], severity: finding.severity ?? defaultSeverity,
                              rule: rule, message: finding.message)
        }.sorted()
        #expect(actual.map(\.path) == wanted.map(\.path), sourceLocation: sourceLocation)
        #expect(actual.map(\.position) == wanted.map(\.position), sourceLocation: sourceLocation)
        #expect(actual.map(\.message) == wanted.map(\.message), sourceLocation: sourceLocation)
        #expect(actual.map(\.severity) == wanted.map(\.severity), sourceLocation: sourceLocation)
    }
}

extension RuleHarness {
    /// Expects none of the history rules to report anything: the change is a
    /// legitimate edit.
    func expectNoHistoryFindings(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let names = Set(RuleCatalog.historyRules.map { type(of: $0).descriptor.name })
        let found = diagnostics().filter { names.contains($0.rule) }
        #expect(found.map { "\($0.path):\($0.position) \($0.message) [\($0.rule)]" } == [], sourceLocation: sourceLocation)
    }
}

extension Workspace {
    /// A workspace that exists only for rules to read its configuration.
    static func inMemory(config: KaizenConfig, configDiagnostics: [Diagnostic] = []) -> Workspace {
        Workspace(root: URL(fileURLWithPath: "/nonexistent-kaizen-test"), config: config,
                  configDiagnostics: configDiagnostics, hasConfigFile: true)
    }
}
