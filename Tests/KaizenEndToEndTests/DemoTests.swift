import Foundation
import Testing

/// The built-in demo: its script builds a real git repository, and `check`
/// reports exactly the deliberate mistakes listed in examples/README.md.
@Suite(.serialized) struct DemoTests {
    static let expectedCheck = """
        experiments/checkout-focus-mornings.md:4:9: error: team 'checkout' runs 4 experiments at once, over its limit of 3 (started earlier: checkout-contract-tests, preview-envs-checkout, checkout-weekly-demo): conclude one before starting another, or change wip-limit in kaizen.yml [wip-limit]
        experiments/checkout-weekly-demo.md:5:13: error: the expected effect 'better collaboration' is not observable: say what will change and by how much, e.g. 'lead time to fall from 9 to 5 days' [hypothesis-form]
        experiments/incident-pairing-checkout-payments.md:4:19: error: unknown team 'paymnets' (did you mean 'payments'?); the teams in kaizen.yml are payments, checkout, platform, mobile, data [unknown-team]
        experiments/mobile-adopts-canary.md:5:14: error: no improvement has the id 'canary-release' (did you mean 'canary-releases'?) [broken-link]
        experiments/mobile-weekly-release-train.md:15:12: error: the experiment expired on 2026-11-13, 7 days ago: conclude it (status, outcome, learnings) or add an extension {until, reason} [expired]
        experiments/payments-adopts-trunk-based.md:36:1: error: the Learnings section is empty: write what you learned, whatever the outcome [conclusion-incomplete]
        experiments/payments-alert-runbooks.md:19:12: warning: the experiment expires in 11 days, on 2026-12-01: plan its review, then conclude or extend it [expires-soon]
        experiments/preview-envs-mobile.md:19:1: error: unknown field 'tag' (did you mean 'tags'?) [unknown-field]
        experiments/protected-improvement-time-pilot.md:15:8: error: 'start': '2026-11-31' is not a date: November 2026 has 30 days, not 31 [invalid-date]
        improvements/learning-reviews.md:4:9: error: marked proven, but no concluded experiment retained it: link one with 'improvement: learning-reviews' and 'outcome: retained', or set status back to trialling [unproven-claim]
        improvements/mobile-trunk-based-development.md:3:8: warning: this improvement reads much like 'trunk-based-development' (52% similar, sharing branch, flag, feature): if it is the same practice, build on that record instead: move what this one adds into it, and retire this one [possible-duplicate]
        improvements/review-pairs.md:38:1: warning: proven but not captured: the 'Adaptation notes' section holds only the template's guidance; write what to adjust for a different team, and what to watch for [not-captured]
        improvements/trunk-based-development.md:3:8: warning: this improvement reads much like 'mobile-trunk-based-development' (52% similar, sharing branch, flag, feature): if it is the same practice, build on that record instead: move what this one adds into it, and retire this one [possible-duplicate]
        36 records checked: 9 errors, 4 warnings

        """

    @Test func theDemoRepositoryReportsExactlyItsDeliberateMistakes() throws {
        let folder = try FixtureFolder()
        let repository = folder.url.appendingPathComponent("demo")
        let script = KaizenProcess.packageRoot.appendingPathComponent("examples/build-demo-repo.sh").path
        let built = try FixtureProcess.run("/bin/bash", [script, repository.path], in: nil)
        #expect(built.status == 0, "\(built.text)\(built.errorText)")

        let log = try FixtureProcess.run("/usr/bin/git", ["-C", repository.path, "log", "--format=%an|%ad", "--date=short"], in: nil)
        let commits = log.text.split(separator: "\n")
        #expect(commits.count > 40)
        #expect(Set(commits.map { $0.split(separator: "|")[0] }).count >= 5)
        #expect(commits.last?.hasSuffix("2026-05-04") == true)

        let check = try KaizenProcess.run(["check", "--today", "2026-11-20"], in: repository)
        #expect(check.status == 1)
        #expect(check.stdout == Self.expectedCheck)
        #expect(check.stderr == "")

        try expectFlowFigures(in: repository)
        try expectReport(in: repository)
    }

    /// The demo's cross-team figures, as worked out from examples/: platform's
    /// canary releases retained by checkout (checkout-adopts-canary) and by
    /// payments (with platform, canary-payments-api), checkout's trunk-based
    /// development by payments (payments-adopts-trunk-based). learning-reviews
    /// claims proven with no retained experiment (the unproven-claim mistake),
    /// so it is listed apart and counted as proven nowhere.
    private func expectReport(in repository: URL) throws {
        let result = try KaizenProcess.run(["report", "--today", "2026-11-20", "--format", "json"], in: repository)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let adoption = report["adoption"] as? [String: Any]
        #expect((adoption?["rate"] as? [String: Any])?["count"] as? Int == 2)
        #expect((adoption?["adopters"] as? [[String: Any]])?.map { $0["team"] as? String } == ["payments", "checkout"])
        let impact = report["impact"] as? [String: Any]
        #expect([impact?["retentions"], impact?["improvements"]] as? [Int] == [8, 5])
        #expect(report["unbackedClaims"] as? [String] == ["learning-reviews"])
        #expect(report["unexplainedRetentions"] as? [String] == [])
        let capture = (report["capture"] as? [String: Any])?["missing"] as? [[String: Any]]
        #expect(capture?.map { $0["improvement"] as? String } == ["review-pairs"])
        let flow = report["flow"] as? [String: Any]
        #expect(flow?["expired"] as? [String] == ["mobile-weekly-release-train"])

        let due = try KaizenProcess.run(["due", "--today", "2026-11-20", "--team", "mobile"], in: repository)
        #expect(due.stdout.contains("mobile-weekly-release-train  expired 7 days ago, on 2026-11-13"))
    }

