import CCmark
import Foundation

/// A record's Markdown as HTML, by cmark-gfm with GitHub's extensions, in its
/// safe mode: raw HTML is left out (`<!-- raw HTML omitted -->`) and links or
/// images to `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs
/// lose their target, so a record cannot run script on the site.
enum MarkdownHTML {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    static func render(_ markdown: String) -> HTML {
        cmark_gfm_core_extensions_ensure_registered()
        // CMARK_OPT_UNSAFE is never set: safe rendering is cmark-gfm's default.
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return HTML(trusted: String(cString: rendered))
    }
}
