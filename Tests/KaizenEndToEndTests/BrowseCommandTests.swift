import Foundation
import Testing

@Suite struct BrowseCommandTests {
    func folder() throws -> FixtureFolder {
        try FixtureFolder([
            "kaizen.yml": Records.config,
            "improvements/review-pairs.md": Records.improvement,
            "experiments/review-pairs-payments.md": Records.experiment(title: "Payments pairs", improvement: "review-pairs"),
            "experiments/review-pairs-platform.md": Records.experiment(title: "Platform pairs", teams: "[platform]", status: "planned"),
        ])
    }

    @Test func listShowsATableAndFilters() throws {
        let folder = try folder()
        let all = try folder.run(["list", "--today", "2026-11-20"])
        #expect(all.status == 0)
        #expect(all.stdout == """
            ID                     KIND         STATUS     TEAMS     TITLE
            review-pairs           improvement  trialling  payments  Review pairs
            review-pairs-payments  experiment   running    payments  Payments pairs
            review-pairs-platform  experiment   planned    platform  Platform pairs

            """)
        let filtered = try folder.run(["list", "--kind", "experiment", "--team", "platform", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect((object["records"] as? [[String: Any]])?.map { $0["id"] as? String } == ["review-pairs-platform"])
        let running = try folder.run(["list", "--status", "running"])
        #expect(running.stdout.split(separator: "\n").count == 2)
    }

    @Test func showGivesFieldsLinksAndProblems() throws {
        let folder = try folder()
        let shown = try folder.run(["show", "review-pairs", "--today", "2026-11-20"])
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("improvements/review-pairs.md\nReview pairs\n  kind      improvement\n  status    trialling\n"))
        #expect(shown.stdout.contains("linked from:\n  review-pairs-payments (experiment, running): Payments pairs\n"))

        let missing = try folder.run(["show", "review-pair"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "kaizen: error: no record has the id 'review-pair' (did you mean 'review-pairs'?)\n")
    }

    @Test func schemaIsJSONWithTheWorkspacesTeams() throws {
        let folder = try folder()
        let result = try folder.run(["schema", "experiment"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let teams = ((object["properties"] as? [String: Any])?["teams"] as? [String: Any])?["items"] as? [String: Any]
        #expect(teams?["enum"] as? [String] == ["payments", "platform"])
    }
}
