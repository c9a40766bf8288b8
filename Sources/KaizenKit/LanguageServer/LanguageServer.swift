import Dispatch
import Foundation

/// The language server: takes framed messages from the client, keeps the open
/// buffers of kaizen records, and answers with diagnostics (the findings of
/// `kaizen check`), completion, hover, definition and quick fixes. An actor,
/// so the reader thread and the debounced checks reach its state one at a time;
/// it writes nothing itself, but hands each outgoing message to `send`.
public actor LanguageServer {
    public struct Options: Sendable {
        /// The date that counts as today; nil means the current date at each check.
        public var today: CalendarDate?
        /// How long edits must pause before the buffers are checked.
        public var debounce: DispatchTimeInterval

        /// Short enough that a check follows a keystroke well within 50 ms at
        /// 5,000 records; long enough to make one check of the edits an editor
        /// sends together (a paste, a multi-cursor edit, a formatter's changes).
        public static let defaultDebounceMilliseconds = 10

        public init(today: CalendarDate? = nil, debounce: DispatchTimeInterval = .milliseconds(defaultDebounceMilliseconds)) {
            self.today = today
            self.debounce = debounce
        }
    }

    /// A buffer that is a record of a kaizen workspace.
    private struct RecordBuffer {
        var root: String
        var path: String
    }

    private let options: Options
    private let send: @Sendable (JSONValue) -> Void
    private let debouncer: Debouncer

    private var initialized = false
    /// Whether the client watches files for the server when asked to.
    private var canWatchFiles = false
    private var shutdownRequested = false
    /// Set by `exit`: 0 after `shutdown`, 1 without.
    public private(set) var exitCode: Int32?

    private var documents = DocumentStore()
    private var recordBuffers: [String: RecordBuffer] = [:]
    private var workspaces: [String: OpenWorkspace] = [:]
    /// Per workspace root: its status history, read or being read, and the HEAD it is read at.
    private var histories: [String: (head: ObjectID, reading: Task<WorkspaceHistory?, Never>)] = [:]
    /// Per workspace root: its status history once read, for the renames a
    /// broken link may name, and the HEAD it was read at.
    private var readHistories: [String: (head: ObjectID, history: WorkspaceHistory?)] = [:]
    /// The roots whose history is being read for `readHistories`.
    private var historiesAwaited: Set<String> = []
    /// Buffers edited since their last parse.
    private var unparsed: Set<String> = []
    /// Buffers edited since their diagnostics were last published.
    private var unpublished: Set<String> = []
    private var published: [String: [JSONValue]] = [:]
    /// How many checks have run: one per debounced burst of edits.
    public private(set) var checkCount = 0

    public init(options: Options = Options(), send: @escaping @Sendable (JSONValue) -> Void) {
        self.options = options
        self.send = send
        self.debouncer = Debouncer(delay: options.debounce)
    }

    /// The exit code for a client that went away without `exit`.
    public var exitCodeAtEndOfInput: Int32 { exitCode ?? (shutdownRequested ? 0 : 1) }

    /// Handles one frame from the input stream.
    public func receive(_ frame: MessageFraming.Frame) {
        switch frame {
        case .malformedHeader(let problem):
            send(OutgoingMessage.error(id: .null, .parseError("unreadable message header: \(problem)")))
        case .message(let body):
            guard let value = try? JSONValue.parse(body) else {
                send(OutgoingMessage.error(id: .null, .parseError("the message body is not valid JSON")))
                return
            }
            switch IncomingMessage.classify(value) {
            case .failure(let failure):
                send(OutgoingMessage.error(id: failure.id, failure.error))
            case .success(.request(let id, let method, let params)):
                do throws(RPCError) {
                    if let result = try respond(to: method, params: params, id: id) {
                        send(OutgoingMessage.result(id: id, result))
                    }
                } catch {
                    send(OutgoingMessage.error(id: id, error))
                }
            case .success(.notification(let method, let params)):
                do throws(RPCError) {
                    try handleNotification(method, params: params)
                } catch {
                    // A notification has no reply; the client may show the log.
                    log("\(method): \(error.message)")
                }
            case .success(.response):
                break
            }
        }
    }

    // MARK: - Requests

    /// The result of a request, or nil when the reply is sent later.
    private func respond(to method: String, params: JSONValue?, id: JSONValue) throws(RPCError) -> JSONValue? {
        if method == "initialize" {
            guard !initialized else { throw RPCError.invalidRequest("initialize was already sent") }
            initialized = true
            canWatchFiles = params?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"] == true
            return Self.initializeResult
        }
        guard initialized else {
            throw RPCError(code: RPCError.serverNotInitializedCode, message: "send initialize before \(method)")
        }
        guard !shutdownRequested else { throw RPCError.invalidRequest("the server is shutting down: only exit is accepted") }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .null
        case "textDocument/completion": return try completion(params)
        case "textDocument/hover": return try hover(params, id: id)
        case "textDocument/definition": return try definition(params)
        case "textDocument/codeAction": return try codeActions(params)
        default: throw RPCError.methodNotFound(method)
        }
    }

    private static let initializeResult: JSONValue = [
        "capabilities": [
            // 2: incremental sync.
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "completionProvider": ["triggerCharacters": [":", " ", "[", ",", "-"]],
            "hoverProvider": true,
            "definitionProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        ],
        "serverInfo": ["name": "kaizen", "version": .string(KaizenVersion.current)],
    ]

    private func completion(_ params: JSONValue?) throws(RPCError) -> JSONValue {
        let (uri, position) = try Self.documentPosition(params)
        guard let (workspace, buffer, text) = recordContext(uri) else { return .null }
        let provider = CompletionProvider(config: workspace.workspace.config, today: today,
                                          records: workspace.records.map(\.record))
        guard let result = provider.complete(text, at: position, kind: buffer.record.kind) else { return .null }
        let items: [JSONValue] = result.items.map { item in
            var object: [String: JSONValue] = [
                "label": .string(item.label), "kind": .number(Double(item.kind)),
                "textEdit": ["range": result.replacing.json, "newText": .string(item.insertText)],
            ]
            if let detail = item.detail { object["detail"] = .string(detail) }
            return .object(object)
        }
        return ["isIncomplete": .bool(result.isIncomplete), "items": .array(items)]
    }

    /// Answered once the status history is read: other messages are handled meanwhile.
    private func hover(_ params: JSONValue?, id requestID: JSONValue) throws(RPCError) -> JSONValue? {
        guard let (workspace, reference, record) = try referencedRecord(params) else { return .null }
        func result(_ history: WorkspaceHistory?) -> JSONValue {
            let markdown = HoverProvider.hover(forID: reference.id, record: record, history: history)
            return ["contents": ["kind": "markdown", "value": .string(markdown)], "range": reference.range.json]
        }
        guard let reading = statusHistory(of: workspace.workspace) else { return result(nil) }
        let send = self.send
        Task { send(OutgoingMessage.result(id: requestID, result(await reading.value))) }
        return nil
    }

    /// The status history of a workspace at its HEAD, read or being read;
    /// nil outside a git repository.
    private func statusHistory(of workspace: Workspace) -> Task<WorkspaceHistory?, Never>? {
        let root = workspace.root.path
        guard let head = StatusHistory.head(of: workspace) else { return nil }
        if let known = histories[root], known.head == head { return known.reading }
        let reading = Task { await StatusHistory.read(workspace) }
        histories[root] = (head, reading)
        return reading
    }

    /// The record whose id the request's cursor is on, in a field that refers
    /// to records, with that reference and the workspace holding it; nil when
    /// the cursor is on no id of a known record.
    private func referencedRecord(_ params: JSONValue?) throws(RPCError)
        -> (workspace: OpenWorkspace, reference: (id: String, range: LSPRange), record: Record)? {
        let (uri, position) = try Self.documentPosition(params)
        guard let (workspace, buffer, text) = recordContext(uri),
              let reference = FrontMatterCursor.referencedID(in: TextLines(text), at: position, kind: buffer.record.kind),
              let record = workspace.record(withID: reference.id) else { return nil }
        return (workspace, reference, record)
    }

    private func definition(_ params: JSONValue?) throws(RPCError) -> JSONValue {
        guard let (workspace, _, record) = try referencedRecord(params) else { return .null }
        let target = URL(fileURLWithPath: workspace.workspace.filePath(for: record.path)).absoluteString
        let start = LSPPosition(line: 0, character: 0)
        return ["uri": .string(target), "range": LSPRange(start: start, end: start).json]
    }

    private func codeActions(_ params: JSONValue?) throws(RPCError) -> JSONValue {
        let uri = try Self.documentURI(params)
        guard let diagnostics = params?["context"]?["diagnostics"]?.arrayValue else {
            throw RPCError.invalidParams("codeAction needs context.diagnostics, a list")
        }
        guard let (workspace, buffer, text) = recordContext(uri) else { return [] }
        let provider = CodeActionProvider(config: workspace.workspace.config, today: today)
        let actions: [JSONValue] = diagnostics.compactMap { diagnostic in
            guard let code = diagnostic["code"]?.stringValue, let range = LSPRange(json: diagnostic["range"]),
                  let fix = provider.fix(code: code, range: range, message: diagnostic["message"]?.stringValue ?? "",
                                         in: text, kind: buffer.record.kind) else { return nil }
            return [
                "title": .string(fix.title), "kind": "quickfix", "diagnostics": [diagnostic],
                "edit": ["changes": [uri: [["range": fix.range.json, "newText": .string(fix.newText)]]]],
            ]
        }
        return .array(actions)
    }

    // MARK: - Notifications

    private func handleNotification(_ method: String, params: JSONValue?) throws(RPCError) {
        if method == "exit" {
            exitCode = shutdownRequested ? 0 : 1
            return
        }
        // Before initialize, and after shutdown, notifications other than exit are dropped.
        guard initialized, !shutdownRequested else { return }
        switch method {
        case "initialized":
            // Records changed outside the editor (a pull, a checkout) and kaizen.yml
            // count for the cross-record rules, so ask to hear of them.
            guard canWatchFiles else { return }
            send(["jsonrpc": "2.0", "id": "kaizen-watch-files", "method": "client/registerCapability", "params": [
                "registrations": [[
                    "id": "kaizen-watch-files", "method": "workspace/didChangeWatchedFiles",
                    "registerOptions": ["watchers": [["globPattern": "**/*.md"], ["globPattern": .string("**/\(KaizenConfig.fileName)")]]],
                ]],
            ]])
        case "textDocument/didOpen":
            guard let document = params?["textDocument"], let uri = document["uri"]?.stringValue,
                  let text = document["text"]?.stringValue else {
                throw RPCError.invalidParams("didOpen needs textDocument.uri and textDocument.text")
            }
            documents.open(uri: uri, version: document["version"]?.intValue ?? 0, text: text)
            guard let buffer = resolveRecordBuffer(uri) else { return }
            recordBuffers[uri] = buffer
            unparsed.insert(uri)
            unpublished.insert(uri)
            // Opening is not typing: check at once.
            runChecks()
        case "textDocument/didChange":
            let uri = try Self.documentURI(params)
            guard let changes = params?["contentChanges"]?.arrayValue else {
                throw RPCError.invalidParams("didChange needs contentChanges, a list")
            }
            let parsed = changes.compactMap(TextChange.init(json:))
            guard parsed.count == changes.count else {
                throw RPCError.invalidParams("each content change needs text, and a range of {line, character} positions or none")
            }
            let version = params?["textDocument"]?["version"]?.intValue ?? (documents[uri]?.version ?? 0) + 1
            try documents.change(uri: uri, version: version, changes: parsed)
            guard recordBuffers[uri] != nil else { return }
            unparsed.insert(uri)
            unpublished.insert(uri)
            debouncer.schedule { Task { await self.runChecks() } }
        case "textDocument/didClose":
            let uri = try Self.documentURI(params)
            documents.close(uri: uri)
            guard let buffer = recordBuffers.removeValue(forKey: uri) else { return }
            unparsed.remove(uri)
            unpublished.remove(uri)
            workspaces[buffer.root]?.removeBuffer(at: buffer.path)
            published[uri] = nil
            send(OutgoingMessage.notification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]))
            runChecks()
        case "textDocument/didSave":
            let uri = try Self.documentURI(params)
            // A client that watches files reports the save there too: one reload is enough.
            guard !canWatchFiles, let buffer = recordBuffers[uri] else { return }
            reloadDisk(at: buffer.root)
            runChecks()
        case "workspace/didChangeWatchedFiles":
            guard let changes = params?["changes"]?.arrayValue else {
                throw RPCError.invalidParams("didChangeWatchedFiles needs changes, a list")
            }
            let paths = changes.compactMap { $0["uri"]?.stringValue.flatMap(Self.filePath(ofURI:)) }
            for root in workspaces.keys where paths.contains(where: { $0.hasPrefix(root + "/") }) {
                if paths.contains(root + "/" + KaizenConfig.fileName) {
                    reopenWorkspace(at: root)
                } else {
                    reloadDisk(at: root)
                }
            }
            runChecks()
        default:
            // Unknown notifications, `$/` ones included, are ignored, as LSP asks.
            break
        }
    }

    // MARK: - Checking

    /// Parses the edited buffers and publishes the diagnostics of every open
    /// record whose findings changed, or that was edited.
    public func runChecks() {
        let roots = Set(recordBuffers.values.map(\.root))
        guard !roots.isEmpty else { return }
        flushEdits()
        let today = self.today
        for root in roots.sorted() {
            guard let workspace = workspaces[root] else { continue }
            checkCount += 1
            let read = readHistories[root]
            let report = workspace.check(today: today, renames: read.map { read in RecordRenames { read.history?.timeline } })
            // History may know a missing id as renamed: read (again, when HEAD
            // moved) and checked again once it is. HEAD is looked up only
            // then, not at every keystroke.
            if report.diagnostics.contains(where: { $0.rule == RuleDescriptor.brokenLink.name }),
               read?.head != StatusHistory.head(of: workspace.workspace) {
                startReadingHistory(of: workspace.workspace)
            }
            let byPath = Dictionary(grouping: report.diagnostics, by: \.path)
            for (uri, buffer) in recordBuffers where buffer.root == root {
                guard let document = documents[uri] else { continue }
                let lines = TextLines(document.text)
                let diagnostics = (byPath[buffer.path] ?? []).map { Self.json(for: $0, in: lines) }
                guard unpublished.contains(uri) || published[uri] != diagnostics else { continue }
                published[uri] = diagnostics
                send(OutgoingMessage.notification("textDocument/publishDiagnostics", [
                    "uri": .string(uri), "version": .number(Double(document.version)), "diagnostics": .array(diagnostics),
                ]))
            }
        }
        unpublished.removeAll()
    }

    /// Starts reading the workspace's history at HEAD, off the actor, and
    /// checks its buffers again once it is read.
    private func startReadingHistory(of workspace: Workspace) {
        let root = workspace.root.path
        guard !historiesAwaited.contains(root), let head = StatusHistory.head(of: workspace),
              let reading = statusHistory(of: workspace) else { return }
        historiesAwaited.insert(root)
        Task {
            let history = await reading.value
            self.historyRead(history, root: root, head: head)
        }
    }

    private func historyRead(_ history: WorkspaceHistory?, root: String, head: ObjectID) {
        historiesAwaited.remove(root)
        readHistories[root] = (head, history)
        runChecks()
    }

    /// Hands the text of edited buffers to their workspaces to parse.
    private func flushEdits() {
        for uri in unparsed {
            guard let buffer = recordBuffers[uri], let text = documents[uri]?.text else { continue }
            workspaces[buffer.root]?.setBuffer(text, at: buffer.path)
        }
        unparsed.removeAll()
    }

    private static func json(for diagnostic: Diagnostic, in lines: TextLines) -> JSONValue {
        [
            "range": lines.tokenRange(at: diagnostic.position).json,
            // 1: error, 2: warning.
            "severity": diagnostic.severity == .error ? 1 : 2,
            "code": .string(diagnostic.rule),
            "source": "kaizen",
            "message": .string(diagnostic.message),
        ]
    }

    private var today: CalendarDate { options.today ?? CalendarDate.today() }

    // MARK: - Documents and workspaces

    /// The workspace and buffer parse of an open record, with its text.
    private func recordContext(_ uri: String) -> (OpenWorkspace, ParsedRecord, String)? {
        guard let buffer = recordBuffers[uri], let text = documents[uri]?.text else { return nil }
        if unparsed.contains(uri) {
            workspaces[buffer.root]?.setBuffer(text, at: buffer.path)
            unparsed.remove(uri)
        }
        guard let workspace = workspaces[buffer.root], let parsed = workspace.buffer(at: buffer.path) else { return nil }
        return (workspace, parsed, text)
    }

    /// Where an open document sits, if it is a record file of a kaizen
    /// workspace (a folder tree with kaizen.yml at its root); other files are ignored.
    private func resolveRecordBuffer(_ uri: String) -> RecordBuffer? {
        guard let path = Self.filePath(ofURI: uri), path.hasSuffix(".md") else { return nil }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard let found = try? Workspace.findRoot(from: directory),
              FileManager.default.fileExists(atPath: found.appendingPathComponent(KaizenConfig.fileName).path) else { return nil }
        let root = found.standardizedFileURL.resolvingSymlinksInPath().path
        if workspaces[root] == nil {
            do {
                workspaces[root] = try OpenWorkspace(workspace: try Workspace.open(at: found))
            } catch {
                log("cannot open the kaizen workspace at \(root): \(error.localizedDescription)")
                return nil
            }
            // Read ahead, so that the first hover does not wait for it.
            _ = statusHistory(of: workspaces[root]!.workspace)
        }
        guard let recordPath = workspaces[root]!.recordPath(ofFile: path) else { return nil }
        return RecordBuffer(root: root, path: recordPath)
    }

    /// Reads a workspace's records from disk again; when that fails, says why
    /// in the log and keeps the records it had.
    private func reloadDisk(at root: String) {
        do {
            try workspaces[root]?.reloadDisk()
        } catch {
            log("cannot read the records at \(root) again: \(error.localizedDescription)")
        }
    }

    /// Reads kaizen.yml again, and with it every record (areas, folders and
    /// severities may have changed); open buffers are parsed again under it.
    private func reopenWorkspace(at root: String) {
        do {
            workspaces[root] = try OpenWorkspace(workspace: try Workspace.open(at: URL(fileURLWithPath: root)))
        } catch {
            log("cannot read the kaizen workspace at \(root) again: \(error.localizedDescription)")
            return
        }
        // The record folders may have changed, and with them the history's scope.
        histories[root] = nil
        for (uri, buffer) in recordBuffers where buffer.root == root {
            unparsed.insert(uri)
            unpublished.insert(uri)
        }
    }

    static func filePath(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    private static func documentURI(_ params: JSONValue?) throws(RPCError) -> String {
        guard let uri = params?["textDocument"]?["uri"]?.stringValue else {
            throw RPCError.invalidParams("params need textDocument.uri, a string")
        }
        return uri
    }

    private static func documentPosition(_ params: JSONValue?) throws(RPCError) -> (String, LSPPosition) {
        let uri = try documentURI(params)
        guard let position = LSPPosition(json: params?["position"]) else {
            throw RPCError.invalidParams("params need position, {line, character} with non-negative integers")
        }
        return (uri, position)
    }

    private func log(_ message: String) {
        // 1: error.
        send(OutgoingMessage.notification("window/logMessage", ["type": 1, "message": .string("kaizen: \(message)")]))
    }
}
