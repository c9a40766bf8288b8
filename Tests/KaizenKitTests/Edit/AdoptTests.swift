import Foundation
@testable import KaizenKit
import Testing

/// `kaizen adopt`: a planned experiment for another team, prefilled from the improvement.
@Suite struct AdoptTests {
    static let improvement = """
        ---
        kind: improvement
        title: Canary releases with automatic rollback
        status: proven
        origin: platform
        level: cross-team
        area: deployment-safety
        constraints: [change-board]
        ---

        ## Summary

        A canary takes 5 % of traffic first.

        ## Adaptation notes

        - Lower the traffic share for
          services with sharp peaks.
        * [x] Queue consumers compare
          consumer lag instead.

        Keep database migrations out of the canary.

        <!-- guidance -->

        """

    static func originExperiment(outcome: String = "retained", concluded: String = "2026-08-07", metric: String = "change failure rate",
                                 rollback: String = "Switch back to a plain Deployment.") -> String {
        """
        ---
        kind: experiment
        title: Canary for the API
        teams: [platform, payments]
        improvement: canary-releases
        hypothesis: If we release through a canary, we expect the change failure rate to fall from 18 % to under 8 %
        signals:
          - metric: \(metric)
            baseline: 18 %
            target: under 8 %
            result: 4 %
          - metric: deploys per week
            baseline: "2"
            target: at least 5
            result: "9"
        status: concluded
        start: 2026-06-01
        review-by: 2026-08-28
        rollback: \(rollback)
        outcome: \(outcome)
        concluded: \(concluded)
        ---

        ## Learnings

        It worked.

        """
    }

    func folder(_ extra: [String: String] = [:], config: String = EditWorkspace.config) throws -> EditWorkspace {
        var files = ["improvements/canary-releases.md": Self.improvement, "experiments/canary-api.md": Self.originExperiment()]
        files.merge(extra) { $1 }
        return try EditWorkspace(files, config: config)
    }

    func adopt(_ folder: EditWorkspace, team: String = "checkout", improvement: String = "canary-releases", id: String? = nil) throws -> String {
        try adoption(folder, team: team, improvement: improvement, id: id).path
    }

    func adoption(_ folder: EditWorkspace, team: String = "checkout", improvement: String = "canary-releases",
                  id: String? = nil) throws -> AdoptionCreator.Adoption {
        try AdoptionCreator(workspace: folder.workspace(), parsed: folder.parsed())
            .create(AdoptionRequest(improvement: improvement, team: team, id: id, today: folder.today))
    }

