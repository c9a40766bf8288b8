extension RuleDescriptor {
    static let expired = RuleDescriptor(
        name: "expired", severity: .error,
        summary: "A running experiment is past its review date (extensions included).",
        explanation: "Fires when a running experiment is past its deadline: its review date, or the last extension's `until`.",
        howToFix: "Conclude it (status, outcome, concluded date, a result for each signal, learnings), or append an extension `{until, reason}` saying why it needs longer.")
}

/// A time-box only protects anyone if it ends: a running experiment past its
/// deadline must be concluded or explicitly extended.
struct ExpiredRule: Rule {
    static let descriptor = RuleDescriptor.expired
    static let judgesEachRecordAlone = true

    func check(_ context: RuleContext, findings: inout Findings) {
        for (record, experiment) in context.experiments where experiment.status?.value == .running {
            guard let deadline = experiment.deadline else { continue }
            let overdue = deadline.value.days(until: context.today)
            guard overdue > 0 else { continue }
            findings.add(record, at: deadline.position,
                "the experiment expired on \(deadline.value), \(pluralized(overdue, "day")) ago: conclude it (status, outcome, learnings) or add an extension {until, reason}")
        }
    }
}
