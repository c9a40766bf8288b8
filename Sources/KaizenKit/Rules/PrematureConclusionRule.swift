extension RuleDescriptor {
    static let prematureConclusion = RuleDescriptor(
        name: "premature-conclusion", severity: .error,
        summary: "An experiment that is not concluded already has an outcome, an outcome-reason or a conclusion date.",
        explanation: "Fires on a planned or running experiment that carries 'outcome', 'outcome-reason' or 'concluded': the fields of a conclusion on a record whose status says it has not ended. The report, review and the site would otherwise disagree about whether it ended.",
        howToFix: "If the experiment has ended, conclude it (kaizen conclude ID --outcome ...), which sets the status too; if it has not, remove the conclusion's fields until it does.")
}

/// A status and the fields that belong to it agree: an outcome is the end
/// of an experiment, so one that has not ended has none.
struct PrematureConclusionRule: Rule {
    static let descriptor = RuleDescriptor.prematureConclusion
    static let judgesEachRecordAlone = true
    static let reportsOnKind: RecordKind? = .experiment

    func check(_ context: RuleContext, findings: inout Findings) {
        for (record, experiment) in context.experiments {
            guard let status = experiment.status?.value, status != .concluded else { continue }
            // An empty key, left as a reminder, concludes nothing.
            let reason = experiment.outcomeReason.flatMap { $0.value.trimmingSpaces().isEmpty ? nil : $0.position }
            let set: [(String, SourcePosition?)] = [
                ("outcome", experiment.outcome?.position), ("outcome-reason", reason), ("concluded", experiment.concluded?.position),
            ]
            for case let (key, position?) in set {
                findings.add(record, at: position,
                    "'\(key)' is set, but the experiment is \(status.rawValue): conclude it (`kaizen conclude \(record.id) --outcome ...`) if it has ended, or remove '\(key)' until it does")
            }
        }
    }
}
