import Yams

/// Changes top-level fields of a record's front matter in place, touching only
/// the bytes it must: a value's own bytes when the key exists, a new line when
/// it does not, one more item at the end of a list. Comments, key order,
/// quoting, indentation, blank lines, line endings, a byte-order mark and the
/// body are kept byte for byte.
///
/// Positions come from the YAML parser's marks (line and column of each key
/// and value), converted to byte offsets of the original file; where a token
/// ends is found by scanning from its start (`YAMLExtent.swift`). Shapes it
/// cannot edit with certainty (a flow mapping holding the whole front matter,
/// anchors and aliases, block scalars where one value is expected) are
/// refused. Every edit is then parsed again and refused unless the front
/// matter reads exactly as predicted: the edited fields changed, nothing else.
struct FrontMatterEditor {
    /// Why the front matter cannot be edited safely, in words that say what to change.
    struct Refusal: Error, Equatable {
        var reason: String
    }

    /// Bytes of the original file replaced by others; an insertion has an empty range.
    struct Change: Equatable {
        var range: Range<Int>
        var replacement: [UInt8]
    }

    /// How a list's items are laid out.
    enum ListLayout: Equatable {
        /// `- key: value` lines: the dash's column, the column of the item's
        /// keys, and whether the first key shares the dash's line.
        case block(dash: Int, key: Int, keyOnDashLine: Bool)
        /// `[{key: value}]`, with spaces inside the braces or not.
        case flow(spaced: Bool)
    }

    private enum ScalarStyle {
        /// No value at all: `key:` with nothing after it.
        case empty
        case plain, singleQuoted, doubleQuoted
    }

    private struct Entry {
        var key: String
        var value: Node
        /// The offset of the `:` after the key.
        var colon: Int
        var firstLine: Int
        /// The last line of its value. Blank lines and comments at the
        /// mapping's own indentation after it belong to the next key.
        var lastLine: Int
    }

    private let source: FrontMatterSource
    private let entries: [Entry]
    /// The spaces before every top-level key.
    private let indent: Int
    private var changes: [Change] = []
    /// The top-level fields the edited front matter must read as.
    private var expected: [YAMLValue.Pair]
    /// Keys this editor added, and the offset where their lines go.
    private var insertedKeys: [String: Int] = [:]

