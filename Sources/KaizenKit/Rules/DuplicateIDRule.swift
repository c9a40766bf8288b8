extension RuleDescriptor {
    static let duplicateID = RuleDescriptor(
        name: "duplicate-id", severity: .error,
        summary: "Two records share an id, ignoring case.")
}

/// Ids are unique across all kinds. They are compared without case because
/// files named `Foo.md` and `foo.md` collide on macOS and Windows checkouts.
struct DuplicateIDRule: Rule {
    static let descriptor = RuleDescriptor.duplicateID

    func check(_ context: RuleContext, findings: inout Findings) {
        let groups = Dictionary(grouping: context.records) { $0.id.lowercased() }
        for (_, group) in groups where group.count > 1 {
            for record in group {
                let others = group.filter { $0.path != record.path }.map(\.path).sorted()
                findings.add(record, at: .start,
                    "the id '\(record.id)' is also used by \(others.joined(separator: ", ")): ids are unique across all kinds, ignoring case; rename one of the files")
            }
        }
    }
}
