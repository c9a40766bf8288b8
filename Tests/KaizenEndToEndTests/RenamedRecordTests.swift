import Foundation
import Testing

/// An id is a file name, so `git mv` renames a record; the commands that
/// take an id, and the broken-link finding, know it by its former id
/// through history. `git` builds the repository and says which commit
/// renamed the file.
@Suite struct RenamedRecordTests {
    static let today = "2026-11-20"

    /// `review-pairs` renamed to `pair-on-reviews` in a commit of its own, a
    /// later experiment still linking to the old id; the rename's abbreviated id and day.
    private func repository() throws -> (repo: GitFixture, rename: String) {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write("improvements/review-pairs.md", Records.improvement)
        try repo.write("experiments/pairing-trial.md", Records.experiment(improvement: "review-pairs"))
        try repo.commit("Review pairs, and its first trial")
        try repo.move("improvements/review-pairs.md", to: "improvements/pair-on-reviews.md")
        let commit = try repo.commit("Pair on reviews: the name the teams use")
        let day = try repo.gitText(["show", "-s", "--format=%cs", commit]).trimmingCharacters(in: .whitespacesAndNewlines)
        return (repo, "'review-pairs' was renamed to 'pair-on-reviews' in \(commit.prefix(7)) on \(day)")
    }

    private func kaizen(_ arguments: [String], in repo: GitFixture) throws -> KaizenProcess.Result {
        try KaizenProcess.run(arguments + ["--today", Self.today], in: repo.workTree)
    }

    @Test func aLinkToTheFormerIDNamesTheRenameAndTheIDToWrite() throws {
        let (repo, rename) = try repository()
        let finding = "experiments/pairing-trial.md:5:14: error: \(rename): write 'pair-on-reviews' [broken-link]"
        let check = try kaizen(["check"], in: repo)
        #expect(check.status == 1)
        #expect(check.stdout.contains(finding), "\(check.stdout)")

        // The pre-commit hook says the same of a staged edit.
        try repo.write("experiments/pairing-trial.md", Records.experiment(improvement: "review-pairs", reviewBy: "2026-12-21"))
        _ = try repo.git(["add", "experiments/pairing-trial.md"])
        let staged = try kaizen(["check", "--staged"], in: repo)
        #expect(staged.status == 1)
        #expect(staged.stdout.contains(finding), "\(staged.stdout)")
    }

    @Test func aRenameNotYetCommittedIsNamedToo() throws {
        let (repo, _) = try repository()
        try repo.move("improvements/pair-on-reviews.md", to: "improvements/review-in-pairs.md")
        let finding = "experiments/pairing-trial.md:5:14: error: 'review-pairs' was renamed to 'pair-on-reviews' in "
        let uncommitted = "error: 'pair-on-reviews' was renamed to 'review-in-pairs' in changes not yet committed: write 'review-in-pairs' [broken-link]"
        // The trial links to the first id, which history renamed to an id the working tree renamed again.
        try repo.write("experiments/pairing-trial.md", Records.experiment(improvement: "pair-on-reviews"))
        let check = try kaizen(["check"], in: repo)
        #expect(check.status == 1)
        #expect(check.stdout.contains("experiments/pairing-trial.md:5:14: \(uncommitted)"), "\(check.stdout)")
        #expect(!check.stdout.contains(finding))
        // Staged, the hook's check says the same.
        _ = try repo.git(["add", "-A"])
        let staged = try kaizen(["check", "--staged", "--against", "HEAD"], in: repo)
        #expect(staged.status == 1)
        #expect(staged.stdout.contains("experiments/pairing-trial.md:5:14: \(uncommitted)"), "\(staged.stdout)")
    }

    @Test func anIDNoRecordHasEverHadIsStillUnknown() throws {
        let (repo, _) = try repository()
        try repo.write("experiments/pairing-trial.md", Records.experiment(improvement: "review-paris"))
        let check = try kaizen(["check"], in: repo)
        #expect(check.stdout.contains("error: no improvement has the id 'review-paris' [broken-link]"), "\(check.stdout)")
        let show = try kaizen(["show", "review-paris"], in: repo)
        #expect(show.status == 2)
        #expect(show.stderr.contains("no record has the id 'review-paris'"), "\(show.stderr)")
    }

    @Test func timelineShowAndSimilarTakeTheFormerID() throws {
        let (repo, rename) = try repository()
        let timeline = try kaizen(["timeline", "review-pairs", "--format", "json"], in: repo)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stderr == "kaizen: note: \(rename)\n")
        let json = try JSONSerialization.jsonObject(with: Data(timeline.stdout.utf8)) as? [String: Any]
        let records = json?["records"] as? [[String: Any]] ?? []
        #expect(records.map { $0["id"] as? String } == ["pair-on-reviews"])
        #expect(records.first?["path"] as? String == "improvements/pair-on-reviews.md")

        let show = try kaizen(["show", "review-pairs"], in: repo)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stderr == "kaizen: note: \(rename)\n")
        #expect(show.stdout.hasPrefix("improvements/pair-on-reviews.md\n"), "\(show.stdout)")

        let similar = try kaizen(["similar", "review-pairs"], in: repo)
        #expect(similar.status == 0, "\(similar.stderr)")
        #expect(similar.stderr == "kaizen: note: \(rename)\n")

        // Without history there is no rename to follow.
        let noHistory = try kaizen(["show", "review-pairs", "--no-history"], in: repo)
        #expect(noHistory.status == 2)
    }
}
