import Yams

/// A parsed record file and what was wrong with it. Equatable, so that a parse
/// read back from the parse cache can be compared with a fresh one.
public struct ParsedRecord: Sendable, Equatable {
    public var record: Record
    public var diagnostics: [Diagnostic]
}

/// Parses one record file: text → front matter → typed fields → body sections.
/// Never fails: whatever is wrong becomes a diagnostic with a line and column.
public struct RecordParser: Sendable {
    /// Areas and folders come from here.
    public let config: KaizenConfig

    public init(config: KaizenConfig = KaizenConfig()) {
        self.config = config
    }

    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the file's path relative to the workspace root; its stem is the id.
    ///   - folderKind: the kind the file's folder holds, if it is in one.
    public func parse(_ bytes: [UInt8], path: String, folderKind: RecordKind?) -> ParsedRecord {
        if bytes.count > RecordLimits.fileBytes { return tooLarge(size: bytes.count, path: path, folderKind: folderKind) }
        var collector = Self.collector(path: path)
        var record = Record.unreadable(path: path, kind: folderKind)
        let text: String
        switch DecodedText.decode(bytes) {
        case .success(let decoded):
            text = decoded
        case .failure(let invalid):
            collector.report(.invalidEncoding, at: invalid.position, invalid.message)
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        }

        let split: FrontMatterSplitter.Split
        switch FrontMatterSplitter.split(text) {
        case .success(let value):
            split = value
        case .failure(.missing):
            collector.report(.frontMatter, at: .start,
                "missing front matter: a record starts with a line '---', then its fields (kind, title, status, …), then a line '---'")
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        case .failure(.notAtTop(let line)):
            collector.report(.frontMatter, at: SourcePosition(line: line, column: 1),
                "front matter must start on line 1, not line \(line): remove everything above this '---', blank lines included")
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        case .failure(.unterminated):
            collector.report(.frontMatter, at: .start,
                "front matter opened here is never closed: add a line '---' after the last field")
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        }

        record.sections = MarkdownDocument(split.body).sections(firstLine: split.bodyFirstLine)
        if let found = ControlCharacters.first(in: split.body, firstLine: split.bodyFirstLine) {
            collector.report(.controlCharacter, at: found.position, found.message)
        }

        if split.yaml.utf8.count > RecordLimits.frontMatterBytes {
            collector.report(.frontMatter, at: .start, RecordLimits.frontMatterTooLarge(size: split.yaml.utf8.count))
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        }
        let reader = YAMLReader(path: path, firstLine: split.yamlFirstLine)
        let root: Node?
        let composed = reader.composeReportingDuplicates(split.yaml)
        collector.append(contentsOf: composed.duplicates)
        switch composed.root {
        case .success(let node):
            root = node
        case .failure(let diagnostic):
            collector.append(contentsOf: [diagnostic])
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        }
        guard let root, !root.isNull else {
            let fields = (folderKind.map(RecordSchema.fields(for:)) ?? [RecordSchema.kindField, RecordSchema.titleField])
                .filter { $0.requirement == .always }.map(\.name).joined(separator: ", ")
            collector.report(.frontMatter, at: .start, "front matter is empty: add the record's fields (\(fields))")
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        }
        guard let mapping = root.mapping else {
            collector.report(.frontMatter, at: reader.position(of: root.mark),
                "front matter must be fields written as 'key: value', not \(root.sequence != nil ? "a list" : "a single value")")
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        }

        guard let kind = resolveKind(mapping, folderKind: folderKind, reader: reader, into: &collector) else {
            return ParsedRecord(record: record, diagnostics: collector.diagnostics)
        }
        record.kind = kind
        let decoder = FieldDecoder(reader: reader, areas: config.areas)
        let fields = decoder.decode(mapping, fields: RecordSchema.fields(for: kind), into: &collector)
        record.keyPositions = fields.keyPositions
        record.invalidKeys = fields.invalidKeys
        record.title = fields.text("title")
        record.tags = fields.list("tags")
        record.details = Self.details(kind, from: fields)
        return ParsedRecord(record: record, diagnostics: collector.diagnostics)
    }

    /// A file of `size` bytes, over `RecordLimits.fileBytes`, which is not
    /// read: the record is unreadable, and the diagnostic says why.
    func tooLarge(size: Int, path: String, folderKind: RecordKind?) -> ParsedRecord {
        var collector = Self.collector(path: path)
        collector.report(.unreadableFile, at: .start, RecordLimits.fileTooLarge(size: size))
        return ParsedRecord(record: .unreadable(path: path, kind: folderKind), diagnostics: collector.diagnostics)
    }

