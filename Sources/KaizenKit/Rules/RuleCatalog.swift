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
        BrokenLinkRule(),
        UnknownTeamRule(),
        DuplicateIDRule(),
        PossibleDuplicateRule(),
        WIPLimitRule(),
        UnprovenClaimRule(),
        NotCapturedRule(),
    ]

    /// The rules applied while files are parsed, then the record rules.
    public static let all: [RuleDescriptor] =
        RuleDescriptor.parseRules + recordRules.map { type(of: $0).descriptor }

    public static func descriptor(named name: String) -> RuleDescriptor? {
        all.first { $0.name == name }
    }
}
