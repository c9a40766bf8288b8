extension RuleDescriptor {
    static let expiresSoon = RuleDescriptor(
        name: "expires-soon", severity: .warning,
        summary: "A running experiment reaches its review date within the notice period.",
        explanation: "Warns when a running experiment reaches its deadline within `expiry-notice-days` of kaizen.yml, 14 by default.",
        howToFix: "Plan its review: conclude it by the deadline, or append an extension `{until, reason}` if it needs longer.")
}

/// Warns while there is still time to plan the review.
struct ExpiresSoonRule: Rule {
    static let descriptor = RuleDescriptor.expiresSoon
    static let judgesEachRecordAlone = true

    func check(_ context: RuleContext, findings: inout Findings) {
        let notice = context.config.expiryNoticeDays
        for (record, experiment) in context.experiments where experiment.status?.value == .running {
            guard let deadline = experiment.deadline else { continue }
            let left = context.today.days(until: deadline.value)
            guard (0...notice).contains(left) else { continue }
            let when = left == 0 ? "today" : "in \(pluralized(left, "day")), on \(deadline.value)"
            findings.add(record, at: deadline.position,
                "the experiment expires \(when): plan its review, then conclude or extend it")
        }
    }
}
