/// Version 1 of `kaizen review --format json`, documented in the README.
/// Extend it only by adding keys. Absent values are left out.
struct ReviewJSON: Encodable {
    struct Revision: Encodable {
        var revision: String
        var commit: String
    }

    struct Summary: Encodable {
        var changed: Int
        var added: Int
        var started: Int
        var extended: Int
        var concluded: Int
        var outcomes: [String: Int]
        var deleted: Int
        var drafts: Int
        var moved: Int
        var observed: Int
        var renamed: Int
        var errors: Int
        var warnings: Int
    }

    struct RecordItem: Encodable {
        var id: String
        var path: String
        var kind: String?
        var title: String?
    }

    struct MovedItem: Encodable {
        var id: String
        var path: String
        var from: String
        var to: String
    }

    struct ObservationItem: Encodable {
        var date: String?
        var team: String?
        var note: String?
    }

    struct RenamedItem: Encodable {
        var id: String
        var formerID: String
        var path: String
        /// The records still linking to `formerID`.
        var linkedByFormerID: [String]
    }

    struct ObservedItem: Encodable {
        var id: String
        var path: String
        var observations: [ObservationItem]
    }

    struct DraftItem: Encodable {
        var id: String
        var path: String
        var kind: String?
        var title: String?
        /// How many findings are about text not written yet.
        var unfinished: Int
    }

    struct Started: Encodable {
        var id: String
        var path: String
        var title: String?
        var teams: [String]
        var hypothesis: String?
        var start: String?
        var reviewBy: String?
        var rollback: String?
    }

    struct ExtensionItem: Encodable {
        var until: String?
        var reason: String?
    }

    struct Extended: Encodable {
        var id: String
        var path: String
        var title: String?
        var from: String?
        var to: String?
        var extensions: [ExtensionItem]
    }

    struct SignalItem: Encodable {
        var metric: String?
        var baseline: String?
        var target: String?
        var result: String?
        var verdict: String
    }

    struct Concluded: Encodable {
        var id: String
        var path: String
        var title: String?
        var teams: [String]
        var hypothesis: String?
        var outcome: String?
        var outcomeReason: String?
        var concluded: String?
        var signals: [SignalItem]
        var learnings: String?
    }

    var version = 1
    var today: String
    var range: String
    var base: Revision
    var head: Revision
    var mergeBase: Bool
    var summary: Summary
    var added: [RecordItem]
    var started: [Started]
    var extended: [Extended]
    var concluded: [Concluded]
    var deleted: [RecordItem]
    var drafts: [DraftItem]
    var movedImprovements: [MovedItem]
    var observedConstraints: [ObservedItem]
    var renamed: [RenamedItem]
    var findings: [DiagnosticJSON]

    init(_ report: ReviewReport, today: CalendarDate, displayPath: (String) -> String) {
        func item(_ record: Record) -> RecordItem {
            RecordItem(id: record.id, path: displayPath(record.path), kind: record.kind?.rawValue, title: record.title?.value)
        }
        self.today = today.description
        range = report.range.description
        base = Revision(revision: report.range.base, commit: report.baseCommit.description)
        head = Revision(revision: report.range.head, commit: report.headCommit.description)
        mergeBase = report.range.usesMergeBase
        summary = Summary(
            changed: report.changedCount, added: report.added.count, started: report.started.count,
            extended: report.extended.count, concluded: report.concluded.count,
            outcomes: Dictionary(report.outcomes.map { ($0.outcome, $0.count) }, uniquingKeysWith: +),
            deleted: report.deleted.count, drafts: report.drafts.count, moved: report.movedImprovements.count,
            observed: report.observedConstraints.count, renamed: report.renamed.count, errors: report.findings.errorCount,
            warnings: report.findings.warningCount)
        added = report.added.map(item)
        deleted = report.deleted.map(item)
        movedImprovements = report.movedImprovements.map {
            MovedItem(id: $0.record.id, path: displayPath($0.record.path), from: $0.from.rawValue, to: $0.to.rawValue)
        }
        renamed = report.renamed.map {
            RenamedItem(id: $0.record.id, formerID: $0.formerID, path: displayPath($0.record.path), linkedByFormerID: $0.linkedByFormerID.map(\.id))
        }
        observedConstraints = report.observedConstraints.map { observed in
            ObservedItem(id: observed.record.id, path: displayPath(observed.record.path), observations: observed.newObservations.map {
                ObservationItem(date: $0.date.map { "\($0.value)" }, team: $0.team?.value, note: $0.note?.value)
            })
        }
        drafts = report.drafts.map { DraftItem(id: $0.record.id, path: displayPath($0.record.path), kind: $0.record.kind?.rawValue,
                                               title: $0.record.title?.value, unfinished: $0.unfinished) }
        started = report.started.map { started in
            let experiment = started.experiment
            return Started(id: started.record.id, path: displayPath(started.record.path), title: started.record.title?.value,
                           teams: started.record.teams, hypothesis: experiment.hypothesis?.value,
                           start: experiment.start.map { "\($0.value)" }, reviewBy: experiment.deadline.map { "\($0.value)" },
                           rollback: experiment.rollback?.value)
        }
        extended = report.extended.map { extended in
            Extended(id: extended.record.id, path: displayPath(extended.record.path), title: extended.record.title?.value,
                     from: extended.previousDeadline.map { "\($0)" }, to: extended.experiment.deadline.map { "\($0.value)" },
                     extensions: extended.newExtensions.map { ExtensionItem(until: $0.until.map { "\($0.value)" }, reason: $0.reason?.value) })
        }
        concluded = report.concluded.map { concluded in
            let experiment = concluded.experiment
            return Concluded(
                id: concluded.record.id, path: displayPath(concluded.record.path), title: concluded.record.title?.value,
                teams: concluded.record.teams, hypothesis: experiment.hypothesis?.value, outcome: experiment.outcome?.value.rawValue,
                outcomeReason: experiment.outcomeReason?.value, concluded: experiment.concluded.map { "\($0.value)" },
                signals: concluded.signals.map { signal, verdict in
                    SignalItem(metric: signal.metric?.value, baseline: signal.baseline?.value, target: signal.target?.value,
                               result: signal.result?.value, verdict: verdict.rawValue)
                },
                learnings: concluded.learnings)
        }
        findings = report.findings.diagnostics.map { DiagnosticJSON($0, displayPath: displayPath) }
    }
}
