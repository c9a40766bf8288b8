/// One record file, parsed: its id, where it is, its kind and its typed fields.
///
/// Fields that were absent or invalid are nil (or empty lists); the diagnostics
/// for them were reported when the file was parsed. A file whose front matter
/// could not be read still yields a record, so its id still counts for links
/// and duplicate ids.
public struct Record: Sendable, Equatable {
    /// The file name without `.md`.
    public var id: String
    /// Relative to the workspace root, `/`-separated.
    public var path: String
    /// As declared by `kind:`, or else implied by the folder; nil if neither.
    public var kind: RecordKind?
    public var title: Located<String>?
    public var tags: [Located<String>]
    public var details: Details
    public var sections: [BodySection]
    /// Where each top-level key was written.
    public var keyPositions: KeyPositions
    /// Top-level keys whose value was invalid and already reported; rules about
    /// those fields stay silent rather than report them a second time.
    public var invalidKeys: Set<String>

    /// Indirect, so that a record's fields of its kind are one shared box:
    /// the checker and its rules copy records thousands of times a run, and
    /// each copy retained every field of an experiment.
    public indirect enum Details: Sendable, Equatable {
        case improvement(ImprovementRecord)
        case experiment(ExperimentRecord)
        case constraint(ConstraintRecord)
        /// The front matter could not be read as fields of a known kind.
        case unreadable
    }

    public var improvement: ImprovementRecord? {
        if case .improvement(let record) = details { return record }
        return nil
    }

    public var experiment: ExperimentRecord? {
        if case .experiment(let record) = details { return record }
        return nil
    }

    public var constraint: ConstraintRecord? {
        if case .constraint(let record) = details { return record }
        return nil
    }

    /// The status as written, whatever the kind.
    public var status: Located<String>? {
        switch details {
        case .improvement(let record): return record.status.map { Located($0.value.rawValue, at: $0.position) }
        case .experiment(let record): return record.status.map { Located($0.value.rawValue, at: $0.position) }
        case .constraint(let record): return record.status.map { Located($0.value.rawValue, at: $0.position) }
        case .unreadable: return nil
        }
    }

    /// A record whose front matter could not be read: only its id, path and
    /// folder kind count.
    static func unreadable(path: String, kind: RecordKind?) -> Record {
        Record(id: RecordParser.id(forPath: path), path: path, kind: kind, title: nil, tags: [], details: .unreadable,
               sections: [], keyPositions: [:], invalidKeys: [])
    }

    /// A planned experiment or a proposed improvement: what is merely
    /// unfinished in it is a warning, so it can be committed and discussed.
    public var isDraft: Bool {
        switch details {
        case .experiment(let experiment): return experiment.status?.value == .planned
        case .improvement(let improvement): return improvement.status?.value == .proposed
        case .constraint, .unreadable: return false
        }
    }

    /// Every place the record names a team: an experiment's teams, an
    /// improvement's origin, each observation's team.
    public var teamReferences: [Located<String>] {
        switch details {
        case .improvement(let record): return record.origin.map { [$0] } ?? []
        case .experiment(let record): return record.teams
        case .constraint(let record): return record.observed.compactMap(\.team)
        case .unreadable: return []
        }
    }

    /// The teams a record belongs to, each once, in order.
    public var teams: [String] {
        // A record names a few teams: a linear search costs less than hashing them.
        var teams: [String] = []
        for reference in teamReferences where !teams.contains(reference.value) { teams.append(reference.value) }
        return teams
    }

    /// Every id the record refers to, with the kind that id must have.
    public var references: [(id: Located<String>, kind: RecordKind)] {
        switch details {
        case .improvement(let improvement):
            return improvement.constraints.map { ($0, .constraint) }
        case .experiment(let experiment):
            return (experiment.improvement.map { [($0, RecordKind.improvement)] } ?? [])
                + experiment.constraints.map { ($0, .constraint) }
        case .constraint, .unreadable:
            return []
        }
    }

    /// Whether this record refers to the record `id`.
    func links(to id: String) -> Bool {
        references.contains { $0.id.value == id }
    }

