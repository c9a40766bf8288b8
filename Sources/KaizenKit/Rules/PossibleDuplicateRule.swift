extension RuleDescriptor {
    static let possibleDuplicate = RuleDescriptor(
        name: "possible-duplicate", severity: .warning,
        summary: "An improvement reads very much like another: the same problem may be being solved twice.",
        explanation: "Warns when an improvement is at least 40 % similar to another improvement, by the measure `kaizen similar` uses: the same practice may be being developed twice.",
        howToFix: "If it is the same practice, build on the existing record (adopt it, or add to its notes) and retire this one; if not, make the title and summary say what sets it apart.")
}

/// The same improvement invented twice is effort that could have been an
/// adoption. Compares every improvement with every other by
/// `RecordSimilarity` (title, tags, area and body) in the collection of
/// improvements, through `CosineJoin`, so that thousands of them are not
/// compared pair by pair.
struct PossibleDuplicateRule: Rule {
    static let descriptor = RuleDescriptor.possibleDuplicate
    static let reportsOnKind: RecordKind? = .improvement

    /// The similarity at which two improvements are taken for the same
    /// practice. In the demo, mobile's write-up of trunk-based development is
    /// 52 % like checkout's, and no other two improvements are over 23 % alike;
    /// in the benchmark's generated records none is over 12 % like another.
    static let threshold = 0.4
    /// Records with fewer distinct words say too little to compare.
    static let minimumWords = 4

    /// Up to this many improvements reported on, each is compared with every
    /// other instead of joining all of them: an editor's buffer or a commit's
    /// few files cost a fraction of a millisecond each that way, against
    /// about 6 ms for the join over the benchmark's 1,500 improvements.
    static let directComparisons = 16

    func check(_ context: RuleContext, findings: inout Findings) {
        // A retired improvement is settled, a twin retired in favour of another above all.
        let improvements = context.improvements.filter { $0.improvement.status?.value != .retired }.map(\.record)
        var wordCounts = context.wordCounts
        let similarity = RecordSimilarity(records: improvements, cache: &wordCounts)
        let eligible = improvements.indices.filter { similarity.index.wordCount(of: $0) >= Self.minimumWords }
        let reported = context.reportsOnEveryRecord ? nil : Set(context.reported.map(\.path))
        let targets = reported.map { reported in eligible.filter { reported.contains(improvements[$0].path) } } ?? eligible
        let pairs = targets.count <= Self.directComparisons
            ? similarity.pairs(of: targets, among: eligible, threshold: Self.threshold)
            : similarity.pairs(among: eligible, threshold: Self.threshold)
        // One finding per improvement reported on, naming its closest twin: a
        // cluster of similar records is one thing to look at, not one per pair.
        let isTarget = Set(targets)
        var twins: [Int: [(other: Int, similarity: Double)]] = [:]
        for pair in pairs {
            if isTarget.contains(pair.first) { twins[pair.first, default: []].append((pair.second, pair.similarity)) }
            if isTarget.contains(pair.second) { twins[pair.second, default: []].append((pair.first, pair.similarity)) }
        }
        for (index, candidates) in twins {
            let closest = candidates.sorted { a, b in
                a.similarity != b.similarity ? a.similarity > b.similarity : improvements[a.other].id < improvements[b.other].id
            }[0]
            let record = improvements[index]
            let percent = Int((closest.similarity * 100).rounded())
            let words = similarity.sharedWords(index, closest.other, limit: 3).joined(separator: ", ")
            let others = candidates.count > 1 ? ", and like \(pluralized(candidates.count - 1, "other improvement"))" : ""
            findings.add(record, at: record.title?.position ?? record.position(ofKey: "title"),
                "this improvement reads much like '\(improvements[closest.other].id)' (\(percent)% similar, sharing \(words))\(others): if it is the same practice, build on that record instead: move what this one adds into it, and retire this one")
        }
    }
}
