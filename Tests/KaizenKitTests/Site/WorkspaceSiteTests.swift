import Foundation
@testable import KaizenKit
import Testing

/// The site of a workspace on disk: record bodies come from the same read as
/// the records, and a file that cannot be read is named, not dropped unseen.
@Suite struct WorkspaceSiteTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!
    static let improvement = RecordFixture.improvement("pair-reviews", title: "Pair reviews", status: "proposed",
                                                       body: "## Summary\n\nTwo reviewers read every payment change together.\n")

    /// A workspace whose improvement starts with a UTF-8 byte-order mark, as
    /// records may, beside a link to a record file that does not exist.
    private func withWorkspace(inGit: Bool, _ body: (Workspace, URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-workspace-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("improvements"), withIntermediateDirectories: true)
        try Data("teams: [{id: payments}]\n".utf8).write(to: root.appendingPathComponent("kaizen.yml"))
        try Data([0xEF, 0xBB, 0xBF] + Array(Self.improvement.text.utf8)).write(to: root.appendingPathComponent(Self.improvement.path))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("improvements/gone.md").path,
                                                   withDestinationPath: "nowhere.md")
        if inGit { _ = try git(["init", "-q"], in: root) }
        try body(try Workspace.open(at: root), root.appendingPathComponent("site"))
    }

    @Test(arguments: [false, true])
    func bodiesComeFromTheRecordsReadAndAnUnreadableFileIsNamed(inGit: Bool) throws {
        try withWorkspace(inGit: inGit) { workspace, output in
            // In git the second run takes the parses from the cache, and still shows the bodies.
            for run in inGit ? ["cold", "warm"] : ["only"] {
                let site = try WorkspaceSite.write(workspace, to: output, force: false, today: Self.today, history: nil)
                let page = try String(contentsOf: output.appendingPathComponent("improvements/pair-reviews.html"), encoding: .utf8)
                #expect(page.contains("Two reviewers read every payment change together."), "\(run)")
                #expect(site.unreadable.map(\.path) == ["improvements/gone.md"], "\(run)")
                #expect(site.unreadable.map(\.rule) == ["unreadable-file"], "\(run)")
                #expect(site.unreadable.first?.message.contains("nowhere.md, which does not exist") == true, "\(run)")
            }
        }
    }
}
