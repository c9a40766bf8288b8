extension RuleDescriptor {
    static let notCaptured = RuleDescriptor(
        name: "not-captured", severity: .warning,
        summary: "A proven improvement lacks the guide sections another team needs to adopt it.",
        explanation: "Warns when a proven improvement lacks one of the guide sections another team needs to adopt it (Summary, Context, Implementation guide, Adaptation notes), or one holds only the template's guidance.",
        howToFix: "Write the missing sections: what changes and why it helps, where it works, the steps to follow, and what to adjust for a different team.")
}

/// A proven improvement spreads only if another team can follow it: what it
/// is, where it works, how to do it, and how to adapt it.
struct NotCapturedRule: Rule {
    static let descriptor = RuleDescriptor.notCaptured
    static let judgesEachRecordAlone = true

    static let guideSections: [(title: String, purpose: String)] = [
        ("Summary", "what changes in how work is done, and why it helps"),
        ("Context", "where it works and what it needs"),
        ("Implementation guide", "the steps another team would follow"),
        ("Adaptation notes", "what to adjust for a different team, and what to watch for"),
    ]

    /// The guide sections `record` lacks or leaves empty, in guide order.
    static func missingSections(of record: Record) -> [String] {
        guideSections.map(\.title).filter { record.section($0)?.hasContent != true }
    }

    func check(_ context: RuleContext, findings: inout Findings) {
        for (record, improvement) in context.improvements {
            guard let status = improvement.status, status.value == .proven else { continue }
            for (title, purpose) in Self.guideSections {
                findings.addUnwritten(section: title, of: record, missingAt: status.position,
                    missing: "proven but not captured: add a '## \(title)' section with \(purpose)",
                    empty: { "proven but not captured: the '\(title)' section \($0); write \(purpose)" })
            }
        }
    }
}
