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
            guard experiment.status?.value == .concluded, let outcome = experiment.outcome,
                  experiment.outcomeReason.map({ $0.value.trimmingSpaces().isEmpty }) ?? true,
                  !experiment.signals.isEmpty else { continue }
            let verdicts = experiment.signals.map { ($0, $0.verdict) }
            // A missing result is conclusion-incomplete's to report; judge the outcome once every result is in.
            guard !verdicts.contains(where: { $0.1 == .noResult }) else { continue }
            let judged = verdicts.filter { $0.1.isJudgeable }
            switch outcome.value {
            case .retained where !judged.contains(where: { $0.1 == .met }):
                let evidence = judged.isEmpty
                    ? "no signal's result can be compared with its target (\(Self.listed(verdicts)))"
                    : "no signal met its target (\(Self.listed(judged)))"
                findings.add(record, at: outcome.position,
                    "retained, but \(evidence): if you keep the change anyway, say why in 'outcome-reason'; otherwise conclude it as discarded or inconclusive")
            case .discarded where !judged.isEmpty && judged.allSatisfy({ $0.1 == .met }):
                findings.add(record, at: outcome.position,
                    "discarded, though every signal met its target (\(Self.listed(judged))): say why in 'outcome-reason' (a cost the signals did not measure, say), or conclude it as retained")
            default:
                break
            }
        }
    }

    /// "review wait (hours): 40 against 'under 5'; deploys per week: 3 against 'at least 8'".
    static func listed(_ signals: [(Signal, SignalVerdict)]) -> String {
        signals.map { signal, _ in
            let metric = signal.metric?.value.trimmingSpaces() ?? ""
            let name = metric.isEmpty ? "signal \(signal.number)" : metric
            return "\(name): \(signal.result?.value.trimmingSpaces() ?? "–") against '\(signal.target?.value.trimmingSpaces() ?? "")'"
        }.joined(separator: "; ")
    }
}
