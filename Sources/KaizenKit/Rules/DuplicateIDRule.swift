extension RuleDescriptor {
    static let duplicateID = RuleDescriptor(
        name: "duplicate-id", severity: .error,
        summary: "Two records share an id, ignoring case.",
        explanation: "Fires when two records have the same id, ignoring case, anywhere in the record folders: links to that id would be ambiguous.",
        howToFix: "Rename one of the two files, and update the records that link to it.")
}

/// Ids are unique across all kinds. They are compared without case because
/// files named `Foo.md` and `foo.md` collide on macOS and Windows checkouts.
struct DuplicateIDRule: Rule {
    static let descriptor = RuleDescriptor.duplicateID

    func check(_ context: RuleContext, findings: inout Findings) {
        // Grouped by position, so no record is copied for the many ids that occur once.
        let records = context.records
        // Most ids are already lowercase ASCII slugs: lowercasing them would only allocate.
        let groups = Dictionary(grouping: records.indices) { index in
            let id = records[index].id
            return id.utf8.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ? id : id.lowercased()
        }
        for (_, group) in groups where group.count > 1 {
            for record in group.map({ records[$0] }) {
                let others = group.map { records[$0].path }.filter { $0 != record.path }.sorted()
                findings.add(record, at: .start,
                    "the id '\(record.id)' is also used by \(others.joined(separator: ", ")): ids are unique across all kinds, ignoring case; rename one of the files")
            }
        }
    }
}
