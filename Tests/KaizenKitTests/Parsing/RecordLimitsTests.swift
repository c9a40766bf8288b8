import Foundation
import Testing
@testable import KaizenKit

@Suite struct RecordLimitsTests {
    @Test func sizesAreSaidInTheUnitThatReadsBest() {
        #expect(RecordLimits.sizeText(900) == "900 bytes")
        #expect(RecordLimits.sizeText(256 << 10) == "256 KiB")
        #expect(RecordLimits.sizeText(1 << 20) == "1 MiB")
        #expect(RecordLimits.sizeText(1_572_864) == "1.5 MiB")
    }

    /// A workspace in a new folder holding `files`, which goes when `body` returns.
    private func withWorkspace(_ files: [String: String], _ body: (RecordLoader) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-limits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try body(RecordLoader(workspace: try Workspace.open(at: root)))
    }

    @Test func aWorkspaceWithMoreRecordsThanTheLimitIsRefusedWithTheCount() throws {
        let paths = ["improvements/a.md", "experiments/b.md", "constraints/c.md", "constraints/README.md"]
        try withWorkspace(Dictionary(uniqueKeysWithValues: paths.map { ($0, "---\n---\n") })) { loader throws in
            #expect(try loader.recordPaths(limit: 3) == ["constraints/c.md", "experiments/b.md", "improvements/a.md"])
            #expect(throws: KaizenError.tooManyRecords(count: 3, limit: 2)) { try loader.recordPaths(limit: 2) }
        }
        #expect(KaizenError.tooManyRecords(count: 3, limit: 2).errorDescription
            == "the records folders hold 3 Markdown files, over the 2 kaizen reads in one run: split the repository (one per department, say), or move archived records out of the configured folders")
    }

    /// Experiments in a folder inside the improvements' folder are found by
    /// both kinds' walks, and listed and counted once.
    @Test func aFileInsideAnotherKindsFolderIsListedOnce() throws {
        let record = "---\n---\n"
        try withWorkspace(["kaizen.yml": "paths: {improvements: records, experiments: records/trials}\n",
                           "records/a.md": record, "records/trials/b.md": record, "records/trials/c.md": record]) { loader throws in
            #expect(try loader.recordPaths(limit: 3) == ["records/a.md", "records/trials/b.md", "records/trials/c.md"])
            #expect(throws: KaizenError.tooManyRecords(count: 3, limit: 2)) { try loader.recordPaths(limit: 2) }
        }
    }

    /// The bound holds wherever records are read from: the pre-commit hook
    /// (the index) and `review` (commits) read as many files as `check`.
    @Test func theIndexAndACommitWithMoreRecordsThanTheLimitAreRefusedWithTheCount() throws {
        let paths = ["improvements/a.md", "experiments/b.md", "constraints/c.md", "constraints/README.md"]
        try withWorkspace(Dictionary(uniqueKeysWithValues: paths.map { ($0, "---\n---\n") })) { loader throws in
            let root = loader.workspace.root
            _ = try git(["init", "-q"], in: root)
            _ = try git(["add", "-A"], in: root)
            _ = try git(["commit", "-q", "-m", "records"], in: root)
            let repository = try #require(try GitRepository.discover(containing: root.path))
            for source in [RecordSource.index, .commit(try repository.resolveCommit("HEAD"))] {
                #expect(try source.list(loader.workspace, repository: repository, limit: 3).paths.count == 3, "\(source)")
                #expect(throws: KaizenError.tooManyRecords(count: 3, limit: 2), "\(source)") {
                    try source.list(loader.workspace, repository: repository, limit: 2)
                }
            }
        }
    }
}
