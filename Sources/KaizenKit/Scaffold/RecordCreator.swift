/// What `kaizen new` was asked for.
public struct NewRecordRequest: Sendable {
    public var kind: RecordKind
    public var title: String
    /// The file name stem; made from the title when nil.
    public var id: String?
    public var team: String?
    /// For experiments: the improvement being trialled.
    public var improvement: String?
    /// For improvements: what it improves.
    public var area: String?
    /// For improvements and constraints.
    public var level: Level?
    /// For constraints: what was seen.
    public var note: String?
    /// For experiments; defaults to 30 days from today (or the maximum duration, if shorter).
    public var reviewBy: CalendarDate?
    /// For improvements and experiments: the constraints it addresses.
    public var constraints: [String]
    public var today: CalendarDate

    public init(kind: RecordKind, title: String, id: String? = nil, team: String? = nil, improvement: String? = nil,
                area: String? = nil, level: Level? = nil, note: String? = nil, reviewBy: CalendarDate? = nil,
                constraints: [String] = [], today: CalendarDate) {
        self.kind = kind
        self.title = title
        self.id = id
        self.team = team
        self.improvement = improvement
        self.area = area
        self.level = level
        self.note = note
        self.reviewBy = reviewBy
        self.constraints = constraints
        self.today = today
    }
}

/// Creates a record from its template, refusing anything that would clash
/// with an existing record or file.
public struct RecordCreator: Sendable {
    public static let defaultExperimentDays = 30

    let workspace: Workspace
    /// Every record in the workspace, to keep ids unique and links valid.
    let records: [Record]

    public init(workspace: Workspace, records: [Record]) {
        self.workspace = workspace
        self.records = records
    }

    /// Writes the new record and returns its workspace-relative path.
    public func create(_ request: NewRecordRequest) throws -> String {
        let (path, text) = try render(request)
        try AtomicFile.create(at: workspace.url(for: path), contents: text)
        return path
    }

    /// The new record's workspace-relative path and text, not yet written.
    func render(_ request: NewRecordRequest) throws -> (path: String, text: String) {
        let title = request.title.trimmingSpaces()
        guard !title.isEmpty else { throw KaizenError.invalidArgument("the title is empty: give the record a one-line title") }
        guard !title.contains(where: \.isNewline) else {
            throw KaizenError.invalidArgument("the title spans several lines: a title is one line")
        }
        let id = try identifier(for: request, title: title)
        let path = "\(workspace.config.folders[request.kind]!)/\(id).md"
        let values = try templateValues(for: request, title: title)
        let template = try TemplateStore(workspace: workspace).template(for: request.kind)
        let text = TemplateRenderer(values: values).render(template)
        var constraints: [String] = []
        for id in request.constraints where !constraints.contains(id) {
            constraints.append(try linked(id, kind: .constraint))
        }
        return (path, constraints.isEmpty ? text : try Self.setting(constraints: constraints, in: text, kind: request.kind))
    }

    /// `text` listing `ids` under `constraints:`, whatever its template wrote
    /// there: a repository's templates, copied by `kaizen init`, may hold
    /// `constraints: []` or no such line, so no template variable would reach them.
    private static func setting(constraints ids: [String], in text: String, kind: RecordKind) throws -> String {
        do throws(FrontMatterEditor.Refusal) {
            var editor = try FrontMatterEditor(Array(text.utf8))
            try editor.setList("constraints", toTexts: ids, after: ["improvement", "teams", "area"])
            return String(decoding: try editor.edited().bytes, as: UTF8.self)
        } catch {
            throw KaizenError.invalidArgument(
                "cannot write the constraints into the \(kind.rawValue) template: \(error.reason); fix the template (\(TemplateStore.overrideFolder)/\(kind.rawValue).md)")
        }
    }

    private func identifier(for request: NewRecordRequest, title: String) throws -> String {
        let id = request.id ?? Slug.make(from: title)
        if request.id != nil, !Slug.isValid(id) {
            throw KaizenError.invalidArgument(
                "'\(id)' is not a valid id: use lowercase letters, digits and single hyphens, at most \(Slug.maximumLength) characters")
        }
        guard !id.isEmpty else {
            throw KaizenError.invalidArgument("cannot make a file name from the title '\(title)': pass --id with a lowercase slug")
        }
        guard RecordFiles.isRecordFile(named: "\(id).md") else {
            throw KaizenError.invalidArgument("'\(id).md' is the name of a folder's README, not a record: pass --id to choose another")
        }
        if let existing = records.first(where: { $0.id.lowercased() == id }) {
            throw KaizenError.invalidArgument(
                "the id '\(id)' is already used by \(existing.path): pass --id to choose another, or edit that record")
        }
        return id
    }

    private func templateValues(for request: NewRecordRequest, title: String) throws -> [String: String] {
        let config = workspace.config
        var values = [
            "title": YAMLText.quoted(title),
            "today": request.today.description,
            "team": try config.team(given: request.team),
            "level": (request.level ?? .team).rawValue,
        ]
        let maximum = config.maxExperimentDays
        values["review-by"] = (request.reviewBy ?? request.today.adding(days: min(Self.defaultExperimentDays, maximum))).description
        if let area = request.area {
            guard config.areas.contains(area) else {
                throw KaizenError.invalidArgument(
                    "unknown area '\(area)'\(Suggestion.clause(for: area, among: config.areas)); the areas are \(config.areas.joined(separator: ", "))")
            }
            values["area"] = area
        } else {
            values["area"] = YAMLText.quoted("<area>")
        }
        if let improvement = request.improvement {
            values["improvement"] = try linked(improvement, kind: .improvement)
        }
        if let note = request.note { values["note"] = YAMLText.quoted(note) }
        return values
    }

    /// `id`, when a record of `kind` has it; else throws, naming the closest id of that kind.
    private func linked(_ id: String, kind: RecordKind) throws -> String {
        let ids = records.filter { $0.kind == kind }.map(\.id)
        if ids.contains(id) { return id }
        let listing = "`kaizen list --kind \(kind.rawValue)`"
        if let other = records.first(where: { $0.id == id }) {
            let actual = other.kind.map(\.withArticle) ?? "not a record kaizen can read"
            throw KaizenError.invalidArgument("'\(id)' is \(actual), not \(kind.withArticle): \(listing) lists the \(kind.rawValue)s")
        }
        throw KaizenError.invalidArgument("no \(kind.rawValue) has the id '\(id)'\(Suggestion.clause(for: id, among: ids)): see \(listing)")
    }
}
