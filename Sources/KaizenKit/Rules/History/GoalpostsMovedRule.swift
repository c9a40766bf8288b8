extension RuleDescriptor {
    static let goalpostsMoved = RuleDescriptor(
        name: "goalposts-moved", severity: .error,
        summary: "A hypothesis or a signal's target changed, or a signal was dropped, after the experiment started running.",
        explanation: "A history rule: once an experiment is running or concluded, fires when a later version rewords its hypothesis, changes a signal's target, or drops a signal. Whitespace and quoting do not count, and adding a signal is allowed.",
        howToFix: "Restore the original hypothesis and targets. To test a different goal, conclude this experiment (outcome inconclusive) and start a new one.")
}

/// An experiment is judged against what it set out to show. Once it runs,
/// rewriting the hypothesis or a target to fit the results turns a failed
/// experiment into a success nobody can check. A goal that was never set (a
/// hypothesis hypothesis-form rejects, a target left empty or a placeholder)
/// can be written without moving anything: that is what those rules ask for.
struct GoalpostsMovedRule: HistoryRule {
    static let descriptor = RuleDescriptor.goalpostsMoved

    func check(_ changes: RecordChanges, context: RuleContext, findings: inout Findings) {
        for change in changes.changes {
            guard let (before, after, record) = change.experiments,
                  let status = before.status?.value, status != .planned else { continue }
            let remedy = "restore it, or conclude this experiment (outcome inconclusive) and start a new one with the new goal"
            let pattern = context.config.hypothesisPattern
            if Self.normalized(before.hypothesis?.value) != Self.normalized(after.hypothesis?.value),
               HypothesisFormRule.problem(with: before.hypothesis, pattern: pattern) == nil {
                let was = before.hypothesis.map { "\"\($0.value)\"" } ?? "empty"
                findings.add(record, at: after.hypothesis?.position ?? record.position(ofKey: "hypothesis"),
                    "the hypothesis changed after the experiment started running (it was \(was)): \(remedy)")
            }
            for signal in before.signals {
                guard let match = Self.counterpart(of: signal, in: after.signals) else {
                    findings.add(record, at: record.position(ofKey: "signals"),
                        "signal \(Self.name(of: signal)) was removed after the experiment started running: keep it and record its result, even when it disappoints")
                    continue
                }
                guard Self.normalized(signal.target?.value) != Self.normalized(match.target?.value),
                      let target = signal.target?.value, Placeholder.first(in: target) == nil else { continue }
                let was = signal.target.map { "'\($0.value)'" } ?? "none"
                let now = match.target.map { "'\($0.value)'" } ?? "none"
                findings.add(record, at: match.target?.position ?? match.position,
                    "the target of signal \(Self.name(of: match)) changed from \(was) to \(now) after the experiment started running: \(remedy)")
            }
        }
    }

    /// The same signal in the later version: the one with the same metric,
    /// or, for a signal without one, the one in the same place.
    private static func counterpart(of signal: Signal, in signals: [Signal]) -> Signal? {
        guard let metric = normalized(signal.metric?.value) else { return signals.first { $0.number == signal.number } }
        return signals.first { normalized($0.metric?.value)?.lowercased() == metric.lowercased() }
    }

    private static func name(of signal: Signal) -> String {
        signal.metric.map { "\(signal.number) ('\($0.value)')" } ?? "\(signal.number)"
    }

    /// Text compared as a reader sees it: reflowing a YAML string, or quoting
    /// it differently, is not a change.
    static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.isEmpty ? nil : words
    }
}
