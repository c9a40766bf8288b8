import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func reportsProblemsSortedWithASummaryAndExitsOne() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "improvements/review-pairs.md": Records.improvement,
            "experiments/late.md": Records.experiment(title: "Late", improvement: "review-pair", reviewBy: "2026-11-01"),
            "experiments/ok.md": Records.experiment(improvement: "review-pairs"),
            "experiments/typo.md": Records.experiment(teams: "[paymnets]"),
        ])
        let result = try folder.run(["check", "--today", "2026-11-20"])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            experiments/late.md:5:14: error: no improvement has the id 'review-pair' (did you mean 'review-pairs'?) [broken-link]
            experiments/late.md:13:12: error: the experiment expired on 2026-11-01, 19 days ago: conclude it (status, outcome, learnings) or add an extension {until, reason} [expired]
            experiments/typo.md:4:9: error: unknown team 'paymnets' (did you mean 'payments'?); the teams in kaizen.yml are payments, platform [unknown-team]
            4 records checked: 3 errors

            """)
    }

    @Test func aCleanRepositoryExitsZero() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "experiments/ok.md": Records.experiment(),
            "experiments/README.md": "# Not a record\n",
        ])
        let result = try folder.run(["check", "--today", "2026-11-20"])
        #expect(result.status == 0)
        #expect(result.stdout == "1 record checked: no problems\n")
    }

    @Test func warningsPassUnlessStrict() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "experiments/soon.md": Records.experiment(reviewBy: "2026-11-25"),
        ])
        let relaxed = try folder.run(["check", "--today", "2026-11-20"])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning: the experiment expires in 5 days, on 2026-11-25"))
        let strict = try folder.run(["check", "--today", "2026-11-20", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("error: the experiment expires in 5 days"))
        #expect(strict.stdout.hasSuffix("1 record checked: 1 error\n"))
    }

    @Test func namedPathsAreReportedButLinksSeeTheWholeRepository() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "improvements/review-pairs.md": Records.improvement,
            "experiments/linked.md": Records.experiment(improvement: "review-pairs"),
            "experiments/late.md": Records.experiment(reviewBy: "2026-11-01"),
        ])
        let result = try folder.run(["check", "--today", "2026-11-20", "experiments/linked.md"])
        #expect(result.status == 0)
        #expect(result.stdout == "1 record checked: no problems\n")
    }

    @Test func namedReadmesAndTheConfigurationAreNotCheckedAsRecords() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "experiments/README.md": "# Experiments\n",
            "experiments/ok.md": Records.experiment(),
        ])
        let result = try folder.run(["check", "--today", "2026-11-20", "kaizen.yml", "experiments/README.md", "experiments/ok.md"])
        #expect(result.status == 0)
        #expect(result.stdout == "1 record checked: no problems\n")
    }

    @Test func pathsAreShownRelativeToTheCurrentFolder() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "experiments/late.md": Records.experiment(reviewBy: "2026-11-01"),
        ])
        let result = try folder.run(["check", "--today", "2026-11-20", "."], in: "experiments")
        #expect(result.stdout.hasPrefix("late.md:12:12: error:"))
        let fromElsewhere = try folder.run(["check", "--today", "2026-11-20", "--root", ".."], in: "experiments")
        #expect(fromElsewhere.stdout.hasPrefix("late.md:12:12: error:"))
    }

    @Test func jsonAndGithubFormats() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "experiments/late.md": Records.experiment(reviewBy: "2026-11-01"),
        ])
        let json = try folder.run(["check", "--today", "2026-11-20", "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect((object["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String == "expired")

        let github = try folder.run(["check", "--today", "2026-11-20", "--format", "github"])
        #expect(github.stdout.hasPrefix("::error file=experiments/late.md,line=12,col=12,title=kaizen expired::the experiment expired"))
    }

    @Test func aBrokenConfigurationIsReportedInsideIt() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": "teams: {payments: {}}\nwip-limt: 2\n",
            "experiments/ok.md": Records.experiment(),
        ])
        let result = try folder.run(["check", "--today", "2026-11-20"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("kaizen.yml:2:1: error: unknown setting 'wip-limt' (did you mean 'wip-limit'?)"))
    }

    @Test func withoutAConfigurationDefaultsApplyAndANoteSaysSo() throws {
        let folder = try FixtureFolder(["experiments/ok.md": Records.experiment()])
        let result = try folder.run(["check", "--today", "2026-11-20"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: no kaizen.yml in"))
        #expect(result.stdout == "1 record checked: no problems\n")
    }

    @Test(arguments: [
        (["check", "--today", "2026-02-30"], "The value '2026-02-30' is invalid for '--today <date>'"),
        (["check", "missing.md"], "kaizen: error: no such file or folder: missing.md"),
        (["check", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'"),
        (["chekc"], "Unexpected argument 'chekc'"),
    ])
    func usageAndEnvironmentErrorsExitTwo(arguments: [String], message: String) throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config])
        let result = try folder.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
        #expect(result.stdout == "")
    }

    @Test func listRulesShowsConfiguredSeverities() throws {
        let folder = try FixtureFolder(["kaizen.yml": "rules: {possible-duplicate: off, expires-soon: error}\n"])
        let result = try folder.run(["check", "--list-rules"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("possible-duplicate") && $0.contains("  off  ") })
        #expect(lines.contains { $0.hasPrefix("expires-soon") && $0.contains("  error  ") })
        // The history rules are listed too: they run with --against.
        #expect(lines.suffix(4).map { String($0.prefix { $0 != " " }) } == ["goalposts-moved", "deadline-moved", "illegal-transition", "record-deleted"])
        #expect(lines.count == 35)
    }

    /// kaizen reads only files inside the repository: a path outside, named
    /// on the command line, is refused before it is read, so none of its lines
    /// can be echoed in a finding.
    @Test func aPathOutsideTheRepositoryIsRefusedUnread() throws {
        let outside = try FixtureFolder(["private.md": "---\ntitle: secret-token-1234\n---\n"])
        let folder = try FixtureFolder(["kaizen.yml": Records.config, "improvements/review-pairs.md": Records.improvement])
        let file = outside.url.appendingPathComponent("private.md").path
        for arguments in [["check", file], ["check", outside.url.path], ["similar", file], ["check", "../" + outside.url.lastPathComponent]] {
            let result = try folder.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("kaizen: error: \(arguments[1]) lies outside the repository "), "\(result.stderr)")
            #expect(!result.stderr.contains("secret-token"))
        }
        // Inside it, a path may still climb out of the current folder and back in.
        let inside = try folder.run(["check", "../improvements/review-pairs.md", "--today", "2026-11-20"], in: "improvements")
        #expect(inside.status == 0, "\(inside.stdout)\(inside.stderr)")
    }
}
