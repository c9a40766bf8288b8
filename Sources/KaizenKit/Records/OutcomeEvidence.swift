/// How a concluded experiment's outcome goes against what its signals show,
/// when it does and no `outcome-reason` explains it.
public enum OutcomeContradiction: Sendable, Equatable {
    /// Retained, though no signal met its target: `judged` are the signals
    /// whose results could be compared with their targets (none, when
    /// `judged` is empty: then `signals` are all the experiment has).
    case retainedWithoutMetTarget(judged: [Signal], signals: [Signal])
    /// Discarded, though every signal that could be compared met its target.
    case discardedThoughEveryTargetMet(judged: [Signal])
}

extension ExperimentRecord {
    /// The way the outcome goes against the signals, judged as `review`
    /// judges them; nil when it does not, when `outcome-reason` explains it,
    /// when it is not concluded, and while a result is still missing (then
    /// the conclusion is incomplete, which is said first).
    public var unexplainedOutcome: OutcomeContradiction? {
        guard status?.value == .concluded, let outcome = outcome?.value,
              outcomeReason.map({ $0.value.trimmingSpaces().isEmpty }) ?? true, !signals.isEmpty else { return nil }
        let verdicts = signals.map { ($0, $0.verdict) }
        guard !verdicts.contains(where: { $0.1 == .noResult }) else { return nil }
        let judged = verdicts.filter { $0.1.isJudgeable }
        switch outcome {
        case .retained where !judged.contains(where: { $0.1 == .met }):
            return .retainedWithoutMetTarget(judged: judged.map(\.0), signals: signals)
        case .discarded where !judged.isEmpty && judged.allSatisfy({ $0.1 == .met }):
            return .discardedThoughEveryTargetMet(judged: judged.map(\.0))
        default:
            return nil
        }
    }

    /// Retained on evidence: a signal met its target, or the outcome-reason
    /// says why the change was kept anyway. Only such a retention proves an
    /// improvement in the report, recommendations and the site.
    public var retainsOnEvidence: Bool { retains && unexplainedOutcome == nil }
}
