extension RuleDescriptor {
    static let possibleDuplicate = RuleDescriptor(
        name: "possible-duplicate", severity: .warning,
        summary: "An improvement reads very much like another: the same problem may be being solved twice.")
}

/// The same improvement invented twice is effort that could have been an
/// adoption. Compares each improvement's title and Summary by shared words.
struct PossibleDuplicateRule: Rule {
    static let descriptor = RuleDescriptor.possibleDuplicate

    /// Share of distinct content words two improvements must have in common.
    static let threshold = 0.5
    /// Texts with fewer content words say too little to compare.
    static let minimumWords = 4

    func check(_ context: RuleContext, findings: inout Findings) {
        let improvements = context.improvements.map(\.record).filter { $0.title != nil }
        let words = improvements.map { record in
            SimilarityJoin.words(in: record.title!.value + " " + (record.section("Summary")?.text ?? ""))
        }
        let pairs = SimilarityJoin.pairs(of: words, threshold: Self.threshold, minimumSize: Self.minimumWords)
        for pair in pairs {
            let percent = Int((pair.similarity * 100).rounded())
            for (this, other) in [(pair.first, pair.second), (pair.second, pair.first)] {
                let record = improvements[this], twin = improvements[other]
                findings.add(record, at: record.title!.position,
                    "this improvement reads much like '\(twin.id)' (\(twin.path), \(percent)% of words shared): if it is the same practice, build on that record instead of starting another")
            }
        }
    }
}
