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
        // One finding per improvement, naming its closest twin: a cluster of
        // similar records is one thing to look at, not one per pair.
        var twins: [Int: [(other: Int, similarity: Double)]] = [:]
        for pair in pairs {
            twins[pair.first, default: []].append((pair.second, pair.similarity))
            twins[pair.second, default: []].append((pair.first, pair.similarity))
        }
        for (index, candidates) in twins {
            let closest = candidates.sorted { a, b in
                a.similarity != b.similarity ? a.similarity > b.similarity : improvements[a.other].id < improvements[b.other].id
            }[0]
            let record = improvements[index]
            let percent = Int((closest.similarity * 100).rounded())
            let others = candidates.count > 1 ? ", and \(pluralized(candidates.count - 1, "other improvement")) like it" : ""
            findings.add(record, at: record.title!.position,
                "this improvement reads much like '\(improvements[closest.other].id)' (\(percent)% of words shared\(others)): if it is the same practice, build on that record instead of starting another")
        }
    }
}
