import Foundation
@testable import KaizenKit
import Testing

/// `SiteWriter` against real folders: what it refuses, and that it writes
/// only under the output folder.
@Suite struct SiteWriterTests {
    let root: URL
    let workspace: Workspace
    let files = [SiteFile(path: "index.html", contents: "<p>library</p>"),
                 SiteFile(path: "improvements/a.html", contents: "<p>a</p>")]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-site-\(UUID().uuidString)")
        for folder in ["improvements", "experiments", "constraints"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        workspace = try Workspace.open(at: root)
    }

    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: workspace.root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The checksums in the marker are `Checksum.of` the contents, worked out with a port of it to Python.
    @Test func writesEveryFileAndAMarker() throws {
        let summary = try SiteWriter(workspace: workspace).write(files, to: root.appendingPathComponent("site"), force: false)
        #expect(summary == SiteWriter.Summary(folder: workspace.root.appendingPathComponent("site").path, written: 2, removed: 0))
        #expect(text("site/index.html") == "<p>library</p>")
        #expect(text("site/improvements/a.html") == "<p>a</p>")
        #expect(text("site/.kaizen-site")?.hasSuffix("\n496ab28d4f21337b  improvements/a.html\n7ac88fa651aa13b5  index.html\n") == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent("site/improvements").path)
        #expect(leftovers == ["a.html"])
    }

    /// A second run replaces its own pages and removes those no record needs, nothing else.
    @Test func aSecondRunRemovesOnlyItsOwnStalePages() throws {
        let writer = SiteWriter(workspace: workspace)
        let output = root.appendingPathComponent("site")
        _ = try writer.write(files, to: output, force: false)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        let summary = try writer.write([SiteFile(path: "index.html", contents: "<p>new</p>")], to: output, force: false)
        #expect(summary.removed == 1)
        #expect(text("site/index.html") == "<p>new</p>")
        #expect(text("site/improvements/a.html") == nil)
        #expect(text("site/notes.txt") == "mine")
    }

    /// A page edited since kaizen wrote it, and files a hand-edited marker
    /// names (with a made-up checksum, or none, as markers before checksums
    /// had), are kept when no page needs them any more.
    @Test func removesOnlyStalePagesThatStillHoldWhatItWrote() throws {
        let writer = SiteWriter(workspace: workspace)
        let output = root.appendingPathComponent("site")
        _ = try writer.write(files, to: output, force: false)
        try Data("<p>a, annotated by hand</p>".utf8).write(to: output.appendingPathComponent("improvements/a.html"))
        try Data("precious".utf8).write(to: output.appendingPathComponent("notes.txt"))
        try Data("secret".utf8).write(to: output.appendingPathComponent("key.txt"))
        let marker = output.appendingPathComponent(SiteWriter.markerName)
        let listed = String(decoding: try Data(contentsOf: marker), as: UTF8.self)
        try Data((listed + "0123456789abcdef  notes.txt\nkey.txt\n").utf8).write(to: marker)
        let summary = try writer.write([SiteFile(path: "index.html", contents: "<p>new</p>")], to: output, force: false)
        #expect(summary.removed == 0)
        #expect(text("site/improvements/a.html") == "<p>a, annotated by hand</p>")
        #expect(text("site/notes.txt") == "precious")
        #expect(text("site/key.txt") == "secret")
    }

    @Test func refusesTheRepositoryItsRecordsAndItsSettings() throws {
        let writer = SiteWriter(workspace: workspace)
        for (output, reason) in [
            (root, "it is the repository's root folder"),
            (root.deletingLastPathComponent(), "it holds the repository"),
            (root.appendingPathComponent("improvements"), "which kaizen reads records or settings from"),
            (root.appendingPathComponent("experiments/site"), "which kaizen reads records or settings from"),
            (root.appendingPathComponent(".git/site"), "which kaizen reads records or settings from"),
        ] {
            do {
                _ = try writer.write(files, to: output, force: true)
                Issue.record("wrote to \(output.path)")
            } catch let KaizenError.siteOutputRefused(_, message) {
                #expect(message.contains(reason), "\(output.path): \(message)")
            }
        }
        #expect(text("index.html") == nil)
    }

    /// A folder with someone else's files needs --force, and then keeps them.
    @Test func refusesAFolderItDidNotMakeUnlessForced() throws {
        let output = root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("theirs".utf8).write(to: output.appendingPathComponent("index.html"))
        let writer = SiteWriter(workspace: workspace)
        #expect(throws: KaizenError.siteOutputNotEmpty(path: workspace.root.appendingPathComponent("public").path)) {
            try writer.write(files, to: output, force: false)
        }
        #expect(text("public/index.html") == "theirs")
        _ = try writer.write(files, to: output, force: true)
        #expect(text("public/index.html") == "<p>library</p>")
    }

    /// A link inside the output folder that leads elsewhere stops the run before any file is written.
    @Test func neverWritesThroughASymbolicLink() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let output = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("improvements"), withDestinationURL: elsewhere)
        #expect(throws: KaizenError.self) {
            try SiteWriter(workspace: workspace).write(files, to: output, force: true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(text("site/index.html") == nil)
    }

    @Test func pageNamesCannotLeaveTheirFolder() {
        #expect(SitePaths.improvement("canary-releases") == "improvements/canary-releases.html")
        #expect(SitePaths.fileName("../../etc/passwd") == "_2e_._2f_.._2f_etc_2f_passwd")
        #expect(SitePaths.fileName("Team A") == "_54_eam_20__41_")
        #expect(SitePaths.fileName(".hidden") == "_2e_hidden")
        #expect(SitePaths.link(from: "teams/a.html", to: "index.html") == "../index.html")
        #expect(SitePaths.link(from: "index.html", to: "teams/a.html") == "teams/a.html")
    }

    @Test func escapesTextAndAttributes() {
        let value = "<a href=\"x\" title='y'>&</a>"
        let html: HTML = "<p title=\"\(value)\">\(value)</p>"
        #expect(html.markup == "<p title=\"&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;\">"
            + "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;</p>")
    }
}
