@testable import KaizenKit
import Testing

@Suite struct JSONRPCTests {
    private func classify(_ json: String) throws -> Result<IncomingMessage, IncomingMessage.Rejection> {
        IncomingMessage.classify(try JSONValue.parse(Array(json.utf8)))
    }

    @Test func requestsNotificationsAndResponsesAreToldApart() throws {
        #expect(try classify(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#)
            == .success(.request(id: 7, method: "shutdown", params: nil)))
        #expect(try classify(#"{"jsonrpc":"2.0","id":"a","method":"x","params":{"k":[1]}}"#)
            == .success(.request(id: "a", method: "x", params: ["k": [1]])))
        #expect(try classify(#"{"jsonrpc":"2.0","method":"exit","params":null}"#)
            == .success(.notification(method: "exit", params: nil)))
        #expect(try classify(#"{"jsonrpc":"2.0","id":3,"result":null}"#) == .success(.response(id: 3)))
    }

    @Test func invalidMessagesAreRejectedWithTheIdWhenThereIsOne() throws {
        let cases: [(String, JSONValue, String)] = [
            ("[1,2]", .null, "a message must be a JSON object"),
            (#"{"jsonrpc":"2.0","id":{},"method":"x"}"#, .null, "'id' must be a number or a string"),
            (#"{"jsonrpc":"1.0","id":1,"method":"x"}"#, 1, "'jsonrpc' must be \"2.0\""),
            (#"{"jsonrpc":"2.0","id":2}"#, 2, "a message needs a 'method'"),
            (#"{"jsonrpc":"2.0","id":3,"method":4}"#, 3, "'method' must be a string"),
            (#"{"jsonrpc":"2.0","id":4,"method":"x","params":"p"}"#, 4, "'params' must be an object or an array"),
        ]
        for (json, id, message) in cases {
            #expect(try classify(json) == .failure(.init(id: id, error: .invalidRequest(message))), "\(json)")
        }
    }

    @Test func outgoingMessagesAreCompactJSONWithWholeNumbers() {
        let error = OutgoingMessage.error(id: 5, .methodNotFound("nope"))
        #expect(String(decoding: error.encoded, as: UTF8.self)
            == #"{"error":{"code":-32601,"message":"no method 'nope': kaizen lsp does not handle it"},"id":5,"jsonrpc":"2.0"}"#)
    }
}
