import Foundation
@testable import KaizenKit
import Synchronization
import Testing

/// What the server sent, for tests to wait on.
final class Outbox: Sendable {
    private let messages = Mutex<[JSONValue]>([])

    func append(_ message: JSONValue) { messages.withLock { $0.append(message) } }

    var all: [JSONValue] { messages.withLock { $0 } }

    /// The first message after `skipping` ones that satisfies `predicate`, waiting up to 10 s.
    func first(after skipping: Int = 0, where predicate: (JSONValue) -> Bool) async -> JSONValue? {
        for _ in 0..<1_000 {
            if let found = all.dropFirst(skipping).first(where: predicate) { return found }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    func publishes(for uri: String) -> [JSONValue] {
        all.filter { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }
    }
}

/// A kaizen workspace in a temporary folder, and a server talking to an `Outbox`.
struct ServerFixture {
    let root: URL
    let server: LanguageServer
    let outbox = Outbox()

    static let config = """
        version: 1
        teams:
          payments: {name: Payments}
          checkout: {name: Checkout}
        """
    static let improvement = """
        ---
        kind: improvement
        title: Canary releases
        status: proven
        origin: payments
        level: team
        area: deployment-safety
        ---
        """
    /// An experiment with one mistake: `runing`.
    static let experiment = """
        ---
        kind: experiment
        title: Checkout tries canaries
        teams: [checkout]
        improvement: canary-releases
        hypothesis: If we deploy through canaries, we expect the change failure rate to fall from 14 % to 6 %
        signals: [{metric: change failure rate, baseline: 14 %, target: 6 %}]
        status: runing
        start: 2026-11-01
        review-by: 2026-12-30
        rollback: deploy without the canary step
        ---
        """

    init(files: [String: String] = [:], debounce: DispatchTimeInterval = .milliseconds(10)) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-lsp-\(UUID().uuidString)")
        let defaults = ["kaizen.yml": Self.config, "improvements/canary-releases.md": Self.improvement,
                        "experiments/checkout-canary.md": Self.experiment, "constraints/.keep": "", "notes/readme.md": "# x"]
        for (path, text) in defaults.merging(files, uniquingKeysWith: { $1 }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let outbox = outbox
        server = LanguageServer(options: .init(today: CalendarDate(year: 2026, month: 11, day: 20)!, debounce: debounce)) {
            outbox.append($0)
        }
    }

    func uri(_ path: String) -> String { root.appendingPathComponent(path).absoluteString }

    func text(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

    func send(_ message: JSONValue) async {
        await server.receive(.message(message.encoded))
    }

    func sendRaw(_ body: String) async {
        await server.receive(.message(Array(body.utf8)))
    }

    /// Sends a request and waits for its answer.
    func request(_ id: Int, _ method: String, _ params: JSONValue) async -> JSONValue? {
        await send(["jsonrpc": "2.0", "id": .number(Double(id)), "method": .string(method), "params": params])
        return await outbox.first { $0["id"] == .number(Double(id)) }
    }

    func notify(_ method: String, _ params: JSONValue) async {
        await send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    func initialize() async {
        _ = await request(0, "initialize", ["capabilities": [:]])
        await notify("initialized", [:])
    }

    func open(_ path: String, text: String? = nil) async throws {
        await notify("textDocument/didOpen", ["textDocument": [
            "uri": .string(uri(path)), "languageId": "markdown", "version": 1, "text": .string(try text ?? self.text(path)),
        ]])
    }

    func change(_ path: String, version: Int, _ changes: [TextChange]) async {
        await notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri(path)), "version": .number(Double(version))],
            "contentChanges": .array(changes.map { change in
                var object: [String: JSONValue] = ["text": .string(change.text)]
                if let range = change.range { object["range"] = range.json }
                return .object(object)
            }),
        ])
    }

    /// The diagnostics of the latest publish for `path` with `version`.
    func diagnostics(_ path: String, version: Int) async -> [JSONValue]? {
        let uri = uri(path)
        let publish = await outbox.first { message in
            message["method"] == "textDocument/publishDiagnostics" && message["params"]?["uri"]?.stringValue == uri
                && message["params"]?["version"] == .number(Double(version))
        }
        return publish?["params"]?["diagnostics"]?.arrayValue
    }

