import Foundation
import Testing

/// Where kaizen looks for its workspace, using libgit2 when there is no kaizen.yml.
@Suite struct WorkspaceDiscoveryTests {
    @Test func withoutKaizenYmlTheGitWorkTreeIsTheRoot() throws {
        let folder = try FixtureFolder(["experiments/late.md": Records.experiment(reviewBy: "2026-11-01")])
        let initialized = try FixtureProcess.run("/usr/bin/git", ["init", "-q", folder.url.path], in: nil)
        #expect(initialized.status == 0, "\(initialized.errorText)")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("docs/deep"), withIntermediateDirectories: true)
        let result = try folder.run(["check", "--today", "2026-11-20"], in: "docs/deep")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("../../experiments/late.md:12:12: error: the experiment expired"))
        #expect(result.stderr.contains("note: no kaizen.yml in \(folder.url.standardizedFileURL.path)"))
    }

    @Test func theNearestKaizenYmlWinsOverTheGitRoot() throws {
        let folder = try FixtureFolder([
            "team-a/kaizen.yml": Records.config,
            "team-a/experiments/ok.md": Records.experiment(),
            "experiments/late.md": Records.experiment(reviewBy: "2026-11-01"),
        ])
        _ = try FixtureProcess.run("/usr/bin/git", ["init", "-q", folder.url.path], in: nil)
        let result = try folder.run(["check", "--today", "2026-11-20"], in: "team-a/experiments")
        #expect(result.status == 0)
        #expect(result.stdout == "1 record checked: no problems\n")
    }

    @Test func outsideAnyRepositoryTheCurrentFolderIsTheRoot() throws {
        let folder = try FixtureFolder(["experiments/ok.md": Records.experiment()])
        let result = try folder.run(["list"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[0] } == ["ok"])
    }
}
