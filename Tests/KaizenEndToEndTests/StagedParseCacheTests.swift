import Foundation
import Testing

/// `kaizen check --staged` keeps its parses under .git/kaizen/: whatever the
/// cache holds, each run prints what a run without it prints.
@Suite struct StagedParseCacheTests {
    static let securityImprovement = Records.improvement
        .replacingOccurrences(of: "title: Review pairs", with: "title: Security gates")
        .replacingOccurrences(of: "area: flow", with: "area: security")
        .replacingOccurrences(of: "Two people review together.", with: "Every release passes an automated scan before it ships.")
    static let archivedExperiment = Records.experiment(title: "An old trial")

    /// Committed: an improvement with an area the defaults lack (an error until
    /// kaizen.yml adds it) and an experiment in a folder inside experiments/.
    private func repository() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write("improvements/review-pairs.md", Records.improvement)
        try repo.write("improvements/security-gates.md", Self.securityImprovement)
        try repo.write("experiments/review-pairs-trial.md", Records.experiment(improvement: "review-pairs"))
        try repo.write("experiments/archive/old-trial.md", Self.archivedExperiment)
        try repo.commit("Start", by: .ana)
        return repo
    }

    private func cacheFolder(_ repo: GitFixture) -> URL {
        repo.gitDirectory.appendingPathComponent("kaizen")
    }

    private func cacheFiles(_ repo: GitFixture) throws -> [URL] {
        let folder = cacheFolder(repo)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("parse-") }
    }

    private func check(_ repo: GitFixture) throws -> KaizenProcess.Result {
        try KaizenProcess.run(["check", "--staged", "--against", "HEAD", "--today", "2026-11-20"], in: repo.workTree)
    }

    /// Checks with the cache the last run left, then with none, and expects
    /// the same status and output from both.
    @discardableResult
    private func checkWarmAndCold(_ repo: GitFixture, _ comment: Comment) throws -> KaizenProcess.Result {
        let warm = try check(repo)
        try FileManager.default.removeItem(at: cacheFolder(repo))
        let cold = try check(repo)
        #expect(warm.status == cold.status, comment)
        #expect(warm.stdout == cold.stdout, comment)
        #expect(warm.stderr == cold.stderr, comment)
        return warm
    }

    @Test func aWarmRunPrintsWhatTheColdRunPrintedAndLeavesTheCacheAlone() throws {
        let repo = try repository()
        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", status: "runing"))
        try repo.git(["add", "-A"])
        let cold = try check(repo)
        #expect(cold.status == 1)
        #expect(cold.stdout.contains("'status' cannot be 'runing'"))
        let file = try #require(try cacheFiles(repo).first)
        let written = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int

        let warm = try check(repo)
        #expect(warm.status == cold.status)
        #expect(warm.stdout == cold.stdout)
        #expect(warm.stderr == cold.stderr)
        // Nothing was missing, so the file was not replaced.
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int == written)
        #expect(try cacheFiles(repo).count == 1)
    }

    @Test func anEditedAndStagedFileIsParsedAgain() throws {
        let repo = try repository()
        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", status: "runing"))
        try repo.git(["add", "-A"])
        #expect(try checkWarmAndCold(repo, "staged broken").status == 1)

        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches"))
        try repo.git(["add", "-A"])
        let fixed = try checkWarmAndCold(repo, "staged fixed")
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(fixed.stdout == "1 record checked: no problems\n")

        try repo.git(["rm", "-q", "--cached", "experiments/review-pairs-trial.md"])
        let removed = try checkWarmAndCold(repo, "a record unstaged")
        #expect(removed.stdout == "1 record checked: no problems\n")
    }

    @Test func aStagedConfigurationChangeIsParsedWith() throws {
        let repo = try repository()
        let before = try checkWarmAndCold(repo, "nothing staged")
        #expect(before.stderr.contains("1 errors and 0 warnings"), "\(before.stderr)")

        // The area becomes valid: the unchanged improvement's error goes.
        try repo.write("kaizen.yml", Records.config + "areas: [security]\n")
        try repo.git(["add", "kaizen.yml"])
        let areas = try checkWarmAndCold(repo, "an area added")
        #expect(areas.status == 0)
        #expect(areas.stderr == "", "\(areas.stderr)")

        // The archive becomes the improvements folder: the unchanged experiment
        // in it is misplaced, and the improvement the other one links to is gone.
        try repo.write("kaizen.yml", Records.config + "areas: [security]\npaths:\n  improvements: experiments/archive\n")
        try repo.git(["add", "kaizen.yml"])
        let folders = try checkWarmAndCold(repo, "a folder moved")
        #expect(folders.stderr.contains("1 errors and 1 warnings"), "\(folders.stderr)")

        // A severity: applied after parsing, and still right.
        try repo.write("kaizen.yml", Records.config + "areas: [security]\npaths:\n  improvements: experiments/archive\nrules:\n  misplaced-record: error\n")
        try repo.git(["add", "kaizen.yml"])
        let severity = try checkWarmAndCold(repo, "a severity changed")
        #expect(severity.stderr.contains("2 errors and 0 warnings"), "\(severity.stderr)")
    }

    @Test(arguments: ["torn", "garbage", "empty", "one byte changed"])
    func aDamagedCacheStillGivesTheRightOutput(_ damage: String) throws {
        let repo = try repository()
        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", status: "runing"))
        try repo.git(["add", "-A"])
        let cold = try check(repo)
        let file = try #require(try cacheFiles(repo).first)
        let whole = try Data(contentsOf: file)
        switch damage {
        case "torn": try whole.prefix(whole.count / 2).write(to: file)
        case "garbage": try Data(whole.map { $0 ^ 0x5A }).write(to: file)
        case "empty": try Data().write(to: file)
        default:
            // Inside some record's text, most likely: it would still read as a record.
            var changed = whole
            changed[whole.count * 3 / 4] ^= 0x01
            try changed.write(to: file)
        }
        let damaged = try check(repo)
        #expect(damaged.status == cold.status)
        #expect(damaged.stdout == cold.stdout)
        #expect(damaged.stderr == cold.stderr)
        // Rebuilt whole.
        #expect(try Data(contentsOf: file) == whole)
    }

    @Test func aCacheThatCannotBeWrittenIsDoneWithout() throws {
        let repo = try repository()
        // A file where the cache folder would go.
        try Data().write(to: cacheFolder(repo))
        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", status: "runing"))
        try repo.git(["add", "-A"])
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stdout.contains("'status' cannot be 'runing'"))
        #expect(result.stderr == "kaizen: warning: 1 errors and 0 warnings in files this commit does not change; `kaizen check` lists them\n")
    }

    // MARK: The working tree: files unchanged since the last run are not read

    private func list(_ repo: GitFixture) throws -> KaizenProcess.Result {
        try KaizenProcess.run(["list", "--today", "2026-11-20"], in: repo.workTree)
    }

    private func cacheInode(_ repo: GitFixture) throws -> Int? {
        let file = try #require(try cacheFiles(repo).first)
        return try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
    }

    @Test func aRunOverAnUnchangedWorkingTreeLeavesTheCacheAloneAndSoDoesTheStagedCheck() throws {
        let repo = try repository()
        let cold = try list(repo)
        #expect(cold.status == 0)
        // The first run stamps files it had to read; the second finds nothing new.
        #expect(try list(repo).stdout == cold.stdout)
        let written = try cacheInode(repo)
        #expect(try list(repo).stdout == cold.stdout)
        #expect(try cacheInode(repo) == written)
        // The staged check finds the same blobs and keeps the working tree's stamps.
        _ = try check(repo)
        #expect(try cacheInode(repo) == written)
        #expect(try list(repo).stdout == cold.stdout)
        #expect(try cacheInode(repo) == written)
    }

    @Test func anEditKeepingTheSizeTheInodeAndTheModificationTimeIsStillSeen() throws {
        let repo = try repository()
        let path = "experiments/review-pairs-trial.md"
        let file = repo.workTree.appendingPathComponent(path)
        let before = try list(repo)
        _ = try list(repo)
        let original = try repo.read(path)
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        #expect(original.contains("title: Review pairs\n"))

        // Same length, written in place, the time set back: only the change time tells.
        let edited = original.replacingOccurrences(of: "title: Review pairs\n", with: "title: Review pears\n")
        #expect(edited.utf8.count == original.utf8.count)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        // To the nanosecond, as stat gave them.
        let times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, file.path, times, 0) == 0)
        var after = stat()
        #expect(stat(file.path, &after) == 0)
        #expect(after.st_mtim.tv_sec == info.st_mtim.tv_sec && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
        #expect(after.st_ino == info.st_ino && after.st_size == info.st_size)

        let warm = try list(repo)
        #expect(warm.stdout.contains("Review pears"))
        #expect(warm.stdout != before.stdout)
        try FileManager.default.removeItem(at: cacheFolder(repo))
        #expect(try list(repo).stdout == warm.stdout)
    }
}
