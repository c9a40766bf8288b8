/// Completion inside front matter: field names for the record's kind, then
/// the values a field takes — its enum values, team ids from kaizen.yml,
/// record ids of the kind it refers to, today's date for a date.
struct CompletionProvider {
    let config: KaizenConfig
    let today: CalendarDate
    /// Every record in view, for the ids a reference may name.
    let records: [Record]

    /// More than this many items are cut.
    static let maximumItems = 200

    struct Item: Equatable {
        var label: String
        var insertText: String
        var detail: String?
        /// LSP CompletionItemKind: 5 field, 12 value, 18 reference.
        var kind: Int
    }

    struct Result {
        var items: [Item]
        /// The range the chosen item replaces: the word typed so far.
        var replacing: LSPRange
        /// Items were cut; the editor should ask again as more is typed.
        var isIncomplete: Bool
    }

    /// The items for `position`, or nil when it is not in front matter.
    func complete(_ text: String, at position: LSPPosition, kind: RecordKind?) -> Result? {
        let lines = TextLines(text)
        guard let cursor = FrontMatterCursor(lines: lines, position: position) else { return nil }
        let prefix = cursor.wordPrefix
        // From the cursor as the line has it: a position past the line's end means its end.
        let cursorCharacter = cursor.linePrefix.utf16.count
        let replacing = LSPRange(start: LSPPosition(line: position.line, character: cursorCharacter - prefix.utf16.count),
                                 end: LSPPosition(line: position.line, character: cursorCharacter))
        let items: [Item]
        if !cursor.isNested {
            if cursor.keyBeforeCursor == nil {
                items = fieldNames(FrontMatterFields.fields(for: kind), present: presentKeys(lines, cursor: cursor))
            } else {
                items = cursor.topLevelKey.flatMap { FrontMatterFields.spec($0, entryOf: nil, kind: kind) }.map(values) ?? []
            }
        } else if let parent = cursor.topLevelKey, let parentSpec = FrontMatterFields.spec(parent, entryOf: nil, kind: kind) {
            if case .entries(let schema) = parentSpec.type {
                if let key = cursor.keyBeforeCursor, key != parent {
                    items = FrontMatterFields.spec(key, entryOf: parent, kind: kind).map(values) ?? []
                } else {
                    items = fieldNames(schema.fields, present: [])
                }
            } else {
                // An item of a block list (`  - payments`): the values of the list.
                items = values(for: parentSpec)
            }
        } else {
            items = []
        }
        let matching = items.filter { $0.label.lowercased().hasPrefix(prefix.lowercased()) }
        return Result(items: Array(matching.prefix(Self.maximumItems)), replacing: replacing,
                      isIncomplete: matching.count > Self.maximumItems)
    }

    private func fieldNames(_ specs: [FieldSpec], present: Set<String>) -> [Item] {
        specs.filter { !present.contains($0.name) }.map { spec in
            Item(label: spec.name, insertText: spec.name + ": ", detail: spec.summary, kind: 5)
        }
    }

    private func presentKeys(_ lines: TextLines, cursor: FrontMatterCursor) -> Set<String> {
        let end = cursor.closingLine ?? lines.lines.count
        return Set((1..<max(1, end)).compactMap { index -> String? in
            let line = lines.line(index)
            guard let first = line.first, first != " ", first != "-", first != "#" else { return nil }
            return FrontMatterCursor.key(in: line)
        })
    }

    private func values(for spec: FieldSpec) -> [Item] {
        if let choices = FrontMatterFields.choices(for: spec.type, config: config) {
            return choices.map { Item(label: $0, insertText: $0, detail: spec.name, kind: 12) }
        }
        switch spec.type {
        case .team, .teams:
            return config.teams.map { Item(label: $0.id, insertText: $0.id, detail: $0.name ?? "team", kind: 12) }
        case .reference(let kind), .references(let kind):
            return records.filter { $0.kind == kind }.sorted { $0.id < $1.id }.map { record in
                Item(label: record.id, insertText: record.id, detail: record.title?.value, kind: 18)
            }
        case .date:
            return [Item(label: today.description, insertText: today.description, detail: "today", kind: 12)]
        default:
            return []
        }
    }
}
