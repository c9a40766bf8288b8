import Foundation

/// Quick fixes for the simplest findings: a missing required field gets a
/// line with a placeholder the checker will still flag until it is filled,
/// an invalid enum value is replaced by the nearest valid one, a status
/// that lags its experiments by the one they show, and a link to a renamed
/// record by the id it has now.
struct CodeActionProvider {
    let config: KaizenConfig
    let today: CalendarDate

    struct Fix: Equatable {
        var title: String
        var range: LSPRange
        var newText: String
    }

    /// The fix for one diagnostic the client sent back (rule `code`, its
    /// `range` and `message`), or nil when there is no simple one.
    func fix(code: String, range: LSPRange, message: String, in text: String, kind: RecordKind?) -> Fix? {
        let lines = TextLines(text)
        switch code {
        case RuleDescriptor.missingField.name: return addField(message: message, lines: lines, kind: kind)
        case RuleDescriptor.invalidValue.name: return replaceValue(at: range, lines: lines, kind: kind)
        case RuleDescriptor.statusLag.name: return setStatus(at: range, message: message, lines: lines)
        case RuleDescriptor.brokenLink.name: return writeCurrentID(at: range, message: message, lines: lines)
        default: return nil
        }
    }

    /// A top-level field reported as "missing 'name'", inserted before the closing `---`.
    private func addField(message: String, lines: TextLines, kind: RecordKind?) -> Fix? {
        guard message.hasPrefix("missing '"), let name = message.dropFirst(9).split(separator: "'").first.map(String.init),
              let spec = FrontMatterFields.spec(name, entryOf: nil, kind: kind),
              lines.line(0).trimmingPrefix("\u{FEFF}").trimmingTrailingSpaces == "---",
              let closing = (1..<max(1, lines.lines.count)).first(where: { lines.line($0).trimmingTrailingSpaces == "---" })
        else { return nil }
        let value: String
        if case .kind = spec.type {
            guard let kind else { return nil }
            value = kind.rawValue
        } else {
            value = placeholder(for: spec)
        }
        let at = LSPPosition(line: closing, character: 0)
        return Fix(title: "Add '\(name)'", range: LSPRange(start: at, end: at), newText: "\(name): \(value)\n")
    }

    private func placeholder(for spec: FieldSpec) -> String {
        switch spec.type {
        case .date: return today.description
        case .team: return config.teams.count == 1 ? config.teams[0].id : "<team>"
        case .teams: return config.teams.count == 1 ? "[\(config.teams[0].id)]" : "[<team>]"
        case .references, .words: return "[]"
        case .entries(let schema):
            let fields = schema.fields.filter { $0.requirement == .always }.map { "\($0.name): \(placeholder(for: $0))" }
            return "[{\(fields.joined(separator: ", "))}]"
        case .kind, .text, .choice, .area, .reference:
            return Self.quoted("<\(spec.summaryClause)>")
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The status at `range` replaced by the one status-lag names ("set 'status: proven'").
    private func setStatus(at range: LSPRange, message: String, lines: TextLines) -> Fix? {
        guard let named = message.range(of: "set 'status: "),
              let status = message[named.upperBound...].split(separator: "'").first.map(String.init),
              ImprovementStatus(rawValue: status) != nil, let token = token(at: range, lines: lines) else { return nil }
        return Fix(title: "Set status to \(status)", range: token, newText: status)
    }

    /// The id at `range` replaced by the one a renamed record has now ("write 'new-id'").
    private func writeCurrentID(at range: LSPRange, message: String, lines: TextLines) -> Fix? {
        guard let named = message.range(of: ": write '", options: .backwards),
              let id = message[named.upperBound...].split(separator: "'").first.map(String.init),
              let token = token(at: range, lines: lines) else { return nil }
        return Fix(title: "Write '\(id)', the record's id since its rename", range: token, newText: id)
    }

    /// The whole value a diagnostic's range starts in.
    private func token(at range: LSPRange, lines: TextLines) -> LSPRange? {
        guard let start = lines.index(of: range.start) else { return nil }
        let line = lines.line(range.start.line)
        let column = line.unicodeScalars.distance(from: line.startIndex, to: start) + 1
        return lines.tokenRange(at: SourcePosition(line: range.start.line + 1, column: column))
    }

    /// The value at `range` replaced by the closest of its field's choices.
    private func replaceValue(at range: LSPRange, lines: TextLines, kind: RecordKind?) -> Fix? {
        guard let cursor = FrontMatterCursor(lines: lines, position: range.start),
              let key = FrontMatterCursor.key(in: cursor.linePrefix) else { return nil }
        let parent = cursor.isNested ? cursor.topLevelKey : nil
        guard let spec = FrontMatterFields.spec(key, entryOf: parent, kind: kind),
              let choices = FrontMatterFields.choices(for: spec.type, config: config), !choices.isEmpty,
              let startIndex = lines.index(of: range.start) else { return nil }
        // The finding points at the value's start; its extent is the token there.
        let line = cursor.line
        let startColumn = line.unicodeScalars.distance(from: line.startIndex, to: startIndex) + 1
        let token = lines.tokenRange(at: SourcePosition(line: range.start.line + 1, column: startColumn))
        guard let tokenStart = lines.index(of: token.start), let tokenEnd = lines.index(of: token.end) else { return nil }
        let written = String(line[tokenStart..<tokenEnd]).trimmingCharacters(in: ["\"", "'"])
        let target = Array(written.lowercased().unicodeScalars)
        let nearest = choices.min { a, b in
            Suggestion.editDistance(target, Array(a.unicodeScalars), limit: .max / 2)
                < Suggestion.editDistance(target, Array(b.unicodeScalars), limit: .max / 2)
        }!
        return Fix(title: "Change '\(written)' to '\(nearest)'", range: token, newText: nearest)
    }
}
