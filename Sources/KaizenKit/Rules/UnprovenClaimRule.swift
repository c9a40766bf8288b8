extension RuleDescriptor {
    static let unprovenClaim = RuleDescriptor(
        name: "unproven-claim", severity: .error,
        summary: "An improvement is marked proven, but no concluded experiment retained it.",
        explanation: "Fires when an improvement is marked proven but no concluded experiment links to it with `outcome: retained`: proven is a claim about evidence.",
        howToFix: "Link the experiment that retained it (`improvement: ID` and `outcome: retained`), or set the status back to trialling.")
}

/// "Proven" is a claim about evidence: some experiment trialled the
/// improvement and the team kept it.
struct UnprovenClaimRule: Rule {
    static let descriptor = RuleDescriptor.unprovenClaim
    static let reportsOnKind: RecordKind? = .improvement

    func check(_ context: RuleContext, findings: inout Findings) {
        for (record, improvement) in context.improvements {
            guard let status = improvement.status, status.value == .proven, !context.retainedImprovements.contains(record.id) else { continue }
            findings.add(record, at: status.position,
                "marked proven, but no concluded experiment retained it: link one with 'improvement: \(record.id)' and 'outcome: retained', or set status back to trialling")
        }
    }
}
