/// What a front-matter field may hold.
indirect enum FieldType: Sendable {
    /// `kind:`, read before the rest to pick the schema.
    case kind
    case text
    case date
    case choice([String])
    /// A choice among the built-in areas and those `kaizen.yml` adds.
    case area
    case team
    /// A non-empty list of team ids.
    case teams
    case reference(RecordKind)
    case references(RecordKind)
    /// A list of free words.
    case words
    /// A list of mappings, each read with `EntrySchema`.
    case entries(EntrySchema)
}

/// When a field must be present.
enum Requirement: Sendable, Equatable {
    case optional
    case always
    /// Required once the record's status is one of these.
    case whenStatus([String])
}

struct FieldSpec: Sendable {
    let name: String
    let type: FieldType
    let requirement: Requirement
    /// The rule that reports this field's absence in its own words (for
    /// example `no-rollback`); nil means `missing-field` reports it.
    let absenceRule: RuleDescriptor?
    /// What the field means, as a sentence, for the JSON Schema.
    let summary: String
    /// How the field is written, for messages about lists: "teams: [payments]".
    let example: String?

    init(_ name: String, _ type: FieldType, _ requirement: Requirement, absenceRule: RuleDescriptor? = nil,
         example: String? = nil, _ summary: String) {
        self.name = name
        self.type = type
        self.requirement = requirement
        self.absenceRule = absenceRule
        self.example = example
        self.summary = summary
    }

    /// The summary as a clause inside a message: "one line that names it".
    var summaryClause: String {
        var clause = summary.hasSuffix(".") ? String(summary.dropLast()) : summary
        if let first = clause.first, first.isUppercase, clause.dropFirst().first?.isLowercase == true {
            clause = first.lowercased() + clause.dropFirst()
        }
        return clause
    }
}

/// The fields of one entry in a list of mappings, such as a signal.
struct EntrySchema: Sendable {
    /// What one entry is called in messages: "signal".
    let noun: String
    let fields: [FieldSpec]
}

/// The front-matter fields of each kind of record, as DESIGN.md defines them.
/// Decoding, the required-field check and `kaizen schema` all read this table.
enum RecordSchema {
    static func fields(for kind: RecordKind) -> [FieldSpec] {
        switch kind {
        case .improvement: return improvement
        case .experiment: return experiment
        case .constraint: return constraint
        }
    }

    static let kindField = FieldSpec("kind", .kind, .always, "The kind of record: improvement, experiment or constraint.")
    static let titleField = FieldSpec("title", .text, .always, "One line that names it.")
    static let tagsField = FieldSpec("tags", .words, .optional, example: "tags: [reviews, ci]", "Free words that help people find it.")

    static let improvement: [FieldSpec] = [
        kindField,
        titleField,
        FieldSpec("status", .choice(ImprovementStatus.allCases.map(\.rawValue)), .always,
                  "proposed → trialling → proven → retired."),
        FieldSpec("origin", .team, .always, "The team that first developed it (a team id from kaizen.yml)."),
        FieldSpec("level", .choice(Level.allCases.map(\.rawValue)), .always,
                  "Where it changes how work is done: team, cross-team or system."),
        FieldSpec("area", .area, .always, "What it improves."),
        FieldSpec("constraints", .references(.constraint), .optional, example: "constraints: [shared-staging-queue]",
                  "Ids of the constraints it addresses."),
        tagsField,
    ]

    static let signal = EntrySchema(noun: "signal", fields: [
        FieldSpec("metric", .text, .always, "What will be observed, e.g. 'lead time (days)'."),
        FieldSpec("baseline", .text, .always, "Its value before the change."),
        FieldSpec("target", .text, .always, "The value that would confirm the hypothesis."),
        FieldSpec("result", .text, .whenStatus([ExperimentStatus.concluded.rawValue]),
                  absenceRule: .conclusionIncomplete, "The value observed when the experiment concluded."),
    ])

    static let extensionEntry = EntrySchema(noun: "extension", fields: [
        FieldSpec("until", .date, .always, "The new review date (YYYY-MM-DD)."),
        FieldSpec("reason", .text, .always, "Why the experiment needs longer."),
    ])

    static let experiment: [FieldSpec] = [
        kindField,
        titleField,
        FieldSpec("teams", .teams, .always, example: "teams: [payments]",
                  "Ids of the teams running it; several teams run it together."),
        FieldSpec("improvement", .reference(.improvement), .optional, "Id of the improvement being trialled."),
        FieldSpec("constraints", .references(.constraint), .optional, example: "constraints: [shared-staging-queue]",
                  "Ids of the constraints it targets."),
        FieldSpec("hypothesis", .text, .always, absenceRule: .hypothesisForm,
                  "\"If we <change>, we expect <measurable effect>.\""),
        FieldSpec("signals", .entries(signal), .always, absenceRule: .noSignals,
                  "What will be observed: a list of {metric, baseline, target, result}."),
        FieldSpec("status", .choice(ExperimentStatus.allCases.map(\.rawValue)), .always,
                  "planned → running → concluded."),
        FieldSpec("start", .date, .whenStatus([ExperimentStatus.running.rawValue, ExperimentStatus.concluded.rawValue]),
                  "The date it started (YYYY-MM-DD)."),
        FieldSpec("review-by", .date, .always, "The date it expires and must be reviewed (YYYY-MM-DD)."),
        FieldSpec("extensions", .entries(extensionEntry), .optional,
                  "The only legitimate way to move review-by: a list of {until, reason}."),
        FieldSpec("rollback", .text, .always, absenceRule: .noRollback, "How to reverse the change."),
        FieldSpec("outcome", .choice(Outcome.allCases.map(\.rawValue)), .whenStatus([ExperimentStatus.concluded.rawValue]),
                  absenceRule: .conclusionIncomplete, "retained, discarded or inconclusive."),
        FieldSpec("outcome-reason", .text, .optional,
                  "Why the outcome goes against the signals: retained though no target was met, or discarded though every one was."),
        FieldSpec("concluded", .date, .whenStatus([ExperimentStatus.concluded.rawValue]),
                  absenceRule: .conclusionIncomplete, "The date it concluded (YYYY-MM-DD)."),
        tagsField,
    ]

    static let observation = EntrySchema(noun: "observation", fields: [
        FieldSpec("date", .date, .always, "When it was seen (YYYY-MM-DD)."),
        FieldSpec("team", .team, .always, "The team that saw it."),
        FieldSpec("note", .text, .optional, "What was seen."),
    ])

    static let constraint: [FieldSpec] = [
        kindField,
        titleField,
        FieldSpec("status", .choice(ConstraintStatus.allCases.map(\.rawValue)), .always, "open, easing or resolved."),
        FieldSpec("level", .choice(Level.allCases.map(\.rawValue)), .always,
                  "Where it sits: team, cross-team or system."),
        FieldSpec("observed", .entries(observation), .always,
                  "Each time it was seen: a list of {date, team, note}."),
        tagsField,
    ]
}
