/// Template placeholders: text in angle brackets such as `<change>` or
/// `<what you will measure>`, which `kaizen new` leaves for people to fill.
public enum Placeholder {
    /// The first placeholder in `text`, e.g. `<change>`, if any. A placeholder
    /// starts with a letter right after `<`, so `p95 < 200 ms` is not one.
    public static func first(in text: String) -> String? {
        // Most texts have no `<` at all: a byte scan says so without breaking
        // the text into characters, which rules asking of every field pay for.
        guard text.utf8.contains(UInt8(ascii: "<")) else { return nil }
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<" {
                let next = text.index(after: index)
                start = next < text.endIndex && text[next].isLetter ? index : nil
            } else if character == ">", let opening = start {
                return String(text[opening...index])
            } else if character.isNewline {
                start = nil
            }
            index = text.index(after: index)
        }
        return nil
    }
}
