import Foundation
import Testing

/// `kaizen lsp` as an editor runs it: a child process spoken to over pipes,
/// for tests that write to it while it runs. Its output is read as it comes,
/// and its errors go nowhere, so neither can fill and block it.
final class LanguageServerProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    private var nextID = 0
    /// Every message read so far.
    private(set) var received: [[String: Any]] = []

    /// A server still running `deadline` seconds after it started is killed:
    /// one that stopped reading fails its test, with its output closed, instead
    /// of hanging the suite.
    init(in directory: URL, environment: [String: String], deadline: Int = 60) throws {
        process.executableURL = KaizenProcess.binary
        process.arguments = ["lsp", "--today", "2026-11-20"]
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(deadline)) { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// `message` as JSON-RPC 2.0 sends it, with its Content-Length header.
    static func frame(_ message: [String: Any]) throws -> Data {
        var message = message
        message["jsonrpc"] = "2.0"
        let body = try JSONSerialization.data(withJSONObject: message)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    func send(_ message: [String: Any]) throws {
        write(try Self.frame(message))
    }

    /// Bytes as they are, framed or not.
    func write(_ bytes: Data) {
        input.fileHandleForWriting.write(bytes)
    }

    @discardableResult
    func request(_ method: String, _ params: [String: Any]) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        try send(["id": id, "method": method, "params": params])
        while true {
            let message = try read()
            if message["id"] as? Int == id { return message }
        }
    }

    /// The next message; throws at the end of output.
    func read() throws -> [String: Any] {
        while true {
            if let end = buffer.indices.dropLast(3).first(where: { buffer[$0...].starts(with: Array("\r\n\r\n".utf8)) }) {
                let header = String(decoding: buffer[..<end], as: UTF8.self)
                let length = Int(header.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))!
                if buffer.count >= end + 4 + length {
                    let body = Data(buffer[(end + 4)..<(end + 4 + length)])
                    buffer.removeFirst(end + 4 + length)
                    let message = try JSONSerialization.jsonObject(with: body) as! [String: Any]
                    received.append(message)
                    return message
                }
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            buffer += chunk
        }
    }

    func exitStatus() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite struct LanguageServerProcessTests {
    static func improvement(_ status: RecordFixture.Value) -> String {
        RecordFixture.improvement("canary-releases", title: "Canary releases", status: status, area: "deployment-safety", body: .absent).text
    }

    /// An experiment with one mistake, `runing`, on line 8; its improvement's id on line 5.
    static let experiment = RecordFixture.experiment(
        "review-pairs", improvement: "canary-releases", signals: "[{metric: review wait (hours), baseline: 48, target: 4}]", status: "runing",
        start: "2026-11-01", reviewBy: "2026-12-20", body: .absent).text

    /// Opens the experiment and hovers on the id after `improvement:`; the hover's text.
    static func hoverOnTheImprovement(_ server: LanguageServerProcess, in workTree: URL) throws -> String? {
        let uri = workTree.appendingPathComponent("experiments/review-pairs.md").absoluteString
        try server.send(["method": "textDocument/didOpen", "params": ["textDocument": [
            "uri": uri, "languageId": "markdown", "version": 1, "text": experiment]]])
        let hover = try server.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 4, "character": 15]])
        return ((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
    }

    /// Each run reads all its input up front, as from a file: none needs to
    /// wait for an answer before it writes the next message.
    @Test func exitCodesFollowShutdownAndEndOfInput() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config])
        func exitStatus(after messages: [[String: Any]]) throws -> Int32 {
            let input = try messages.reduce(into: Data()) { $0 += try LanguageServerProcess.frame($1) }
            return try BackgroundKaizen(["lsp", "--today", "2026-11-20"], in: folder.url, environment: ["PATH": "/usr/bin:/bin"],
                                        input: input).finish(within: 60).status
        }
        let initialize: [String: Any] = ["id": 1, "method": "initialize", "params": ["capabilities": [:]]]
        let shutdown: [String: Any] = ["id": 2, "method": "shutdown", "params": [:]]
        #expect(try exitStatus(after: [initialize, shutdown, ["method": "exit"]]) == 0)
        // Exit without shutdown.
        #expect(try exitStatus(after: [initialize, ["method": "exit"]]) == 1)
        // The end of input without exit.
        #expect(try exitStatus(after: [initialize]) == 1)
    }

    @Test func hoverTellsWhenTheReferencedRecordLastChangedStatus() throws {
        let git = try GitFixture()
        try git.write("kaizen.yml", Records.config)
        try git.write("improvements/canary-releases.md", Self.improvement("trialling"))
        try git.write("experiments/review-pairs.md", Self.experiment)
        _ = try git.commit("canary releases in trial", by: .ben, at: GitDate(2026, 9, 1, 10, offsetMinutes: 0))
        try git.write("improvements/canary-releases.md", Self.improvement("proven"))
        let proven = try git.commit("canary releases proven", by: .ana, at: GitDate(2026, 10, 30, 16, offsetMinutes: 60))

        let server = try LanguageServerProcess(in: git.workTree, environment: git.environment)
        try server.request("initialize", ["capabilities": [:]])
        let value = try Self.hoverOnTheImprovement(server, in: git.workTree)
        #expect(value == """
            **Canary releases**

            improvement `canary-releases` · status: proven

            Last status change: status changed trialling → proven on 2026-10-30 by Ana Lima (commit \(proven.prefix(7)))
            """)
        try server.request("shutdown", [:])
        try server.send(["method": "exit"])
        #expect(server.exitStatus() == 0)
    }

    /// A link to an id that history renamed: the first diagnostics say it is
    /// missing; once the server has read history, they say what it became.
    @Test func aLinkToARenamedRecordIsPublishedWithItsNewID() throws {
        let git = try GitFixture()
        try git.write("kaizen.yml", Records.config)
        try git.write("improvements/canary-releases.md", Self.improvement("trialling"))
        _ = try git.commit("canary releases in trial")
        try git.move("improvements/canary-releases.md", to: "improvements/canary-deploys.md")
        let renamed = try git.commit("the name the teams use")
        let day = try git.gitText(["show", "-s", "--format=%cs", renamed]).trimmingCharacters(in: .whitespacesAndNewlines)

        let server = try LanguageServerProcess(in: git.workTree, environment: git.environment)
        try server.request("initialize", ["capabilities": [:]])
        let uri = git.workTree.appendingPathComponent("experiments/review-pairs.md").absoluteString
        try server.send(["method": "textDocument/didOpen", "params": ["textDocument": [
            "uri": uri, "languageId": "markdown", "version": 1, "text": Self.experiment]]])
        let expected = "'canary-releases' was renamed to 'canary-deploys' in \(renamed.prefix(7)) on \(day): write 'canary-deploys'"
        var messages: [String] = []
        while !messages.contains(expected) {
            let message = try server.read()
            guard message["method"] as? String == "textDocument/publishDiagnostics" else { continue }
            let diagnostics = (message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
            messages = diagnostics.filter { $0["code"] as? String == "broken-link" }.compactMap { $0["message"] as? String }
        }
        let fix = try server.request("textDocument/codeAction", [
            "textDocument": ["uri": uri],
            "range": ["start": ["line": 4, "character": 13], "end": ["line": 4, "character": 28]],
            "context": ["diagnostics": [["code": "broken-link", "message": expected,
                                         "range": ["start": ["line": 4, "character": 13], "end": ["line": 4, "character": 28]]]]],
        ])
        let actions = fix["result"] as? [[String: Any]] ?? []
        #expect(actions.map { $0["title"] as? String } == ["Write 'canary-deploys', the record's id since its rename"])
        try server.request("shutdown", [:])
        try server.send(["method": "exit"])
        #expect(server.exitStatus() == 0)
    }

    /// What a client may send by mistake before its first message.
    struct Damage: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let bytes: String
        /// Whether the server reads the message rather than skipping it.
        var accepted = false
    }

    static let damages = [
        Damage(testDescription: "a length that is not a number", bytes: "Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"damaged\",\"method\":\"shutdown\"}"),
        Damage(testDescription: "no Content-Length", bytes: "Content-Type: application/vscode-jsonrpc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"damaged\",\"method\":\"shutdown\"}"),
        Damage(testDescription: "a length shorter than the body",
               bytes: "Content-Length: 20\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"damaged\",\"method\":\"shutdown\"}"),
        Damage(testDescription: "a length past Int", bytes: "Content-Length: 99999999999999999999\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"damaged\",\"method\":\"shutdown\"}"),
        Damage(testDescription: "LF line ends", bytes: "Content-Length: 52\n\n{\"jsonrpc\":\"2.0\",\"id\":\"damaged\",\"method\":\"shutdown\"}",
               accepted: true),
    ]

    /// The damaged message is answered -32700 (or read, with LF line ends),
    /// then initialize, a hover, shutdown and exit are served as usual.
    @Test(arguments: damages)
    func afterADamagedMessageTheServerServesTheNextOnes(_ damage: Damage) throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config,
                                        "improvements/canary-releases.md": Self.improvement("proven"),
                                        "experiments/review-pairs.md": Self.experiment])
        let server = try LanguageServerProcess(in: folder.url, environment: ["PATH": "/usr/bin:/bin"])
        server.write(Data(damage.bytes.utf8))
        try server.request("initialize", ["capabilities": [:]])
        #expect(try Self.hoverOnTheImprovement(server, in: folder.url)?.hasPrefix("**Canary releases**") == true)
        let errorCodes = server.received.compactMap { ($0["error"] as? [String: Any])?["code"] as? Int }
        if damage.accepted {
            // A request before initialize, read and refused as such.
            #expect(server.received.contains { $0["id"] as? String == "damaged" })
            #expect(errorCodes == [-32002])
        } else {
            #expect(errorCodes.contains(-32700))
            #expect(!server.received.contains { $0["id"] as? String == "damaged" })
        }
        try server.request("shutdown", [:])
        try server.send(["method": "exit"])
        // Input stays open: only `exit` ends the server before its deadline.
        #expect(server.exitStatus() == 0)
        #expect(server.process.terminationReason == .exit)
    }
}
