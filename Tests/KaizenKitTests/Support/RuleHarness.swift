import Foundation
@testable import KaizenKit
import Testing

/// One expected finding: the file, the marker it points at, and the message.
struct ExpectedFinding: CustomStringConvertible {
    var path: String
    var marker: Character
    var message: String

    init(_ path: String, _ marker: Character, _ message: String) {
        self.path = path
        self.marker = marker
        self.message = message
    }

    var description: String { "\(path) \(marker)️⃣ \(message)" }
}

/// Runs the whole checker over in-memory files, as `kaizen check` would over a
/// repository, without touching the disk.
struct RuleHarness {
    var files: [(path: String, text: MarkedText)]
    var config: String?
    var today = CalendarDate(year: 2026, month: 11, day: 20)!

    init(config: String? = nil, _ files: [(String, String)]) {
        self.config = config
        self.files = files.map { ($0.0, MarkedText($0.1)) }
    }

    func workspace() -> Workspace {
        let loaded = config.map { ConfigLoader.load(Array($0.utf8)) }
        return Workspace.inMemory(config: loaded?.config ?? KaizenConfig(), configDiagnostics: loaded?.diagnostics ?? [])
    }

    /// Every diagnostic, sorted.
    func diagnostics() -> [Diagnostic] {
        let workspace = workspace()
        let parser = RecordParser(config: workspace.config)
        let parsed = files.map { file in
            parser.parse(Array(file.text.text.utf8), path: file.path,
                         folderKind: workspace.config.folderKind(ofPath: file.path))
        }
        return Checker.check(parsed, workspace: workspace, today: today).diagnostics
    }

    /// The diagnostics of one rule.
    func findings(_ rule: String) -> [Diagnostic] {
        diagnostics().filter { $0.rule == rule }
    }

    /// Expects exactly `expected` from `rule`: same files, positions and messages.
    func expect(_ rule: String, _ expected: [ExpectedFinding], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let actual = findings(rule)
        let wanted = expected.map { finding -> Diagnostic in
            let file = files.first { $0.path == finding.path }!
            return Diagnostic(path: finding.path, position: file.text[finding.marker], severity: actual.first?.severity ?? .error,
                              rule: rule, message: finding.message)
        }.sorted()
        #expect(actual.map(\.path) == wanted.map(\.path), sourceLocation: sourceLocation)
        #expect(actual.map(\.position) == wanted.map(\.position), sourceLocation: sourceLocation)
        #expect(actual.map(\.message) == wanted.map(\.message), sourceLocation: sourceLocation)
        if config == nil, let descriptor = RuleCatalog.descriptor(named: rule) {
            #expect(actual.allSatisfy { $0.severity == descriptor.defaultSeverity }, sourceLocation: sourceLocation)
        }
    }
}

extension Workspace {
    /// A workspace that exists only for rules to read its configuration.
    static func inMemory(config: KaizenConfig, configDiagnostics: [Diagnostic] = []) -> Workspace {
        Workspace(root: URL(fileURLWithPath: "/nonexistent-kaizen-test"), config: config,
                  configDiagnostics: configDiagnostics, hasConfigFile: true)
    }
}
