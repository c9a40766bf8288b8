extension RuleDescriptor {
    static let brokenLink = RuleDescriptor(
        name: "broken-link", severity: .error,
        summary: "A referenced id does not exist, or names a record of the wrong kind.")
}

/// Links are what let an improvement's evidence and its constraints be found.
struct BrokenLinkRule: Rule {
    static let descriptor = RuleDescriptor.brokenLink

    func check(_ context: RuleContext, findings: inout Findings) {
        let indexes = Dictionary(grouping: context.records.filter { $0.kind != nil }, by: { $0.kind! })
            .mapValues { SuggestionIndex($0.map(\.id)) }
        var suggestions: [String: String] = [:]
        for record in context.records {
            for (link, kind) in record.references {
                guard let problem = problem(with: link.value, expecting: kind, in: context) else { continue }
                if case .wrongKind(let found) = problem {
                    findings.add(record, at: link.position, "'\(link.value)' is \(found.withArticle), not \(kind.withArticle)")
                    continue
                }
                let key = "\(kind.rawValue)/\(link.value)"
                if suggestions[key] == nil {
                    suggestions[key] = indexes[kind].flatMap { $0.closest(to: link.value) }.map { " (did you mean '\($0)'?)" } ?? ""
                }
                findings.add(record, at: link.position, "no \(kind.rawValue) has the id '\(link.value)'\(suggestions[key]!)")
            }
        }
    }

    private enum Problem {
        case missing
        case wrongKind(RecordKind)
    }

    private func problem(with id: String, expecting kind: RecordKind, in context: RuleContext) -> Problem? {
        guard let targets = context.recordsByID[id] else { return .missing }
        // A target of unknown kind (unreadable, outside the folders) gets the benefit of the doubt.
        if targets.contains(where: { $0.kind == kind || $0.kind == nil }) { return nil }
        return .wrongKind(targets[0].kind!)
    }
}