    /// Improvements first, then experiments, constraints, and records of unknown kind.
    var kindOrder: Int {
        kind.flatMap { RecordKind.allCases.firstIndex(of: $0) } ?? RecordKind.allCases.count
    }

    /// The body section with this title (compared without case), if present.
    public func section(_ title: String) -> BodySection? {
        sections.first { $0.title.caseInsensitiveEquals(title) }
    }

    /// Where a finding about the key `name` should point: the key if it was
    /// written, else the start of the file.
    public func position(ofKey name: String) -> SourcePosition {
        keyPositions[name] ?? .start
    }
}

public struct ImprovementRecord: Sendable, Equatable {
    public var status: Located<ImprovementStatus>?
    public var origin: Located<String>?
    public var level: Located<Level>?
    public var area: Located<String>?
    public var constraints: [Located<String>]
}

public struct ExperimentRecord: Sendable, Equatable {
    public var teams: [Located<String>]
    public var improvement: Located<String>?
    public var constraints: [Located<String>]
    public var hypothesis: Located<String>?
    public var signals: [Signal]
    public var status: Located<ExperimentStatus>?
    public var start: Located<CalendarDate>?
    public var reviewBy: Located<CalendarDate>?
    public var extensions: [Extension]
    public var rollback: Located<String>?
    public var outcome: Located<Outcome>?
    /// Why the outcome goes against what the signals show, when it does.
    public var outcomeReason: Located<String>?
    public var concluded: Located<CalendarDate>?

    /// Concluded with the outcome retained: the team kept the change.
    public var retains: Bool {
        status?.value == .concluded && outcome?.value == .retained
    }

    /// The date the experiment must be reviewed by: `review-by`, or the latest
    /// extension's `until` if that is later. Points at the value that set it.
    public var deadline: Located<CalendarDate>? {
        var latest = reviewBy
        for case let until? in extensions.map(\.until) where latest.map({ until.value > $0.value }) ?? true {
            latest = until
        }
        return latest
    }

    /// The extensions appended since `previous`: entries after the ones it
    /// had, and unlike each of them. An entry within its count that differs is
    /// an old extension edited in place, not a new one.
    public func extensions(appendedSince previous: ExperimentRecord) -> [Extension] {
        let existing = Set(previous.extensions.map(\.key))
        return extensions.dropFirst(previous.extensions.count).filter { !existing.contains($0.key) }
    }
}

public struct Signal: Sendable, Equatable {
    /// Its place in the YAML list, from 1, as messages number it.
    public var number: Int
    public var position: SourcePosition
    /// Keys whose value was invalid and already reported.
    public var invalidKeys: Set<String>
    public var metric: Located<String>?
    public var baseline: Located<String>?
    public var target: Located<String>?
    public var result: Located<String>?
}

public struct Extension: Sendable, Equatable {
    /// Its place in the YAML list, from 1.
    public var number: Int
    public var position: SourcePosition
    public var until: Located<CalendarDate>?
    public var reason: Located<String>?

    /// Its until and reason, to tell an appended entry from a copy of an existing one.
    var key: String {
        "\(until.map { "\($0.value)" } ?? "")|\(reason?.value ?? "")"
    }
}

public struct ConstraintRecord: Sendable, Equatable {
    public var status: Located<ConstraintStatus>?
    public var level: Located<Level>?
    public var observed: [Observation]
}

public struct Observation: Sendable, Equatable {
    public var position: SourcePosition
    public var date: Located<CalendarDate>?
    public var team: Located<String>?
    public var note: Located<String>?
}

extension StringProtocol {
    func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        lowercased() == other.lowercased()
    }
}

extension ConstraintRecord {
    /// Seen by two or more teams, or three or more times, within the
    /// `windowDays` before `today`.
    public func isRecurring(today: CalendarDate, windowDays: Int) -> Bool {
        let earliest = today.adding(days: -windowDays)
        let recent = observed.filter { observation in
            observation.date.map { $0.value >= earliest && $0.value <= today } ?? false
        }
        return Set(recent.compactMap(\.team?.value)).count >= 2 || recent.count >= 3
    }
}