    @Test func theAdoptionIsPrefilledFromTheImprovementAndTheOriginsRetainedExperiment() throws {
        let folder = try folder(["experiments/older.md": Self.originExperiment(concluded: "2026-07-01", metric: "Change failure rate",
                                                                               rollback: "An older rollback.")])
        let path = try adopt(folder)
        #expect(path == "experiments/checkout-adopts-canary-releases-with-automatic-rollback.md")
        #expect(try folder.read(path) == """
            ---
            kind: experiment
            title: "Checkout adopts canary releases with automatic rollback"
            teams: [checkout]
            improvement: canary-releases
            constraints: [change-board]
            hypothesis: "If we adopt canary releases with automatic rollback as Platform did, we expect change failure rate to go from <our value today> to under 8 %"
            signals:
              - metric: "change failure rate"
                baseline: "<our value today>"
                target: "under 8 %"
              - metric: "deploys per week"
                baseline: "<our value today>"
                target: "at least 5"
            status: planned
            review-by: 2026-12-20
            rollback: "Switch back to a plain Deployment."
            ---

            ## Plan

            <!-- What will change, for whom, from when? Who does what, and how will the signals be read? -->

            Adopting [Canary releases with automatic rollback](../improvements/canary-releases.md) (`canary-releases`, proven), which Platform developed.
            The signals and the rollback are Platform's, from `canary-api`, `older`: measure each baseline before starting.

            Adaptation notes from the improvement, to settle before starting:

            - [ ] Lower the traffic share for
                  services with sharp peaks.
            - [ ] Queue consumers compare
                  consumer lag instead.
            - [ ] Keep database migrations out of the canary.

            ## Observations

            <!-- Dated notes while it runs: what you saw, measured and heard. -->

            ## Learnings

            <!-- Once concluded: what did you learn, and what would you tell another team trying this? -->

            """)
        let parsed = try folder.parsed().first { $0.record.path == path }
        #expect(parsed?.diagnostics == [])
        #expect(parsed?.record.experiment?.improvement?.value == "canary-releases")
    }

    @Test func withoutARetainedExperimentTheTemplatesPlaceholdersStay() throws {
        let folder = try folder(["experiments/canary-api.md": Self.originExperiment(outcome: "discarded"),
                                 "improvements/canary-releases.md": Self.improvement.replacingOccurrences(of: "status: proven", with: "status: trialling")
                                    .replacingOccurrences(of: "constraints: [change-board]\n", with: "")
                                    .replacingOccurrences(of: "## Adaptation notes", with: "## Context")])
        let text = try folder.read(try adopt(folder, id: "checkout-canary"))
        #expect(text.contains("""
            teams: [checkout]
            improvement: canary-releases
            constraints: []
            hypothesis: "If we adopt canary releases with automatic rollback as Platform did, we expect <observable effect>"
            signals:
              - metric: "<what you will measure>"
            """))
        #expect(text.contains("rollback: \"<how to reverse the change if it does harm>\""))
        #expect(text.contains("""
            Adopting [Canary releases with automatic rollback](../improvements/canary-releases.md) (`canary-releases`, trialling), which Platform developed.
            No experiment of Platform's has retained it yet: the signals and rollback are still to write.

            The improvement has no adaptation notes yet: ask Platform what a team should adjust.

            ## Observations
            """))
    }

    @Test func theReviewDateDefaultsLikeNewAndIsCappedByTheMaximumDuration() throws {
        let folder = try folder(config: EditWorkspace.config + "max-experiment-days: 20\n")
        let text = try folder.read(try adopt(folder))
        #expect(text.contains("review-by: 2026-12-10\n"))
    }

    @Test func adoptionsThatMakeNoSenseAreRefusedWithTheReason() throws {
        let mine = Self.originExperiment().replacingOccurrences(of: "teams: [platform, payments]", with: "teams: [checkout]")
            .replacingOccurrences(of: "status: concluded", with: "status: running")
        let folder = try folder(["experiments/checkout-canary.md": mine,
                                 "improvements/pairs.md": Self.improvement.replacingOccurrences(of: "status: proven", with: "status: proposed"),
                                 "improvements/old.md": Self.improvement.replacingOccurrences(of: "status: proven", with: "status: retired")])
        #expect(folder.message { _ = try adopt(folder, team: "platform") }
            == "platform is the origin of 'canary-releases': a team does not adopt its own improvement; to trial it again, use `kaizen new experiment --improvement canary-releases --team platform`")
        #expect(folder.message { _ = try adopt(folder) }
            == "checkout already has an experiment for 'canary-releases': checkout-canary (experiments/checkout-canary.md, running, retained); continue that one instead of starting another")
        #expect(folder.message { _ = try adopt(folder, improvement: "pairs") }
            == "'pairs' is proposed: no team has trialled it yet, so there is nothing to adopt; its origin team trials it first (`kaizen new experiment --improvement pairs`)")
        #expect(folder.message { _ = try adopt(folder, improvement: "old") }
            == "'old' is retired: its origin no longer recommends it, so it is not offered for adoption")
        #expect(folder.message { _ = try adopt(folder, team: "paymnets") }
            == "unknown team 'paymnets' (did you mean 'payments'?); the teams in kaizen.yml are payments, checkout, platform")
        #expect(folder.message { _ = try adopt(folder, team: "payments", improvement: "canary-api") }
            == "'canary-api' is an experiment, not an improvement: adopt starts from an improvement (`kaizen list --kind improvement` lists them)")
        #expect(folder.message { _ = try adopt(folder, team: "payments", improvement: "canary-release") }
            == "no record has the id 'canary-release' (did you mean 'canary-releases'?)")
        let clean = try self.folder()
        #expect(clean.message { _ = try adopt(clean, id: "canary-api") }
            == "the id 'canary-api' is already used by experiments/canary-api.md: pass --id to choose another, or edit that record")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("experiments").path).sorted()
            == ["canary-api.md", "checkout-canary.md"])
    }

    /// A team retained it, but its status still says proposed: adopt goes by
    /// the evidence, not the lagging status, and says so.
    @Test func anImprovementWhoseStatusLagsARetentionIsAdoptedWithANote() throws {
        let lagging = Self.improvement.replacingOccurrences(of: "status: proven", with: "status: proposed")
        let folder = try folder(["improvements/canary-releases.md": lagging])
        let adoption = try adoption(folder)
        #expect(adoption.path == "experiments/checkout-adopts-canary-releases-with-automatic-rollback.md")
        #expect(adoption.note == "'canary-releases' is marked proposed, but 'canary-api' retained it, so it is adopted as proven: "
            + "set its status to proven [status-lag]")
        // No note when the status is what the experiments show.
        let current = try self.folder()
        #expect(try self.adoption(current).note == nil)
    }

    /// The generated title and plan read as a person would write them.
    @Test func titlesAndPossessivesReadAsWritten() {
        #expect(AdoptionCreator.midSentence("Review pairs") == "review pairs")
        #expect(AdoptionCreator.midSentence("GitHub merge queues") == "GitHub merge queues")
        #expect(AdoptionCreator.midSentence("API-first design") == "API-first design")
        #expect(AdoptionCreator.midSentence("A") == "A")
        #expect(AdoptionCreator.midSentence("A checklist for releases") == "a checklist for releases")
        #expect(AdoptionCreator.midSentence("Pre-Commit hooks") == "Pre-Commit hooks")
        #expect(AdoptionCreator.midSentence("X-ray reviews") == "x-ray reviews")
        #expect(AdoptionCreator.possessive("Payments") == "Payments'")
        #expect(AdoptionCreator.possessive("Checkout") == "Checkout's")
    }
}
