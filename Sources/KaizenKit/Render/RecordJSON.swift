/// A record as `list --format json` and `show --format json` print it: the
/// front-matter fields under their front-matter names, plus derived values.
/// Version 1; extend only by adding keys.
struct RecordJSON: Encodable {
    struct SignalJSON: Encodable {
        var metric, baseline, target, result: String?
    }
    struct ExtensionJSON: Encodable {
        var until: CalendarDate?
        var reason: String?
    }
    struct ObservationJSON: Encodable {
        var date: CalendarDate?
        var team, note: String?
    }
    struct SectionJSON: Encodable {
        var title: String
        var line: Int
        var empty: Bool
    }

    var id: String
    var path: String
    var kind: RecordKind?
    var title: String?
    var status: String?
    var teams: [String]
    var tags: [String]?
    var origin: String?
    var level: String?
    var area: String?
    var constraints: [String]?
    var improvement: String?
    var hypothesis: String?
    var signals: [SignalJSON]?
    var start: CalendarDate?
    var reviewBy: CalendarDate?
    var deadline: CalendarDate?
    var extensions: [ExtensionJSON]?
    var rollback: String?
    var outcome: String?
    var outcomeReason: String?
    var concluded: CalendarDate?
    var observed: [ObservationJSON]?
    var recurring: Bool?
    var sections: [SectionJSON]?
    /// From git history: when the current status was committed, and days since.
    var statusSince: String?
    var daysInStatus: Int?

    enum CodingKeys: String, CodingKey {
        case id, path, kind, title, status, teams, tags, origin, level, area, constraints, improvement, hypothesis
        case signals, start, deadline, extensions, rollback, outcome, concluded, observed, recurring, sections
        case statusSince, daysInStatus
        case reviewBy = "review-by"
        case outcomeReason = "outcome-reason"
    }

    init(_ record: Record, config: KaizenConfig, today: CalendarDate, includeSections: Bool, history: WorkspaceHistory? = nil) {
        statusSince = history?.statusSince(ofRecordAt: record.path, currentStatus: record.status?.value)?.iso8601
        daysInStatus = history?.daysInStatus(ofRecordAt: record.path, currentStatus: record.status?.value, today: today)
        id = record.id
        path = record.path
        kind = record.kind
        title = record.title?.value
        status = record.status?.value
        teams = record.teams
        tags = record.tags.isEmpty ? nil : record.tags.map(\.value)
        switch record.details {
        case .improvement(let improvement):
            origin = improvement.origin?.value
            level = improvement.level?.value.rawValue
            area = improvement.area?.value
            constraints = improvement.constraints.map(\.value)
        case .experiment(let experiment):
            improvement = experiment.improvement?.value
            constraints = experiment.constraints.map(\.value)
            hypothesis = experiment.hypothesis?.value
            signals = experiment.signals.map {
                SignalJSON(metric: $0.metric?.value, baseline: $0.baseline?.value, target: $0.target?.value, result: $0.result?.value)
            }
            start = experiment.start?.value
            reviewBy = experiment.reviewBy?.value
            deadline = experiment.deadline?.value
            extensions = experiment.extensions.map { ExtensionJSON(until: $0.until?.value, reason: $0.reason?.value) }
            rollback = experiment.rollback?.value
            outcome = experiment.outcome?.value.rawValue
            outcomeReason = experiment.outcomeReason?.value
            concluded = experiment.concluded?.value
        case .constraint(let constraint):
            level = constraint.level?.value.rawValue
            observed = constraint.observed.map {
                ObservationJSON(date: $0.date?.value, team: $0.team?.value, note: $0.note?.value)
            }
            recurring = constraint.isRecurring(today: today, windowDays: config.reviewWindowDays)
        case .unreadable:
            break
        }
        if includeSections {
            sections = record.sections.map { SectionJSON(title: $0.title, line: $0.position.line, empty: !$0.hasContent) }
        }
    }
}
