/// How the parse cache stores a parsed record: every field of every kind, so
/// that a record read back equals the one the parser made, diagnostics and all.
/// Choices are stored as the text they were written as; a value the current
/// types do not know makes the file unreadable, as a damaged one is.
extension BinaryWriter {
    mutating func parsedRecord(_ parsed: ParsedRecord) {
        record(parsed.record)
        array(parsed.diagnostics) { $0.diagnostic($1) }
    }

    private mutating func record(_ record: Record) {
        string(record.id)
        string(record.path)
        optional(record.kind) { $0.choice($1) }
        optional(record.title) { $0.text($1) }
        array(record.tags) { $0.text($1) }
        switch record.details {
        case .improvement(let improvement):
            integer(0)
            optional(improvement.status) { $0.located($1) }
            optional(improvement.origin) { $0.text($1) }
            optional(improvement.level) { $0.located($1) }
            optional(improvement.area) { $0.text($1) }
            array(improvement.constraints) { $0.text($1) }
        case .experiment(let experiment):
            integer(1)
            array(experiment.teams) { $0.text($1) }
            optional(experiment.improvement) { $0.text($1) }
            array(experiment.constraints) { $0.text($1) }
            optional(experiment.hypothesis) { $0.text($1) }
            array(experiment.signals) { $0.signal($1) }
            optional(experiment.status) { $0.located($1) }
            optional(experiment.start) { $0.date($1) }
            optional(experiment.reviewBy) { $0.date($1) }
            array(experiment.extensions) { $0.extension($1) }
            optional(experiment.rollback) { $0.text($1) }
            optional(experiment.outcome) { $0.located($1) }
            optional(experiment.outcomeReason) { $0.text($1) }
            optional(experiment.concluded) { $0.date($1) }
        case .constraint(let constraint):
            integer(2)
            optional(constraint.status) { $0.located($1) }
            optional(constraint.level) { $0.located($1) }
            array(constraint.observed) { $0.observation($1) }
        case .unreadable:
            integer(3)
        }
        array(record.sections) { $0.section($1) }
        // Sorted by key, as they are kept, so the same record always makes the same bytes.
        array(record.keyPositions.entries) { writer, entry in
            writer.string(entry.key)
            writer.position(entry.position)
        }
        keys(record.invalidKeys)
    }

    private mutating func signal(_ signal: Signal) {
        integer(signal.number)
        position(signal.position)
        keys(signal.invalidKeys)
        optional(signal.metric) { $0.text($1) }
        optional(signal.baseline) { $0.text($1) }
        optional(signal.target) { $0.text($1) }
        optional(signal.result) { $0.text($1) }
    }

    private mutating func `extension`(_ extension: Extension) {
        integer(`extension`.number)
        position(`extension`.position)
        optional(`extension`.until) { $0.date($1) }
        optional(`extension`.reason) { $0.text($1) }
    }

    private mutating func observation(_ observation: Observation) {
        position(observation.position)
        optional(observation.date) { $0.date($1) }
        optional(observation.team) { $0.text($1) }
        optional(observation.note) { $0.text($1) }
    }

    private mutating func section(_ section: BodySection) {
        string(section.title)
        position(section.position)
        bool(section.hasContent)
        bool(section.hasGuidanceComment)
        string(section.text)
        array(section.entryDates) { $0.integer($1.dayNumber) }
    }

    private mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.path)
        position(diagnostic.position)
        choice(diagnostic.severity)
        string(diagnostic.rule)
        string(diagnostic.message)
        integer(diagnostic.unfinished ? 1 : 0)
    }

    private mutating func keys(_ keys: Set<String>) {
        array(keys.sorted()) { $0.string($1) }
    }

    private mutating func position(_ position: SourcePosition) {
        integer(position.line)
        integer(position.column)
    }

    private mutating func choice<Value: RawRepresentable>(_ value: Value) where Value.RawValue == String {
        string(value.rawValue)
    }

    private mutating func text(_ text: Located<String>) {
        string(text.value)
        position(text.position)
    }

    private mutating func located<Value: RawRepresentable>(_ located: Located<Value>) where Value.RawValue == String {
        choice(located.value)
        position(located.position)
    }

    private mutating func date(_ date: Located<CalendarDate>) {
        integer(date.value.year)
        integer(date.value.month)
        integer(date.value.day)
        position(date.position)
    }
}

