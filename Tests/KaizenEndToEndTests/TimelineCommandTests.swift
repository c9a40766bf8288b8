import Foundation
import Testing

/// What `kaizen timeline` says when it cannot do what was asked.
@Suite struct TimelineCommandTests {
    private func repository() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", RecordText.config)
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
}