    func position(_ line: Int, _ character: Int, in path: String) -> JSONValue {
        ["textDocument": ["uri": .string(uri(path))], "position": ["line": .number(Double(line)), "character": .number(Double(character))]]
    }
}

private func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> LSPRange {
    LSPRange(start: LSPPosition(line: l1, character: c1), end: LSPPosition(line: l2, character: c2))
}

@Suite struct LanguageServerTests {
    @Test func initializeAnnouncesIncrementalSyncAndTheFeatures() async throws {
        let fixture = try ServerFixture()
        let answer = await fixture.request(1, "initialize", ["processId": nil, "capabilities": [:]])
        let capabilities = answer?["result"]?["capabilities"]
        #expect(capabilities?["textDocumentSync"]?["change"] == 2)
        #expect(capabilities?["hoverProvider"] == true)
        #expect(capabilities?["definitionProvider"] == true)
        #expect(capabilities?["completionProvider"]?.isObject == true)
        #expect(capabilities?["codeActionProvider"]?.isObject == true)
    }

    @Test func openingARecordPublishesCheckFindingsWithRangesCodesAndSeverities() async throws {
        let fixture = try ServerFixture()
        await fixture.initialize()
        try await fixture.open("experiments/checkout-canary.md")
        let diagnostics = try #require(await fixture.diagnostics("experiments/checkout-canary.md", version: 1))
        #expect(diagnostics == [[
            "range": range(7, 8, 7, 14).json, "severity": 1, "code": "invalid-value", "source": "kaizen",
            "message": "'status' cannot be 'runing' (did you mean 'running'?); it is one of planned, running, concluded",
        ]])
    }

    @Test func anIncrementalFixClearsTheFindingsAndABurstIsCheckedOnce() async throws {
        let fixture = try ServerFixture(debounce: .milliseconds(50))
        await fixture.initialize()
        let path = "experiments/checkout-canary.md"
        try await fixture.open(path)
        _ = await fixture.diagnostics(path, version: 1)
        let checksBefore = await fixture.server.checkCount
        // "runing" → "running", one keystroke at a time, then a typo made and undone.
        await fixture.change(path, version: 2, [TextChange(range: range(7, 11, 7, 11), text: "n")])
        await fixture.change(path, version: 3, [TextChange(range: range(1, 6, 1, 6), text: "x")])
        await fixture.change(path, version: 4, [TextChange(range: range(1, 6, 1, 7), text: "")])
        let diagnostics = try #require(await fixture.diagnostics(path, version: 4))
        #expect(diagnostics == [])
        try await Task.sleep(for: .milliseconds(150))
        #expect(await fixture.server.checkCount == checksBefore + 1)
        #expect(fixture.outbox.publishes(for: fixture.uri(path)).count == 2)
    }

    @Test func crossRecordRulesSeeOtherOpenBuffersOverTheFilesOnDisk() async throws {
        let fixture = try ServerFixture(files: ["experiments/checkout-canary.md": ServerFixture.experiment.replacingOccurrences(of: "runing", with: "running")])
        await fixture.initialize()
        let experiment = "experiments/checkout-canary.md", improvement = "improvements/canary-releases.md"
        try await fixture.open(experiment)
        #expect(await fixture.diagnostics(experiment, version: 1) == [])
        // Renaming the improvement's id in an unsaved buffer is not a rename; but changing its kind is seen at once.
        try await fixture.open(improvement, text: ServerFixture.improvement.replacingOccurrences(of: "kind: improvement", with: "kind: constraint")
            .replacingOccurrences(of: "status: proven", with: "status: open").replacingOccurrences(of: "origin: payments\n", with: "")
            .replacingOccurrences(of: "area: deployment-safety", with: "observed: [{date: 2026-11-01, team: payments}]"))
        let broken = try #require(await fixture.outbox.first { message in
            message["params"]?["uri"]?.stringValue == fixture.uri(experiment) && message["params"]?["diagnostics"]?.arrayValue?.isEmpty == false
        })
        #expect(broken["params"]?["diagnostics"]?.arrayValue?.first?["code"] == "broken-link")
        // Closing the buffer puts the file on disk back in view.
        await fixture.notify("textDocument/didClose", ["textDocument": ["uri": .string(fixture.uri(improvement))]])
        let count = fixture.outbox.all.count
        let cleared = await fixture.outbox.first(after: count - 1) { message in
            message["params"]?["uri"]?.stringValue == fixture.uri(experiment) && message["params"]?["diagnostics"] == []
        }
        #expect(cleared != nil)
    }

    /// possible-duplicate keeps every improvement's word counts between
    /// checks: an edit that turns a buffer into a copy of another record is
    /// seen, and so is the edit that undoes it.
    @Test func anImprovementEditedIntoALookalikeIsReportedUntilEditedBack() async throws {
        let body = "\n## Summary\n\nFive percent of traffic first, rolled back automatically when errors rise.\n"
        let fixture = try ServerFixture(files: [
            "improvements/canary-releases.md": ServerFixture.improvement + body,
            "improvements/pair-reviews.md": ServerFixture.improvement.replacingOccurrences(of: "Canary releases", with: "Pair reviews")
                + "\n## Summary\n\nTwo developers review every change together within two hours.\n",
        ])
        await fixture.initialize()
        let path = "improvements/pair-reviews.md"
        try await fixture.open(path)
        // Title and summary replaced by the canary record's (lines 2 and 11).
        await fixture.change(path, version: 2, [
            TextChange(range: range(10, 0, 10, 63), text: "Five percent of traffic first, rolled back automatically when errors rise."),
            TextChange(range: range(2, 7, 2, 19), text: "Canary releases"),
        ])
        // (Both are proven without their guide sections: not-captured and unproven-claim say so throughout.)
        func lookalikes(_ version: Int) async throws -> [JSONValue] {
            try #require(await fixture.diagnostics(path, version: version)).filter { $0["code"] == "possible-duplicate" }
        }
        #expect(try await lookalikes(1) == [])
        let lookalike = try await lookalikes(2)
        #expect(lookalike.count == 1)
        #expect(lookalike.first?["message"]?.stringValue?.contains("'canary-releases' (100% similar") == true)
        await fixture.change(path, version: 3, [TextChange(range: range(2, 7, 2, 22), text: "Pair reviews")])
        await fixture.change(path, version: 4, [TextChange(range: range(10, 0, 10, 75), text: "Two developers review every change together within two hours.")])
        #expect(try await lookalikes(4) == [])
    }

    @Test func anUnsavedNewRecordCountsForLinksUntilItsBufferCloses() async throws {
        let fixture = try ServerFixture(files: ["experiments/checkout-canary.md": ServerFixture.experiment
            .replacingOccurrences(of: "runing", with: "running").replacingOccurrences(of: "canary-releases", with: "blue-green")])
        await fixture.initialize()
        let experiment = "experiments/checkout-canary.md", draft = "improvements/blue-green.md"
        try await fixture.open(experiment)
        #expect(await fixture.diagnostics(experiment, version: 1)?.map { $0["code"] } == ["broken-link"])
        try await fixture.open(draft, text: ServerFixture.improvement.replacingOccurrences(of: "Canary releases", with: "Blue-green"))
        #expect(await fixture.outbox.first { message in
            message["params"]?["uri"]?.stringValue == fixture.uri(experiment) && message["params"]?["diagnostics"] == []
        } != nil)
        let count = fixture.outbox.all.count
        await fixture.notify("textDocument/didClose", ["textDocument": ["uri": .string(fixture.uri(draft))]])
        let broken = await fixture.outbox.first(after: count) { message in
            message["params"]?["uri"]?.stringValue == fixture.uri(experiment) && message["params"]?["diagnostics"] != []
        }
        #expect(broken?["params"]?["diagnostics"]?.arrayValue?.map { $0["code"] } == ["broken-link"])
    }

    @Test func aChangedConfigurationIsReadAgainWhenTheClientReportsIt() async throws {
        let fixture = try ServerFixture()
        _ = await fixture.request(0, "initialize", ["capabilities": ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]]])
        await fixture.notify("initialized", [:])
        let registration = await fixture.outbox.first { $0["method"] == "client/registerCapability" }
        #expect(registration?["params"]?["registrations"]?.arrayValue?.first?["method"] == "workspace/didChangeWatchedFiles")
        let path = "experiments/checkout-canary.md"
        try await fixture.open(path)
        #expect(await fixture.diagnostics(path, version: 1)?.first?["severity"] == 1)
        // kaizen.yml now makes invalid values warnings.
        try (ServerFixture.config + "\nrules:\n  invalid-value: warning\n").write(
            to: fixture.root.appendingPathComponent("kaizen.yml"), atomically: true, encoding: .utf8)
        await fixture.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(fixture.uri("kaizen.yml")), "type": 2]]])
        let republished = await fixture.outbox.first { message in
            message["params"]?["uri"]?.stringValue == fixture.uri(path)
                && message["params"]?["diagnostics"]?.arrayValue?.first?["severity"] == 2
        }
        #expect(republished != nil)
    }

    @Test func filesOutsideTheRecordFoldersAndHiddenOnesAreIgnored() async throws {
        let fixture = try ServerFixture()
        await fixture.initialize()
        try await fixture.open("notes/readme.md")
        // Not records to `kaizen check` either: a hidden folder's file, a hidden file.
        try await fixture.open("experiments/.drafts/review-pairs.md", text: "---\nkind: experiment\n---\n")
        try await fixture.open("experiments/.review-pairs.md", text: "---\nkind: experiment\n---\n")
        await fixture.notify("textDocument/didOpen", ["textDocument": [
            "uri": "untitled:Untitled-1", "languageId": "markdown", "version": 1, "text": "---\n",
        ]])
        _ = await fixture.request(9, "shutdown", nil)
        #expect(fixture.outbox.all.filter { $0["method"] == "textDocument/publishDiagnostics" }.isEmpty)
    }

    @Test func completionHoverDefinitionAndCodeActions() async throws {
        let fixture = try ServerFixture()
        await fixture.initialize()
        let path = "experiments/checkout-canary.md"
        try await fixture.open(path)
        let diagnostics = try #require(await fixture.diagnostics(path, version: 1))

        let completion = await fixture.request(1, "textDocument/completion", fixture.position(4, 13, in: path))
        #expect(completion?["result"]?["items"]?.arrayValue?.map { $0["label"] } == ["canary-releases"])

        let hover = await fixture.request(2, "textDocument/hover", fixture.position(4, 16, in: path))
        let markdown = try #require(hover?["result"]?["contents"]?["value"]?.stringValue)
        #expect(markdown.contains("**Canary releases**"))
        #expect(markdown.contains("improvement `canary-releases` · status: proven"))
        #expect(hover?["result"]?["range"] == range(4, 13, 4, 28).json)
        // Not a reference: the title.
        #expect(await fixture.request(3, "textDocument/hover", fixture.position(2, 10, in: path))?["result"] == .null)

        let definition = await fixture.request(4, "textDocument/definition", fixture.position(4, 20, in: path))
        #expect(definition?["result"]?["uri"]?.stringValue == fixture.uri("improvements/canary-releases.md"))

        let actions = await fixture.request(5, "textDocument/codeAction", [
            "textDocument": ["uri": .string(fixture.uri(path))], "range": range(7, 8, 7, 14).json,
            "context": ["diagnostics": .array(diagnostics)],
        ])
        let action = try #require(actions?["result"]?.arrayValue?.first)
        #expect(action["title"] == "Change 'runing' to 'running'")
        #expect(action["edit"]?["changes"]?[fixture.uri(path)] == [["range": range(7, 8, 7, 14).json, "newText": "running"]])
    }

    @Test func malformedMessagesGetJSONRPCErrors() async throws {
        let fixture = try ServerFixture()
        await fixture.sendRaw("{not json")
        await fixture.sendRaw(#"{"jsonrpc":"2.0","id":1}"#)
        _ = await fixture.request(2, "textDocument/hover", [:])
        await fixture.initialize()
        _ = await fixture.request(3, "no/such", [:])
        _ = await fixture.request(4, "textDocument/hover", ["textDocument": ["uri": 5]])
        _ = await fixture.request(5, "textDocument/completion", fixture.position(-1, 0, in: "x.md"))
        await fixture.server.receive(.malformedHeader("the header has no Content-Length"))
        let codes = fixture.outbox.all.compactMap { $0["error"]?["code"]?.intValue }
        #expect(codes == [-32700, -32600, -32002, -32601, -32602, -32602, -32700])
    }

    @Test func exitAfterShutdownIsZeroAndWithoutItOne() async throws {
        let clean = try ServerFixture()
        await clean.initialize()
        #expect(await clean.request(1, "shutdown", nil)?["result"] == .null)
        // After shutdown, requests are refused.
        #expect(await clean.request(2, "textDocument/hover", clean.position(0, 0, in: "x.md"))?["error"]?["code"] == -32600)
        await clean.notify("exit", nil)
        #expect(await clean.server.exitCode == 0)

        let abrupt = try ServerFixture()
        await abrupt.initialize()
        #expect(await abrupt.server.exitCodeAtEndOfInput == 1)
        await abrupt.notify("exit", nil)
        #expect(await abrupt.server.exitCode == 1)
    }

    /// Many randomised and mutated messages, from a fixed seed: the server
    /// must answer every request it can read and stay usable afterwards.
    @Test func aFuzzedMessageStreamNeitherCrashesNorSilencesTheServer() async throws {
        let fixture = try ServerFixture(debounce: .milliseconds(1))
        await fixture.initialize()
        let path = "experiments/checkout-canary.md"
        try await fixture.open(path)
        var random = SplitMix64(seed: 0x6b61697a656e)
        let methods = ["textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/codeAction",
                       "textDocument/didChange", "textDocument/didOpen", "textDocument/didClose", "textDocument/didSave",
                       "workspace/didChangeWatchedFiles", "$/cancelRequest", "shutdownish", "initialize"]
        let values: [JSONValue] = [nil, true, -1, 0, 7, .number(1e300), "", "😀", .string(fixture.uri(path)), "file:///nowhere.md", [], [:],
                                   ["line": 7, "character": 9], ["line": 99999, "character": -3],
                                   [["text": "x"]], [["range": range(0, 0, 9, 99).json, "text": "\u{0}💥\r\n"]], [["range": "r", "text": 1]]]
        func randomValue(depth: Int = 0) -> JSONValue {
            if depth < 3, random.next() % 3 == 0 {
                let keys = ["textDocument", "uri", "position", "range", "context", "diagnostics", "contentChanges", "text", "version", "changes", "line", "character"]
                var object: [String: JSONValue] = [:]
                for _ in 0..<Int(random.next() % 4) { object[keys[Int(random.next() % UInt64(keys.count))]] = randomValue(depth: depth + 1) }
                return .object(object)
            }
            return values[Int(random.next() % UInt64(values.count))]
        }
        var intactRequests: [Int] = []
        var requestsSent = 0
        for index in 0..<600 {
            let method = methods[Int(random.next() % UInt64(methods.count))]
            var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method), "params": randomValue()]
            let isRequest = random.next() % 2 == 0
            if isRequest { message["id"] = .number(Double(1_000 + index)) }
            if random.next() % 5 == 0, method != "textDocument/didOpen" {
                message["params"] = fixture.position(Int(random.next() % 12), Int(random.next() % 40), in: path)
            }
            var bytes = JSONValue.object(message).encoded
            requestsSent += isRequest ? 1 : 0
            // Mutate one message in four: flip, drop or insert bytes.
            let mutate = random.next() % 4 == 0
            if isRequest, !mutate { intactRequests.append(1_000 + index) }
            if mutate {
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    let at = Int(random.next() % UInt64(bytes.count))
                    switch random.next() % 3 {
                    case 0: bytes[at] ^= UInt8(truncatingIfNeeded: random.next() | 1)
                    case 1: bytes.remove(at: at)
                    default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
                    }
                    if bytes.isEmpty { break }
                }
            }
            await fixture.server.receive(.message(bytes))
        }
        // Every intact request got an answer, a result or an error; mutated
        // ones at most one each (an unreadable message is answered with id null).
        let answers = fixture.outbox.all.filter { $0["result"] != nil || $0["error"] != nil }
        let answeredIDs = Set(answers.compactMap { $0["id"]?.intValue })
        #expect(intactRequests.allSatisfy(answeredIDs.contains))
        #expect(answers.count { ($0["id"]?.intValue ?? 0) >= 1_000 } <= requestsSent)
        #expect(answers.contains { $0["error"]?["code"] == -32700 })
        #expect(answers.contains { $0["error"]?["code"] == -32602 })
        // And the server still works.
        let answer = await fixture.request(1, "shutdown", nil)
        #expect(answer?["result"] == .null || answer?["error"]?["code"] == -32600)
        await fixture.notify("exit", nil)
        #expect(await fixture.server.exitCode != nil)
    }
}
