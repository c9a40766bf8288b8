import Foundation
import Testing
@testable import KaizenKit

@Suite struct TimelineFormatterTests {
    typealias Sample = TimelineSample

    /// exp-a: planned on day 10, running on day 12, concluded on day 20; "b, c" with a quote in its title.
    private func timeline(shallow: Bool = false) -> Timeline {
        var builder = TimelineBuilder(fields: ["status"])
        var first = CommitDelta(commit: Sample.commit(1, day: 10))
        first.added = [("experiments/exp-a.md", Sample.snapshot("planned")),
                       ("experiments/b, c.md", FrontMatterSnapshot(id: nil, title: "Say \"hi\" | wave", teams: [], values: ["running"], readable: true))]
        first.atShallowBoundary = shallow
        var second = CommitDelta(commit: Sample.commit(2, day: 12))
        second.modified = [("experiments/exp-a.md", Sample.snapshot("running"))]
        var third = CommitDelta(commit: Sample.commit(3, day: 20))
        third.modified = [("experiments/exp-a.md", Sample.snapshot("concluded"))]
        for delta in [first, second, third] { builder.apply(delta) }
        builder.advance(to: Sample.commit(3, day: 20).id, shallowBoundary: shallow ? Sample.commit(1, day: 10).id : nil)
        return builder.timeline(ref: "main")
    }

    private func render(_ format: TimelineFormat, shallow: Bool = false, since: CalendarDate? = nil) -> String {
        TimelineFormatter(format: format, now: 30 * 86_400, since: since, finalValues: ["concluded"]).render(timeline(shallow: shallow))
    }

    @Test func csvQuotesFieldsWithCommasAndQuotes() {
        let lines = render(.csv).components(separatedBy: "\r\n")
        #expect(lines[0] == "id,path,type,commit,date,author_name,author_email,field,from,to,from_path,to_path,beyond_shallow_boundary,shallow_clone")
        #expect(lines[1].hasPrefix("\"b, c\",\"experiments/b, c.md\",created,0000000000000000000000000000000000000001,1970-01-11T01:00:00+01:00,"))
        #expect(lines.count == 6)
        #expect(lines.last == "")
    }

    @Test func mermaidDrawsFinalValuesAsMilestones() {
        let text = render(.mermaid)
        #expect(text.hasPrefix("```mermaid\ngantt\n"))
        #expect(text.contains("    section payments\n    exp-a planned :1970-01-11, 1970-01-13\n    exp-a running :1970-01-13, 1970-01-21\n    exp-a concluded :milestone, 1970-01-21, 0d\n"))
        #expect(text.contains("    section no team\n    b, c running :active, 1970-01-11, 1970-01-30\n"))
        #expect(text.hasSuffix("```\n"))
    }

    @Test func markdownEscapesTableCells() {
        let text = render(.markdown)
        #expect(text.contains("| `exp-a` | 1970-01-13 | changed | status planned → running | Ana Lima | `0000000` |"))
        #expect(text.contains("| `exp-a` | time in status: planned 2d, running 8d, concluded 10d (now concluded) |"))
    }

    @Test func textShowsEventsAndTimeInStatus() {
        let text = render(.text)
        #expect(text.contains("exp-a  A title  [payments]  experiments/exp-a.md\n"))
        #expect(text.contains("  1970-01-21  changed  status running → concluded  Ana Lima <ana.lima@example.com>  0000000\n"))
    }

    @Test func everyFormatSaysWhenTheHistoryIsShallow() {
        #expect(render(.text, shallow: true).contains("note: this is a shallow clone"))
        #expect(render(.markdown, shallow: true).contains("> **Note:** this is a shallow clone"))
        #expect(render(.mermaid, shallow: true).contains("(shallow clone  earlier history unknown)"))
        #expect(render(.csv, shallow: true).components(separatedBy: "\r\n")[1].hasSuffix(",true,true"))
        #expect(render(.json, shallow: true).contains("\"shallow\" : true"))
    }

    @Test func sinceLeavesOutEarlierEventsAndRecordsWithoutLaterOnes() throws {
        let json = render(.json, since: CalendarDate(year: 1970, month: 1, day: 13))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let records = try #require(object["records"] as? [[String: Any]])
        #expect(records.map { $0["id"] as? String } == ["exp-a"])
        #expect((records[0]["events"] as? [Any])?.count == 2)
        #expect(object["since"] as? String == "1970-01-13")
    }

    @Test func jsonHasTheDocumentedShapeWithExplicitNulls() throws {
        let object = try #require(JSONSerialization.jsonObject(with: Data(render(.json).utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["ref"] as? String == "main")
        #expect(object["head"] as? String == "0000000000000000000000000000000000000003")
        let record = try #require((object["records"] as? [[String: Any]])?.first)
        let event = try #require((record["events"] as? [[String: Any]])?.first)
        #expect(Set(event.keys) == ["type", "commit", "date", "author", "field", "from", "to", "fromPath", "toPath"])
        #expect(event["from"] is NSNull)
        #expect(event["fromPath"] is NSNull)
        #expect(event["date"] as? String == "1970-01-11T01:00:00+01:00")
    }
}
