/// Markup for the static site. Text interpolated into an `HTML` literal is
/// escaped, and only another `HTML` value goes in as markup, so a record's
/// value cannot become a tag or an attribute by being forgotten: the pages
/// never hold a string that was not escaped on the way in.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var markup: String

    /// Markup that is already safe: cmark-gfm's safe output, or kaizen's own.
    init(trusted markup: String) {
        self.markup = markup
    }

    public init(stringLiteral value: String) {
        markup = value
    }

    public init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    public var description: String { markup }

    static let empty = HTML(trusted: "")

    /// The parts one after another, with `separator` between them.
    static func joined(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(trusted: parts.map(\.markup).joined(separator: separator.markup))
    }

    /// A table with column headings, scrolling sideways on a narrow screen.
    static func table(headings: [String], rows: [HTML], caption: String? = nil) -> HTML {
        let captionRow: HTML = caption.map { "\n<caption class=\"lead\">\($0)</caption>" } ?? ""
        return """
            <div class="table-wrap"><table>\(captionRow)
            <thead><tr>\(joined(headings.map { "<th scope=\"col\">\($0)</th>" }))</tr></thead>
            <tbody>
            \(joined(rows, separator: "\n"))
            </tbody></table></div>
            """
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity * 2)
        }

        public mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text, escaped for both element content and quoted attribute values.
        public mutating func appendInterpolation(_ text: String) {
            markup += HTMLEscaping.escape(text)
        }

        public mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }

        public mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        public mutating func appendInterpolation(_ parts: [HTML]) {
            markup += parts.map(\.markup).joined()
        }
    }
}

enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as character references: enough for text
    /// and for attribute values in either kind of quote.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            // NUL is not allowed in HTML; the parser would replace it anyway.
            case "\u{0}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
