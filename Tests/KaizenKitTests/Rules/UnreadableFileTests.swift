import Foundation
@testable import KaizenKit
import Testing

@Suite struct UnreadableFileTests {
    /// Runs `body` on a workspace in a fresh temporary folder holding `files`,
    /// then removes the folder.
    private func withWorkspace(_ files: [String: String], _ body: (Workspace) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("kaizen-unreadable-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try body(try Workspace.open(at: root))
    }

    static let reviewPairs = RecordFixture.experiment("review-pairs", title: "Review pairs for payment changes", status: "planned")

    @Test func aFileThatDisappearsAfterItWasListedIsReportedAtItsStart() throws {
        try withWorkspace([Self.reviewPairs.path: Self.reviewPairs.text]) { workspace in
            let loader = RecordLoader(workspace: workspace)
            let paths = try loader.recordPaths()
            #expect(paths == ["experiments/review-pairs.md"])
            try FileManager.default.removeItem(at: workspace.url(for: "experiments/review-pairs.md"))

            let parsed = loader.load(paths)
            let absolute = workspace.root.appendingPathComponent("experiments/review-pairs.md").path
            #expect(parsed.map(\.diagnostics) == [[
                Diagnostic(path: "experiments/review-pairs.md", position: SourcePosition(line: 1, column: 1), severity: .error,
                           rule: "unreadable-file",
                           message: "cannot read \(absolute): it no longer exists (was it moved or deleted while kaizen ran?)"),
            ]])
            // The record keeps its id and folder kind, so links and duplicate ids still see it.
            #expect(parsed.map(\.record.id) == ["review-pairs"])
            #expect(parsed.map(\.record.kind) == [.experiment])
        }
    }

    @Test func aFolderNamedLikeARecordIsReportedAsNotAFile() throws {
        try withWorkspace(["experiments/review-pairs.md/notes.txt": "not a record\n"]) { workspace in
            let parsed = RecordLoader(workspace: workspace).load(["experiments/review-pairs.md"])
            let absolute = workspace.root.appendingPathComponent("experiments/review-pairs.md").path
            #expect(parsed.flatMap(\.diagnostics).map(\.message) == [
                "cannot read \(absolute): it is a folder or a special file, not a file",
            ])
        }
    }

    @Test func filesThatCanBeReadPass() throws {
        try withWorkspace([Self.reviewPairs.path: Self.reviewPairs.text]) { workspace in
            let parsed = RecordLoader(workspace: workspace).load(["experiments/review-pairs.md"])
            #expect(parsed.map(\.diagnostics) == [[]])
            #expect(parsed.map(\.record.title?.value) == ["Review pairs for payment changes"])
        }
        let harness = RuleHarness([Self.reviewPairs])
        harness.expect("unreadable-file", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
