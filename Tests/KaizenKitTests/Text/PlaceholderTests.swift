@testable import KaizenKit
import Testing

@Suite struct PlaceholderTests {
    @Test func findsTemplatePlaceholders() {
        #expect(Placeholder.first(in: "If we <change>, we expect <effect>") == "<change>")
        #expect(Placeholder.first(in: "<what you will measure>") == "<what you will measure>")
    }

    @Test func comparisonsAreNotPlaceholders() {
        #expect(Placeholder.first(in: "p95 < 200 ms and > 100 ms") == nil)
        #expect(Placeholder.first(in: "a <b\nc> d") == nil)
        #expect(Placeholder.first(in: "no brackets") == nil)
    }
}
