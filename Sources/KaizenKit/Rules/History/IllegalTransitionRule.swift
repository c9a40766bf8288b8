extension RuleDescriptor {
    static let illegalTransition = RuleDescriptor(
        name: "illegal-transition", severity: .error,
        summary: "A status went backwards or skipped a step (e.g. concluded → running, proposed → proven).",
        explanation: "A history rule: fires when a status goes backwards (concluded to running, proven to trialling) or skips a step (planned to concluded other than as discarded, proposed to proven).",
        howToFix: "Restore the earlier status and move through the steps in order; to run an experiment again, start a new one.")
}

/// Statuses record what happened, in order: an experiment runs before it
/// concludes, an improvement is trialled before it is proven. Going backwards
/// rewrites history; skipping claims evidence that was never gathered. Two
/// moves follow the evidence instead: an improvement some experiment retained
/// may go from proposed straight to proven (its status lagged), and one that
/// no experiment retained may go back from proven to trialling (the claim is
/// withdrawn, as unproven-claim advises). Constraints have no order: one
/// resolved can be seen again and reopened.
struct IllegalTransitionRule: HistoryRule {
    static let descriptor = RuleDescriptor.illegalTransition

    func check(_ changes: RecordChanges, context: RuleContext, findings: inout Findings) {
        for change in changes.changes {
            guard let before = change.before, let after = change.after,
                  let from = before.status?.value, let to = after.status, from != to.value,
                  let problem = Self.problem(from: from, to: to.value, before: before, after: after,
                                             retained: context.retainedImprovements.contains(after.id), today: context.today) else { continue }
            findings.add(after, at: to.position, "the status went from \(from) to \(to.value): \(problem)")
        }
    }

    /// Why the step is not allowed, or nil when it is.
    /// `retained`: some concluded experiment in the head version retained the improvement.
    /// `today`: an experiment set running with a start still ahead never ran,
    /// so it may go back to planned, as date-order advises.
    private static func problem(from: String, to: String, before: Record, after: Record, retained: Bool, today: CalendarDate) -> String? {
        switch (before.details, after.details) {
        case (.experiment(let earlier), .experiment(let experiment)):
            let order = ExperimentStatus.allCases.map(\.rawValue)
            guard let old = order.firstIndex(of: from), let new = order.firstIndex(of: to) else { return nil }
            if from == ExperimentStatus.running.rawValue, to == ExperimentStatus.planned.rawValue,
               let start = earlier.start?.value, start > today {
                return nil
            }
            if new < old {
                return "a concluded or running experiment cannot be reopened; start a new experiment to try again"
            }
            // Abandoning a plan before it ran is honest; claiming any other outcome without running is not.
            if new == old + 2, experiment.outcome?.value != .discarded {
                return "it never ran, so it cannot be concluded \(experiment.outcome.map { "as \($0.value)" } ?? "with an outcome"); set it running with a start date first, or conclude it as discarded if it was abandoned"
            }
            return nil
        case (.improvement, .improvement):
            let order = ImprovementStatus.allCases.map(\.rawValue)
            guard let old = order.firstIndex(of: from), let new = order.firstIndex(of: to) else { return nil }
            if to == ImprovementStatus.retired.rawValue { return nil }
            if from == ImprovementStatus.proven.rawValue, to == ImprovementStatus.trialling.rawValue, !retained { return nil }
            if from == ImprovementStatus.proposed.rawValue, to == ImprovementStatus.proven.rawValue, retained { return nil }
            if new < old {
                return "an improvement's status only moves forward (proposed → trialling → proven → retired); record new doubts in an experiment"
            }
            if new > old + 1 {
                return "an improvement is proven by trialling it: set it trialling and conclude an experiment that retains it first"
            }
            return nil
        default:
            return nil
        }
    }
}