    @Test func theDemoPullRequestReviewShowsItsOutcomeAndTheMovedTarget() throws {
        let folder = try FixtureFolder()
        let repository = folder.url.appendingPathComponent("demo")
        for (script, extra) in [("examples/build-demo-repo.sh", []), ("examples/build-demo-pull-request.sh", [KaizenProcess.binary.path])] {
            let built = try FixtureProcess.run("/bin/bash", [KaizenProcess.packageRoot.appendingPathComponent(script).path, repository.path] + extra,
                                               in: nil)
            #expect(built.status == 0, "\(built.text)\(built.errorText)")
        }
        let review = try KaizenProcess.run(["review", "main...pull-request", "--today", "2026-11-20", "--format", "json"], in: repository)
        #expect(review.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect([summary["changed"], summary["started"], summary["extended"], summary["concluded"], summary["errors"]] as? [Int]
                == [7, 1, 1, 2, 2])
        // kaizen conclude moved the schema pilot's improvement with it, and kaizen observe saw the staging queue again.
        #expect((json["movedImprovements"] as? [[String: Any]])?.map { "\($0["id"] ?? ""): \($0["from"] ?? "") → \($0["to"] ?? "")" }
                == ["schema-change-self-service: trialling → proven"])
        #expect((json["observedConstraints"] as? [[String: Any]])?.map { $0["id"] as? String } == ["shared-staging-queue"])
        let reasons = (json["concluded"] as? [[String: Any]] ?? []).compactMap { $0["outcomeReason"] as? String }
        #expect(reasons.count == 1 && reasons[0].hasPrefix("payments ships its own model changes"))
        let findings = (json["findings"] as? [[String: Any]] ?? []).map { "\($0["path"] ?? ""):\($0["line"] ?? "") \($0["rule"] ?? "")" }
        // The weekly demo's vague hypothesis is one of the demo's deliberate mistakes; the lowered target is the pull request's;
        // the improvement proven by the schema pilot has its guide still to write.
        #expect(findings == ["experiments/checkout-weekly-demo.md:5 hypothesis-form", "experiments/checkout-weekly-demo.md:9 goalposts-moved",
                             "improvements/schema-change-self-service.md:26 not-captured",
                             "improvements/schema-change-self-service.md:30 not-captured"])
    }

    /// `list` and `show` add how long each record has had its status, from git:
    /// compared with the commit `git log` names as the one that last touched it.
    private func expectFlowFigures(in repository: URL) throws {
        let log = try FixtureProcess.run("/usr/bin/git", ["-C", repository.path, "log", "--first-parent", "--format=%h %cs",
                                                          "--", "experiments/canary-payments-api.md"], in: nil)
        // Newest first: concluded, started, created.
        let commits = log.text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(commits.count == 3)

        let list = try KaizenProcess.run(["list", "--today", "2026-11-20"], in: repository)
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.first?.prefix(4) == ["ID", "KIND", "STATUS", "FOR"])
        // Concluded on 2026-08-07, 105 days before the demo's today.
        #expect(commits.first?.last == "2026-08-07")
        #expect(rows.first { $0.first == "canary-payments-api" }?.prefix(4) == ["canary-payments-api", "experiment", "concluded", "105d"])
        let plain = try KaizenProcess.run(["list", "--no-history", "--today", "2026-11-20"], in: repository)
        #expect(plain.stdout.hasPrefix("ID ") && !plain.stdout.contains(" FOR "))

        let show = try KaizenProcess.run(["show", "canary-payments-api", "--today", "2026-11-20"], in: repository)
        let history = show.stdout.split(separator: "\n").drop { $0 != "history (first-parent HEAD):" }.dropFirst().prefix(3)
        #expect(history.map { $0.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) }
                == commits.reversed().map { $0.first })
        #expect(history.first?.hasPrefix("  2026-05-27  created  status planned") == true)
    }

    @Test func theExamplesFolderItselfGivesTheSameReport() throws {
        let check = try KaizenProcess.run(["check", "--today", "2026-11-20"], in: KaizenProcess.packageRoot.appendingPathComponent("examples"))
        #expect(check.stdout == Self.expectedCheck)
    }

    /// An independent oracle: Python's jsonschema validates every demo record's
    /// front matter against `kaizen schema`. Only the two records whose
    /// deliberate mistakes a schema can see (an unknown field, an unknown team)
    /// may fail.
    @Test func everyDemoRecordValidatesAgainstTheSchemaExceptItsSchemaMistakes() throws {
        let examples = KaizenProcess.packageRoot.appendingPathComponent("examples")
        let schema = try KaizenProcess.run(["schema"], in: examples)
        #expect(schema.status == 0)
        let folder = try FixtureFolder(["schema.json": schema.stdout])
        let validator = """
            import glob, json, sys, yaml
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            for path in sorted(glob.glob("*/*.md")):
                if path.endswith("README.md"):
                    continue
                text = open(path, encoding="utf-8").read()
                front = yaml.load(text.split("\\n---\\n")[0][4:], Loader=yaml.BaseLoader)
                if not validator.is_valid(front):
                    print(path)
            """
        let validated = try FixtureProcess.run("/usr/bin/python3", ["-", folder.url.appendingPathComponent("schema.json").path],
                                               in: examples, input: Data(validator.utf8))
        #expect(validated.status == 0, "\(validated.text)\(validated.errorText)")
        #expect(validated.text == "experiments/incident-pairing-checkout-payments.md\nexperiments/preview-envs-mobile.md\n")
        #expect(validated.errorText == "")
    }
}
