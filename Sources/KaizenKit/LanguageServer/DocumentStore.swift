import Foundation

/// An open editor buffer: the text the client holds, which may differ from the file on disk.
public struct TextDocument: Sendable {
    public var version: Int
    public var text: String
}

/// One entry of `didChange`'s `contentChanges`: the whole text, or a range replaced.
public struct TextChange: Sendable {
    public var range: LSPRange?
    public var text: String

    public init(range: LSPRange?, text: String) {
        self.range = range
        self.text = text
    }

    /// Reads `{text}` or `{range, text}`; nil when malformed.
    init?(json: JSONValue) {
        guard let text = json["text"]?.stringValue else { return nil }
        if let range = json["range"], range != .null {
            guard let parsed = LSPRange(json: range) else { return nil }
            self.init(range: parsed, text: text)
        } else {
            self.init(range: nil, text: text)
        }
    }
}

/// The buffers the client has open, by URI, kept in step with its edits.
public struct DocumentStore: Sendable {
    private var documents: [String: TextDocument] = [:]

    public init() {}

    public subscript(uri: String) -> TextDocument? { documents[uri] }

    public mutating func open(uri: String, version: Int, text: String) {
        documents[uri] = TextDocument(version: version, text: text)
    }

    public mutating func close(uri: String) {
        documents[uri] = nil
    }

    /// Applies changes in order, as LSP specifies (each range is in the text
    /// the previous change left). Throws for an unknown document or a range
    /// outside the text.
    public mutating func change(uri: String, version: Int, changes: [TextChange]) throws(RPCError) {
        guard var document = documents[uri] else {
            throw RPCError.invalidParams("\(uri) is not open: send textDocument/didOpen first")
        }
        for change in changes {
            guard let range = change.range else {
                document.text = change.text
                continue
            }
            document.text = try Self.replacing(range, with: change.text, in: document.text)
        }
        document.version = version
        documents[uri] = document
    }

    /// `text` with `range` (UTF-16 positions) replaced. A character past the
    /// end of its line means the line's end, as LSP says; a line past the
    /// last is an error.
    static func replacing(_ range: LSPRange, with replacement: String, in text: String) throws(RPCError) -> String {
        let lines = TextLines(text)
        guard let start = lines.index(of: range.start), let end = lines.index(of: range.end) else {
            throw RPCError.invalidParams("the change's range \(range.start.line):\(range.start.character)-\(range.end.line):\(range.end.character) is outside the document's \(lines.lines.count) lines")
        }
        // Through the scalar view: a position may fall inside a grapheme (between CR and LF).
        var result = String(text.unicodeScalars[..<start])
        result += replacement
        result += String(text.unicodeScalars[max(start, end)...])
        return result
    }
}
