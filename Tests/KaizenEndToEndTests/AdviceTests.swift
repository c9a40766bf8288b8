import Foundation
import Testing

/// Advice never contradicts a rule. For each rule that advises an edit, a
/// repository where it fires is committed (for a history rule: a clean one,
/// then the offending change in the work tree); the advised edit is made in
/// the work tree, and `kaizen check --against HEAD`, which runs every rule,
/// history rules included, must then find nothing at all: neither the
/// original problem nor one the advice brought (as unproven-claim's "set
/// status back to trialling" once brought illegal-transition).
@Suite struct AdviceTests {
    static let today = "2026-11-20"

    static let config = """
        version: 1
        teams:
          payments: {name: Payments}
          checkout: {name: Checkout}

        """

    static let improvement = RecordFixture.improvement("review-pairs", status: "proven", body: """
        ## Summary

        Two people review every change together, at the same screen.

        ## Context

        A team of four or more with a review queue.

        ## Implementation guide

        Pair the author with the next free reviewer.

        ## Adaptation notes

        Across time zones, pair only in the overlap hours.

        """).text

    /// Payments' trial of review pairs, concluded and retained on a met target.
    static let retained = RecordFixture.experiment(
        "pairs-payments", title: "Review pairs in payments", improvement: "review-pairs",
        hypothesis: "If we review in pairs, we expect review wait to fall from 48 to 4 hours", status: "concluded", start: "2026-09-01",
        reviewBy: "2026-10-31", rollback: "go back to single reviews", concluded: "2026-10-30",
        body: "## Learnings\n\nPairs cut the wait to three hours.\n").text

    /// Checkout's focus mornings, running.
    static let running = RecordFixture.experiment(
        "focus-mornings", title: "Focus mornings in checkout", teams: "[checkout]",
        hypothesis: "If we keep mornings free of meetings, we expect cycle time to fall from 6 to 4 days",
        signals: "- metric: cycle time (days)\n  baseline: 6\n  target: 4", start: "2026-11-02", reviewBy: "2026-12-31",
        rollback: "put the meetings back", body: "## Plan\n\nNo meetings before noon.\n").text

    static let constraint = RecordFixture.constraint(
        "slow-ci", title: "Slow CI queue", level: "cross-team", observed: "- {date: 2026-11-02, team: checkout, note: 40 minutes waiting for a runner}").text

    static let clean: [String: String] = [
        "kaizen.yml": config,
        "improvements/review-pairs.md": improvement,
        "experiments/pairs-payments.md": retained,
        "experiments/focus-mornings.md": running,
        "constraints/slow-ci.md": constraint,
    ]

    /// A rule, a repository where it fires, and the edit its advice asks for.
    struct Case: CustomStringConvertible {
        var rule: String
        /// What the advice says, as the finding must say it.
        var advice: String
        /// Committed as HEAD.
        var committed: [String: String]
        /// The offending change, made in the work tree, for a history rule.
        var change: [String: String?] = [:]
        /// The advised edit, in the work tree: a file's new text, or nil to delete it.
        var advised: [String: String?]

        var description: String { "\(rule): \(advice)" }
    }

    /// The clean files with `edits` applied (a replacement of text within a file).
    static func files(_ edits: [String: (String, String)] = [:], adding added: [String: String] = [:]) -> [String: String] {
        var files = clean.merging(added) { $1 }
        for (path, (from, to)) in edits {
            precondition(files[path]!.contains(from), "\(path) has no '\(from)'")
            files[path] = files[path]!.replacingOccurrences(of: from, with: to)
        }
        return files
    }

    static func edited(_ path: String, _ from: String, _ to: String, in base: [String: String] = clean) -> String {
        precondition(base[path]!.contains(from), "\(path) has no '\(from)'")
        return base[path]!.replacingOccurrences(of: from, with: to)
    }

