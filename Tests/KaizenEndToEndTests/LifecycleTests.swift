import Foundation
import Testing

/// The whole improvement lifecycle as a new team lives it, through the built
/// binary in a real repository with kaizen's pre-commit hook installed: every
/// commit goes through the hook, none with --no-verify. A draft is committed
/// and reviewed for discussion, started, extended, concluded (refused without
/// evidence, then with a reason), adopted by another team, and a constraint is
/// observed again; the improvement's status moves with its experiment.
@Suite struct LifecycleTests {
    /// The dates the hook uses are the real ones, so the story is told around today.
    static let today: Date = Date()

    static func day(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: today.addingTimeInterval(Double(offset) * 86_400))
    }

    struct Team {
        let repo: GitFixture

        /// kaizen, with today's date fixed for the run (the hook does not fix it: it is the same day)
        /// unless the command takes no date.
        func kaizen(_ arguments: [String], dated: Bool = true) throws -> FixtureProcess.Output {
            try FixtureProcess.run(KaizenProcess.binary.path, arguments + (dated ? ["--today", LifecycleTests.day(0)] : []),
                                   in: repo.workTree, environment: repo.environment)
        }

        /// `git add -A` and `git commit` with kaizen on PATH, so the installed hook runs.
        func commit(_ message: String) throws -> FixtureProcess.Output {
            try repo.git(["add", "-A"])
            var environment = repo.environment
            environment["PATH"] = HookTests.path
            return try FixtureProcess.run("/usr/bin/git", ["commit", "-q", "-m", message], in: repo.workTree, environment: environment)
        }

        func read(_ path: String) throws -> String { try repo.read(path) }

        func edit(_ path: String, _ replacements: [(String, String)]) throws {
            var text = try read(path)
            for (from, to) in replacements {
                #expect(text.contains(from), "\(path) has no \(from)")
                text = text.replacingOccurrences(of: from, with: to)
            }
            try repo.write(path, text)
        }
    }

    @Test func aTeamRunsTheWholeLifecycleWithoutABypass() throws {
        let team = Team(repo: try GitFixture())
        let experiment = "experiments/review-pairs-in-payments.md"
        let improvement = "improvements/review-pairs.md"

        // Set up, with the hook.
        #expect(try team.kaizen(["init", "--team", "payments", "--team", "checkout"], dated: false).status == 0)
        let installed = try team.kaizen(["hooks", "install"], dated: false)
        #expect(installed.status == 0, "\(installed.errorText)")
        #expect(try team.commit("Set up kaizen").status == 0)

        // A proposed improvement and a planned experiment, both still drafts, committed on a branch for discussion.
        try team.repo.branch("review-pairs")
        try team.repo.checkout("review-pairs")
        let newImprovement = try team.kaizen(["new", "improvement", "Review pairs", "--team", "payments", "--area", "flow"])
        #expect(newImprovement.status == 0, "\(newImprovement.errorText)")
        try team.edit(improvement, [("<!-- One paragraph: what changes in how work is done, and why it helps. -->",
                                     "Two people review every change together.")])
        let newExperiment = try team.kaizen(["new", "experiment", "Review pairs in payments", "--team", "payments",
                                             "--improvement", "review-pairs", "--review-by", Self.day(30)])
        #expect(newExperiment.text == experiment + "\n")
        #expect(newExperiment.errorText.contains(": warning: the hypothesis still holds the placeholder '<change>'"))
        let draft = try team.commit("Draft: review pairs, for discussion")
        #expect(draft.status == 0, "the hook let the draft through: \(draft.errorText)")
        let review = try team.kaizen(["review", "main...review-pairs"])
        #expect(review.status == 0, "\(review.text)")
        #expect(review.text.contains("1 draft still being written (\(experiment): 5 things to write)"), "\(review.text)")

        // It cannot start while unfinished.
        let early = try team.kaizen(["start", "review-pairs-in-payments"])
        #expect(early.status == 1)
        #expect(early.errorText.hasSuffix("it is still a draft: write what is listed above in \(experiment), then run start again\n"))
        #expect(try team.read(experiment).contains("status: planned\n"))

        // Written, started: the improvement moves to trialling in the same write.
        try team.edit(experiment, [
            ("\"If we <change>, we expect <observable effect>\"", "If we review in pairs, we expect review wait to fall from 48 to 4 hours"),
            ("\"<what you will measure>\"", "review wait (hours)"),
            ("\"<its value today>\"", "\"48\""),
            ("\"<the value that would confirm the hypothesis>\"", "\"4\""),
            ("\"<how to reverse the change if it does harm>\"", "go back to single reviews"),
        ])
        #expect(try team.commit("Write the experiment").status == 0)
        let started = try team.kaizen(["start", "review-pairs-in-payments"])
        #expect(started.status == 0, "\(started.errorText)")
        #expect(started.text == "\(experiment)\nstatus planned → running, start \(Self.day(0))\n"
            + "\(improvement)\nstatus proposed → trialling, as 'review-pairs-in-payments' trials it\n")
        #expect(try team.commit("Start review pairs").status == 0)

        // Extended, with a reason; review-by stays.
        let extended = try team.kaizen(["extend", "review-pairs-in-payments", "--until", Self.day(45), "--reason", "two reviewers on leave"])
        #expect(extended.status == 0, "\(extended.errorText)")
        #expect(try team.read(experiment).contains("review-by: \(Self.day(30))\n"))
        #expect(try team.commit("Extend review pairs").status == 0)

        // Concluded retained though the target was missed: refused until the reason is written.
        try team.edit(experiment, [("    target: \"4\"\n", "    target: \"4\"\n    result: \"40\"\n"),
                                   ("<!-- Once concluded: what did you learn, and what would you tell another team trying this? -->",
                                    "Pairs did not cut the wait, but new joiners learned the payment code in weeks, not months.")])
        let unevidenced = try team.kaizen(["conclude", "review-pairs-in-payments", "--outcome", "retained"])
        #expect(unevidenced.status == 1)
        #expect(unevidenced.errorText.contains("error: retained, but no signal met its target (review wait (hours): 40 against '4')"))
        #expect(unevidenced.errorText.contains("run conclude again with --reason \"why\""))
        let concluded = try team.kaizen(["conclude", "review-pairs-in-payments", "--outcome", "retained",
                                         "--reason", "onboarding time halved, which no signal measured"])
        #expect(concluded.status == 0, "\(concluded.errorText)")
        #expect(concluded.text.hasSuffix("\(improvement)\nstatus trialling → proven, as 'review-pairs-in-payments' retained it\n"))
        let concludedCommit = try team.commit("Conclude review pairs")
        #expect(concludedCommit.status == 0, "\(concludedCommit.errorText)")

        // Merged, adopted by another team, and a constraint seen twice.
        try team.repo.checkout("main")
        try team.repo.git(["merge", "-q", "--no-ff", "--no-verify", "-m", "Merge review pairs", "review-pairs"])
        let adopted = try team.kaizen(["adopt", "review-pairs", "--team", "checkout"])
        #expect(adopted.status == 0, "\(adopted.errorText)")
        #expect(adopted.text == "experiments/checkout-adopts-review-pairs.md\n")
        #expect(try team.commit("Checkout adopts review pairs").status == 0)
        #expect(try team.kaizen(["new", "constraint", "Slow CI queue", "--team", "checkout", "--note", "40 minutes for a runner"]).status == 0)
        #expect(try team.commit("Slow CI queue").status == 0)
        let observed = try team.kaizen(["observe", "slow-ci-queue", "--team", "payments", "--note", "35 minutes for a runner"])
        #expect(observed.status == 0, "\(observed.errorText)")
        #expect(try team.commit("Seen again by payments").status == 0)

        // Everything was committed through the hook, and the report counts the evidenced success.
        #expect(try team.repo.gitText(["rev-list", "--count", "HEAD"]) == "10")
        let first = try team.repo.gitText(["rev-list", "--max-parents=0", "HEAD"])
        let whole = try team.kaizen(["check", "--against", first])
        #expect(whole.status == 0, "\(whole.text)")
        let report = try team.kaizen(["report", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: report.stdout) as? [String: Any])
        #expect(json["unbackedClaims"] as? [String] == [])
        #expect(((json["impact"] as? [String: Any])?["perImprovement"] as? [[String: Any]])?.map { $0["improvement"] as? String } == ["review-pairs"])
    }
}
