extension RuleDescriptor {
    static let recordDeleted = RuleDescriptor(
        name: "record-deleted", severity: .error,
        summary: "A record was deleted; its learning must be kept (conclude, retire or resolve it instead).",
        explanation: "A history rule: fires when a record is deleted, so what it taught would vanish from the repository. Moving or renaming a file is not a deletion.",
        howToFix: "Restore the file, then conclude the experiment (as discarded if it never ran), retire the improvement or resolve the constraint instead.")
}

/// A failed experiment teaches as much as a successful one, and only if it
/// stays findable. Records end by a status, never by deletion.
struct RecordDeletedRule: HistoryRule {
    static let descriptor = RuleDescriptor.recordDeleted

    func check(_ changes: RecordChanges, context: RuleContext, findings: inout Findings) {
        for change in changes.changes where change.after == nil {
            guard let record = change.before else { continue }
            let instead: String
            switch record.kind {
            case .experiment: instead = "set status: concluded with outcome: discarded and say why in Learnings"
            case .improvement: instead = "set status: retired and say why in its Summary"
            case .constraint: instead = "set status: resolved"
            case nil: instead = "keep the file"
            }
            findings.add(record, at: .start,
                "the record '\(record.id)' was deleted, and with it what it taught: restore it (`git checkout` it back) and \(instead)")
        }
    }
}
