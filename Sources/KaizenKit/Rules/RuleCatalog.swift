/// Every rule kaizen knows, in the order `kaizen check` runs them.
public enum RuleCatalog {
    static let recordRules: [any Rule] = [
        HypothesisFormRule(),
        NoSignalsRule(),
        NoRollbackRule(),
        DateOrderRule(),
        TooLongRule(),
        ExpiredRule(),
        ExpiresSoonRule(),
        ConclusionIncompleteRule(),
        UnevidencedOutcomeRule(),
        PrematureConclusionRule(),
        BrokenLinkRule(),
        UnknownTeamRule(),
        DuplicateIDRule(),
        PossibleDuplicateRule(),
        WIPLimitRule(),
        UnprovenClaimRule(),
        StatusLagRule(),
        NotCapturedRule(),
    ]

    /// Rules on what a change did, between two versions of the repository.
    static let historyRules: [any HistoryRule] = [
        GoalpostsMovedRule(),
        DeadlineMovedRule(),
        IllegalTransitionRule(),
        RecordDeletedRule(),
    ]

    /// The rules applied while files are parsed, then the record rules, then the history rules.
    public static let all: [RuleDescriptor] =
        RuleDescriptor.parseRules + recordRules.map { type(of: $0).descriptor } + historyRules.map { type(of: $0).descriptor }

    public static func descriptor(named name: String) -> RuleDescriptor? {
        all.first { $0.name == name }
    }
}
