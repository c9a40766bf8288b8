import Foundation
import Testing
@testable import KaizenKit

@Suite struct JSONWriterTests {
    @Test func writesTheSameLayoutAsJSONOutput() {
        struct Sample: Encodable {
            var list = ["a", "b"]
            var name = "x"
            var number = 3
        }
        var json = JSONWriter()
        json.beginObject()
        json.key("list")
        json.beginArray()
        json.string("a")
        json.string("b")
        json.endArray()
        json.key("name")
        json.string("x")
        json.key("number")
        json.integer(3)
        json.endObject()
        #expect(json.text == JSONOutput.encode(Sample()))
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() throws {
        var json = JSONWriter()
        json.beginArray()
        json.string("say \"hi\"\\ \n\t\u{1}é/")
        json.string(nil)
        json.bool(false)
        json.endArray()
        let decoded = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [Any]
        #expect(decoded?.first as? String == "say \"hi\"\\ \n\t\u{1}é/")
        #expect(decoded?[1] is NSNull)
        #expect(json.text.contains("\\u0001"))
    }
}
