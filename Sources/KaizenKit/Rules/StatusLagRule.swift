extension RuleDescriptor {
    static let statusLag = RuleDescriptor(
        name: "status-lag", severity: .warning,
        summary: "An improvement's status lags its experiments: proposed while one runs or has concluded, or trialling once one retained it.",
        explanation: "An improvement's status says how far its evidence has come. Fires on a proposed improvement one of whose experiments is running or has concluded, and on a proposed or trialling one that an experiment retained. kaizen start and kaizen conclude move the status themselves; this catches records edited by hand. A retired improvement is left alone.",
        howToFix: "Set the status the message names (trialling, or proven once an experiment retained it); the history rules accept the move in one commit, proposed to proven included.")
}

/// An improvement's status says how far its evidence has come, so it follows
/// its experiments: trialling once one starts, proven once one retains it.
/// (`kaizen start` and `kaizen conclude` move it; this catches edits by hand.)
struct StatusLagRule: Rule {
    static let descriptor = RuleDescriptor.statusLag
    static let reportsOnKind: RecordKind? = .improvement

    func check(_ context: RuleContext, findings: inout Findings) {
        // Grouped once: looking each improvement's experiments up among all of them would cost improvements × experiments.
        var byImprovement: [String: [(Record, ExperimentRecord)]] = [:]
        for (record, experiment) in context.experiments {
            if let id = experiment.improvement?.value { byImprovement[id, default: []].append((record, experiment)) }
        }
        for (record, improvement) in context.improvements {
            guard let status = improvement.status,
                  let lag = Self.lag(of: status.value, experiments: byImprovement[record.id] ?? []) else { continue }
            findings.add(record, at: status.position, "\(status.value.rawValue), but \(lag.reason): set 'status: \(lag.expected.rawValue)'")
        }
    }

    /// The status an improvement should have by its `experiments` (those that
    /// name it), and why (the experiments, named); nil when its status does not lag.
    static func lag(of status: ImprovementStatus, experiments own: [(Record, ExperimentRecord)])
        -> (expected: ImprovementStatus, reason: String)? {
        let retainedBy = own.filter { $0.1.retains }.map(\.0.id)
        let started = own.filter { [.running, .concluded].contains($0.1.status?.value) }.map(\.0.id)
        func named(_ ids: [String]) -> String { ids.sorted().map { "'\($0)'" }.joined(separator: ", ") }
        switch status {
        case .proposed where !retainedBy.isEmpty, .trialling where !retainedBy.isEmpty:
            return (.proven, "\(named(retainedBy)) retained it")
        case .proposed where !started.isEmpty:
            return (.trialling, "\(named(started)) \(started.count == 1 ? "has" : "have") trialled it")
        default:
            return nil
        }
    }
}
