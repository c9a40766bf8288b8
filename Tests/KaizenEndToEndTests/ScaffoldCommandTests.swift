import Foundation
import Testing

@Suite struct ScaffoldCommandTests {
    @Test func initThenNewThenCheckGuidesTheUser() throws {
        let folder = try FixtureFolder()
        let initialised = try folder.run(["init", "--team", "payments", "--team", "platform"])
        #expect(initialised.status == 0)
        #expect(initialised.stdout.split(separator: "\n").first == "kaizen.yml")

        let created = try folder.run(["new", "experiment", "Pair reviews: half the wait?", "--team", "payments", "--today", "2026-11-20"])
        #expect(created.status == 0)
        #expect(created.stdout == "experiments/pair-reviews-half-the-wait.md\n")
        #expect(created.stderr.contains("still to fill in:"))
        #expect(created.stderr.contains("[hypothesis-form]"))
        let text = try folder.read("experiments/pair-reviews-half-the-wait.md")
        #expect(text.hasPrefix("---\nkind: experiment\ntitle: \"Pair reviews: half the wait?\"\nteams: [payments]\n"))
        #expect(text.contains("review-by: 2026-12-20\n"))
        #expect(!text.contains("{{"))

        // A planned experiment is a draft: its placeholders are warnings, so it can be committed and
        // discussed; --strict (and starting it) makes them errors.
        let checked = try folder.run(["check", "--today", "2026-11-20"])
        #expect(checked.status == 0)
        let lines = checked.stdout.split(separator: "\n").filter { $0.hasSuffix("]") }
        #expect(lines.allSatisfy { $0.contains(": warning: ") })
        let rules = Set(lines.compactMap { $0.split(separator: "[").last?.dropLast() })
        #expect(rules == ["hypothesis-form", "no-signals", "no-rollback"])
        #expect(try folder.run(["check", "--strict", "--today", "2026-11-20"]).status == 1)
        let started = try folder.run(["start", "pair-reviews-half-the-wait", "--today", "2026-11-20"])
        #expect(started.status == 1)
        #expect(started.stderr.contains(": error: the hypothesis still holds the placeholder '<change>'"))
        #expect(started.stderr.hasSuffix("kaizen: nothing was written: after start, experiments/pair-reviews-half-the-wait.md would fail `kaizen check`; "
            + "it is still a draft: write what is listed above in experiments/pair-reviews-half-the-wait.md, then run start again\n"))
    }

    @Test func neitherCommandOverwrites() throws {
        let folder = try FixtureFolder(["kaizen.yml": "# ours\n"])
        let initialised = try folder.run(["init"])
        #expect(initialised.status == 2)
        #expect(initialised.stderr.contains("kaizen.yml already exists; nothing was written"))
        #expect(try folder.read("kaizen.yml") == "# ours\n")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("experiments").path))

        try folder.write("experiments/review-pairs.md", "mine\n")
        let created = try folder.run(["new", "experiment", "Review pairs", "--team", "payments"])
        #expect(created.status == 2)
        #expect(created.stderr.contains("the id 'review-pairs' is already used by experiments/review-pairs.md"))
        #expect(try folder.read("experiments/review-pairs.md") == "mine\n")
    }

    @Test func optionsThatDoNotFitTheKindAreRefused() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config])
        let result = try folder.run(["new", "constraint", "Slow builds", "--team", "payments", "--improvement", "x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--improvement applies to experiments only"))
        let linked = try folder.run(["new", "constraint", "Slow builds", "--team", "payments", "--constraint", "x"])
        #expect(linked.status == 2)
        #expect(linked.stderr.hasPrefix("Error: --constraint applies to improvements and experiments only\n"))
    }

    /// The constraints an improvement addresses, named when it is created, link it from the constraint.
    @Test func newImprovementListsTheConstraintsItAddresses() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config])
        let constraint = try folder.run(["new", "constraint", "Slow builds", "--team", "payments", "--note", "Builds take 40 minutes",
                                         "--today", "2026-11-20"])
        #expect(constraint.status == 0)
        let created = try folder.run(["new", "improvement", "Remote build cache", "--team", "platform", "--area", "flow",
                                      "--constraint", "slow-builds", "--today", "2026-11-20"])
        #expect(created.status == 0)
        #expect(try folder.read("improvements/remote-build-cache.md").contains("area: flow\nconstraints: [slow-builds]\ntags: []\n"))
        let shown = try folder.run(["show", "slow-builds", "--no-history", "--today", "2026-11-20"])
        #expect(shown.stdout.contains("linked from:\n  remote-build-cache (improvement, proposed): Remote build cache\n"))
        let unknown = try folder.run(["new", "improvement", "Another cache", "--team", "platform", "--area", "flow",
                                      "--constraint", "slow-build", "--today", "2026-11-20"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "kaizen: error: no constraint has the id 'slow-build' (did you mean 'slow-builds'?): see `kaizen list --kind constraint`\n")
    }
}
