import Foundation
import Testing

/// `kaizen similar`, `kaizen recommend` and the lookalikes `kaizen new`
/// names, run as a person would: on the demo records and on small fixtures.
@Suite struct InsightsCommandTests {
    static let examples = KaizenProcess.packageRoot.appendingPathComponent("examples")

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A fixture with three improvements: two write-ups of canary releases
    /// and one unrelated practice.
    static func folder() throws -> FixtureFolder {
        func improvement(_ title: String, origin: String, tags: String, summary: String) -> String {
            """
            ---
            kind: improvement
            title: \(title)
            status: proven
            origin: \(origin)
            level: team
            area: deployment-safety
            tags: \(tags)
            ---

            ## Summary

            \(summary)

            """
        }
        return try FixtureFolder([
            "kaizen.yml": Records.config,
            "improvements/canary-releases.md": improvement(
                "Canary releases with automatic rollback", origin: "platform", tags: "[kubernetes, canary]",
                summary: "Every deploy first takes five percent of traffic; Argo Rollouts rolls back on its own when errors rise."),
            "improvements/payments-canary.md": improvement(
                "Canary deploys for the payments API", origin: "payments", tags: "[canary]",
                summary: "Payments deploys take five percent of traffic first and roll back when the error rate rises."),
            "improvements/review-pairs.md": improvement(
                "Review pairs", origin: "payments", tags: "[code-review]",
                summary: "Two developers review every pull request together within two hours."),
        ])
    }

    // MARK: similar

