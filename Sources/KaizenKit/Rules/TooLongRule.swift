extension RuleDescriptor {
    static let tooLong = RuleDescriptor(
        name: "too-long", severity: .error,
        summary: "An experiment is planned to run longer than the configured maximum.",
        explanation: "Fires when an experiment runs from its start to its deadline (extensions included) longer than `max-experiment-days` in kaizen.yml, 90 by default: long experiments drift and stop teaching.",
        howToFix: "Shorten the experiment, or split it into smaller experiments, each with its own review date.")
}

/// Long experiments stop being experiments: learning comes late and nobody
/// remembers the baseline. The limit includes extensions.
struct TooLongRule: Rule {
    static let descriptor = RuleDescriptor.tooLong
    static let judgesEachRecordAlone = true

    func check(_ context: RuleContext, findings: inout Findings) {
        let maximum = context.config.maxExperimentDays
        for (record, experiment) in context.experiments {
            guard let start = experiment.start, let deadline = experiment.deadline else { continue }
            let days = start.value.days(until: deadline.value)
            guard days > maximum else { continue }
            let extended = deadline.value != experiment.reviewBy?.value ? ", extensions included" : ""
            findings.add(record, at: deadline.position,
                "the experiment runs \(pluralized(days, "day")) (\(start.value) to \(deadline.value)\(extended)), over the \(maximum)-day maximum (max-experiment-days): shorten it or split it into smaller experiments")
        }
    }
}
