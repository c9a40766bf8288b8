extension RuleDescriptor {
    static let conclusionIncomplete = RuleDescriptor(
        name: "conclusion-incomplete", severity: .error,
        summary: "A concluded experiment lacks its outcome, date, signal results or learnings.",
        explanation: "Fires when a concluded experiment lacks an outcome, a concluded date, a result for every signal, or a Learnings section with real content.",
        howToFix: "Add what the message names: `outcome` (retained, discarded or inconclusive), `concluded: YYYY-MM-DD`, a `result` under each signal, and what was learned under '## Learnings', whatever the outcome.")
}

/// Concluding is where the learning is kept: an outcome, a date, what each
/// signal showed, and what was learned.
struct ConclusionIncompleteRule: Rule {
    static let descriptor = RuleDescriptor.conclusionIncomplete
    static let judgesEachRecordAlone = true

    func check(_ context: RuleContext, findings: inout Findings) {
        for (record, experiment) in context.experiments {
            guard let status = experiment.status, status.value == .concluded else { continue }
            if experiment.outcome == nil, !record.invalidKeys.contains("outcome") {
                findings.add(record, at: record.keyPositions["outcome"] ?? status.position,
                    "concluded without an outcome: add 'outcome: retained', 'discarded' or 'inconclusive'")
            }
            if experiment.concluded == nil, !record.invalidKeys.contains("concluded") {
                findings.add(record, at: record.keyPositions["concluded"] ?? status.position,
                    "concluded without a date: add 'concluded: YYYY-MM-DD'")
            }
            for signal in experiment.signals
            where !signal.invalidKeys.contains("result") && signal.result.map({ $0.value.trimmingSpaces().isEmpty }) ?? true {
                let metric = signal.metric?.value.trimmingSpaces() ?? ""
                let name = metric.isEmpty ? "\(signal.number)" : "'\(metric)'"
                findings.add(record, at: signal.result?.position ?? signal.position,
                    "signal \(name) has no result: add 'result:' with the value you observed")
            }
            findings.addUnwritten(section: "Learnings", of: record, missingAt: status.position,
                missing: "concluded without learnings: add a '## Learnings' section that says what you learned",
                empty: { "the Learnings section \($0): write what you learned, whatever the outcome" })
        }
    }
}
