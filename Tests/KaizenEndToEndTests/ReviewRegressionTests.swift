import Foundation
import Testing

/// Each test here is a bug found in review, reproduced through the binary.
@Suite struct ReviewRegressionTests {
    @Test func checkingTheRootOrItsParentFolderReportsEachRecordOnce() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "experiments/ok.md": Records.experiment(),
            "docs/guide.md": "# Not a record\n",
        ])
        for (arguments, subfolder) in [(["."], nil), ([".."], "experiments"), (["experiments"], nil)] as [([String], String?)] {
            let result = try folder.run(["check", "--today", "2026-11-20"] + arguments, in: subfolder)
            #expect(result.status == 0, "\(arguments): \(result.stdout)")
            #expect(result.stdout == "1 record checked: no problems\n", "\(arguments)")
        }
    }

    @Test func aRootReachedThroughASymbolicLinkStillMatches() throws {
        let folder = try FixtureFolder(["real/kaizen.yml": Records.config, "real/experiments/ok.md": Records.experiment()])
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("link"),
                                                   withDestinationURL: folder.url.appendingPathComponent("real"))
        let result = try folder.run(["check", "--today", "2026-11-20", "--root", "link", "link/experiments/ok.md"])
        #expect(result.stdout == "1 record checked: no problems\n")
        #expect(result.status == 0)
    }

    @Test func problemsInKaizenYmlAreNotShownAsARecordsOwn() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config + "wip-limt: 2\n", "experiments/ok.md": Records.experiment()])
        let shown = try folder.run(["show", "ok", "--today", "2026-11-20"])
        #expect(!shown.stdout.contains("problems:"))
        let created = try folder.run(["new", "experiment", "Try pairs", "--team", "payments"])
        #expect(!created.stderr.contains("wip-limt"))
        let checked = try folder.run(["check", "--today", "2026-11-20", "experiments/ok.md"])
        #expect(checked.stdout.hasPrefix("kaizen.yml:5:1: error: unknown setting 'wip-limt'"))
    }

    @Test func newRefusesAnIDThatDiscoveryWouldSkip() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config])
        let result = try folder.run(["new", "experiment", "Readme", "--team", "payments"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'readme.md' is the name of a folder's README, not a record"))
    }

    @Test func aMistypedFolderIsReportedInsteadOfCheckingNothing() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": "paths: {experiments: experiment}\n",
            "experiments/ok.md": Records.experiment(),
        ])
        let result = try folder.run(["check", "--today", "2026-11-20"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            kaizen.yml:1:22: error: the experiments folder 'experiment' does not exist: create it, or correct the path [invalid-value]
            0 records checked: 1 error

            """)
    }

    @Test func initWritesNothingWhenAFileStandsWhereAFolderMustGo() throws {
        let folder = try FixtureFolder([".kaizen": "not a folder\n"])
        let result = try folder.run(["init"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".kaizen is a file where a folder must go; nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [".kaizen"])
    }
}
