import Foundation
import Testing

/// What `kaizen timeline` says when it cannot do what was asked.
@Suite struct TimelineCommandTests {
    private func repository() throws -> GitFixture {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/smaller-batches.md", RecordText.experiment(id: nil, title: "Smaller batches", status: "running"))
        try repo.commit("Start", by: .ana)
        return repo
    }

    @Test func outsideAGitRepositoryItSaysSoAndExits2() throws {
        let folder = try FixtureFolder(["kaizen.yml": RecordText.config])
        let result = try folder.run(["timeline"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not inside a git repository, and history needs one"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownRecordGetsASuggestion() throws {
        let repo = try repository()
        let result = try KaizenProcess.run(["timeline", "smaller-batchs"], in: repo.workTree)
        #expect(result.status == 2)
        #expect(result.stderr == "kaizen: error: no record has the id 'smaller-batchs' (did you mean 'smaller-batches'?)\n")
    }

    @Test func anUnknownRefNamesItself() throws {
        let repo = try repository()
        let result = try KaizenProcess.run(["timeline", "--ref", "mian"], in: repo.workTree)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'mian' names no commit in this repository"))
    }

    @Test func pathMustBeAFolder() throws {
        let repo = try repository()
        let file = try KaizenProcess.run(["timeline", "--path", "kaizen.yml"], in: repo.workTree)
        #expect(file.status == 2)
        #expect(file.stderr == "kaizen: error: --path takes a folder of Markdown files, and kaizen.yml is a file\n")
        let missing = try KaizenProcess.run(["timeline", "--path", "notes"], in: repo.workTree)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("kaizen: error: no such file or folder: "))
    }

    @Test func aDamagedCacheIsRebuilt() throws {
        let repo = try repository()
        let first = try KaizenProcess.run(["timeline", "--format", "json", "--today", "2026-11-20"], in: repo.workTree)
        #expect(first.status == 0)
        let cacheFolder = repo.workTree.appendingPathComponent(".git/kaizen")
        let files = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasSuffix(".cache") }
        #expect(files.count == 1)
        try Data("not a cache".utf8).write(to: cacheFolder.appendingPathComponent(files[0]))
        let second = try KaizenProcess.run(["timeline", "--format", "json", "--today", "2026-11-20"], in: repo.workTree)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
        #expect(try Data(contentsOf: cacheFolder.appendingPathComponent(files[0])) != Data("not a cache".utf8))
    }

    /// A version over the 1 MiB a record may be is not read, in history as on
    /// disk: its status is unknown rather than taken from it, and the timeline
    /// says which commit it was.
    @Test func aVersionTooLargeForARecordIsSkippedAndSaysSo() throws {
        let repo = try repository()
        let running = RecordText.experiment(id: nil, title: "Smaller batches", status: "running")
        let padding = "\n" + String(repeating: "A log line pasted by mistake.\n", count: 40_000)
        try repo.write("experiments/smaller-batches.md", running.replacingOccurrences(of: "status: running", with: "status: concluded") + padding)
        let large = try repo.commit("Paste a log", by: .mia)
        try repo.write("experiments/smaller-batches.md", running.replacingOccurrences(of: "status: running", with: "status: concluded"))
        try repo.commit("Conclude", by: .ana)
        let result = try KaizenProcess.run(["timeline", "smaller-batches", "--today", "2026-11-20"], in: repo.workTree)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let skipped = lines.filter { $0.contains(" skipped ") }
        #expect(skipped.count == 1)
        #expect(skipped.first?.contains("not read: over the 1 MiB a record may be") == true)
        #expect(skipped.first?.hasSuffix(String(large.prefix(7))) == true)
        // The status changed in the commit after the large one, not in it.
        let changed = lines.filter { $0.contains(" changed ") }
        #expect(changed.count == 1)
        #expect(changed.first?.contains("status running → concluded") == true)
        #expect(changed.first?.contains(String(large.prefix(7))) == false)
        let json = try KaizenProcess.run(["timeline", "smaller-batches", "--format", "json", "--no-cache"], in: repo.workTree)
        #expect(json.stdout.contains("\"type\" : \"skipped\""))
    }

    /// A file in a hidden folder of a records folder is no record to `check`,
    /// so it has no timeline either, whether it was added or changed.
    @Test func hiddenFilesAndFoldersHaveNoTimelineAsTheyAreNoRecords() throws {
        let repo = try repository()
        let draft = RecordText.experiment(id: nil, title: "Hidden draft", status: "planned")
        try repo.write("experiments/.drafts/hidden-draft.md", draft)
        try repo.write("experiments/.hidden-file.md", draft)
        try repo.commit("Drafts", by: .ana)
        try repo.write("experiments/.drafts/hidden-draft.md", draft.replacingOccurrences(of: "status: planned", with: "status: running"))
        try repo.commit("Start the draft", by: .mia)
        let timeline = try KaizenProcess.run(["timeline", "--format", "csv", "--today", "2026-11-20"], in: repo.workTree)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.contains("smaller-batches"))
        #expect(!timeline.stdout.contains("hidden-draft") && !timeline.stdout.contains("hidden-file"))
        let list = try KaizenProcess.run(["list", "--format", "csv", "--no-history", "--today", "2026-11-20"], in: repo.workTree)
        #expect(list.stdout.contains("smaller-batches"))
        #expect(!list.stdout.contains("hidden-draft") && !list.stdout.contains("hidden-file"))
    }
}