    init(_ bytes: [UInt8]) throws(Refusal) {
        do {
            source = try FrontMatterSource(bytes)
        } catch .notUTF8 {
            throw Refusal(reason: "the file is not UTF-8 text")
        } catch {
            throw Refusal(reason: "the file has no front matter between '---' lines")
        }
        guard case .success(let root?) = Self.compose(source) else {
            throw Refusal(reason: "its front matter is not valid YAML (`kaizen check` shows where); fix that first")
        }
        guard let mapping = root.mapping, let rootMark = root.mark,
              let rootOffset = source.offset(line: rootMark.line, column: rootMark.column) else {
            throw Refusal(reason: "its front matter is not written as 'key: value' fields")
        }
        switch source.bytes[rootOffset] {
        case UInt8(ascii: "{"):
            throw Refusal(reason: "its front matter is one flow mapping ({key: value, ...}); write one 'key: value' per line")
        case UInt8(ascii: "&"), UInt8(ascii: "!"):
            throw Refusal(reason: "its front matter as a whole has an anchor or a tag; remove it")
        default:
            break
        }
        indent = source.column(of: rootOffset)
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            entries.append(try Self.entry(keyNode, value, in: source, indent: indent))
        }
        for index in entries.indices {
            let next = index + 1 < entries.count ? entries[index + 1].firstLine : source.lines.count
            var last = next - 1
            while last > entries[index].firstLine,
                  source.isBlank(line: last) || (source.isComment(line: last) && source.indentation(ofLine: last) <= indent) {
                last -= 1
            }
            entries[index].lastLine = last
        }
        self.entries = entries
        expected = mapping.map { YAMLValue.Pair(key: YAMLValue($0.key), value: YAMLValue($0.value)) }
    }

    /// The front matter's node tree, read as the record parser reads it.
    private static func compose(_ source: FrontMatterSource) -> Result<Node?, Diagnostic> {
        YAMLReader(path: "", firstLine: 2).compose(Substring(source.yaml))
    }

    private static func entry(_ keyNode: Node, _ value: Node, in source: FrontMatterSource, indent: Int) throws(Refusal) -> Entry {
        guard case .scalar(let key) = keyNode, let mark = key.mark,
              let offset = source.offset(line: mark.line, column: mark.column) else {
            throw Refusal(reason: "a key of its front matter is not plain text; write every key as 'name:'")
        }
        let line = source.lineIndex(of: offset)
        let keyEnd: Int?
        switch source.bytes[offset] {
        case UInt8(ascii: "\""): keyEnd = source.endOfDoubleQuoted(at: offset)
        case UInt8(ascii: "'"): keyEnd = source.endOfSingleQuoted(at: offset)
        default: keyEnd = source.endOfPlainOnLine(at: offset, isKey: true)
        }
        var colon = keyEnd ?? source.end
        while colon < source.lines[line].contentEnd, FrontMatterSource.isSpace(source.bytes[colon]) { colon += 1 }
        guard source.column(of: offset) == indent, source.indentation(ofLine: line) == indent,
              colon < source.lines[line].contentEnd, source.bytes[colon] == UInt8(ascii: ":") else {
            throw Refusal(reason: "the key '\(key.string)' is not written as 'key: value' at the start of its line")
        }
        return Entry(key: key.string, value: value, colon: colon, firstLine: line, lastLine: line)
    }

    // MARK: - Edits

    /// Sets `key` to the text `value`: its value's bytes are replaced, in the
    /// quoting style they had where the new value allows it; a missing key
    /// gets a line of its own after the first of `anchors` present (else at the end).
    mutating func setText(_ key: String, to value: String, after anchors: [String]) throws(Refusal) {
        guard let entry = entries.first(where: { $0.key == key }) else {
            try insert(key, lines: [key + ": " + Self.scalarText(value)], value: .scalar(value), after: anchors)
            return
        }
        let (range, style) = try scalarSpan(of: entry)
        let text = Self.scalarText(value, like: style)
        record(Change(range: range, replacement: Array(((style == .empty ? " " : "") + text).utf8)))
        setExpected(key, .scalar(value))
    }

    /// Appends a mapping of `fields` (text values, in this order unless the
    /// list's last item orders the same keys otherwise) to the list under `key`,
    /// in the list's own style. A missing or empty list is created, laid out
    /// like the front matter's other lists of mappings.
    mutating func append(_ fields: [(String, String)], to key: String, after anchors: [String]) throws(Refusal) {
        let item = YAMLValue.fields(fields)
        guard let entry = entries.first(where: { $0.key == key }) else {
            let layout = siblingLayout(excluding: key)
            let lines: [String]
            if case .flow(let spaced) = layout {
                lines = ["\(key): [\(Self.flowMapping(fields, spaced: spaced))]"]
            } else {
                lines = ["\(key):"] + Self.blockItem(fields, layout: layout)
            }
            try insert(key, lines: lines, value: .sequence([item]), after: anchors)
            return
        }
        switch entry.value {
        case let value where value.isNull:
            try appendToNull(fields, entry: entry)
            setExpected(key, .sequence([item]))
        case .sequence(let sequence):
            let start = try valueStart(of: entry)
            let written: [(String, String)]
            switch source.bytes[start] {
            case UInt8(ascii: "["): written = try appendToFlowList(fields, entry: entry, listStart: start, last: sequence.last)
            case UInt8(ascii: "-"): written = try appendToBlockList(fields, entry: entry, listStart: start, last: sequence.last!)
            default: throw Refusal(reason: "'\(key)' is a list written in a form kaizen does not edit")
            }
            setExpected(key, .sequence(sequence.map(YAMLValue.init) + [YAMLValue.fields(written)]))
        default:
            throw Refusal(reason: "'\(key)' holds \(Self.describe(entry.value)), not a list")
        }
    }

    /// Replaces the value of `key` with a block list of mappings of `fields`,
    /// laid out like the list it replaces, or like the other lists.
    mutating func setList(_ key: String, toMappings items: [[(String, String)]], after anchors: [String]) throws(Refusal) {
        var layout = entries.first(where: { $0.key == key }).flatMap { listLayout(of: $0) } ?? siblingLayout(excluding: key)
        if case .flow = layout { layout = Self.defaultLayout(indent: indent) }
        try replaceValue(key, lines: items.flatMap { Self.blockItem($0, layout: layout) },
                         value: .sequence(items.map(YAMLValue.fields)), after: anchors)
    }

    /// Replaces the value of `key` with a list of texts: `[a, b]` on the key's
    /// line, or one `- a` line each when it already was a block list.
    mutating func setList(_ key: String, toTexts texts: [String], after anchors: [String]) throws(Refusal) {
        let value = YAMLValue.sequence(texts.map(YAMLValue.scalar))
        let flow = "[" + texts.map { Self.scalarText($0) }.joined(separator: ", ") + "]"
        guard let entry = entries.first(where: { $0.key == key }) else {
            try insert(key, lines: ["\(key): \(flow)"], value: value, after: anchors)
            return
        }
        let start = try valueStart(of: entry)
        if entry.value.scalar != nil {
            let (range, style) = try scalarSpan(of: entry)
            record(Change(range: range, replacement: Array(((style == .empty ? " " : "") + flow).utf8)))
        } else if source.bytes[start] == UInt8(ascii: "["), let (end, _) = source.flowCollection(at: start) {
            record(Change(range: start..<end, replacement: Array(flow.utf8)))
        } else if case .block(let dash, _, _)? = listLayout(of: entry) {
            try replaceValue(key, lines: texts.map { String(repeating: " ", count: dash) + "- " + Self.scalarText($0) },
                             value: value, after: anchors)
            return
        } else {
            throw Refusal(reason: "'\(key)' holds \(Self.describe(entry.value)), not a list")
        }
        setExpected(key, value)
    }

    /// The edited file, and the changes that made it from the original. Throws
    /// unless the edited front matter reads back exactly as predicted.
    func edited() throws(Refusal) -> (bytes: [UInt8], changes: [Change]) {
        var output: [UInt8] = []
        output.reserveCapacity(source.bytes.count + changes.reduce(0) { $0 + $1.replacement.count })
        var position = 0
        for change in changes {
            guard change.range.lowerBound >= position else {
                throw Refusal(reason: "two of the changes overlap")
            }
            output += source.bytes[position..<change.range.lowerBound]
            output += change.replacement
            position = change.range.upperBound
        }
        output += source.bytes[position...]
        guard let reread = try? FrontMatterSource(output),
              reread.start == source.start,
              output[reread.end...].elementsEqual(source.bytes[source.end...]),
              case .success(let root?) = Self.compose(reread),
              YAMLValue(root) == .mapping(expected) else {
            throw Refusal(reason: "its front matter is laid out in a way kaizen cannot edit without changing other values")
        }
        return (output, changes)
    }

    // MARK: - Spans

    /// Where the value of `entry` starts. Refuses aliases, anchors and tags:
    /// replacing them would change other values, or the meaning of this one.
    private func valueStart(of entry: Entry) throws(Refusal) -> Int {
        guard let mark = entry.value.mark, let offset = source.offset(line: mark.line, column: mark.column) else {
            throw Refusal(reason: "the value of '\(entry.key)' cannot be located")
        }
        guard offset > entry.colon else {
            throw Refusal(reason: "'\(entry.key)' is an alias (*name) of a value written elsewhere; write the value out")
        }
        var index = entry.colon + 1
        while index < offset {
            let byte = source.bytes[index]
            if FrontMatterSource.isSpace(byte) || source.isBreak(at: index) {
                index += max(1, FrontMatterSource.breakWidth(in: source.bytes, at: index, end: source.end))
            } else if byte == UInt8(ascii: "#") {
                index = source.lines[source.lineIndex(of: index)].end
            } else {
                throw Refusal(reason: "the value of '\(entry.key)' is written in a form kaizen does not edit")
            }
        }
        switch source.bytes[offset] {
        case UInt8(ascii: "&"):
            throw Refusal(reason: "the value of '\(entry.key)' has an anchor (&name) that other values may refer to; remove the anchor")
        case UInt8(ascii: "!"):
            throw Refusal(reason: "the value of '\(entry.key)' has a tag (!name); remove the tag")
        default:
            return offset
        }
    }

    /// The bytes of a one-value field's value, and how it is quoted.
    private func scalarSpan(of entry: Entry) throws(Refusal) -> (Range<Int>, ScalarStyle) {
        guard case .scalar(let scalar) = entry.value else {
            throw Refusal(reason: "'\(entry.key)' holds \(Self.describe(entry.value)) where kaizen expects one value")
        }
        let start = try valueStart(of: entry)
        if scalar.string.isEmpty, entry.value.isNull {
            return (start..<start, .empty)
        }
        switch source.bytes[start] {
        case UInt8(ascii: "\""):
            guard let end = source.endOfDoubleQuoted(at: start) else { break }
            return (start..<end, .doubleQuoted)
        case UInt8(ascii: "'"):
            guard let end = source.endOfSingleQuoted(at: start) else { break }
            return (start..<end, .singleQuoted)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            throw Refusal(reason: "'\(entry.key)' is a block scalar (| or >) over several lines where kaizen expects one value; write it on one line")
        default:
            // A plain value may go on over more indented lines.
            var end = source.endOfPlainOnLine(at: start)
            let first = source.lineIndex(of: start)
            if first < entry.lastLine {
                for line in (first + 1)...entry.lastLine where !source.isBlank(line: line) && !source.isComment(line: line) {
                    end = source.endOfPlainOnLine(at: source.lines[line].start + source.indentation(ofLine: line))
                }
            }
            return (start..<end, .plain)
        }
        throw Refusal(reason: "the quoted value of '\(entry.key)' is never closed")
    }

    // MARK: - Lists

    private mutating func appendToNull(_ fields: [(String, String)], entry: Entry) throws(Refusal) {
        let (range, style) = try scalarSpan(of: entry)
        let layout = siblingLayout(excluding: entry.key)
        if case .flow(let spaced) = layout {
            let list = "[\(Self.flowMapping(fields, spaced: spaced))]"
            record(Change(range: range, replacement: Array(((style == .empty ? " " : "") + list).utf8)))
            return
        }
        if style != .empty {
            // `key: ~` becomes `key:` with the list below it.
            record(Change(range: (entry.colon + 1)..<range.upperBound, replacement: []))
        }
        insertLines(Self.blockItem(fields, layout: layout), afterLine: entry.lastLine)
    }

    /// Returns the fields in the order written.
    private mutating func appendToFlowList(_ fields: [(String, String)], entry: Entry, listStart: Int,
                                           last: Node?) throws(Refusal) -> [(String, String)] {
        guard let (listEnd, afterLast) = source.flowCollection(at: listStart) else {
            throw Refusal(reason: "the list '\(entry.key)' is never closed")
        }
        let close = listEnd - 1
        let lastItem = last.flatMap { $0.mark }.flatMap { source.offset(line: $0.line, column: $0.column) }
        let (order, spaced) = lastItem.map { itemStyle(last!, at: $0) } ?? (nil, false)
        let ordered = Self.ordered(fields, like: order)
        let item = Self.flowMapping(ordered, spaced: spaced)
        let previous = source.bytes[afterLast - 1]
        if previous == UInt8(ascii: "[") {
            let inside = afterLast..<close
            let blank = inside.allSatisfy { FrontMatterSource.isSpace(source.bytes[$0]) }
            record(Change(range: blank ? inside : afterLast..<afterLast, replacement: Array(item.utf8)))
            return ordered
        }
        guard let lastItem else { throw Refusal(reason: "the list '\(entry.key)' is written in a form kaizen does not edit") }
        let lastLine = source.lineIndex(of: afterLast - 1)
        let itemLine = source.lineIndex(of: lastItem)
        let onOwnLines = source.lineIndex(of: listStart) != itemLine && source.lineIndex(of: close) != lastLine
            && source.lines[itemLine].start + source.indentation(ofLine: itemLine) == lastItem
        guard onOwnLines else {
            let text = previous == UInt8(ascii: ",") ? " \(item)," : ", \(item)"
            record(Change(range: afterLast..<afterLast, replacement: Array(text.utf8)))
            return ordered
        }
        // One item per line: the new one goes on a line of its own, indented
        // like the last, after any comment that ends the last one's line.
        let newLine = Array(source.lineBreak(ofLine: lastLine)) + Array((String(repeating: " ", count: source.column(of: lastItem)) + item).utf8)
        let lineEnd = source.lines[lastLine].contentEnd
        if previous == UInt8(ascii: ",") {
            record(Change(range: lineEnd..<lineEnd, replacement: newLine + [UInt8(ascii: ",")]))
        } else {
            record(Change(range: afterLast..<afterLast, replacement: [UInt8(ascii: ",")]))
            record(Change(range: lineEnd..<lineEnd, replacement: newLine))
        }
        return ordered
    }

    /// Returns the fields in the order written.
    private mutating func appendToBlockList(_ fields: [(String, String)], entry: Entry, listStart: Int,
                                            last: Node) throws(Refusal) -> [(String, String)] {
        guard let mark = last.mark, let itemStart = source.offset(line: mark.line, column: mark.column), last.mapping != nil else {
            throw Refusal(reason: "the last item of '\(entry.key)' is not a mapping like {\(fields.map(\.0).joined(separator: ", "))}")
        }
        let (order, spaced) = itemStyle(last, at: itemStart)
        let ordered = Self.ordered(fields, like: order)
        let dash = source.column(of: listStart)
        let lines: [String]
        if source.bytes[itemStart] == UInt8(ascii: "{") {
            let gap = max(1, source.column(of: itemStart) - dash - 1)
            lines = [String(repeating: " ", count: dash) + "-" + String(repeating: " ", count: gap) + Self.flowMapping(ordered, spaced: spaced)]
        } else {
            let keyOnDashLine = Self.dash(before: itemStart, in: source) != nil
            lines = Self.blockItem(ordered, layout: .block(dash: dash, key: source.column(of: itemStart), keyOnDashLine: keyOnDashLine))
        }
        insertLines(lines, afterLine: entry.lastLine)
        return ordered
    }

    /// The offset of the `-` before an item's first key on the same line, if there is one.
    private static func dash(before offset: Int, in source: FrontMatterSource) -> Int? {
        var index = offset - 1
        let lineStart = source.lines[source.lineIndex(of: offset)].start
        while index >= lineStart, FrontMatterSource.isSpace(source.bytes[index]) { index -= 1 }
        return index >= lineStart && source.bytes[index] == UInt8(ascii: "-") ? index : nil
    }

    /// The key order of a mapping item, and whether it is a flow mapping with spaces inside its braces.
    private func itemStyle(_ item: Node, at offset: Int) -> (order: [String]?, spaced: Bool) {
        let order = item.mapping.map { Array($0.keys.compactMap(\.scalar?.string)) }
        let spaced = source.bytes[offset] == UInt8(ascii: "{") && offset + 1 < source.end && FrontMatterSource.isSpace(source.bytes[offset + 1])
        return (order, spaced)
    }

    /// How the list under `entry` lays out its items, if it is a list of mappings (or of anything, for block lists).
    private func listLayout(of entry: Entry) -> ListLayout? {
        guard let sequence = entry.value.sequence, let start = try? valueStart(of: entry) else { return nil }
        if source.bytes[start] == UInt8(ascii: "[") {
            guard let first = sequence.first, first.mapping != nil, let mark = first.mark,
                  let offset = source.offset(line: mark.line, column: mark.column) else { return nil }
            return .flow(spaced: itemStyle(first, at: offset).spaced)
        }
        guard source.bytes[start] == UInt8(ascii: "-") else { return nil }
        let dash = source.column(of: start)
        guard let first = sequence.first, first.mapping != nil, let mark = first.mark,
              let offset = source.offset(line: mark.line, column: mark.column),
              source.bytes[offset] != UInt8(ascii: "{") else {
            return .block(dash: dash, key: dash + 2, keyOnDashLine: true)
        }
        let keyOnDashLine = Self.dash(before: offset, in: source) != nil
        return .block(dash: dash, key: source.column(of: offset), keyOnDashLine: keyOnDashLine)
    }

    /// The layout of the front matter's other lists of mappings (`signals`
    /// first), or two spaces per level when there are none.
    private func siblingLayout(excluding key: String) -> ListLayout {
        let candidates = entries.filter { $0.key != key && $0.value.sequence?.first?.mapping != nil }
            .sorted { ($0.key == "signals" ? 0 : 1) < ($1.key == "signals" ? 0 : 1) }
        return candidates.lazy.compactMap { listLayout(of: $0) }.first ?? Self.defaultLayout(indent: indent)
    }

    private static func defaultLayout(indent: Int) -> ListLayout {
        .block(dash: indent + 2, key: indent + 4, keyOnDashLine: true)
    }

    // MARK: - Lines

    /// A new top-level key with `lines` (its first line, then any more), after
    /// the first of `anchors` that is present, else after the last key.
    private mutating func insert(_ key: String, lines: [String], value: YAMLValue, after anchors: [String]) throws(Refusal) {
        let indented = lines.enumerated().map { $0.offset == 0 ? String(repeating: " ", count: indent) + $0.element : $0.element }
        var position = expected.count
        var offset: Int?
        for anchor in anchors {
            if let index = expected.firstIndex(where: { $0.key == .scalar(anchor) }) {
                position = index + 1
                offset = insertedKeys[anchor]
                if offset == nil, let entry = entries.first(where: { $0.key == anchor }) {
                    offset = source.lines[entry.lastLine].end
                }
                break
            }
        }
        let lastLine = offset.map { source.lineIndex(of: $0 - 1) } ?? entries.last!.lastLine
        let at = offset ?? source.lines[lastLine].end
        insertLines(indented, at: at, lineBreak: source.lineBreak(ofLine: lastLine))
        insertedKeys[key] = at
        expected.insert(YAMLValue.Pair(key: .scalar(key), value: value), at: position)
    }

    /// Replaces the whole value of `key` with lines below it.
    private mutating func replaceValue(_ key: String, lines: [String], value: YAMLValue, after anchors: [String]) throws(Refusal) {
        guard let entry = entries.first(where: { $0.key == key }) else {
            try insert(key, lines: ["\(key):"] + lines, value: value, after: anchors)
            return
        }
        let start = try valueStart(of: entry)
        let lineBreak = Array(source.lineBreak(ofLine: entry.firstLine))
        // A value on the key's own line goes, with any comment after it; one
        // below the key leaves the key's line as it is.
        let from = source.lineIndex(of: start) == entry.firstLine ? entry.colon + 1 : source.lines[entry.firstLine].contentEnd
        let replacement = lines.flatMap { lineBreak + Array($0.utf8) }
        record(Change(range: from..<source.lines[entry.lastLine].contentEnd, replacement: replacement))
        setExpected(key, value)
    }

    private mutating func insertLines(_ lines: [String], afterLine line: Int) {
        insertLines(lines, at: source.lines[line].end, lineBreak: source.lineBreak(ofLine: line))
    }

    private mutating func insertLines(_ lines: [String], at offset: Int, lineBreak: ArraySlice<UInt8>) {
        record(Change(range: offset..<offset, replacement: lines.flatMap { Array($0.utf8) + lineBreak }))
    }

    /// Keeps changes in file order; insertions at one offset stay in the order made.
    private mutating func record(_ change: Change) {
        let index = changes.lastIndex { $0.range.lowerBound <= change.range.lowerBound }.map { $0 + 1 } ?? 0
        changes.insert(change, at: index)
    }

    private mutating func setExpected(_ key: String, _ value: YAMLValue) {
        if let index = expected.firstIndex(where: { $0.key == .scalar(key) }) {
            expected[index].value = value
        }
    }

    // MARK: - Text

    /// A value as kaizen writes it: plain when it is a word or a date that
    /// every YAML reader takes as that text (not a number, boolean or null),
    /// else double-quoted; in an existing value's style where it can be.
    private static func scalarText(_ value: String, like style: ScalarStyle? = nil) -> String {
        let printable = !value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        switch style {
        case .singleQuoted? where printable:
            return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .doubleQuoted?:
            return YAMLText.quoted(value)
        default:
            return isPlainSafe(value) ? value : YAMLText.quoted(value)
        }
    }

    private static let reservedWords: Set<String> = [
        "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ]

    private static func isPlainSafe(_ value: String) -> Bool {
        if case .success = CalendarDate.parse(value) { return true }
        guard let first = value.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              !reservedWords.contains(value) else { return false }
        return value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._/".unicodeScalars.contains(scalar))
        }
    }

    private static func flowMapping(_ fields: [(String, String)], spaced: Bool) -> String {
        let inside = fields.map { "\($0.0): \(scalarText($0.1))" }.joined(separator: ", ")
        return spaced ? "{ \(inside) }" : "{\(inside)}"
    }

    /// A list item's lines, without line breaks.
    private static func blockItem(_ fields: [(String, String)], layout: ListLayout) -> [String] {
        guard case .block(let dash, let key, let keyOnDashLine) = layout else {
            return [String(repeating: " ", count: 2) + "- " + flowMapping(fields, spaced: false)]
        }
        var lines = fields.map { String(repeating: " ", count: key) + "\($0.0): \(scalarText($0.1))" }
        let dashText = String(repeating: " ", count: dash) + "-"
        if keyOnDashLine, !lines.isEmpty {
            lines[0] = dashText + String(repeating: " ", count: max(1, key - dash - 1)) + lines[0].dropFirst(key)
        } else {
            lines.insert(dashText, at: 0)
        }
        return lines
    }

    /// `fields` in the order of `keys` when they name the same keys.
    private static func ordered(_ fields: [(String, String)], like keys: [String]?) -> [(String, String)] {
        guard let keys, Set(keys) == Set(fields.map(\.0)), keys.count == fields.count else { return fields }
        return keys.compactMap { key in fields.first { $0.0 == key } }
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        default: return "a single value"
        }
    }
}
