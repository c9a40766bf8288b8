import Foundation
@testable import KaizenKit
import Testing

/// One span an edit replaced: the original's bytes there and what replaced them.
struct ReplacedSpan: Equatable, CustomStringConvertible {
    var old: String
    var new: String

    init(_ old: String, _ new: String) {
        self.old = old
        self.new = new
    }

    var description: String { "\(old.debugDescription) → \(new.debugDescription)" }
}

/// Runs `edits` on `text` and returns the edited text and the spans it
/// replaced, after checking that the edited file is the original with exactly
/// those spans replaced: every other byte is the original's, in order.
func edit(_ text: String, sourceLocation: SourceLocation = #_sourceLocation,
          _ edits: (inout FrontMatterEditor) throws -> Void) throws -> (text: String, spans: [ReplacedSpan]) {
    let original = Array(text.utf8)
    var editor = try FrontMatterEditor(original)
    try edits(&editor)
    let (bytes, changes) = try editor.edited()
    var rebuilt: [UInt8] = []
    var position = 0
    for change in changes {
        #expect(change.range.lowerBound >= position, "changes overlap", sourceLocation: sourceLocation)
        rebuilt += original[position..<change.range.lowerBound] + change.replacement
        position = change.range.upperBound
    }
    rebuilt += original[position...]
    #expect(rebuilt == bytes, "bytes outside the edited spans differ", sourceLocation: sourceLocation)
    let spans = changes.map { ReplacedSpan(String(decoding: original[$0.range], as: UTF8.self), String(decoding: $0.replacement, as: UTF8.self)) }
    return (String(decoding: bytes, as: UTF8.self), spans)
}

/// The reason the editor refuses `edits` on `text`, or nil when it does not.
func refusal(_ text: String, _ edits: (inout FrontMatterEditor) throws -> Void) -> String? {
    do {
        var editor = try FrontMatterEditor(Array(text.utf8))
        try edits(&editor)
        _ = try editor.edited()
        return nil
    } catch let refusal as FrontMatterEditor.Refusal {
        return refusal.reason
    } catch {
        return "unexpected error: \(error)"
    }
}

extension String {
    /// The same text with CR LF line endings.
    var crlf: String { replacingOccurrences(of: "\n", with: "\r\n") }
}

/// A workspace folder on disk with kaizen.yml and records, removed at the end of the test.
final class EditWorkspace {
    let root: URL
    let today = CalendarDate(year: 2026, month: 11, day: 20)!

    static let config = "version: 1\nteams: {payments: {name: Payments}, checkout: {name: Checkout}, platform: {name: Platform}}\n"

    init(_ files: [String: String], config: String = EditWorkspace.config) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-edit-\(UUID().uuidString)")
        for folder in ["improvements", "experiments", "constraints"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try write("kaizen.yml", config)
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    func workspace() throws -> Workspace {
        try Workspace.open(at: root)
    }

    func parsed() throws -> [ParsedRecord] {
        let loader = RecordLoader(workspace: try workspace())
        return loader.load(try loader.recordPaths())
    }

    func editor() throws -> ExperimentEditor {
        ExperimentEditor(workspace: try workspace(), parsed: try parsed())
    }

    /// The message of the error `body` throws, or nil.
    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? KaizenError)?.errorDescription ?? "\(error)"
        }
    }
}

/// Small records for the command tests.
enum EditFixtures {
    /// A planned experiment that passes check on 2026-11-20, with an empty Learnings section.
    static let planned = RecordParserTests.experiment
        .replacingOccurrences(of: "status: running\nstart: 2026-09-01\nreview-by: 2026-11-30\n", with: "status: planned\nreview-by: 2026-12-20\n")

    static let improvement = "---\nkind: improvement\ntitle: Review pairs\nstatus: trialling\norigin: payments\nlevel: team\narea: flow\n---\n"
}
