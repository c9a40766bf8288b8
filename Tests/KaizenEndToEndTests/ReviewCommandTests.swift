import Foundation
import Testing

/// `kaizen review BASE...HEAD` on a real repository with a pull request.
@Suite struct ReviewCommandTests {
    @Test func theMarkdownReviewShowsOutcomesStartsExtensionsAndFindings() throws {
        let pull = try SamplePullRequest()
        let result = try pull.review(["main...topic"])
        #expect(result.status == 1, "the lowered target is an error: \(result.stdout)")
        let markdown = result.stdout
        #expect(markdown.hasPrefix("## kaizen review of `main...topic`\n"))
        #expect(markdown.contains("**1 experiment started, 1 extended, 1 concluded (1 retained).** ❌ 1 error."), "\(markdown)")

        let document = GFMDocument(markdown)
        // Raw HTML from the Learnings (a <details> block) is left out, and nothing else emits any.
        #expect(document.nodeCounts["html_block"] == nil)
        #expect(document.nodeCounts["html_inline"] == nil)
        #expect(!markdown.contains("raw notes"))
        let tables = document.tables
        #expect(tables.count == 2)
        #expect(tables.first == [
            ["Signal", "Baseline", "Target", "Result", "Target met"],
            ["change failure rate", "12 %", "under 5 %", "3 %", "✅ met"],
            ["rollback time", "40 minutes", "under 10 minutes", "14 minutes", "❌ missed"],
        ])
        #expect(tables.last?.count == 2)
        #expect(tables.last?.last?.prefix(3) == ["error", "experiments/checkout-focus-mornings.md:9:13", "goalposts-moved"])
        #expect(tables.last?.last?.last == "the target of signal 1 ('cycle time (days)') changed from '4' to '4.5' after the experiment started running: restore it, or conclude this experiment (outcome inconclusive) and start a new one with the new goal")

        #expect(markdown.contains("""
            **Learnings**

            > Canaries caught two bad releases at 5 % of traffic.
            >
            > - Keep the analysis window at 30 minutes: shorter windows missed slow leaks.
            > - Rollback is automatic but the *page* still goes to a person.
            """))
        #expect(markdown.contains("""
            #### Feature flags for checkout

            `experiments/checkout-feature-flags.md` · teams checkout · started 2026-11-16

            - **Hypothesis:** If we ship checkout changes dark behind flags, we expect lead time to fall from 6 to under 3 days
            - **Review by:** 2027-01-29 (in 70 days)
            - **Rollback:** Remove the flag checks; ship as before.
            """))
        #expect(markdown.contains("- **Review pairs** (`experiments/platform-review-pairs.md`): review by 2026-11-27 → 2026-12-18. Reason: two of four reviewers were on leave in November"))
        // The record added on main after the branch was cut is not part of this pull request.
        #expect(!markdown.contains("slow-ci"))
    }

    @Test func twoDotsCompareTheCommitsDirectly() throws {
        let pull = try SamplePullRequest()
        // main..topic: topic lacks the constraint main added since, so it reads as deleted.
        let direct = try pull.review(["main..topic", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [String: Any])
        let deleted = try #require(json["deleted"] as? [[String: Any]])
        #expect(deleted.map { $0["id"] as? String } == ["slow-ci"])
        let rules = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("record-deleted"))
        #expect(json["mergeBase"] as? Bool == false)
        // A lone BASE means BASE...HEAD.
        #expect(try pull.review(["main"]).stdout == (try pull.review(["main...HEAD"])).stdout)
    }

    @Test func theJSONReviewCarriesEveryPart() throws {
        let pull = try SamplePullRequest()
        let result = try pull.review(["main...topic", "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["range"] as? String == "main...topic")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["changed"] as? Int == 4)
        #expect(summary["started"] as? Int == 1)
        #expect(summary["extended"] as? Int == 1)
        #expect(summary["concluded"] as? Int == 1)
        #expect(summary["outcomes"] as? [String: Int] == ["retained": 1])
        #expect(summary["errors"] as? Int == 1)
        let concluded = try #require((json["concluded"] as? [[String: Any]])?.first)
        #expect(concluded["id"] as? String == "payments-canary")
        #expect(concluded["outcome"] as? String == "retained")
        let verdicts = (concluded["signals"] as? [[String: Any]] ?? []).compactMap { $0["verdict"] as? String }
        #expect(verdicts == ["met", "missed"])
        #expect((concluded["learnings"] as? String)?.hasPrefix("Canaries caught two bad releases") == true)
        let extended = try #require((json["extended"] as? [[String: Any]])?.first)
        #expect(extended["from"] as? String == "2026-11-27")
        #expect(extended["to"] as? String == "2026-12-18")
        let base = try #require(json["base"] as? [String: Any])
        #expect(base["commit"] as? String == (try pull.repo.gitText(["merge-base", "main", "topic"])))
    }

    @Test func sarifOutputValidatesAgainstTheSARIFSchema() throws {
        let pull = try SamplePullRequest()
        let result = try pull.review(["main...topic", "--format", "sarif"])
        #expect(result.status == 1)
        let log = pull.repo.folder.url.appendingPathComponent("review.sarif")
        try Data(result.stdout.utf8).write(to: log)
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sarif/sarif-schema-2.1.0.json")
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2]))
            jsonschema.validate(log, schema)
            results = log["runs"][0]["results"]
            rules = log["runs"][0]["tool"]["driver"]["rules"]
            for result in results:
                assert rules[result["ruleIndex"]]["id"] == result["ruleId"], result
            print(len(results), results[0]["ruleId"], results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            """
        let validation = try FixtureProcess.run("/usr/bin/python3", ["-c", script, schema.path, log.path], in: nil, environment: [:])
        #expect(validation.status == 0, "\(validation.errorText)")
        #expect(validation.text == "1 goalposts-moved experiments/checkout-focus-mornings.md\n")

        // An invalid log fails, so the validation above can fail too.
        try Data(result.stdout.replacingOccurrences(of: "\"2.1.0\"", with: "\"2.0\"").utf8).write(to: log)
        let invalid = try FixtureProcess.run("/usr/bin/python3", ["-c", script, schema.path, log.path], in: nil, environment: [:])
        #expect(invalid.status != 0)
    }

    @Test func githubFormatAnnotatesTheChangedLines() throws {
        let pull = try SamplePullRequest()
        let result = try pull.review(["main...topic", "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix(
            "::error file=experiments/checkout-focus-mornings.md,line=9,col=13,title=kaizen goalposts-moved::the target of signal 1"))
        #expect(result.stdout.hasSuffix("1 experiment started, 1 extended, 1 concluded (1 retained); 1 error\n"))
    }

    @Test func aCleanPullRequestExitsZero() throws {
        let pull = try SamplePullRequest()
        try pull.repo.write("experiments/checkout-focus-mornings.md", SamplePullRequest.focusMornings(target: "4"))
        // A typo fixed in the Learnings of the concluded experiment is a legitimate edit.
        try pull.repo.write("experiments/payments-canary.md",
                            SamplePullRequest.canary(concluded: true).replacingOccurrences(of: "two bad releases", with: "two bad relaeses"))
        try pull.repo.commit("Typo", by: .mia)
        try pull.repo.write("experiments/payments-canary.md", SamplePullRequest.canary(concluded: true))
        try pull.repo.commit("Fix the typo", by: .mia)
        let result = try pull.review(["main...topic"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("✅ No problems."))
        #expect(GFMDocument(result.stdout).tables.count == 1)
    }

    @Test func recordTextCannotInjectMarkup() throws {
        let pull = try SamplePullRequest()
        let hostile = SamplePullRequest.featureFlags(started: true)
            .replacingOccurrences(of: "title: Feature flags for checkout", with: "title: \"<script>alert(1)</script> | [x](javascript:alert(1)) **bold**\"")
            .replacingOccurrences(of: "Remove the flag checks; ship as before.", with: "\"<img src=x onerror=alert(1)> `tick` | cell\"")
        try pull.repo.write("experiments/checkout-feature-flags.md", hostile)
        try pull.repo.commit("Hostile title", by: .mia)
        let markdown = try pull.review(["main...topic"]).stdout
        let document = GFMDocument(markdown)
        #expect(document.nodeCounts["html_inline"] == nil)
        #expect(document.nodeCounts["html_block"] == nil)
        #expect(document.nodeCounts["link"] == nil)
        #expect(document.nodeCounts["strong"] == 7, "only the labels kaizen writes are bold")
        let html = document.html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | [x](javascript:alert(1)) **bold**"))
    }

    @Test func badRangesAndRevisionsAreUsageErrors() throws {
        let pull = try SamplePullRequest()
        let unknown = try pull.review(["main...nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'nope' names no commit in this repository"))
        let malformed = try pull.review(["a..b..c"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("'a..b..c' is not a revision range"))

        try pull.repo.git(["checkout", "-q", "--orphan", "unrelated"])
        try pull.repo.commit("A history of its own", by: .ana)
        let unrelated = try pull.review(["main...unrelated"])
        #expect(unrelated.status == 2)
        #expect(unrelated.stderr.contains("main and unrelated share no history"))
    }

    /// A pull request may carry a draft for discussion: a planned experiment
    /// still holding placeholders is listed as such, with warnings, not errors.
    @Test func aDraftInThePullRequestIsListedForDiscussionNotBlocked() throws {
        let pull = try SamplePullRequest()
        try pull.repo.write("experiments/pair-on-incidents.md", """
            ---
            kind: experiment
            title: Pair on incidents
            teams: [payments]
            hypothesis: "If we <change>, we expect <observable effect>"
            signals:
              - metric: time to restore (minutes)
                baseline: "<its value today>"
                target: under 30
            status: planned
            review-by: 2026-12-20
            rollback: "<how to reverse the change if it does harm>"
            ---

            """)
        try pull.repo.commit("Draft: pair on incidents, for discussion", by: .mia)
        let markdown = try pull.review(["main...topic"])
        #expect(markdown.stdout.contains("1 draft still being written (experiments/pair-on-incidents.md: 3 things to write)"), "\(markdown.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try pull.review(["main...topic", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let drafts = try #require(json["drafts"] as? [[String: Any]])
        #expect(drafts.map { $0["id"] as? String } == ["pair-on-incidents"])
        #expect(drafts.first?["unfinished"] as? Int == 3)
        #expect((json["summary"] as? [String: Any])?["drafts"] as? Int == 1)
        let findings = (json["findings"] as? [[String: Any]] ?? []).filter { ($0["path"] as? String) == "experiments/pair-on-incidents.md" }
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0["severity"] as? String == "warning" })
    }

    @Test func aRenameInThePullRequestIsListedWithTheLinksItBreaks() throws {
        let pull = try SamplePullRequest()
        try pull.repo.move("improvements/canary-releases.md", to: "improvements/canary-deploys.md")
        try pull.repo.write("experiments/checkout-canary.md",
                            RecordFixture.experiment("checkout-canary", title: "Canaries for checkout", improvement: "canary-releases").text)
        try pull.repo.commit("Canary deploys: the name the teams use; checkout tries them", by: .mia)
        let markdown = try pull.review(["main...topic"])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("1 renamed"), "\(markdown.stdout)")
        let renaming = try pull.repo.resolve("topic")
        let day = try pull.repo.gitText(["show", "-s", "--format=%cs", renaming]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(markdown.stdout.contains("'canary-releases' was renamed to 'canary-deploys' in \(renaming.prefix(7)) on \(day): write 'canary-deploys'"),
                "\(markdown.stdout)")
        #expect(markdown.stdout.contains("""
            ### Renamed records

            - `canary-releases` → `canary-deploys` (`improvements/canary-deploys.md`): still linked by its former id from `checkout-canary`
            """), "\(markdown.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try pull.review(["main...topic", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let renamed = try #require(json["renamed"] as? [[String: Any]])
        #expect(renamed.map { $0["formerID"] as? String } == ["canary-releases"])
        #expect(renamed.first?["id"] as? String == "canary-deploys")
        #expect(renamed.first?["linkedByFormerID"] as? [String] == ["checkout-canary"])
        #expect((json["summary"] as? [String: Any])?["renamed"] as? Int == 1)
    }
}
