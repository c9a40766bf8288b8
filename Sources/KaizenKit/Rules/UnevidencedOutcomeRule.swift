extension RuleDescriptor {
    static let unevidencedOutcome = RuleDescriptor(
        name: "unevidenced-outcome", severity: .error,
        summary: "An experiment retained though no signal met its target, or discarded though every one did, without an outcome-reason.",
        explanation: "Fires on a concluded experiment whose outcome goes against its signals, judged as review judges them: retained when no signal met its target (or no result can be compared with its target), or discarded when every comparable signal met it. Once every signal has a result; until then conclusion-incomplete speaks. Inconclusive is never against the evidence.",
        howToFix: "If the outcome stands, write why in 'outcome-reason' (kaizen conclude --reason does): a cost or benefit the signals did not measure, say. Otherwise change the outcome to what the signals show.")
}

/// No success declared without evidence: an outcome that goes against what
/// the signals show stands only with the reason written beside it.
struct UnevidencedOutcomeRule: Rule {
    static let descriptor = RuleDescriptor.unevidencedOutcome
    static let judgesEachRecordAlone = true
    static let reportsOnKind: RecordKind? = .experiment

    func check(_ context: RuleContext, findings: inout Findings) {
        for (record, experiment) in context.experiments {
            guard let contradiction = experiment.unexplainedOutcome, let outcome = experiment.outcome else { continue }
            switch contradiction {
            case .retainedWithoutMetTarget(let judged, let signals):
                let evidence = judged.isEmpty
                    ? "no signal's result can be compared with its target (\(Self.listed(signals)))"
                    : "no signal met its target (\(Self.listed(judged)))"
                findings.add(record, at: outcome.position,
                    "retained, but \(evidence): if you keep the change anyway, say why in 'outcome-reason'; otherwise conclude it as discarded or inconclusive")
            case .discardedThoughEveryTargetMet(let judged):
                findings.add(record, at: outcome.position,
                    "discarded, though every signal met its target (\(Self.listed(judged))): say why in 'outcome-reason' (a cost the signals did not measure, say), or conclude it as retained")
            }
        }
    }

    /// "review wait (hours): 40 against 'under 5'; deploys per week: 3 against 'at least 8'".
    static func listed(_ signals: [Signal]) -> String {
        signals.map { signal in
            let metric = signal.metric?.value.trimmingSpaces() ?? ""
            let name = metric.isEmpty ? "signal \(signal.number)" : metric
            return "\(name): \(signal.result?.value.trimmingSpaces() ?? "–") against '\(signal.target?.value.trimmingSpaces() ?? "")'"
        }.joined(separator: "; ")
    }
}
