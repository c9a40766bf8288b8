import Foundation
import Testing

/// `kaizen lsp` as an editor runs it: a child process spoken to over pipes.
final class LanguageServerProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    private var nextID = 0

    init(in directory: URL, environment: [String: String]) throws {
        process.executableURL = KaizenProcess.binary
        process.arguments = ["lsp", "--today", "2026-11-20"]
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ message: [String: Any]) throws {
        var message = message
        message["jsonrpc"] = "2.0"
        let body = try JSONSerialization.data(withJSONObject: message)
        input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
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
                    return try JSONSerialization.jsonObject(with: body) as! [String: Any]
                }
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            buffer += chunk
        }
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    func exitStatus() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite struct LanguageServerProcessTests {
    static let improvement = """
        ---
        kind: improvement
        title: Canary releases
        status: %@
        origin: payments
        level: team
        area: deployment-safety
        ---
        """
    static let experiment = """
        ---
        kind: experiment
        title: Review pairs
        teams: [payments]
        improvement: canary-releases
        hypothesis: If we pair on reviews, we expect review wait to fall from 48 to 4 hours
        signals: [{metric: review wait (hours), baseline: 48, target: 4}]
        status: runing
        start: 2026-11-01
        review-by: 2026-12-20
        rollback: stop pairing
        ---
        """

    @Test func exitCodesFollowShutdownAndEndOfInput() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config])
        let clean = try LanguageServerProcess(in: folder.url, environment: ["PATH": "/usr/bin:/bin"])
        try clean.request("initialize", ["capabilities": [:]])
        try clean.request("shutdown", [:])
        try clean.send(["method": "exit"])
        #expect(clean.exitStatus() == 0)

        let abrupt = try LanguageServerProcess(in: folder.url, environment: ["PATH": "/usr/bin:/bin"])
        try abrupt.request("initialize", ["capabilities": [:]])
        try abrupt.send(["method": "exit"])
        #expect(abrupt.exitStatus() == 1)

        let gone = try LanguageServerProcess(in: folder.url, environment: ["PATH": "/usr/bin:/bin"])
        try gone.request("initialize", ["capabilities": [:]])
        gone.closeInput()
        #expect(gone.exitStatus() == 1)
    }

    @Test func hoverTellsWhenTheReferencedRecordLastChangedStatus() throws {
        let git = try GitFixture()
        try git.write("kaizen.yml", Records.config)
        try git.write("improvements/canary-releases.md", String(format: Self.improvement, "trialling"))
        try git.write("experiments/review-pairs.md", Self.experiment)
        _ = try git.commit("canary releases in trial", by: .ben, at: GitDate(2026, 9, 1, 10, offsetMinutes: 0))
        try git.write("improvements/canary-releases.md", String(format: Self.improvement, "proven"))
        let proven = try git.commit("canary releases proven", by: .ana, at: GitDate(2026, 10, 30, 16, offsetMinutes: 60))

        let server = try LanguageServerProcess(in: git.workTree, environment: git.environment)
        try server.request("initialize", ["capabilities": [:]])
        let uri = git.workTree.appendingPathComponent("experiments/review-pairs.md").absoluteString
        try server.send(["method": "textDocument/didOpen", "params": ["textDocument": [
            "uri": uri, "languageId": "markdown", "version": 1, "text": Self.experiment]]])
        let hover = try server.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 4, "character": 15]])
        let value = ((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(value == """
            **Canary releases**

            improvement `canary-releases` · status: proven

            Last status change: status changed trialling → proven on 2026-10-30 by Ana Lima (commit \(proven.prefix(7)))
            """)
        try server.request("shutdown", [:])
        try server.send(["method": "exit"])
        #expect(server.exitStatus() == 0)
    }
}
