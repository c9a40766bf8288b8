/// Record values written into generated Markdown (a pull-request comment),
/// escaped so that no value can open a link, a tag, a table cell or emphasis
/// the output did not intend.
enum MarkdownText {
    /// Backslash-escapes the punctuation that is markup inline; CommonMark
    /// allows a backslash before any ASCII punctuation. Line breaks become spaces.
    static func inline(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!", "$":
                output.append("\\")
                output.append(character)
            case "\n", "\r", "\r\n", "\t":
                output.append(" ")
            default:
                output.append(character)
            }
        }
        return output
    }

    /// A code span that holds `text` literally, whatever backticks it contains.
    static func code(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        var longestRun = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        // A space inside the fence keeps a leading or trailing backtick apart from it.
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") ? " \(flat) " : flat
        return fence + padded + fence
    }

    /// Text quoted as a block: every line behind `> `, so whatever it holds
    /// ends with the quote.
    static func blockQuote(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }
            .joined(separator: "\n")
    }
}
