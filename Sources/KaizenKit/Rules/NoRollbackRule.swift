extension RuleDescriptor {
    static let noRollback = RuleDescriptor(
        name: "no-rollback", severity: .error,
        summary: "An experiment does not say how to reverse it.",
        explanation: "Fires when an experiment does not say how to reverse it: no `rollback`, a template placeholder, or 'none' or 'n/a'.",
        howToFix: "Write in `rollback` the steps that return things to how they were if the experiment is discarded.")
}

/// An experiment is reversible by definition; the rollback says how.
struct NoRollbackRule: Rule {
    static let descriptor = RuleDescriptor.noRollback
    static let judgesEachRecordAlone = true

    /// Answers that say there is no plan.
    static let nonAnswers: Set<String> = ["none", "n/a", "na", "tbd", "todo", "-", "no", "nothing", "?", "unknown"]

    static let advice = "say how you will reverse the change if it does harm, e.g. 'switch the review-pairs flag off and go back to single reviews'"

    func check(_ context: RuleContext, findings: inout Findings) {
        for (record, experiment) in context.experiments where !record.invalidKeys.contains("rollback") {
            let text = experiment.rollback?.value.trimmingSpaces() ?? ""
            let position = experiment.rollback?.position ?? record.position(ofKey: "rollback")
            if text.isEmpty {
                findings.add(record, at: position, "no rollback: \(Self.advice)", unfinished: true)
            } else if let placeholder = Placeholder.first(in: text) {
                findings.add(record, at: position, "the rollback still holds the placeholder '\(placeholder)': \(Self.advice)", unfinished: true)
            } else if Self.nonAnswers.contains(text.lowercased()) {
                // "tbd" in a draft is a plan not yet made, like an empty field.
                findings.add(record, at: position, "'\(text)' is not a rollback plan: \(Self.advice)", unfinished: true)
            }
        }
    }
}
