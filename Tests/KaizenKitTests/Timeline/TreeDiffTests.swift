import Foundation
import Testing
@testable import KaizenKit

/// TreeDiff against `git diff-tree -r --no-renames` on the same two commits.
@Suite struct TreeDiffTests {
    private func write(_ files: [String: String], in directory: URL) throws {
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
    }

    /// Names that sort differently as files and as folders (`a` + `.md`, `a-b`,
    /// `a/`), a file replaced by a folder of the same name, a long folder with
    /// one entry changed in the middle, and files out of scope.
    @Test func findsExactlyTheFilesGitFinds() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-treediff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try git(["init", "-q", "-b", "main"], in: directory)
        var files = ["experiments/a.md": "1", "experiments/a/b.md": "2", "experiments/a-b.md": "3", "experiments/c.md": "4",
                     "experiments/README.md": "r", "experiments/notes.txt": "n", "experiments/x/deep/y.md": "5", "src/main.swift": "s"]
        for index in 0..<300 { files["experiments/long/e\(index).md"] = "entry \(index)" }
        try write(files, in: directory)
        _ = try git(["add", "-A"], in: directory)
        _ = try git(["commit", "-q", "-m", "one"], in: directory)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("experiments/c.md"))
        try write(["experiments/a/b.md": "2 changed", "experiments/a.b.md": "new", "experiments/c.md/inside.md": "folder now",
                   "experiments/long/e150.md": "changed", "experiments/notes.txt": "changed too", "experiments/x/deep/y.md": "5 changed",
                   "src/main.swift": "changed"], in: directory)
        _ = try git(["add", "-A"], in: directory)
        _ = try git(["commit", "-q", "-m", "two"], in: directory)

        let oracle = try git(["diff-tree", "-r", "--no-renames", "--name-status", "HEAD~1", "HEAD", "--", "experiments"], in: directory)
            .split(separator: "\n").map(String.init)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }
            .sorted()

        let repository = try #require(try GitRepository.discover(containing: directory.path))
        let scope = HistoryScope(folders: ["experiments"], files: .records, fields: ["status"])
        let head = try repository.commit(try repository.resolveCommit("HEAD"))
        let parent = try repository.commit(try #require(head.firstParentID))
        func folder(_ commit: GitCommit) throws -> ObjectID? { try repository.tree(commit.treeID).subtreeID(atPath: "experiments") }
        let changes = try TreeDiff(database: GitObjectDatabase(repository), scope: scope)
            .changes(from: try folder(parent), to: try folder(head), prefix: "experiments")
        let found = changes.map { change in
            "\(change.oldBlob == nil ? "A" : change.newBlob == nil ? "D" : "M")\t\(change.path)"
        }.sorted()
        #expect(found == oracle)
        #expect(found.count == 6)
    }
}
