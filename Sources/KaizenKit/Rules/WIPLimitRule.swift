extension RuleDescriptor {
    static let wipLimit = RuleDescriptor(
        name: "wip-limit", severity: .error,
        summary: "A team runs more experiments at once than its limit.",
        explanation: "Fires when a team runs more experiments at once than its limit (`wip-limit` in kaizen.yml, per team or overall, 3 by default); reported on the experiments started last.",
        howToFix: "Conclude one of the team's running experiments before starting another, or raise the team's `wip-limit` in kaizen.yml.")
}

/// Too many experiments at once and none gets the attention to be learned
/// from. The experiments started last are the ones over the limit.
struct WIPLimitRule: Rule {
    static let descriptor = RuleDescriptor.wipLimit

    func check(_ context: RuleContext, findings: inout Findings) {
        var running: [String: [(record: Record, experiment: ExperimentRecord, entry: Located<String>)]] = [:]
        for (record, experiment) in context.experiments where experiment.status?.value == .running {
            var seen = Set<String>()
            for team in experiment.teams where seen.insert(team.value).inserted {
                running[team.value, default: []].append((record, experiment, team))
            }
        }
        for (team, experiments) in running {
            let limit = context.config.wipLimit(forTeam: team)
            guard experiments.count > limit else { continue }
            let ordered = experiments.sorted {
                ($0.experiment.start?.value.dayNumber ?? .max, $0.record.id) < ($1.experiment.start?.value.dayNumber ?? .max, $1.record.id)
            }
            let within = ordered.prefix(limit).map(\.record.id).joined(separator: ", ")
            for over in ordered.dropFirst(limit) {
                findings.add(over.record, at: over.entry.position,
                    "team '\(team)' runs \(experiments.count) experiments at once, over its limit of \(limit) (started earlier: \(within)): conclude one before starting another, or change wip-limit in kaizen.yml")
            }
        }
    }
}
