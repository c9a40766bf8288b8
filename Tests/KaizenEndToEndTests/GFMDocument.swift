import Foundation
import CCmark

/// Markdown parsed as GitHub parses it (cmark-gfm with GitHub's extensions),
/// to prove that generated Markdown has the structure intended: tables where
/// tables belong, and no raw HTML a record's text could have smuggled in.
final class GFMDocument {
    private let root: OpaquePointer

    init(_ markdown: String) {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
    }

    /// How many nodes of each type (`table`, `html_inline`, `heading`, ...) the document holds.
    var nodeCounts: [String: Int] {
        var counts: [String: Int] = [:]
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  let type = cmark_node_get_type_string(node) else { continue }
            counts[String(cString: type), default: 0] += 1
        }
        return counts
    }

    /// The rows of every table, each row its cells' plain text.
    var tables: [[[String]]] {
        var tables: [[[String]]] = []
        var node = cmark_node_first_child(root)
        while let block = node {
            node = cmark_node_next(block)
            guard let type = cmark_node_get_type_string(block), String(cString: type) == "table" else { continue }
            var rows: [[String]] = []
            var row = cmark_node_first_child(block)
            while let current = row {
                row = cmark_node_next(current)
                var cells: [String] = []
                var cell = cmark_node_first_child(current)
                while let currentCell = cell {
                    cell = cmark_node_next(currentCell)
                    cells.append(Self.text(of: currentCell))
                }
                rows.append(cells)
            }
            tables.append(rows)
        }
        return tables
    }

    /// The HTML GitHub would show, raw HTML in the source left as is.
    var html: String {
        guard let rendered = cmark_render_html(root, CMARK_OPT_UNSAFE, nil) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static func text(of node: OpaquePointer) -> String {
        var pieces: [String] = []
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator),
                  let literal = cmark_node_get_literal(current) else { continue }
            pieces.append(String(cString: literal))
        }
        return pieces.joined()
    }
}
