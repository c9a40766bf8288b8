extension RuleDescriptor {
    static let hypothesisForm = RuleDescriptor(
        name: "hypothesis-form", severity: .error,
        summary: "The hypothesis does not state a change and an expected, observable effect.",
        explanation: "An experiment's hypothesis must say what will change and what observable effect is expected: with the built-in pattern, 'If we ..., we expect ...', where the effect names a number or a direction. Fires when the form does not match, when the hypothesis still holds a template placeholder, or when the effect has nothing observable in it.",
        howToFix: "Rewrite the hypothesis as 'If we (change), we expect (effect)', with an effect someone could measure, for example 'lead time to fall from 9 to 5 days'.")
}

/// Every experiment states "If we <change>, we expect <observable effect>", so
/// that its outcome can be judged against something said in advance.
struct HypothesisFormRule: Rule {
    static let descriptor = RuleDescriptor.hypothesisForm
    static let judgesEachRecordAlone = true

    static let example = "If we review pull requests in pairs, we expect review wait time to fall from 2 days to 4 hours"

    func check(_ context: RuleContext, findings: inout Findings) {
        let pattern = context.config.hypothesisPattern
        for (record, experiment) in context.experiments where !record.invalidKeys.contains("hypothesis") {
            guard let problem = Self.problem(with: experiment.hypothesis, pattern: pattern) else { continue }
            findings.add(record, at: experiment.hypothesis?.position ?? record.position(ofKey: "hypothesis"), problem.message,
                         unfinished: problem.unfinished)
        }
    }

    /// What is wrong with a hypothesis, and whether it is merely unwritten;
    /// nil for one that states a change and an observable effect. The
    /// history rules ask too: a hypothesis with a problem set no goal to move.
    static func problem(with hypothesis: Located<String>?, pattern: HypothesisPattern) -> (message: String, unfinished: Bool)? {
        guard let hypothesis, !hypothesis.value.trimmingSpaces().isEmpty else {
            return ("missing hypothesis: write 'hypothesis: If we <change>, we expect <observable effect>', e.g. '\(example)'", true)
        }
        if let placeholder = Placeholder.first(in: hypothesis.value) {
            return ("the hypothesis still holds the placeholder '\(placeholder)': write the change you will make and the effect you expect, e.g. '\(example)'", true)
        }
        guard let match = pattern.match(hypothesis.value) else {
            return (pattern.isStandard
                ? "the hypothesis does not read 'If <change>, we expect <effect>': state the change you will make, then the effect you expect to observe"
                : "the hypothesis does not match the hypothesis-pattern in kaizen.yml: \(pattern.source)", false)
        }
        if pattern.isStandard, let effect = match.effect, !ObservableEffect.isObservable(effect) {
            return ("the expected effect '\(effect)' is not observable: say what will change and by how much, e.g. 'lead time to fall from 9 to 5 days'", false)
        }
        return nil
    }
}

/// Whether an expected effect names something that can be seen to change: a
/// number, or a word of direction or amount. A heuristic for English, used only
/// with the built-in hypothesis pattern.
enum ObservableEffect {
    /// Stems no unrelated English word starts with: "reduc" for reduce,
    /// reduced, reduction.
    static let stems = ["increas", "decreas", "reduc", "improv", "halv", "doubl", "tripl", "shrink", "shrank"]

    /// Whole words of direction or amount ("under" must not match "understanding").
    static let words: Set<String> = [
        "drop", "drops", "dropped", "fall", "falls", "fell", "fallen", "rise", "rises", "rose", "risen",
        "grow", "grows", "grew", "grown", "growth", "fewer", "more", "less", "lower", "higher", "faster", "slower",
        "shorter", "longer", "smaller", "larger", "below", "above", "under", "over", "within", "least", "most",
        "zero", "none", "no", "every", "all", "half", "twice",
    ]

    static func isObservable(_ effect: String) -> Bool {
        if effect.contains(where: \.isNumber) || effect.contains("%") { return true }
        return effect.lowercased().split { !$0.isLetter }.contains { word in
            words.contains(String(word)) || stems.contains { word.hasPrefix($0) }
        }
    }
}
