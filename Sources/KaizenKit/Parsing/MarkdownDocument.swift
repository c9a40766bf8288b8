import Foundation

import CCmark

/// A level-2 section of a record's body (`## Learnings`), as a CommonMark
/// parser sees it: a heading inside a fenced code block is not a section.
public struct BodySection: Sendable, Equatable {
    /// The heading's text, without the `##`.
    public var title: String
    /// Where the heading starts in the file.
    public var position: SourcePosition
    /// Whether the section holds anything besides HTML comments, which the
    /// templates use for guidance that a reader of the rendered page never sees.
    public var hasContent: Bool
    /// Whether it holds such a comment (and, if `hasContent` is false, only that).
    public var hasGuidanceComment: Bool
    /// The section's readable text, whitespace-separated.
    public var text: String
    /// The dates that open its entries: a paragraph, heading or list item
    /// whose text starts with `YYYY-MM-DD`, as dated notes under
    /// Observations do. In the order written.
    public var entryDates: [CalendarDate] = []
}

/// A Markdown document parsed by cmark-gfm; owns the node tree.
final class MarkdownDocument {
    private let root: OpaquePointer
    private let source: Substring

    init(_ markdown: Substring) {
        source = markdown
        var text = String(markdown)
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// The level-2 sections in order. A section runs until the next heading of
    /// level 1 or 2; `firstLine` is the file line of the document's first line.
    func sections(firstLine: Int) -> [BodySection] {
        var sections: [BodySection] = []
        var current: BodySection?
        var node = cmark_node_first_child(root)
        while let block = node {
            if cmark_node_get_type(block) == CMARK_NODE_HEADING, cmark_node_get_heading_level(block) <= 2 {
                if let finished = current { sections.append(finished) }
                current = nil
                if cmark_node_get_heading_level(block) == 2 {
                    let position = SourcePosition(
                        line: Int(cmark_node_get_start_line(block)) + firstLine - 1,
                        column: max(1, Int(cmark_node_get_start_column(block))))
                    current = BodySection(
                        title: Self.plainText(of: block).trimmingSpaces(),
                        position: position, hasContent: false, hasGuidanceComment: false, text: "")
                }
            } else if current != nil {
                if Self.isCommentOnly(block) {
                    current!.hasGuidanceComment = true
                } else {
                    current!.hasContent = true
                }
                current!.entryDates += Self.entryDates(in: block)
                let text = Self.plainText(of: block)
                if !text.isEmpty {
                    current!.text += current!.text.isEmpty ? text : " " + text
                }
            }
            node = cmark_node_next(block)
        }
        if let finished = current { sections.append(finished) }
        return sections
    }

    /// The Markdown of the level-2 section titled `title` (compared without
    /// case) as written, block by block, HTML blocks left out so that quoting
    /// it elsewhere cannot inject markup; nil when there is no such section or
    /// nothing else in it.
    func sectionSource(titled title: String) -> String? {
        let lines = sourceLines()
        var blocks: [String] = []
        forEachBlock(inSectionTitled: title) { block in
            let text = Self.lines(of: block, in: lines)
            if !text.isEmpty { blocks.append(text.joined(separator: "\n")) }
        }
        return blocks.isEmpty ? nil : blocks.joined(separator: "\n\n")
    }

    /// The section titled `title` as the entries of a checklist: one per item
    /// of a list (without its marker or checkbox; a nested list stays inside
    /// its item), one per other block. Each entry is its lines as written,
    /// continuation lines without the item's indentation; HTML blocks are left out.
    func checklistEntries(inSectionTitled title: String) -> [[Substring]] {
        let lines = sourceLines()
        var entries: [[Substring]] = []
        forEachBlock(inSectionTitled: title) { block in
            switch cmark_node_get_type(block) {
            case CMARK_NODE_LIST:
                var item = cmark_node_first_child(block)
                while let current = item {
                    item = cmark_node_next(current)
                    guard let content = cmark_node_first_child(current) else { continue }
                    let contentStart = max(0, Int(cmark_node_get_start_column(content)) - 1)
                    var entry = Self.lines(of: current, in: lines)
                    guard !entry.isEmpty else { continue }
                    entry[0] = Self.withoutCheckbox(Substring(entry[0].utf8.dropFirst(contentStart)))
                    for index in entry.indices.dropFirst() {
                        entry[index] = entry[index].dropFirst(min(contentStart, entry[index].prefix { $0 == " " }.count))
                    }
                    entries.append(entry)
                }
            case CMARK_NODE_HEADING:
                entries.append([Substring(Self.plainText(of: block))])
            default:
                let entry = Self.lines(of: block, in: lines)
                if !entry.isEmpty { entries.append(entry) }
            }
        }
        return entries
    }

    /// The document's lines, without their line breaks.
    private func sourceLines() -> [Substring] {
        source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// Calls `body` with each block of the level-2 section titled `title`
    /// (compared without case), HTML blocks left out.
    private func forEachBlock(inSectionTitled title: String, _ body: (OpaquePointer) -> Void) {
        var inSection = false
        var node = cmark_node_first_child(root)
        while let block = node {
            node = cmark_node_next(block)
            if cmark_node_get_type(block) == CMARK_NODE_HEADING, cmark_node_get_heading_level(block) <= 2 {
                if inSection { break }
                inSection = cmark_node_get_heading_level(block) == 2 && Self.plainText(of: block).trimmingSpaces().caseInsensitiveEquals(title)
                continue
            }
            guard inSection, cmark_node_get_type(block) != CMARK_NODE_HTML_BLOCK else { continue }
            body(block)
        }
    }

    /// The lines a node spans, without trailing blank lines.
    private static func lines(of node: OpaquePointer, in lines: [Substring]) -> [Substring] {
        let first = max(1, Int(cmark_node_get_start_line(node)))
        let last = min(lines.count, max(first, Int(cmark_node_get_end_line(node))))
        guard first <= last else { return [] }
        // A list's last line can be the blank line after it.
        var nodeLines = Array(lines[(first - 1)..<last])
        while let line = nodeLines.last, line.allSatisfy(\.isWhitespace) { nodeLines.removeLast() }
        return nodeLines
    }

    /// A task list item's text without its `[ ]` or `[x]`.
    private static func withoutCheckbox(_ text: Substring) -> Substring {
        for box in ["[ ] ", "[x] ", "[X] "] where text.hasPrefix(box) {
            return text.dropFirst(box.count)
        }
        return text
    }

    /// The literal text under `node`: text, code spans and code blocks, with
    /// line breaks as spaces.
    private static func plainText(of node: OpaquePointer) -> String {
        var pieces: [String] = []
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let literal = cmark_node_get_literal(current) {
                    pieces.append(String(cString: literal))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                pieces.append(" ")
            default:
                break
            }
        }
        return pieces.joined()
    }

    /// The dates opening `block` or, for a list, each of its items.
    private static func entryDates(in block: OpaquePointer) -> [CalendarDate] {
        func leadingDate(_ node: OpaquePointer) -> CalendarDate? {
            let text = plainText(of: node).drop { $0.isWhitespace }
            guard case .success(let date) = CalendarDate.parse(String(text.prefix(10))) else { return nil }
            return date
        }
        guard cmark_node_get_type(block) == CMARK_NODE_LIST else { return leadingDate(block).map { [$0] } ?? [] }
        var dates: [CalendarDate] = []
        var item = cmark_node_first_child(block)
        while let current = item {
            // The item's first block: a date in a nested list is not the item's.
            if let first = cmark_node_first_child(current), let date = leadingDate(first) { dates.append(date) }
            item = cmark_node_next(current)
        }
        return dates
    }

    /// An HTML block that holds nothing but `<!-- comments -->` and whitespace.
    private static func isCommentOnly(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(node) else {
            return false
        }
        var rest = Substring(String(cString: literal))
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard rest.hasPrefix("<!--") else { break }
            guard let end = rest.range(of: "-->") else { return false }
            rest = rest[end.upperBound...]
        }
        return rest.isEmpty
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}

extension BodySection {
    /// "is empty" or "holds only the template's guidance", for messages.
    var emptiness: String {
        hasGuidanceComment ? "holds only the template's guidance" : "is empty"
    }
}