extension BinaryReader {
    mutating func parsedRecord() throws -> ParsedRecord {
        ParsedRecord(record: try record(), diagnostics: try array { try $0.diagnostic() })
    }

    // Swift evaluates arguments left to right, so each initialiser below reads
    // its fields in the order the writer wrote them.

    mutating func record() throws -> Record {
        Record(id: try string(), path: try string(), kind: try optional { try $0.choice() },
               title: try optional { try $0.text() }, tags: try array { try $0.text() }, details: try details(),
               sections: try array { try $0.section() },
               keyPositions: try keyPositions(), invalidKeys: try keys())
    }

    private mutating func details() throws -> Record.Details {
        switch try integer() {
        case 0:
            return .improvement(ImprovementRecord(
                status: try optional { try $0.located() }, origin: try optional { try $0.text() },
                level: try optional { try $0.located() }, area: try optional { try $0.text() },
                constraints: try array { try $0.text() }))
        case 1:
            return .experiment(ExperimentRecord(
                teams: try array { try $0.text() }, improvement: try optional { try $0.text() },
                constraints: try array { try $0.text() }, hypothesis: try optional { try $0.text() },
                signals: try array { try $0.signal() }, status: try optional { try $0.located() },
                start: try optional { try $0.date() }, reviewBy: try optional { try $0.date() },
                extensions: try array { try $0.extension() }, rollback: try optional { try $0.text() },
                outcome: try optional { try $0.located() }, outcomeReason: try optional { try $0.text() },
                concluded: try optional { try $0.date() }))
        case 2:
            return .constraint(ConstraintRecord(
                status: try optional { try $0.located() }, level: try optional { try $0.located() },
                observed: try array { try $0.observation() }))
        case 3:
            return .unreadable
        default:
            throw Malformed()
        }
    }

    private mutating func keyPositions() throws -> KeyPositions {
        let entries = try array { KeyPositions.Entry(key: try $0.string(), position: try $0.position()) }
        guard let positions = KeyPositions(sorted: entries) else { throw Malformed() }
        return positions
    }

    private mutating func signal() throws -> Signal {
        Signal(number: try int(), position: try position(), invalidKeys: try keys(),
               metric: try optional { try $0.text() }, baseline: try optional { try $0.text() },
               target: try optional { try $0.text() }, result: try optional { try $0.text() })
    }

    private mutating func `extension`() throws -> Extension {
        Extension(number: try int(), position: try position(), until: try optional { try $0.date() },
                  reason: try optional { try $0.text() })
    }

    private mutating func observation() throws -> Observation {
        Observation(position: try position(), date: try optional { try $0.date() }, team: try optional { try $0.text() },
                    note: try optional { try $0.text() })
    }

    private mutating func section() throws -> BodySection {
        BodySection(title: try string(), position: try position(), hasContent: try bool(),
                    hasGuidanceComment: try bool(), text: try string(),
                    entryDates: try array { reader in
                        // Years 0 to 9999, as records write them; anything else is damage.
                        let day = try reader.int()
                        guard (-719_528...2_932_896).contains(day) else { throw Malformed() }
                        return CalendarDate(dayNumber: day)
                    })
    }

    private mutating func diagnostic() throws -> Diagnostic {
        Diagnostic(path: try string(), position: try position(), severity: try choice(), rule: try string(),
                   message: try string(), unfinished: try integer() == 1)
    }

    private mutating func keys() throws -> Set<String> {
        Set(try array { try $0.string() })
    }

    private mutating func position() throws -> SourcePosition {
        SourcePosition(line: try int(), column: try int())
    }

    private mutating func choice<Value: RawRepresentable>() throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else { throw Malformed() }
        return value
    }

    private mutating func text() throws -> Located<String> {
        Located(try string(), at: try position())
    }

    private mutating func located<Value: RawRepresentable>() throws -> Located<Value> where Value.RawValue == String {
        Located(try choice(), at: try position())
    }

    private mutating func date() throws -> Located<CalendarDate> {
        guard let date = CalendarDate(year: try int(), month: try int(), day: try int()) else { throw Malformed() }
        return Located(date, at: try position())
    }
}
