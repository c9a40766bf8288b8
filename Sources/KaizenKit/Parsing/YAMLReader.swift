import Yams

/// Composes front matter (or `kaizen.yml`) into a Yams node tree, turning every
/// failure into a diagnostic that points into the file.
struct YAMLReader {
    let path: String
    /// The file line holding the first line of the YAML text.
    let firstLine: Int

    /// A file may use this many aliases (`*name`) when it also defines anchors.
    /// Yams hashes every mapping key, so an alias key that expands into nested
    /// aliases costs time exponential in the nesting (measured: ×10 per level).
    /// With at most 8 aliases no node can expand to more than 18× the text.
    static let aliasLimit = RecordLimits.aliases

    /// The root node (nil for an empty document), or the diagnostic that stops
    /// the file from being read further.
    func compose(_ yaml: Substring) -> Result<Node?, Diagnostic> {
        if let diagnostic = aliasGuard(yaml) {
            return .failure(diagnostic)
        }
        let text = String(yaml)
        do {
            // The basic resolver and an explicit encoding: see YAMLNode.swift; and
            // Yams' default encoding reads (and, when set, prints) an environment variable.
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: text))
        } catch {
            return .failure(failure(.yamlSyntax, at: .start, "cannot read the YAML: \(error)"))
        }
    }

    /// Like `compose`, except that a duplicate key in a block mapping is
    /// reported and its repeat left out (the first value stands), so that one
    /// repeated key does not hide every other problem in the file. Returns the
    /// duplicates found, and the composed root or the diagnostic that stops it.
    func composeReportingDuplicates(_ yaml: Substring) -> (root: Result<Node?, Diagnostic>, duplicates: [Diagnostic]) {
        var text = yaml
        var duplicates: [Diagnostic] = []
        // Each pass removes one repeat; a file with more than this many is not worth reading further.
        for _ in 0..<Self.duplicateLimit {
            let result = compose(text)
            guard case .failure(let diagnostic) = result, diagnostic.rule == RuleDescriptor.duplicateKey.name,
                  let without = Self.removingEntry(at: diagnostic.position.line - firstLine, in: text) else {
                return (result, duplicates)
            }
            duplicates.append(diagnostic)
            text = without
        }
        return (compose(text), duplicates)
    }

    static let duplicateLimit = 16

    /// `text` with the block-mapping entry whose key starts line `index` (from
    /// 0) blanked out: that line and the lines of its value (indented deeper,
    /// or list items at the key's own column), each left empty so that every
    /// other line keeps its number. Nil when there is no such line.
    private static func removingEntry(at index: Int, in text: Substring) -> Substring? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.indices.contains(index) else { return nil }
        let indent = lines[index].prefix { $0 == " " }.count
        var end = index + 1
        while end < lines.count {
            let line = lines[end]
            let leading = line.prefix { $0 == " " }.count
            let content = line.dropFirst(leading).trimmingCharacters(in: .whitespaces)
            guard content.isEmpty || content.hasPrefix("#") || leading > indent || (leading == indent && content.hasPrefix("- ")) else { break }
            end += 1
        }
        for position in index..<end { lines[position] = "" }
        return Substring(lines.joined(separator: "\n"))
    }

    func position(of mark: Mark?) -> SourcePosition {
        guard let mark, mark.line > 0 else { return SourcePosition(line: firstLine, column: 1) }
        return SourcePosition(line: mark.line + firstLine - 1, column: max(1, mark.column))
    }

    private func failure(_ rule: RuleDescriptor, at position: SourcePosition, _ message: String) -> Diagnostic {
        Diagnostic(rule, path: path, at: position, message)
    }

    // MARK: - Alias guard

    /// Counts the places where an anchor (`&a`) or alias (`*a`) could begin. Both
    /// can only start a node, so they follow a line start, whitespace or one of
    /// `[{,:?-`, and a name follows them at once (not a space, a line break or
    /// one of `,[]{}`). Counting those places over-approximates the real ones
    /// and can never miss one, while `R & D` and `* bullet` are not counted.
    private func aliasGuard(_ yaml: Substring) -> Diagnostic? {
        // Without an '&' there is no anchor, so no alias can expand: most files end here.
        guard yaml.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var anchors = 0
        var aliases: [Int] = []
        var line = 1
        var before = UInt8(ascii: "\n")
        // An '&' or '*' in a place where a node can start, waiting to see whether a name follows.
        var pending: UInt8?
        for byte in yaml.utf8 {
            if let marker = pending, !Self.cannotStartName.contains(byte) {
                if marker == UInt8(ascii: "&") { anchors += 1 } else { aliases.append(line) }
            }
            pending = (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*")) && Self.canPrecedeNode.contains(before) ? byte : nil
            if byte == UInt8(ascii: "\n") { line += 1 }
            before = byte
        }
        guard anchors > 0, aliases.count > YAMLReader.aliasLimit else { return nil }
        let firstExcessLine = aliases[YAMLReader.aliasLimit] + firstLine - 1
        return failure(.yamlSyntax, at: SourcePosition(line: firstExcessLine, column: 1),
            "more than \(YAMLReader.aliasLimit) YAML aliases (*name): kaizen limits them so that a small file cannot expand into a huge one; write the values out instead")
    }

    private static let canPrecedeNode: Set<UInt8> = Set("\n\r \t[{,:?-".utf8)
    private static let cannotStartName: Set<UInt8> = Set("\n\r \t,[]{}".utf8)

    // MARK: - Error mapping

    private func diagnostic(for error: YamlError, in text: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                return failure(.yamlSyntax, at: position(of: mark),
                    "nested more than \(RecordLimits.nesting) levels deep: a record's fields nest at most three levels; flatten the value")
            }
            var message = problem
            if let context {
                message += " (\(context.text) at line \(position(of: context.mark).line))"
            }
            message += hint(forProblem: problem, context: context?.text, at: mark, in: text)
            return failure(.yamlSyntax, at: position(of: mark), message)
        case let .reader(problem, offset, value, _):
            let at = offset.map { position(ofCharacterOffset: $0, in: text) } ?? position(of: nil)
            let hex = String(value, radix: 16, uppercase: true)
            let character = value > 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))" : ""
            return failure(.yamlSyntax, at: at, "\(problem)\(character): remove it; most editors do not show it")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let first = position(of: context.mark)
            let repeated = repeatedKeyPosition(key, after: context.mark, in: text) ?? first
            let elsewhere = repeated == first ? "" : " (first at line \(first.line))"
            return failure(.duplicateKey, at: repeated,
                "duplicate key '\(key)'\(elsewhere): YAML would keep only one of the values; remove or merge the other")
        case .memory:
            return failure(.yamlSyntax, at: position(of: nil), "the YAML parser ran out of memory")
        default:
            return failure(.yamlSyntax, at: position(of: nil), "cannot read the YAML: \(error)")
        }
    }

    /// A short "what to do" for the libyaml problems people hit most.
    private func hint(forProblem problem: String, context: String?, at mark: Mark, in text: String) -> String {
        let line = LineCursor.lines(of: text).dropFirst(mark.line - 1).first.map(String.init) ?? ""
        let offending = line.unicodeScalars.dropFirst(max(0, mark.column - 1)).first
        if offending == "\t" || problem.contains("tab") {
            return ": YAML does not allow tabs for indentation; indent with spaces"
        }
        if context?.contains("quoted scalar") == true {
            return ": a quote is never closed; close it, or remove it"
        }
        if context?.contains("scanning an alias") == true || context?.contains("scanning an anchor") == true {
            return ": a value that starts with '*' or '&' must be quoted, e.g. title: \"*fast* reviews\""
        }
        if problem.contains("mapping values are not allowed") {
            let beforeColon = line.unicodeScalars.prefix(max(0, mark.column - 1))
            let key = String(String.UnicodeScalarView(beforeColon)).trimmingSpaces()
            if line.hasPrefix(" "), !key.isEmpty, !key.contains(" ") {
                return ": '\(key)' is indented more than the field above it; start it at the same column"
            }
            return ": a value that contains ': ' must be quoted, e.g. title: \"Ship: faster\""
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return ": check the indentation of this line against the lines above it"
        }
        if problem.contains("found undefined alias") {
            return ": a '*' at the start of a value must be quoted, e.g. title: \"*fast* reviews\""
        }
        if problem.contains("found character that cannot start any token") {
            return ": quote the value, e.g. title: \"@team review\""
        }
        return ""
    }

    /// The position of the `offset`-th character of `text`.
    private func position(ofCharacterOffset offset: Int, in text: String) -> SourcePosition {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line + firstLine - 1, column: column)
    }

    /// Yams reports a duplicate at its first occurrence. The repeat, which is
    /// the line to fix, is the next line of the same block mapping (same
    /// column) that starts with the same key; the mapping ends at the first
    /// non-blank, non-comment line indented less.
    private func repeatedKeyPosition(_ key: String, after mark: Mark, in text: String) -> SourcePosition? {
        let lines = LineCursor.lines(of: text)
        let indent = mark.column - 1
        var index = mark.line
        while index < lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            let content = line.dropFirst(leading)
            if !content.isEmpty, !content.hasPrefix("#") {
                if leading < indent { return nil }
                if leading == indent {
                    for form in [key, "\"\(key)\"", "'\(key)'"] where content.hasPrefix(form) {
                        let rest = content.dropFirst(form.count).drop { $0 == " " }
                        if rest.hasPrefix(":") {
                            return SourcePosition(line: index + firstLine, column: indent + 1)
                        }
                    }
                }
            }
            index += 1
        }
        return nil
    }
}
