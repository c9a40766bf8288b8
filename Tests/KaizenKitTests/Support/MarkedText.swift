@testable import KaizenKit

/// Fixture text with position markers: each keycap emoji 1️⃣ … 9️⃣ is removed,
/// and the line and column of the character that followed it are recorded.
/// Columns count Unicode scalars, as kaizen's diagnostics do.
struct MarkedText {
    let text: String
    let markers: [Character: SourcePosition]

    init(_ marked: String) {
        var text = ""
        var markers: [Character: SourcePosition] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if index + 2 < scalars.count, ("1"..."9").contains(scalar),
               scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}" {
                markers[Character(scalar)] = SourcePosition(line: line, column: column)
                index += 3
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        self.text = text
        self.markers = markers
    }

    /// The position of marker `1`…`9`; fails the test when it is absent.
    subscript(marker: Character) -> SourcePosition {
        guard let position = markers[marker] else {
            preconditionFailure("fixture has no marker \(marker)️⃣")
        }
        return position
    }
}
