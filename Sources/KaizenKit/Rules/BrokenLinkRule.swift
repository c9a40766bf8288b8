extension RuleDescriptor {
    static let brokenLink = RuleDescriptor(
        name: "broken-link", severity: .error,
        summary: "A referenced id does not exist, or names a record of the wrong kind.",
        explanation: "Fires when an `improvement` or `constraints` id names no record, or names a record of another kind; suggests the closest id. An id is a file name, so renaming a file renames its record: when git history renamed the record a link names, the finding says what it is called now.",
        howToFix: "Write the id the record has now, or the one suggested, or create the record the link should point to.")
}

/// Links are what let an improvement's evidence and its constraints be found.
struct BrokenLinkRule: Rule {
    static let descriptor = RuleDescriptor.brokenLink

    func check(_ context: RuleContext, findings: inout Findings) {
        // The kinds of the records with each exact id; more than one when ids collide.
        var kindsByID: [String: [RecordKind?]] = [:]
        kindsByID.reserveCapacity(context.records.count)
        for record in context.records { kindsByID[record.id, default: []].append(record.kind) }
        // Made when the first link is missing: most repositories have none.
        var indexes: [RecordKind: SuggestionIndex]?
        var suggestions: [String: String] = [:]
        for record in context.reported {
            for (link, kind) in record.references {
                guard let problem = problem(with: link.value, expecting: kind, kindsByID: kindsByID) else { continue }
                if case .wrongKind(let found) = problem {
                    findings.add(record, at: link.position, "'\(link.value)' is \(found.withArticle), not \(kind.withArticle)")
                    continue
                }
                if let rename = context.renames?.rename(ofFormerID: link.value),
                   kindsByID[rename.currentID]?.contains(kind) == true {
                    findings.add(record, at: link.position, "\(rename.note): write '\(rename.currentID)'")
                    continue
                }
                let key = "\(kind.rawValue)/\(link.value)"
                if suggestions[key] == nil {
                    if indexes == nil { indexes = Self.suggestionIndexes(context.records) }
                    suggestions[key] = indexes![kind].flatMap { $0.closest(to: link.value) }.map { " (did you mean '\($0)'?)" } ?? ""
                }
                findings.add(record, at: link.position, "no \(kind.rawValue) has the id '\(link.value)'\(suggestions[key]!)")
            }
        }
    }

    private enum Problem {
        case missing
        case wrongKind(RecordKind)
    }

    private func problem(with id: String, expecting kind: RecordKind, kindsByID: [String: [RecordKind?]]) -> Problem? {
        guard let targets = kindsByID[id] else { return .missing }
        // A target of unknown kind (unreadable, outside the folders) gets the benefit of the doubt.
        if targets.contains(where: { $0 == kind || $0 == nil }) { return nil }
        return .wrongKind(targets[0]!)
    }

    /// The ids of each kind, to suggest one for a missing link.
    private static func suggestionIndexes(_ records: [Record]) -> [RecordKind: SuggestionIndex] {
        var ids: [RecordKind: [String]] = [:]
        for record in records {
            if let kind = record.kind { ids[kind, default: []].append(record.id) }
        }
        return ids.mapValues { SuggestionIndex($0) }
    }
}
