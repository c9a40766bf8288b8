extension RuleDescriptor {
    static let unknownTeam = RuleDescriptor(
        name: "unknown-team", severity: .error,
        summary: "A team id is not one of the teams in kaizen.yml.",
        explanation: "Fires when a team id is not one of the teams listed in kaizen.yml, with the closest team as a suggestion. Without teams in kaizen.yml, team ids are not checked.",
        howToFix: "Correct the team id, or add the team under `teams` in kaizen.yml.")
}

/// Team ids are how work is counted per team; a misspelt one silently starts a
/// new team. Checked only when kaizen.yml lists teams.
struct UnknownTeamRule: Rule {
    static let descriptor = RuleDescriptor.unknownTeam
    static let judgesEachRecordAlone = true

    func check(_ context: RuleContext, findings: inout Findings) {
        let known = context.config.teamIDs
        guard !known.isEmpty else { return }
        let knownSet = Set(known)
        for record in context.records {
            for team in record.teamReferences where !knownSet.contains(team.value) {
                findings.add(record, at: team.position,
                    "unknown team '\(team.value)'\(Suggestion.clause(for: team.value, among: known)); the teams in kaizen.yml are \(known.joined(separator: ", "))")
            }
        }
    }
}