    /// A collector for the file at `path`, holding what its name alone tells.
    private static func collector(path: String) -> DiagnosticCollector {
        var collector = DiagnosticCollector(path: path)
        let id = id(forPath: path)
        if !Slug.isValid(id) {
            let better = Slug.make(from: id)
            let rename = better.isEmpty ? "rename the file" : "rename the file to \(better).md"
            collector.report(.invalidID, at: .start,
                "the id '\(VisibleText.escaping(id))' (the file name) is not a lowercase slug of letters, digits and single hyphens, at most \(Slug.maximumLength) characters: \(rename)")
        }
        return collector
    }

    /// The file name without its folder and `.md`.
    public static func id(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The declared kind, else the folder's; reports a missing, unknown or
    /// misplaced kind. Nil when neither says what the record is.
    private func resolveKind(_ mapping: Node.Mapping, folderKind: RecordKind?, reader: YAMLReader,
                             into collector: inout DiagnosticCollector) -> RecordKind? {
        let kinds = RecordKind.allCases.map(\.rawValue)
        let folderNote = folderKind.map { "; this folder holds \($0.rawValue)s" } ?? ""
        let entry = mapping.first { $0.key.scalar?.string == "kind" }
        guard let node = entry?.value, !node.isNull else {
            let at = entry.map { reader.position(of: $0.key.mark) } ?? .start
            collector.report(.missingField, at: at, "missing 'kind': one of \(kinds.joined(separator: ", "))\(folderNote)")
            return folderKind
        }
        let position = reader.position(of: node.mark)
        guard let text = node.scalar?.string else {
            collector.report(.wrongType, at: position,
                "'kind' must be one word, not \(node.sequence != nil ? "a list" : "a mapping"): one of \(kinds.joined(separator: ", "))\(folderNote)")
            return folderKind
        }
        guard let kind = RecordKind(rawValue: text) else {
            collector.report(.invalidValue, at: position,
                "'kind' cannot be '\(text)'\(Suggestion.clause(for: text, among: kinds)); it is one of \(kinds.joined(separator: ", "))\(folderNote)")
            return folderKind
        }
        if let folderKind, folderKind != kind {
            collector.report(.misplacedRecord, at: position,
                "\(kind.withArticle) in \(config.folders[folderKind]!)/, the folder for \(folderKind.rawValue)s: move it to \(config.folders[kind]!)/, or correct 'kind'")
        }
        return kind
    }

    private static func details(_ kind: RecordKind, from fields: DecodedFields) -> Record.Details {
        switch kind {
        case .improvement:
            return .improvement(ImprovementRecord(
                status: fields.choice("status", as: ImprovementStatus.self),
                origin: fields.text("origin"),
                level: fields.choice("level", as: Level.self),
                area: fields.text("area"),
                constraints: fields.list("constraints")))
        case .experiment:
            return .experiment(ExperimentRecord(
                teams: fields.list("teams"),
                improvement: fields.text("improvement"),
                constraints: fields.list("constraints"),
                hypothesis: fields.text("hypothesis"),
                signals: fields.entries("signals").map { entry in
                    Signal(number: entry.number, position: entry.position, invalidKeys: entry.invalidKeys,
                           metric: entry.text("metric"), baseline: entry.text("baseline"),
                           target: entry.text("target"), result: entry.text("result"))
                },
                status: fields.choice("status", as: ExperimentStatus.self),
                start: fields.date("start"),
                reviewBy: fields.date("review-by"),
                extensions: fields.entries("extensions").map { entry in
                    Extension(number: entry.number, position: entry.position, until: entry.date("until"),
                              reason: entry.text("reason"))
                },
                rollback: fields.text("rollback"),
                outcome: fields.choice("outcome", as: Outcome.self),
                outcomeReason: fields.text("outcome-reason"),
                concluded: fields.date("concluded")))
        case .constraint:
            return .constraint(ConstraintRecord(
                status: fields.choice("status", as: ConstraintStatus.self),
                level: fields.choice("level", as: Level.self),
                observed: fields.entries("observed").map { entry in
                    Observation(position: entry.position, date: entry.date("date"), team: entry.text("team"),
                                note: entry.text("note"))
                }))
        }
    }
}
