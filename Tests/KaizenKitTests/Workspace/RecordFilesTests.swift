import Foundation
@testable import KaizenKit
import Testing

/// Every place records are read from takes the same files as records: the
/// working tree (`check`), the index (the pre-commit hook), a commit
/// (`review`) and the history (`timeline`).
@Suite struct RecordFilesTests {
    static let record = "---\nkind: experiment\ntitle: A\nstatus: planned\n---\n"

    /// Hidden files and folders below a records folder, READMEs and other
    /// files, and a records folder whose own name is hidden.
    static let files = [
        "kaizen.yml": "paths: {experiments: experiments, improvements: .records/improvements}\n",
        "experiments/a.md": record,
        "experiments/nested/b.md": record,
        "experiments/.drafts/hidden-folder.md": record,
        "experiments/nested/.old/deep/hidden-deeper.md": record,
        "experiments/.hidden-file.md": record,
        "experiments/README.md": "# Experiments\n",
        "experiments/nested/readme.md": "# Nested\n",
        "experiments/notes.txt": "not Markdown\n",
        ".records/improvements/c.md": record,
        ".records/improvements/.drafts/d.md": record,
        "constraints/e.md": record,
        "docs/f.md": record,
    ]

    static let records = [".records/improvements/c.md", "constraints/e.md", "experiments/a.md", "experiments/nested/b.md"]

    @Test(arguments: [
        ("experiments/a.md", true), ("experiments/x/y/z.md", true), ("experiments/.a.md", false), ("experiments/.x/a.md", false),
        ("experiments/x/.y/a.md", false), ("experiments/README.md", false), ("experiments/x/Readme.md", false),
        ("experiments/a.txt", false), ("experimentsx/a.md", false), ("experiments", false), ("experiments/", false),
        ("other/a.md", false), (".records/improvements/a.md", true), (".records/improvements/.a/b.md", false),
        ("experiments/café.md", true), ("experiments/.café/a.md", false),
    ])
    func aPathIsARecordBelowAConfiguredFolderWithNothingHiddenOnTheWay(_ path: String, _ isRecord: Bool) {
        #expect(RecordFiles.isRecordPath(path, folders: ["experiments", ".records/improvements"]) == isRecord)
    }

    @Test func theWorkingTreeTheIndexACommitAndTheHistoryHoldTheSameRecords() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-record-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in Self.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        _ = try git(["init", "-q", "-b", "main"], in: root)
        _ = try git(["add", "-A"], in: root)
        _ = try git(["commit", "-q", "-m", "records"], in: root)
        let workspace = try Workspace.open(at: root)
        let repository = try #require(try GitRepository.discover(containing: root.path))

        #expect(try RecordLoader(workspace: workspace).recordPaths() == Self.records, "working tree")
        #expect(try RecordSource.index.list(workspace, repository: repository).paths == Self.records, "index")
        let head = RecordSource.commit(try repository.resolveCommit("HEAD"))
        #expect(try head.list(workspace, repository: repository).paths == Self.records, "commit")
        let scope = try HistoryScope.records(of: workspace, fields: ["status"])
        let timeline = try HistoryScanner(repositoryContaining: root.path, scope: scope).scan(cache: false)
        #expect(timeline.records.map(\.path).sorted() == Self.records, "history")
    }
}
