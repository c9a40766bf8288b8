extension RuleDescriptor {
    static let deadlineMoved = RuleDescriptor(
        name: "deadline-moved", severity: .error,
        summary: "A running experiment's deadline moved later without a new extensions entry.",
        explanation: "A history rule: fires when a running experiment's deadline moves later without a new `extensions` entry, with a reason, that reaches the new date.",
        howToFix: "Put `review-by` back as it was and append an extension `{until, reason}` instead (`kaizen extend` writes one).")
}

/// Extending a time-box is legitimate; doing it silently is not. The only way
/// to give a running experiment more time is a new `extensions` entry that
/// says until when and why, so the record keeps how often it slipped.
struct DeadlineMovedRule: HistoryRule {
    static let descriptor = RuleDescriptor.deadlineMoved

    func check(_ changes: RecordChanges, context: RuleContext, findings: inout Findings) {
        for change in changes.changes {
            guard let (before, after, record) = change.experiments, before.status?.value == .running,
                  let was = before.deadline?.value, let deadline = after.deadline, deadline.value > was else { continue }
            if Self.hasNewExtension(reaching: deadline.value, before: before, after: after) { continue }
            if let new = after.extensions(appendedSince: before).first(where: { $0.until?.position == deadline.position }) {
                findings.add(record, at: deadline.position,
                    "extension \(new.number) moves the deadline from \(was) to \(deadline.value) without a reason: say under its reason why the experiment needs longer")
                continue
            }
            let what = after.extensions.contains { $0.until?.position == deadline.position }
                ? "an existing extension's until was moved from \(was) to \(deadline.value)"
                : "review-by moved from \(was) to \(deadline.value)"
            findings.add(record, at: deadline.position,
                "\(what) without a new extensions entry: put the old date back and add `- {until: \(deadline.value), reason: ...}` under extensions")
        }
    }

    /// Whether `after` appends an extension that reaches the new deadline and gives a reason.
    private static func hasNewExtension(reaching deadline: CalendarDate, before: ExperimentRecord, after: ExperimentRecord) -> Bool {
        after.extensions(appendedSince: before).contains { entry in
            guard let until = entry.until?.value else { return false }
            return until >= deadline && GoalpostsMovedRule.normalized(entry.reason?.value) != nil
        }
    }
}
