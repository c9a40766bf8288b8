import Foundation
@testable import KaizenKit
import Testing

@Suite struct SiteBuilderTests {
    func workspace(_ files: [String: String]) throws -> Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-site-builder-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return try Workspace.open(at: root)
    }

    /// A page per improvement, experiment, constraint and team, the three overview pages and the two assets.
    @Test func everyPageOnce() throws {
        let files = try SiteBuilder(snapshot: SiteFixture.snapshot(), templates: TemplateStore(workspace: workspace([:]))).files()
        let paths = files.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(paths.count == 3 + 6 + 10 + 5 + 4 + 2)
        for path in ["index.html", "dashboard.html", "timeline.html", "improvements/hostile.html", "experiments/hostile-trial.html",
                     "constraints/hostile-queue.html", "constraints/staging.html", "teams/data.html", "assets/site.css", "assets/filter.js"] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(files.first { $0.path == "assets/site.css" }?.contents == TemplateStore.builtIn("site/site.css"))
    }

    /// The repository's own frame and stylesheet replace the built-in ones; the script stays kaizen's.
    @Test func aRepositoryOverridesTheSiteTemplates() throws {
        let workspace = try workspace([
            ".kaizen/templates/site/page.html": "<html><title>{{title}}</title><base-path>{{root}}</base-path>{{content}}</html>",
            ".kaizen/templates/site/site.css": "body { color: black; }",
        ])
        let files = try SiteBuilder(snapshot: SiteFixture.snapshot(), templates: TemplateStore(workspace: workspace)).files()
        #expect(files.first { $0.path == "assets/site.css" }?.contents == "body { color: black; }")
        #expect(files.first { $0.path == "assets/filter.js" }?.contents == TemplateStore.builtIn("site/filter.js"))
        let team = try #require(files.first { $0.path == "teams/data.html" }?.contents)
        #expect(team.hasPrefix("<html><title>data</title><base-path>../</base-path><h1>data</h1>"))
    }
}
