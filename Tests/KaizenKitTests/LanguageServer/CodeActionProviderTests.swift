@testable import KaizenKit
import Testing

@Suite struct CodeActionProviderTests {
    private let provider: CodeActionProvider = {
        var config = KaizenConfig()
        config.teams = [.init(id: "payments")]
        return CodeActionProvider(config: config, today: CalendarDate(year: 2026, month: 11, day: 20)!)
    }()

    /// The text after applying the fix for the finding the parser reports with `rule` on `text`.
    private func fixed(_ text: String, rule: String, path: String) -> String? {
        let parsed = RecordParser(config: provider.config).parse(Array(text.utf8), path: path, folderKind: nil)
        guard let diagnostic = parsed.diagnostics.first(where: { $0.rule == rule }) else { return nil }
        let lines = TextLines(text)
        guard let fix = provider.fix(code: rule, range: lines.tokenRange(at: diagnostic.position), message: diagnostic.message,
                                     in: text, kind: parsed.record.kind) else { return nil }
        return try? DocumentStore.replacing(fix.range, with: fix.newText, in: text)
    }

    @Test func anInvalidEnumValueBecomesTheNearestValidOne() {
        let text = "---\nkind: experiment\nstatus: runing\n---\n"
        #expect(fixed(text, rule: "invalid-value", path: "experiments/x.md") == "---\nkind: experiment\nstatus: running\n---\n")
        let level = "---\nkind: improvement\nlevel: \"Cross team\"\n---\n"
        #expect(fixed(level, rule: "invalid-value", path: "improvements/x.md") == "---\nkind: improvement\nlevel: cross-team\n---\n")
    }

    @Test func aMissingFieldIsAddedBeforeTheClosingLineWithAPlaceholder() {
        let text = """
            ---
            kind: constraint
            title: Change board
            level: system
            observed: [{date: 2026-11-01, team: payments}]
            ---
            body
            """
        let result = fixed(text, rule: "missing-field", path: "constraints/change-board.md")
        #expect(result == text.replacingOccurrences(of: "---\nbody", with: "status: \"<open, easing or resolved>\"\n---\nbody"))
        // The placeholder keeps the record flagged until someone chooses.
        let again = RecordParser(config: provider.config).parse(Array(result!.utf8), path: "constraints/change-board.md", folderKind: nil)
        #expect(again.diagnostics.map(\.rule) == ["invalid-value"])
    }

    @Test func placeholdersFollowTheFieldsType() {
        let text = "---\nkind: constraint\ntitle: Board\nstatus: open\nlevel: team\n---\n"
        #expect(fixed(text, rule: "missing-field", path: "constraints/board.md")
            == "---\nkind: constraint\ntitle: Board\nstatus: open\nlevel: team\nobserved: [{date: 2026-11-20, team: payments}]\n---\n")
    }

    @Test func otherRulesHaveNoQuickFix() {
        let lines = TextLines("---\n---\n")
        #expect(provider.fix(code: "expired", range: lines.tokenRange(at: .start), message: "", in: "---\n---\n", kind: .experiment) == nil)
    }

    /// status-lag's fix sets the status its experiments show, and the check
    /// then finds no lag (and, with the retained experiment, no other rule).
    @Test func aLaggingStatusIsSetToWhatItsExperimentsShow() throws {
        let improvement = "---\nkind: improvement\ntitle: Review pairs\nstatus: proposed   # new\norigin: payments\nlevel: team\narea: flow\n---\n"
        let experiment = """
            ---
            kind: experiment
            title: Review pairs in payments
            teams: [payments]
            improvement: review-pairs
            hypothesis: If we review in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4, result: 3}]
            status: running
            start: 2026-11-01
            review-by: 2026-12-18
            rollback: go back to single reviews
            ---
            """
        let parser = RecordParser(config: provider.config)
        func lag(_ text: String) -> Diagnostic? {
            let records = [parser.parse(Array(text.utf8), path: "improvements/review-pairs.md", folderKind: .improvement),
                           parser.parse(Array(experiment.utf8), path: "experiments/pairs.md", folderKind: .experiment)]
            return Checker.check(records, workspace: .inMemory(config: provider.config), today: provider.today)
                .diagnostics.first { $0.rule == "status-lag" }
        }
        let diagnostic = try #require(lag(improvement))
        let lines = TextLines(improvement)
        let fix = try #require(provider.fix(code: "status-lag", range: lines.tokenRange(at: diagnostic.position), message: diagnostic.message,
                                            in: improvement, kind: .improvement))
        #expect(fix.title == "Set status to trialling")
        let fixedText = try DocumentStore.replacing(fix.range, with: fix.newText, in: improvement)
        #expect(fixedText == improvement.replacingOccurrences(of: "status: proposed   # new", with: "status: trialling   # new"))
        #expect(lag(fixedText) == nil)
    }

    /// broken-link's fix for a link to a renamed record writes the id it has now.
    @Test func aLinkToARenamedRecordIsRewrittenToItsCurrentID() throws {
        let experiment = "---\nkind: experiment\nimprovement: review-pairs   # the pilot\n---\n"
        let improvement = "---\nkind: improvement\ntitle: Review pairs\nstatus: trialling\norigin: payments\nlevel: team\narea: flow\n---\n"
        let parser = RecordParser(config: provider.config)
        let records = [parser.parse(Array(experiment.utf8), path: "experiments/pilot.md", folderKind: .experiment),
                       parser.parse(Array(improvement.utf8), path: "improvements/pair-on-reviews.md", folderKind: .improvement)]
        let renames = RecordRenames {
            TimelineSample.timeline([
                TimelineSample.delta(1, day: 10, added: [("improvements/review-pairs.md", TimelineSample.snapshot("trialling"))]),
                TimelineSample.delta(2, day: 11, renames: [.init(from: "improvements/review-pairs.md", to: "improvements/pair-on-reviews.md",
                                                                 snapshot: nil)]),
            ])
        }
        let diagnostic = try #require(Checker.check(records, workspace: .inMemory(config: provider.config), today: provider.today,
                                                    renames: renames).diagnostics.first { $0.rule == "broken-link" })
        #expect(diagnostic.message == "'review-pairs' was renamed to 'pair-on-reviews' in 0000000 on 1970-01-12: write 'pair-on-reviews'")
        let lines = TextLines(experiment)
        let fix = try #require(provider.fix(code: "broken-link", range: lines.tokenRange(at: diagnostic.position), message: diagnostic.message,
                                            in: experiment, kind: .experiment))
        #expect(fix.title == "Write 'pair-on-reviews', the record's id since its rename")
        #expect(try DocumentStore.replacing(fix.range, with: fix.newText, in: experiment)
            == experiment.replacingOccurrences(of: "review-pairs   #", with: "pair-on-reviews   #"))
        // A link that is only missing gets no fix.
        #expect(provider.fix(code: "broken-link", range: lines.tokenRange(at: diagnostic.position),
                             message: "no improvement has the id 'review-pairs'", in: experiment, kind: .experiment) == nil)
    }
}
