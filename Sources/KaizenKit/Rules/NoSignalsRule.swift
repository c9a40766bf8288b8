extension RuleDescriptor {
    static let noSignals = RuleDescriptor(
        name: "no-signals", severity: .error,
        summary: "An experiment lists no signals, or its signals still hold template placeholders.",
        explanation: "Fires when an experiment lists no signals, or when a signal's metric, baseline or target still holds a template placeholder: without them the outcome cannot be judged.",
        howToFix: "List each signal as `{metric, baseline, target}` under `signals`, with the value measured today as the baseline and the value that would confirm the hypothesis as the target.")
}

/// Signals say in advance what will be observed, so an outcome is judged on
/// evidence rather than declared.
struct NoSignalsRule: Rule {
    static let descriptor = RuleDescriptor.noSignals
    static let judgesEachRecordAlone = true

    func check(_ context: RuleContext, findings: inout Findings) {
        for (record, experiment) in context.experiments where !record.invalidKeys.contains("signals") {
            if experiment.signals.isEmpty {
                findings.add(record, at: record.position(ofKey: "signals"),
                    "no signals: list what you will observe, e.g. signals: [{metric: review wait (hours), baseline: 48, target: 4}]",
                    unfinished: true)
                continue
            }
            for signal in experiment.signals {
                let parts: [(String, Located<String>?, String)] = [
                    ("metric", signal.metric, "name what you will measure, e.g. 'review wait (hours)'"),
                    ("baseline", signal.baseline, "write its value today"),
                    ("target", signal.target, "write the value that would confirm the hypothesis"),
                ]
                for (name, value, advice) in parts {
                    if let value, let placeholder = Placeholder.first(in: value.value) {
                        findings.add(record, at: value.position,
                            "signal \(signal.number) \(name) still holds the placeholder '\(placeholder)': \(advice)", unfinished: true)
                    }
                }
            }
        }
    }
}
