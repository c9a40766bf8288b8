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

    @Test func aWorkspaceWithMoreRecordsThanTheLimitIsRefusedWithTheCount() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-limits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["improvements/a.md", "experiments/b.md", "constraints/c.md", "constraints/README.md"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("---\n---\n".utf8).write(to: url)
        }
        let loader = RecordLoader(workspace: try Workspace.open(at: root))
        #expect(try loader.recordPaths(limit: 3) == ["constraints/c.md", "experiments/b.md", "improvements/a.md"])
        #expect(throws: KaizenError.tooManyRecords(count: 3, limit: 2)) { try loader.recordPaths(limit: 2) }
        #expect(KaizenError.tooManyRecords(count: 3, limit: 2).errorDescription
            == "the records folders hold 3 Markdown files, over the 2 kaizen reads in one run: split the repository (one per department, say), or move archived records out of the configured folders")
    }
}
