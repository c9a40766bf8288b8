import Foundation
import Testing

/// `kaizen check --staged` checks the index, not the working tree.
@Suite struct StagedCheckTests {
    static let broken = Records.experiment(title: "Smaller batches", status: "runing")
    static let fixed = Records.experiment(title: "Smaller batches", status: "running")

    private func repository() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write("improvements/review-pairs.md", Records.improvement)
        try repo.write("experiments/review-pairs-trial.md", Records.experiment(improvement: "review-pairs"))
        try repo.commit("Start", by: .ana)
        return repo
    }

    /// Writes `path` and adds it to the index.
    private func stage(_ path: String, _ contents: String, in repo: GitFixture) throws {
        try repo.write(path, contents)
        try repo.git(["add", path])
    }

    private func check(_ repo: GitFixture) throws -> KaizenProcess.Result {
        try KaizenProcess.run(["check", "--staged", "--today", "2026-11-20"], in: repo.workTree)
    }

    @Test func aFileStagedBrokenFailsEvenWhenFixedInTheWorkingTree() throws {
        let repo = try repository()
        try stage("experiments/smaller-batches.md", Self.broken, in: repo)
        try repo.write("experiments/smaller-batches.md", Self.fixed)
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stdout.contains("experiments/smaller-batches.md:10:9: error: 'status' cannot be 'runing' (did you mean 'running'?)"))
        #expect(result.stdout.hasSuffix("1 record checked: 1 error\n"))
        // The working tree itself is fine.
        #expect(try KaizenProcess.run(["check", "experiments/smaller-batches.md", "--today", "2026-11-20"], in: repo.workTree).status == 0)
    }

    @Test func aFileStagedFixedPassesEvenWhenBrokenInTheWorkingTree() throws {
        let repo = try repository()
        try stage("experiments/smaller-batches.md", Self.fixed, in: repo)
        try repo.write("experiments/smaller-batches.md", Self.broken)
        let result = try check(repo)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "1 record checked: no problems\n")
        #expect(try KaizenProcess.run(["check", "--today", "2026-11-20"], in: repo.workTree).status == 1)
    }

    @Test func crossRecordRulesSeeTheStagedRepository() throws {
        let repo = try repository()
        // Staged: the improvement is renamed, and a new experiment links to its new
        // name; the unchanged experiment's link to the old name breaks, but that
        // file is not part of this commit, so it is only summarised.
        try repo.git(["mv", "improvements/review-pairs.md", "improvements/pair-reviews.md"])
        try stage("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", improvement: "pair-reviews"), in: repo)
        let result = try check(repo)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "2 records checked: no problems\n")
        #expect(result.stderr == "kaizen: warning: 1 errors and 0 warnings in files this commit does not change; `kaizen check` lists them\n")
    }

    @Test func problemsOnlyElsewhereDoNotFailTheCommit() throws {
        let repo = try repository()
        try repo.write("experiments/old.md", Self.broken)
        try repo.commit("A broken record, committed without the hook", by: .ben)
        try stage("experiments/smaller-batches.md", Self.fixed, in: repo)
        let result = try check(repo)
        #expect(result.status == 0)
        #expect(result.stderr.contains("1 errors and 0 warnings in files this commit does not change"))
    }

    @Test func theStagedConfigurationApplies() throws {
        let repo = try repository()
        try stage("kaizen.yml", Records.config.replacingOccurrences(of: "  platform: {name: Platform}\n", with: ""), in: repo)
        try repo.write("kaizen.yml", Records.config)
        try stage("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", teams: "[platform]"), in: repo)
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stdout.contains("unknown team 'platform'"))
    }

    @Test func pathsAndStagedTogetherAreAUsageError() throws {
        let repo = try repository()
        let result = try KaizenProcess.run(["check", "--staged", "experiments"], in: repo.workTree)
        #expect(result.status == 2)
        #expect(result.stderr.contains("pass either --staged or paths"))
    }
}
