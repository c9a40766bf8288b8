@testable import KaizenKit
import Testing

/// A planned experiment or a proposed improvement is a draft: what is merely
/// unfinished in it is a warning, so it can be committed and discussed in a
/// pull request; once it runs or is trialled, the same findings are errors.
@Suite struct DraftSeverityTests {
    static func experiment(_ status: RecordFixture.Value, hypothesis: RecordFixture.Value = "\"If we <change>, we expect <observable effect>\"",
                           teams: RecordFixture.Value = "[payments]") -> RecordFixture {
        .experiment("review-pairs", teams: teams, hypothesis: hypothesis, signals: """
            - metric: review wait (hours)
              baseline: "<its value today>"
              target: "4"
            """, status: status, rollback: "TBD")
    }

    static func improvement(_ status: RecordFixture.Value) -> RecordFixture {
        .improvement("pairs", status: status, area: "<area>")
    }

    static let config = "teams: {payments: {name: Payments}}\n"

    func severities(_ files: [RecordFixture], strict: Bool = false) -> [String: Severity] {
        let loaded = ConfigLoader.load(Array(Self.config.utf8))
        let workspace = Workspace.inMemory(config: loaded.config)
        let parsed = files.map { RecordParser(config: loaded.config).parse(Array($0.text.utf8), path: $0.path, folderKind: loaded.config.folderKind(ofPath: $0.path)) }
        let report = Checker.check(parsed, workspace: workspace, today: CalendarDate(year: 2026, month: 11, day: 20)!, strict: strict)
        return Dictionary(report.diagnostics.map { ("\($0.path) \($0.rule)", $0.severity) }) { first, _ in first }
    }

    @Test func aDraftsUnfinishedTextIsAWarningAndAStartedRecordsAnError() {
        let draft = severities([Self.experiment("planned"), Self.improvement("proposed")])
        #expect(draft == [
            "experiments/review-pairs.md hypothesis-form": .warning,
            "experiments/review-pairs.md no-signals": .warning,
            "experiments/review-pairs.md no-rollback": .warning,
            "improvements/pairs.md invalid-value": .warning,
        ])
        let started = severities([Self.experiment("running"), Self.improvement("trialling")])
        #expect(started == [
            "experiments/review-pairs.md hypothesis-form": .error,
            "experiments/review-pairs.md no-signals": .error,
            "experiments/review-pairs.md no-rollback": .error,
            "improvements/pairs.md invalid-value": .error,
        ])
    }

    @Test func strictMakesADraftsWarningsErrors() {
        let strict = severities([Self.experiment("planned")], strict: true)
        #expect(Set(strict.values) == [.error])
    }

    /// Only what is unwritten is softened: a vague effect or an unknown team is wrong, not unfinished.
    @Test func whatIsWrongRatherThanUnfinishedStaysAnErrorInADraft() {
        let wrong = Self.experiment("planned", hypothesis: "If we pair on reviews, we expect better collaboration", teams: "[paymnets]")
        let found = severities([wrong])
        #expect(found["experiments/review-pairs.md hypothesis-form"] == .error)
        #expect(found["experiments/review-pairs.md unknown-team"] == .error)
        #expect(found["experiments/review-pairs.md no-signals"] == .warning)
    }
}
