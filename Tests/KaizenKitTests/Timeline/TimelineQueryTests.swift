import Foundation
@testable import KaizenKit
import Testing

/// What `kaizen timeline` reads and which records it shows, without a process.
@Suite struct TimelineQueryTests {
    /// A git work tree with kaizen.yml and a folder of notes, which goes when `body` returns.
    private func withRepository(_ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-timeline-query-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("teams: [{id: payments}]\n".utf8).write(to: root.appendingPathComponent("kaizen.yml"))
        _ = try git(["init", "-q"], in: root)
        try body(root)
    }

    /// Two experiments and a constraint.
    private var timeline: Timeline { InsightsFixture.history.timeline }

    @Test func namedRecordsAreShownSortedAndATypoGetsTheClosestID() throws {
        try withRepository { root in
            let query = try TimelineQuery.records(of: try Workspace.open(at: root), ref: "HEAD")
            let shown = try query.shown(timeline, ids: ["mobile-canary", "checkout-focus"], format: .text)
            #expect(shown.timeline.records.map(\.id) == ["checkout-focus", "mobile-canary"])
            #expect(throws: KaizenError.noSuchRecord(id: "mobile-canery", suggestion: "mobile-canary")) {
                try query.shown(timeline, ids: ["mobile-canery"], format: .text)
            }
            #expect(try query.shown(timeline, format: .text).timeline.records.count == 3)
        }
    }

    @Test func aMermaidChartOfAWorkspaceShowsItsExperimentsAlone() throws {
        try withRepository { root in
            let records = try TimelineQuery.records(of: try Workspace.open(at: root), ref: "HEAD")
            #expect(try records.shown(timeline, format: .mermaid).timeline.records.map(\.id) == ["mobile-canary", "checkout-focus"])
            let notes = try TimelineQuery.folder("notes", relativeTo: root.appendingPathComponent("/"), fields: [])
            #expect(try notes.shown(timeline, format: .mermaid).timeline.records.count == 3)
        }
    }

    @Test func aConcludedStatusEndsARecordsCourseInAWorkspaceAlone() throws {
        try withRepository { root in
            let workspace = try Workspace.open(at: root)
            #expect(try TimelineQuery.records(of: workspace, ref: "HEAD").finalValues == ["concluded"])
            #expect(try TimelineQuery.records(of: workspace, ref: "HEAD", fields: ["outcome"]).finalValues.isEmpty)
            #expect(try TimelineQuery.folder("notes", relativeTo: root.appendingPathComponent("/")).finalValues.isEmpty)
        }
    }

    @Test func pathMustBeAnExistingFolder() throws {
        try withRepository { root in
            let directory = root.appendingPathComponent("/")
            let query = try TimelineQuery.folder("notes", relativeTo: directory, fields: ["state"])
            #expect(query.scope.fields == ["state"])
            #expect(query.location == root.appendingPathComponent("notes").standardizedFileURL.path)
            #expect(throws: KaizenError.invalidArgument("--path takes a folder of Markdown files, and kaizen.yml is a file")) {
                try TimelineQuery.folder("kaizen.yml", relativeTo: directory)
            }
            #expect(throws: KaizenError.noSuchPath(root.appendingPathComponent("missing").standardizedFileURL.path)) {
                try TimelineQuery.folder("missing", relativeTo: directory)
            }
        }
    }
}
