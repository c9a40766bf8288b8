@testable import KaizenKit
import Testing

/// A planned experiment or a proposed improvement is a draft: what is merely
/// unfinished in it is a warning, so it can be committed and discussed in a
/// pull request; once it runs or is trialled, the same findings are errors.
@Suite struct DraftSeverityTests {
    static func experiment(_ status: String, hypothesis: String = "\"If we <change>, we expect <observable effect>\"",
                           teams: String = "[payments]") -> String {
        """
        ---
        kind: experiment
        title: Review pairs
        teams: \(teams)
        hypothesis: \(hypothesis)
        signals:
          - metric: review wait (hours)
            baseline: "<its value today>"
            target: "4"
        status: \(status)
        \(status == "planned" ? "" : "start: 2026-11-02\n")review-by: 2026-12-18
        rollback: TBD
        ---
        """
    }

    static func improvement(_ status: String) -> String {
        "---\nkind: improvement\ntitle: Review pairs\nstatus: \(status)\norigin: payments\nlevel: team\narea: <area>\n---\n"
    }

    static let config = "teams: {payments: {name: Payments}}\n"

    func severities(_ files: [(String, String)], strict: Bool = false) -> [String: Severity] {
        let loaded = ConfigLoader.load(Array(Self.config.utf8))
        let workspace = Workspace.inMemory(config: loaded.config)
        let parsed = files.map { RecordParser(config: loaded.config).parse(Array($0.1.utf8), path: $0.0, folderKind: loaded.config.folderKind(ofPath: $0.0)) }
        let report = Checker.check(parsed, workspace: workspace, today: CalendarDate(year: 2026, month: 11, day: 20)!, strict: strict)
        return Dictionary(report.diagnostics.map { ("\($0.path) \($0.rule)", $0.severity) }) { first, _ in first }
    }

    @Test func aDraftsUnfinishedTextIsAWarningAndAStartedRecordsAnError() {
        let draft = severities([("experiments/review-pairs.md", Self.experiment("planned")), ("improvements/pairs.md", Self.improvement("proposed"))])
        #expect(draft == [
            "experiments/review-pairs.md hypothesis-form": .warning,
            "experiments/review-pairs.md no-signals": .warning,
            "experiments/review-pairs.md no-rollback": .warning,
            "improvements/pairs.md invalid-value": .warning,
        ])
        let started = severities([("experiments/review-pairs.md", Self.experiment("running")), ("improvements/pairs.md", Self.improvement("trialling"))])
        #expect(started == [
            "experiments/review-pairs.md hypothesis-form": .error,
            "experiments/review-pairs.md no-signals": .error,
            "experiments/review-pairs.md no-rollback": .error,
            "improvements/pairs.md invalid-value": .error,
        ])
    }

    @Test func strictMakesADraftsWarningsErrors() {
        let strict = severities([("experiments/review-pairs.md", Self.experiment("planned"))], strict: true)
        #expect(Set(strict.values) == [.error])
    }

    /// Only what is unwritten is softened: a vague effect or an unknown team is wrong, not unfinished.
    @Test func whatIsWrongRatherThanUnfinishedStaysAnErrorInADraft() {
        let wrong = Self.experiment("planned", hypothesis: "If we pair on reviews, we expect better collaboration", teams: "[paymnets]")
        let found = severities([("experiments/review-pairs.md", wrong)])
        #expect(found["experiments/review-pairs.md hypothesis-form"] == .error)
        #expect(found["experiments/review-pairs.md unknown-team"] == .error)
        #expect(found["experiments/review-pairs.md no-signals"] == .warning)
    }
}