    @Test func similarListsTheDemosDuplicateFirstWithTheWordsItShares() throws {
        let result = try KaizenProcess.run(["similar", "mobile-trunk-based-development", "--limit", "2"], in: Self.examples)
        #expect(result.status == 0)
        #expect(result.stdout == """
            The records most like mobile-trunk-based-development (improvements/mobile-trunk-based-development.md), most similar first:

             51%  trunk-based-development (improvement, proven, from checkout)
                  Trunk-based development with branches that live less than a day
                  shared words: flag, branch, feature, integration, app
             31%  release-branch-merges (constraint, resolved)
                  Cutting the release branch takes a day of merge conflicts
                  shared words: branch, conflict, branching, feature, lived

            """)
        // Like every command that reads records, it takes --today, which a script passes to all of them.
        let dated = try KaizenProcess.run(["similar", "mobile-trunk-based-development", "--limit", "2", "--today", "2026-11-20"], in: Self.examples)
        #expect(dated.status == 0)
        #expect(dated.stdout == result.stdout)
    }

    /// Among improvements, `similar` gives the very number `check` reports.
    @Test func similarAmongImprovementsAgreesWithThePossibleDuplicateRule() throws {
        let result = try KaizenProcess.run(
            ["similar", "trunk-based-development", "--kind", "improvement", "--limit", "3", "--format", "json"], in: Self.examples)
        #expect(result.status == 0)
        let object = try Self.json(result.stdout)
        #expect(object["version"] as? Int == 1)
        #expect(object["kind"] as? String == "improvement")
        #expect((object["record"] as? [String: Any])?["path"] as? String == "improvements/trunk-based-development.md")
        let similar = try #require(object["similar"] as? [[String: Any]])
        #expect(similar.map { $0["id"] as? String } == ["mobile-trunk-based-development", "review-pairs", "flaky-test-quarantine"])
        #expect(similar.allSatisfy { $0["kind"] as? String == "improvement" })
        let first = try #require(similar.first)
        #expect((first["sharedWords"] as? [String])?.prefix(3) == ["branch", "flag", "feature"])
        let percent = Int(((first["similarity"] as? Double ?? 0) * 100).rounded())
        let check = try KaizenProcess.run(["check", "--today", "2026-11-20"], in: Self.examples)
        #expect(check.stdout.contains(
            "improvements/trunk-based-development.md:3:8: warning: this improvement reads much like 'mobile-trunk-based-development' (\(percent)% similar, sharing branch, flag, feature)"))
        #expect(percent == 52)
    }

    /// A draft outside the record folders, never committed, is compared with
    /// the records as it is; with only a title it is compared on headings.
    @Test func similarTakesTheFileOfADraftOutsideTheRecordFolders() throws {
        let folder = try Self.folder()
        try folder.write("drafts/canary.md", """
            ---
            kind: improvement
            title: Canary releases for the data pipelines
            status: proposed
            origin: platform
            level: team
            area: deployment-safety
            ---

            """)
        let result = try folder.run(["similar", "drafts/canary.md", "--limit", "1"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            The records most like canary (drafts/canary.md), most similar first:

             43%  canary-releases (improvement, proven, from platform)
                  Canary releases with automatic rollback
                  shared words: release, canary, deployment, safety

            """)
        // From a subfolder, paths are shown from where the command runs; the
        // canary write-ups share only their area (deployment-safety) with review pairs.
        let inside = try folder.run(["similar", "../improvements/review-pairs.md", "--format", "json"], in: "drafts")
        let object = try Self.json(inside.stdout)
        #expect((object["record"] as? [String: Any])?["path"] as? String == "../improvements/review-pairs.md")
        let similar = try #require(object["similar"] as? [[String: Any]])
        #expect(similar.map { $0["path"] as? String } == ["../improvements/payments-canary.md", "../improvements/canary-releases.md"])
        #expect(similar.map { $0["sharedWords"] as? [String] } == [["deployment", "safety"], ["deployment", "safety"]])
    }

    @Test func similarExplainsWhatItCannotFind() throws {
        let folder = try Self.folder()
        let unknown = try folder.run(["similar", "review-pair"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "kaizen: error: no record has the id 'review-pair' (did you mean 'review-pairs'?)\n")
        let missing = try folder.run(["similar", "drafts/none.md"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "kaizen: error: no such file or folder: drafts/none.md\n")
        let limit = try folder.run(["similar", "review-pairs", "--limit", "0"])
        #expect(limit.status == 2)
        #expect(limit.stderr.hasPrefix("Error: --limit must be at least 1\n"))
        let alone = try folder.run(["similar", "review-pairs", "--kind", "constraint"])
        #expect(alone.status == 0)
        #expect(alone.stdout == "No constraint shares a word with review-pairs (improvements/review-pairs.md).\n")
    }

    // MARK: recommend

    /// Mobile observed only shared-staging-queue, once and before the review
    /// window, and no candidate lists it; its records are tagged branching,
    /// feature-flags, code-review and pairing, in areas flow and feedback.
    /// So checkout's trunk-based development (which mobile wrote up again
    /// itself) fits best, and platform's canary releases, retained by three
    /// teams, comes next. Preview environments is mobile's to try already;
    /// learning reviews was never retained; review pairs is mobile's own.
    @Test func recommendOnTheDemoSaysWhyForEachImprovement() throws {
        let result = try KaizenProcess.run(["recommend", "--team", "mobile", "--today", "2026-11-20"], in: Self.examples)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
            Improvements proven in other teams that mobile has not tried, best first:

            1. trunk-based-development (improvement, proven, from checkout; score 3.00)
               Trunk-based development with branches that live less than a day
               - retained by checkout and payments
               - its text matches your tags and areas (flag, feature, branching, flow, code) and constraint shared-staging-queue (waiting)

            2. canary-releases (improvement, proven, from platform; score 2.68)
               Canary releases with automatic rollback
               - retained by checkout, payments and platform
               - its text matches constraint shared-staging-queue (deploy, platform, release, own, replace) and your tags and areas (review)

            """))
        let ids = result.stdout.split(separator: "\n").filter { $0.first?.isNumber ?? false }.map { $0.split(separator: " ")[1] }
        #expect(ids == ["trunk-based-development", "canary-releases", "flaky-test-quarantine", "standard-change-preapproval"])
        #expect(!result.stdout.contains("learning-reviews"))
        #expect(!result.stdout.contains("preview-environments"))
    }

    /// Data observed change-advisory-board on 2026-09-30, within the review
    /// window (so n = 2), and payments' standard changes address it: that
    /// comes first, with the constraint as its first reason.
    @Test func recommendNamesTheConstraintAnImprovementAddresses() throws {
        let result = try KaizenProcess.run(
            ["recommend", "--team", "data", "--today", "2026-11-20", "--limit", "2", "--format", "json"], in: Self.examples)
        #expect(result.status == 0)
        let object = try Self.json(result.stdout)
        #expect(object["team"] as? String == "data")
        #expect(object["today"] as? String == "2026-11-20")
        #expect(object["message"] is NSNull)
        let recommendations = try #require(object["recommendations"] as? [[String: Any]])
        #expect(recommendations.map { $0["id"] as? String } == ["standard-change-preapproval", "canary-releases"])
        let first = recommendations[0]
        #expect(first["origin"] as? String == "payments")
        #expect(first["retainedBy"] as? [String] == ["payments"])
        let addresses = try #require(first["addresses"] as? [[String: Any]])
        #expect(addresses.count == 1)
        #expect(addresses.first?["id"] as? String == "change-advisory-board")
        #expect(addresses.first?["observations"] as? Int == 1)
        #expect(addresses.first?["recent"] as? Int == 1)
        let reasons = try #require(first["reasons"] as? [String])
        #expect(reasons.first == "addresses constraint change-advisory-board, which you observed once, within the last 90 days")
        #expect(reasons.dropFirst().first == "retained by payments")
        let scores = try #require(first["scores"] as? [String: Any])
        #expect(scores["constraints"] as? Int == 2)
        #expect(scores["retained"] as? Int == 1)
        #expect(scores["text"] as? Double == 1)
        #expect(first["score"] as? Double == 4.5)
        let words = try #require(first["matchedWords"] as? [[String: Any]])
        #expect(words.contains { $0["word"] as? String == "compliance" && $0["constraint"] as? String == "change-advisory-board" })
    }

    @Test func recommendToAnUnknownTeamSuggestsTheClosest() throws {
        let result = try KaizenProcess.run(["recommend", "--team", "mobil"], in: Self.examples)
        #expect(result.status == 2)
        #expect(result.stderr == "kaizen: error: unknown team 'mobil' (did you mean 'mobile'?); the teams are payments, checkout, platform, mobile, data\n")
    }

    @Test func aTeamWithNothingToTrySaysSo() throws {
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "improvements/review-pairs.md": Records.improvement,
            "experiments/review-pairs-payments.md": Records.experiment(
                title: "Payments pairs", status: "concluded", improvement: "review-pairs",
                extra: "outcome: retained\nconcluded: 2026-11-01\n"),
        ])
        let platform = try folder.run(["recommend", "--team", "platform", "--today", "2026-11-20"])
        #expect(platform.status == 0)
        #expect(platform.stdout.hasPrefix("Improvements proven in other teams that platform has not tried, best first:\n\n1. review-pairs (improvement, trialling, from payments; score "))
        #expect(platform.stdout.contains("   - retained by payments (still marked trialling)\n"))
        let payments = try folder.run(["recommend", "--team", "payments", "--today", "2026-11-20"])
        #expect(payments.status == 0)
        #expect(payments.stdout == "Nothing to recommend to payments: no other team has an improvement that an experiment retained yet.\n")
    }

    // MARK: new

    /// A new improvement that another team already has is named on stderr;
    /// one that nobody has is not.
    @Test func newImprovementNamesTheImprovementsLikeIt() throws {
        let folder = try Self.folder()
        let result = try folder.run(["new", "improvement", "Canary releases for the data pipelines", "--team", "payments",
                                     "--area", "deployment-safety", "--today", "2026-11-20"])
        #expect(result.status == 0)
        #expect(result.stdout == "improvements/canary-releases-for-the-data-pipelines.md\n")
        let notice = try #require(result.stderr.components(separatedBy: "kaizen: still to fill in:").first)
        #expect(notice.hasPrefix("kaizen: improvements like this one exist already; building on one may be quicker than starting another:\n"))
        #expect(notice.contains("%  canary-releases (improvement, proven, from platform): Canary releases with automatic rollback\n"))
        #expect(notice.hasSuffix("  (`kaizen similar improvements/canary-releases-for-the-data-pipelines.md` shows the words they share)\n"))
        #expect(!notice.contains("review-pairs"))

        let unlike = try folder.run(["new", "improvement", "Weekly architecture office hours", "--team", "payments",
                                     "--area", "architecture", "--today", "2026-11-20"])
        #expect(unlike.status == 0)
        #expect(!unlike.stderr.contains("exist already"))
    }

    /// A new constraint like a recorded one is still written, and the notice
    /// gives the `kaizen observe` that would add the sighting to it instead.
    @Test func newConstraintSuggestsObservingTheConstraintLikeIt() throws {
        func constraint(_ title: String, note: String) -> String {
            "---\nkind: constraint\ntitle: \(title)\nstatus: open\nlevel: team\nobserved:\n  - {date: 2026-10-01, team: payments, note: \(note)}\n---\n"
        }
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "constraints/shared-staging.md": constraint("Five teams share one staging environment", note: "Waited two days for staging"),
            "constraints/flaky-tests.md": constraint("Flaky end-to-end tests block the pipeline", note: "Three reruns for one merge"),
        ])
        let result = try folder.run(["new", "constraint", "Waiting for the shared staging environment", "--team", "platform",
                                     "--note", "Load test waited, it's slow", "--today", "2026-11-20"])
        #expect(result.status == 0)
        #expect(result.stdout == "constraints/waiting-for-the-shared-staging-environment.md\n")
        #expect(result.stderr == """
            kaizen: constraints like this one are recorded already; if yours is one of them, add your sighting to it, so its observations stay together:
               48%  shared-staging (constraint, open): Five teams share one staging environment
              to add it to shared-staging instead: rm constraints/waiting-for-the-shared-staging-environment.md && kaizen observe shared-staging --team platform --note 'Load test waited, it'\\''s slow'
              (`kaizen similar constraints/waiting-for-the-shared-staging-environment.md` shows the words they share)

            """)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("constraints/waiting-for-the-shared-staging-environment.md").path))

        let unlike = try folder.run(["new", "constraint", "Nobody owns the design system", "--team", "platform", "--note", "x",
                                     "--today", "2026-11-20"])
        #expect(unlike.status == 0)
        #expect(unlike.stderr == "")
    }
}
