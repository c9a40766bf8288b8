extension RuleDescriptor {
    static let brokenLink = RuleDescriptor(
        name: "broken-link", severity: .error,
        summary: "A referenced id does not exist, or names a record of the wrong kind.")
}

/// Links are what let an improvement's evidence and its constraints be found.
struct BrokenLinkRule: Rule {
    static let descriptor = RuleDescriptor.brokenLink

    func check(_ context: RuleContext, findings: inout Findings) {
        for record in context.records {
            for (link, kind) in links(of: record) {
                if let message = problem(with: link.value, expecting: kind, in: context) {
                    findings.add(record, at: link.position, message)
                }
            }
        }
    }

    private func links(of record: Record) -> [(Located<String>, RecordKind)] {
        switch record.details {
        case .improvement(let improvement):
            return improvement.constraints.map { ($0, .constraint) }
        case .experiment(let experiment):
            return (experiment.improvement.map { [($0, RecordKind.improvement)] } ?? [])
                + experiment.constraints.map { ($0, .constraint) }
        case .constraint, .unreadable:
            return []
        }
    }

    private func problem(with id: String, expecting kind: RecordKind, in context: RuleContext) -> String? {
        if let targets = context.recordsByID[id] {
            // A target of unknown kind (unreadable, outside the folders) gets the benefit of the doubt.
            if targets.contains(where: { $0.kind == kind || $0.kind == nil }) { return nil }
            let found = targets[0]
            return "'\(id)' is \(found.kind!.withArticle), not \(kind.withArticle)"
        }
        let candidates = context.records.filter { $0.kind == kind }.map(\.id)
        return "no \(kind.rawValue) has the id '\(id)'\(Suggestion.clause(for: id, among: candidates))"
    }
}
