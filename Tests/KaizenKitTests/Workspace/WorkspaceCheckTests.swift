import Foundation
@testable import KaizenKit
import Testing

/// What `kaizen check` reports of the working tree and of the index.
@Suite struct WorkspaceCheckTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!
    /// A record with an unknown field, among other findings.
    static let faulty = "---\nkind: experiment\ntitle: Faulty\ncolour: red\n---\n"
    static let config = "teams: [{id: payments}]\ncolour: red\n"

    /// A git work tree holding `files`, committed when `commit` says so, which goes when `body` returns.
    private func withRepository(_ files: [String: String], commit: Bool = true, _ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-workspace-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(files, in: root)
        _ = try git(["init", "-q", "-b", "main"], in: root)
        if commit {
            _ = try git(["add", "-A"], in: root)
            _ = try git(["commit", "-q", "-m", "records"], in: root)
        }
        try body(root)
    }

    private func write(_ files: [String: String], in root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
    }

    private func paths(_ report: CheckReport) -> Set<String> {
        Set(report.diagnostics.map(\.path))
    }

    @Test func namedRecordsAloneAreReportedWithTheConfigurationWhileLinksSeeEveryRecord() throws {
        let linking = "---\nkind: experiment\ntitle: Linking\nimprovement: elsewhere\n---\n"
        try withRepository(["kaizen.yml": Self.config, "experiments/a.md": linking, "experiments/b.md": Self.faulty,
                            "improvements/elsewhere.md": "---\nkind: improvement\ntitle: Elsewhere\n---\n"], commit: false) { root in
            let workspace = try Workspace.open(at: root)
            let check = try WorkspaceCheck.workingTree(workspace, paths: ["experiments/a.md"], relativeTo: root, today: Self.today)
            #expect(paths(check.report) == ["experiments/a.md", "kaizen.yml"])
            #expect(!check.report.diagnostics.contains { $0.rule == "broken-link" }, "the improvement is read, though not named")
            #expect(check.elsewhere == nil)
            let everything = try WorkspaceCheck.workingTree(workspace, relativeTo: root, today: Self.today)
            #expect(paths(everything.report) == ["experiments/a.md", "experiments/b.md", "improvements/elsewhere.md", "kaizen.yml"])
        }
    }

    @Test func aFolderNamedWithARevisionTakesInTheRecordsDeletedFromIt() throws {
        try withRepository(["experiments/a.md": Self.faulty, "experiments/kept.md": Self.faulty,
                            "constraints/c.md": Self.faulty]) { root in
            for path in ["experiments/a.md", "constraints/c.md"] {
                try FileManager.default.removeItem(at: root.appendingPathComponent(path))
            }
            let workspace = try Workspace.open(at: root)
            let check = try WorkspaceCheck.workingTree(workspace, paths: ["experiments"], relativeTo: root, against: "HEAD",
                                                       today: Self.today)
            let deleted = check.report.diagnostics.filter { $0.rule == "record-deleted" }.map(\.path)
            #expect(deleted == ["experiments/a.md"])
            #expect(paths(check.report) == ["experiments/a.md", "experiments/kept.md"])
        }
    }

    @Test func theIndexIsCheckedWithTheFindingsInFilesTheCommitLeavesApart() throws {
        try withRepository(["experiments/committed.md": Self.faulty]) { root in
            try write(["experiments/staged.md": Self.faulty, "experiments/unstaged.md": Self.faulty], in: root)
            _ = try git(["add", "experiments/staged.md"], in: root)
            let check = try WorkspaceCheck.index(try Workspace.open(at: root), today: Self.today)
            #expect(paths(check.report) == ["experiments/staged.md"])
            #expect(check.report.recordCount == 1)
            #expect(paths(try #require(check.elsewhere)) == ["experiments/committed.md"])
            #expect(try check.sources().line(1, of: "experiments/staged.md") == "---")
        }
    }
}