    static let cases: [Case] = [
        Case(rule: "unproven-claim", advice: "or set status back to trialling",
             committed: files(["experiments/pairs-payments.md": ("outcome: retained", "outcome: inconclusive")]),
             advised: ["improvements/review-pairs.md": edited("improvements/review-pairs.md", "status: proven", "status: trialling")]),
        Case(rule: "status-lag", advice: "set 'status: proven'",
             committed: files(["improvements/review-pairs.md": ("status: proven", "status: proposed")]),
             advised: ["improvements/review-pairs.md": clean["improvements/review-pairs.md"]]),
        Case(rule: "unevidenced-outcome", advice: "say why in 'outcome-reason'",
             committed: files(["experiments/pairs-payments.md": ("result: 3", "result: 40")]),
             advised: ["experiments/pairs-payments.md": edited("experiments/pairs-payments.md", "result: 3", "result: 40")
                 .replacingOccurrences(of: "outcome: retained\n", with: "outcome: retained\noutcome-reason: pairing halved onboarding time, which no signal measured\n")]),
        Case(rule: "premature-conclusion", advice: "or remove 'outcome' until it does",
             committed: files(["experiments/focus-mornings.md": ("rollback: put the meetings back\n", "rollback: put the meetings back\noutcome: retained\n")]),
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "conclusion-incomplete", advice: "write what you learned",
             committed: files(["experiments/pairs-payments.md": ("Pairs cut the wait to three hours.\n", "")]),
             advised: ["experiments/pairs-payments.md": retained]),
        Case(rule: "expired", advice: "or add an extension {until, reason}",
             committed: files(["experiments/focus-mornings.md": ("review-by: 2026-12-31", "review-by: 2026-11-10")]),
             advised: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "review-by: 2026-12-31",
                                                                "review-by: 2026-11-10\nextensions:\n  - {until: 2026-12-31, reason: the holidays}")]),
        Case(rule: "expires-soon", advice: "then conclude or extend it",
             committed: files(["experiments/focus-mornings.md": ("review-by: 2026-12-31", "review-by: 2026-11-25")]),
             advised: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "review-by: 2026-12-31",
                                                                "review-by: 2026-11-25\nextensions:\n  - {until: 2026-12-31, reason: the holidays}")]),
        Case(rule: "too-long", advice: "shorten it",
             committed: files(["experiments/focus-mornings.md": ("review-by: 2026-12-31", "review-by: 2027-03-01")]),
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "date-order", advice: "set status to planned until it starts",
             committed: files(["experiments/focus-mornings.md": ("start: 2026-11-02", "start: 2026-11-25")]),
             advised: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "status: running\nstart: 2026-11-02\n", "status: planned\n")]),
        Case(rule: "date-order", advice: "correct whichever date is wrong",
             committed: files(["experiments/pairs-payments.md": ("concluded: 2026-10-30", "concluded: 2026-08-30")]),
             advised: ["experiments/pairs-payments.md": retained]),
        Case(rule: "no-rollback", advice: "say how you will reverse the change if it does harm",
             committed: files(["experiments/focus-mornings.md": ("rollback: put the meetings back", "rollback: TBD")]),
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "no-signals", advice: "write its value today",
             committed: files(["experiments/focus-mornings.md": ("baseline: 6", "baseline: \"<its value today>\"")]),
             advised: ["experiments/focus-mornings.md": running]),
        // A target never set is not a goalpost: writing it moves nothing.
        Case(rule: "no-signals", advice: "write the value that would confirm the hypothesis",
             committed: files(["experiments/focus-mornings.md": ("target: 4", "target: \"<the value that would confirm the hypothesis>\"")]),
             advised: ["experiments/focus-mornings.md": running]),
        // Nor is a hypothesis that states no observable effect.
        Case(rule: "hypothesis-form", advice: "say what will change and by how much",
             committed: files(["experiments/focus-mornings.md": ("cycle time to fall from 6 to 4 days", "better focus")]),
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "broken-link", advice: "did you mean 'review-pairs'?",
             committed: files(["experiments/pairs-payments.md": ("improvement: review-pairs", "improvement: review-pair")]),
             advised: ["experiments/pairs-payments.md": retained]),
        Case(rule: "unknown-team", advice: "did you mean 'payments'?",
             committed: files(["experiments/pairs-payments.md": ("teams: [payments]", "teams: [paymnets]")]),
             advised: ["experiments/pairs-payments.md": retained]),
        Case(rule: "duplicate-id", advice: "rename one of the files",
             committed: files(adding: ["constraints/review-pairs.md": edited("constraints/slow-ci.md", "Slow CI queue", "Review pairs take long")]),
             advised: ["constraints/review-pairs.md": nil,
                       "constraints/slow-reviews.md": edited("constraints/slow-ci.md", "Slow CI queue", "Review pairs take long")]),
        Case(rule: "possible-duplicate", advice: "move what this one adds into it, and retire this one",
             committed: files(adding: ["improvements/pair-reviews.md": improvement]),
             advised: ["improvements/pair-reviews.md": edited("improvements/review-pairs.md", "status: proven", "status: retired")]),
        Case(rule: "wip-limit", advice: "or change wip-limit in kaizen.yml",
             committed: files(adding: ["experiments/a.md": running, "experiments/b.md": running, "experiments/c.md": running]),
             advised: ["kaizen.yml": config.replacingOccurrences(of: "checkout: {name: Checkout}", with: "checkout: {name: Checkout, wip-limit: 4}")]),
        Case(rule: "not-captured", advice: "write what to adjust for a different team",
             committed: files(["improvements/review-pairs.md": ("Across time zones, pair only in the overlap hours.\n", "")]),
             advised: ["improvements/review-pairs.md": improvement]),
        Case(rule: "missing-field", advice: "the date it expires and must be reviewed",
             committed: files(["experiments/focus-mornings.md": ("review-by: 2026-12-31\n", "")]),
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "invalid-date", advice: "November 2026 has 30 days, not 31",
             committed: files(["experiments/focus-mornings.md": ("start: 2026-11-02", "start: 2026-11-31")]),
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "unknown-field", advice: "did you mean 'tags'?",
             committed: files(["experiments/focus-mornings.md": ("rollback: put the meetings back\n", "rollback: put the meetings back\ntag: [focus]\n")]),
             advised: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "rollback: put the meetings back\n",
                                                                "rollback: put the meetings back\ntags: [focus]\n")]),
        Case(rule: "invalid-value", advice: "did you mean 'running'?",
             committed: files(["experiments/focus-mornings.md": ("status: running", "status: runing")]),
             advised: ["experiments/focus-mornings.md": running]),
        // Rules about the file itself, whose broken version is no record to compare.
        Case(rule: "invalid-id", advice: "rename the file to slow-reviews.md",
             committed: files(adding: ["constraints/Slow_Reviews.md": edited("constraints/slow-ci.md", "Slow CI queue", "Slow reviews")]),
             advised: ["constraints/Slow_Reviews.md": nil,
                       "constraints/slow-reviews.md": edited("constraints/slow-ci.md", "Slow CI queue", "Slow reviews")]),
        Case(rule: "misplaced-record", advice: "move it to constraints/",
             committed: files(adding: ["experiments/slow-reviews.md": edited("constraints/slow-ci.md", "Slow CI queue", "Slow reviews")]),
             advised: ["experiments/slow-reviews.md": nil,
                       "constraints/slow-reviews.md": edited("constraints/slow-ci.md", "Slow CI queue", "Slow reviews")]),
        Case(rule: "duplicate-key", advice: "remove or merge the other",
             committed: files(["experiments/focus-mornings.md": ("rollback: put the meetings back\n",
                                                                 "rollback: put the meetings back\nrollback: cancel the calendar block\n")]),
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "wrong-type", advice: "'teams' must be a list, e.g. teams: [payments]",
             committed: files(["experiments/focus-mornings.md": ("teams: [checkout]", "teams: checkout")]),
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "yaml-syntax", advice: "a value that contains ': ' must be quoted",
             committed: files(["experiments/focus-mornings.md": ("title: Focus mornings in checkout", "title: Focus: mornings in checkout")]),
             advised: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "title: Focus mornings in checkout",
                                                                "title: \"Focus: mornings in checkout\"")]),
        Case(rule: "front-matter", advice: "add a line '---' after the last field",
             committed: files(["constraints/slow-ci.md": ("waiting for a runner}\n---\n", "waiting for a runner}\n")]),
             advised: ["constraints/slow-ci.md": constraint]),
        Case(rule: "control-character", advice: "remove it",
             committed: files(["experiments/focus-mornings.md": ("No meetings before noon.", "No meetings before\u{1B}[1m noon.")]),
             advised: ["experiments/focus-mornings.md": running]),
        // History rules: the offending change is in the work tree, on a clean HEAD.
        Case(rule: "goalposts-moved", advice: "restore it",
             committed: clean, change: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "target: 4", "target: 5")],
             advised: ["experiments/focus-mornings.md": running]),
        Case(rule: "deadline-moved", advice: "put the old date back and add `- {until: 2027-01-15, reason: ...}` under extensions",
             committed: clean, change: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "review-by: 2026-12-31", "review-by: 2027-01-15")],
             advised: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "review-by: 2026-12-31",
                                                                "review-by: 2026-12-31\nextensions:\n  - {until: 2027-01-15, reason: the holidays}")]),
        Case(rule: "illegal-transition", advice: "start a new experiment to try again",
             committed: clean,
             change: ["experiments/pairs-payments.md": edited("experiments/pairs-payments.md", "status: concluded", "status: running")
                 .replacingOccurrences(of: "outcome: retained\nconcluded: 2026-10-30\n", with: "")],
             advised: ["experiments/pairs-payments.md": retained,
                       "experiments/pairs-payments-again.md": edited("experiments/pairs-payments.md", "status: concluded\nstart: 2026-09-01\n", "status: planned\n")
                           .replacingOccurrences(of: "review-by: 2026-10-31", with: "review-by: 2026-12-31")
                           .replacingOccurrences(of: "    result: 3\n", with: "")
                           .replacingOccurrences(of: "outcome: retained\nconcluded: 2026-10-30\n", with: "")]),
        Case(rule: "record-deleted", advice: "restore it (`git checkout` it back) and set status: concluded with outcome: discarded",
             committed: clean, change: ["experiments/focus-mornings.md": nil],
             advised: ["experiments/focus-mornings.md": edited("experiments/focus-mornings.md", "status: running", "status: concluded")
                 .replacingOccurrences(of: "    target: 4\n", with: "    target: 4\n    result: 6\n")
                 .replacingOccurrences(of: "rollback: put the meetings back\n", with: "rollback: put the meetings back\noutcome: discarded\nconcluded: 2026-11-19\n")
                 + "\n## Learnings\n\nMeetings moved to the afternoon and cycle time stayed at six days.\n"]),
    ]

    @Test(arguments: cases)
    func followingTheAdviceLeavesNothingToFind(_ advice: Case) throws {
        let repo = try GitFixture()
        for (path, text) in advice.committed { try repo.write(path, text) }
        try repo.commit("The records as they were")
        for (path, text) in advice.change { try write(text, at: path, in: repo) }

        let before = try repo.kaizen(["check", "--against", "HEAD", "--today", Self.today])
        let found = before.stdout.split(separator: "\n").filter { $0.hasSuffix("[\(advice.rule)]") }
        #expect(!found.isEmpty, "\(advice.rule) did not fire:\n\(before.stdout)")
        #expect(found.contains { $0.contains(advice.advice) }, "no finding advises '\(advice.advice)':\n\(before.stdout)")

        for (path, text) in advice.advised { try write(text, at: path, in: repo) }
        let after = try repo.kaizen(["check", "--against", "HEAD", "--today", Self.today])
        #expect(after.status == 0, "after the advice: \(after.stdout)\(after.stderr)")
        #expect(after.stdout.hasSuffix("checked: no problems\n"), "after the advice:\n\(after.stdout)")
    }

    private func write(_ text: String?, at path: String, in repo: GitFixture) throws {
        if let text { try repo.write(path, text) } else { try repo.remove(path) }
    }
}
