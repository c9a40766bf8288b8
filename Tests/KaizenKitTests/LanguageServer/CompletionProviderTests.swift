@testable import KaizenKit
import Testing

@Suite struct CompletionProviderTests {
    private let config: KaizenConfig = {
        var config = KaizenConfig()
        config.teams = [.init(id: "payments", name: "Payments"), .init(id: "checkout")]
        config.extraAreas = ["security"]
        return config
    }()

    private func records() -> [Record] {
        let parser = RecordParser(config: config)
        return [
            ("improvements/canary-releases.md", "---\nkind: improvement\ntitle: Canary releases\n---\n"),
            ("improvements/pairing.md", "---\nkind: improvement\ntitle: Pairing\n---\n"),
            ("constraints/change-board.md", "---\nkind: constraint\ntitle: Change board\n---\n"),
        ].map { parser.parse(Array($0.1.utf8), path: $0.0, folderKind: nil).record }
    }

    /// The labels offered at the `|` in `text`.
    private func labels(_ marked: String, kind: RecordKind? = .experiment) -> [String]? {
        let lines = marked.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains("|") }!
        let character = lines[line].utf16.distance(from: lines[line].startIndex, to: lines[line].firstIndex(of: "|")!)
        let provider = CompletionProvider(config: config, today: CalendarDate(year: 2026, month: 11, day: 20)!, records: records())
        return provider.complete(marked.replacingOccurrences(of: "|", with: ""), at: LSPPosition(line: line, character: character), kind: kind)?
            .items.map(\.label)
    }

    @Test func fieldNamesOfTheKindThatAreNotWrittenYet() {
        #expect(labels("---\nkind: constraint\ntitle: x\n|\n---", kind: .constraint) == ["status", "level", "observed", "tags"])
        #expect(labels("---\nkind: experiment\nre|\n---") == ["review-by"])
        #expect(labels("---\n|\n---", kind: nil) == ["kind", "title"])
    }

    @Test func enumValuesForStatusOutcomeLevelAndArea() {
        #expect(labels("---\nstatus: |\n---") == ["planned", "running", "concluded"])
        #expect(labels("---\noutcome: re|\n---") == ["retained"])
        #expect(labels("---\nlevel: |\n---", kind: .improvement) == ["team", "cross-team", "system"])
        #expect(labels("---\narea: s|\n---", kind: .improvement) == ["security"])
        #expect(labels("---\nkind: |\n---") == ["improvement", "experiment", "constraint"])
    }

    @Test func teamIDsFromTheConfigurationInListsAndEntries() {
        #expect(labels("---\nteams: [payments, |]\n---") == ["payments", "checkout"])
        #expect(labels("---\norigin: ch|\n---", kind: .improvement) == ["checkout"])
        #expect(labels("---\nobserved:\n  - date: 2026-11-01\n    team: |\n---", kind: .constraint) == ["payments", "checkout"])
        #expect(labels("---\nteams:\n  - |\n---") == ["payments", "checkout"])
    }

    @Test func recordIDsOfTheKindAReferenceNames() {
        #expect(labels("---\nimprovement: |\n---") == ["canary-releases", "pairing"])
        #expect(labels("---\nconstraints: [|]\n---") == ["change-board"])
    }

    @Test func todayForDatesAndEntryFieldNames() {
        #expect(labels("---\nreview-by: |\n---") == ["2026-11-20"])
        #expect(labels("---\nsignals:\n  - |\n---") == ["metric", "baseline", "target", "result"])
    }

    @Test func theReplacedRangeIsTheWordTypedSoFarEvenPastTheLineEnd() {
        let provider = CompletionProvider(config: config, today: CalendarDate(year: 2026, month: 11, day: 20)!, records: [])
        let result = provider.complete("---\nstatus: ru\n---", at: LSPPosition(line: 1, character: 40), kind: .experiment)
        #expect(result?.replacing == LSPRange(start: LSPPosition(line: 1, character: 8), end: LSPPosition(line: 1, character: 10)))
        #expect(result?.items.map(\.insertText) == ["running"])
    }

    @Test func nothingOutsideTheFrontMatterOrForFreeText() {
        #expect(labels("---\nstatus: planned\n---\n\n## Plan |") == nil)
        #expect(labels("---\ntitle: |\n---") == [])
    }
}
