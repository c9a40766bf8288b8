import Foundation
import Testing

/// `kaizen report` and `kaizen due` on a real repository, where some days are
/// only in the commits: team b's adoption has neither `start` nor `concluded`.
@Suite struct ReportCommandTests {
    static let config = """
        version: 1
        teams:
          a: {}
          b: {}
        goals:
          adoption-rate: 50%
          scaling-efficiency: 20%
        """

    static let guide = "## Summary\n\nS.\n\n## Context\n\nC.\n\n## Implementation guide\n\nI.\n\n## Adaptation notes\n\nA.\n"

    static func experiment(team: String, _ fields: String, observations: String = "") -> String {
        """
        ---
        kind: experiment
        title: Pairing in team \(team)
        teams: [\(team)]
        improvement: pairing
        hypothesis: "If we pair on every change, we expect review wait to fall from 2 days to under 4 hours"
        signals:
          - {metric: review wait, baseline: 2 days, target: under 4 hours, result: 3 hours}
        rollback: Stop pairing.
        \(fields)
        ---

        ## Observations

        \(observations)

        ## Learnings

        Pairing works.
        """
    }

    /// a trials its own improvement 2026-06-01 → 2026-07-10 (39 days, front
    /// matter); b starts on 2026-07-10 and concludes late on 2026-08-09 in
    /// UTC−7, which is already 2026-08-10 in UTC (30 days, both from history).
    static func repository() throws -> GitFixture {
        let git = try GitFixture()
        try git.write("kaizen.yml", config)
        try git.write("improvements/pairing.md", "---\nkind: improvement\ntitle: Pairing\nstatus: proven\norigin: a\nlevel: team\narea: flow\n---\n\n" + guide)
        try git.write("experiments/a-pairing.md", experiment(team: "a", "status: running\nstart: 2026-06-01\nreview-by: 2026-08-01"))
        try git.commit("a starts pairing", at: GitDate(2026, 6, 1, 10, offsetMinutes: 120))
        try git.write("experiments/a-pairing.md", experiment(team: "a", """
            status: concluded
            start: 2026-06-01
            review-by: 2026-08-01
            outcome: retained
            concluded: 2026-07-10
            """))
        try git.write("experiments/b-pairing.md", experiment(team: "b", "status: running\nreview-by: 2026-09-01",
                                                             observations: "- 2026-07-20: first pairs"))
        try git.commit("a retains pairing; b adopts it", at: GitDate(2026, 7, 10, 16, offsetMinutes: 120))
        try git.write("experiments/b-pairing.md", experiment(team: "b", "status: concluded\nreview-by: 2026-09-01\noutcome: retained"))
        try git.commit("b retains pairing", at: GitDate(2026, 8, 9, 23, 30, offsetMinutes: -420))
        return git
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func figuresTakeMissingDaysFromTheCommits() throws {
        let git = try Self.repository()
        let result = try KaizenProcess.run(["report", "--today", "2026-11-20", "--format", "json"], in: git.workTree)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["period"] as? [String: String] == ["start": "2026-05-20", "end": "2026-11-20"])
        #expect(report["history"] as? Bool == true)
        let adoption = try #require(report["adoption"] as? [String: Any])
        let rate = try #require(adoption["rate"] as? [String: Any])
        #expect(rate["count"] as? Int == 1 && rate["total"] as? Int == 2)
        #expect(rate["goal"] as? Double == 0.5 && rate["met"] as? Bool == true)
        let scaling = try #require(report["scaling"] as? [String: Any])
        #expect(scaling["medianAdoptionDays"] as? Double == 30)
        #expect(scaling["medianOriginDays"] as? Double == 39)
        // 1 − 30/39 ≈ 0.23, over the 20 % goal.
        #expect(abs((scaling["reduction"] as? Double ?? 0) - 9.0 / 39.0) < 1e-9)
        #expect(scaling["met"] as? Bool == true)
        let flow = try #require(report["flow"] as? [String: Any])
        #expect(flow["cycleTimes"] as? [Int] == [30, 39])
        let throughput = (flow["throughput"] as? [[String: Any]] ?? []).map { "\($0["month"] ?? ""):\($0["count"] ?? "")" }
        #expect(throughput == ["2026-05:0", "2026-06:0", "2026-07:1", "2026-08:1", "2026-09:0", "2026-10:0", "2026-11:0"])
        let impact = try #require(report["impact"] as? [String: Any])
        #expect(impact["multiplication"] as? Double == 2)
    }

    /// b's adoption took 30 days, known only from the commits; a's trial 39.
    /// kaizen.yml's quick-win-days decides, the last day included.
    @Test func quickWinsTakeTheirDaysFromKaizenYmlAndTheCommits() throws {
        let git = try Self.repository()
        for (days, wins) in [(30, ["b-pairing"]), (29, [])] {
            try git.write("kaizen.yml", Self.config + "\nquick-win-days: \(days)\n")
            let result = try KaizenProcess.run(["report", "--today", "2026-11-20", "--format", "json"], in: git.workTree)
            #expect(result.status == 0, "\(result.stderr)")
            let flow = try #require(try json(result.stdout)["flow"] as? [String: Any])
            let quickWins = try #require(flow["quickWins"] as? [String: Any])
            #expect(quickWins["withinDays"] as? Int == days)
            let rate = try #require(quickWins["rate"] as? [String: Any])
            #expect(rate["count"] as? Int == wins.count && rate["total"] as? Int == 2)
            #expect((quickWins["experiments"] as? [[String: Any]])?.map { $0["experiment"] as? String } == wins)
        }
    }

    /// The figures of figuresTakeMissingDaysFromTheCommits, with quick-win-days
    /// 30: b's 30-day adoption is a quick win, a's 39-day trial is not. Read
    /// back with Python's csv module.
    @Test func csvIsOneRowPerFigureAndPart() throws {
        let git = try Self.repository()
        try git.write("kaizen.yml", Self.config + "\nquick-win-days: 30\n")
        let result = try KaizenProcess.run(["report", "--today", "2026-11-20", "--format", "csv"], in: git.workTree)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try CSVOutputTests.parse(result.stdout)
        let expected: [[String]] = [
            ["section", "figure", "subject", "value", "unit", "count", "total", "share", "goal", "met"],
            // b adopted pairing; a originated it.
            ["Spread", "Adoption rate", "", "0.5", "share", "1", "2", "0.5", "0.5", "true"],
            ["Spread", "Adoption rate", "a", "0", "improvements adopted", "", "", "", "", ""],
            ["Spread", "Adoption rate", "b", "1", "improvements adopted", "", "", "", "", ""],
            ["Spread", "Knowledge capture", "", "1", "share", "1", "1", "1", "0.9", "true"],
            // pairing: a and b, 2 teams ÷ 1 improvement.
            ["Spread", "Impact multiplication", "", "2", "teams per improvement", "2", "1", "", "5", "false"],
            ["Spread", "Impact multiplication", "pairing", "2", "teams", "", "", "", "", ""],
            // 1 − 30/39, as a Double writes it.
            ["Spread", "Scaling efficiency", "", String(1 - 30.0 / 39.0), "share shorter", "", "", "", "0.2", "true"],
            ["Spread", "Scaling efficiency", "adoptions", "30", "days (median)", "1", "", "", "", ""],
            ["Spread", "Scaling efficiency", "origin trials", "39", "days (median)", "1", "", "", "", ""],
            // pairing is the only active improvement, a team one: 100 % against at most 80 %.
            ["Spread", "Level balance", "", "1", "share of the largest level", "1", "1", "1", "0.8", "false"],
            ["Spread", "Level balance", "team", "1", "share", "1", "1", "1", "", ""],
            ["Spread", "Level balance", "cross-team", "0", "share", "0", "1", "0", "", ""],
            ["Spread", "Level balance", "system", "0", "share", "0", "1", "0", "", ""],
            ["Spread", "Claims without evidence", "", "0", "improvements", "", "", "", "", ""],
            ["Spread", "Retained unexplained", "", "0", "experiments", "", "", "", "", ""],
            ["Flow", "Work in progress", "a", "0", "experiments running", "", "", "", "3", "true"],
            ["Flow", "Work in progress", "b", "0", "experiments running", "", "", "", "3", "true"],
            // 30 and 39 days: median 34.5; 85th percentile, rank ⌈1.7⌉ = 2: 39.
            ["Flow", "Cycle time", "median", "34.5", "days", "2", "", "", "", ""],
            ["Flow", "Cycle time", "85th percentile", "39", "days", "2", "", "", "", ""],
            ["Flow", "Throughput", "", "2", "experiments concluded", "", "", "", "", ""],
            ["Flow", "Throughput", "2026-05", "0", "experiments concluded", "", "", "", "", ""],
            ["Flow", "Throughput", "2026-06", "0", "experiments concluded", "", "", "", "", ""],
            ["Flow", "Throughput", "2026-07", "1", "experiments concluded", "", "", "", "", ""],
            ["Flow", "Throughput", "2026-08", "1", "experiments concluded", "", "", "", "", ""],
            ["Flow", "Throughput", "2026-09", "0", "experiments concluded", "", "", "", "", ""],
            ["Flow", "Throughput", "2026-10", "0", "experiments concluded", "", "", "", "", ""],
            ["Flow", "Throughput", "2026-11", "0", "experiments concluded", "", "", "", "", ""],
            ["Flow", "Quick wins", "", "0.5", "share retained within 30 days", "1", "2", "0.5", "", ""],
            ["Flow", "Quick wins", "a", "0", "share retained within 30 days", "0", "1", "0", "", ""],
            ["Flow", "Quick wins", "b", "1", "share retained within 30 days", "1", "1", "1", "", ""],
            ["Flow", "Quick wins", "b-pairing", "30", "days", "", "", "", "", ""],
            ["Flow", "Expired", "", "0", "experiments", "", "", "", "", ""],
            ["Constraints", "Recurring", "", "0", "constraints", "", "", "", "", ""],
            ["Constraints", "Recurring", "on 2026-05-20", "0", "constraints", "", "", "", "", ""],
            ["Constraints", "Days open", "", "0", "constraints", "", "", "", "", ""],
            ["Constraints", "Not addressed", "", "0", "constraints", "", "", "", "", ""],
            ["Learning", "Learnings written", "", "1", "share", "2", "2", "1", "", ""],
            ["Learning", "Discarded", "", "0", "share", "0", "2", "0", "", ""],
        ]
        #expect(rows.count == expected.count)
        for (row, want) in zip(rows, expected) { #expect(row == want) }
    }

    @Test func textShowsCountsGoalsAndVerdicts() throws {
        let git = try Self.repository()
        let result = try KaizenProcess.run(["report", "--since", "2026-07-01", "--today", "2026-11-20"], in: git.workTree)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Cross-team report, 2026-07-01 to 2026-11-20 (since 2026-07-01): 2 teams, 3 records.")
        #expect(lines.contains("  Adoption rate          1 of 2 teams (50%); goal 50%: met"))
        #expect(lines.contains("  Impact multiplication  2 team retentions ÷ 1 proven improvement = 2×; goal 5×: not met"))
        #expect(lines.contains(
            "  Scaling efficiency     adoptions 30 days (median of 1) vs origins 39 days (median of 1): 23% shorter; goal 20% shorter: met"))
        #expect(lines.contains("  Cycle time             median 34.5 days, 85th percentile 39 days (2 experiments concluded in the period)"))
    }

    @Test func markdownIsTablesWithoutHTML() throws {
        let git = try Self.repository()
        let result = try KaizenProcess.run(["report", "--today", "2026-11-20", "--format", "markdown"], in: git.workTree)
        let document = GFMDocument(result.stdout)
        #expect(document.tables.count == 4)
        #expect(document.tables[0].first == ["Figure", "Value", "Goal"])
        #expect(document.tables[0].dropFirst().first == ["Adoption rate", "1 of 2 teams (50%)", "50%: met"])
        #expect(document.nodeCounts["html_block", default: 0] + document.nodeCounts["html_inline", default: 0] == 0)
    }

    @Test func withoutGitDaysComeFromTheFrontMatterOnly() throws {
        let git = try Self.repository()
        let copy = try FixtureFolder()
        for path in ["kaizen.yml", "improvements/pairing.md", "experiments/a-pairing.md", "experiments/b-pairing.md"] {
            try copy.write(path, try git.read(path))
        }
        let result = try KaizenProcess.run(["report", "--today", "2026-11-20", "--format", "json"], in: copy.url)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["history"] as? Bool == false)
        let flow = try #require(report["flow"] as? [String: Any])
        #expect(flow["undated"] as? [String] == ["b-pairing"])
        let text = try KaizenProcess.run(["report", "--today", "2026-11-20"], in: copy.url)
        #expect(text.stdout.contains("No git history was read: days come from the front matter only."))
    }

    @Test(arguments: [
        (["--since", "2026-01-01", "--window", "3m"], "--since and --window both set the period's start: pass one of them"),
        (["--window", "6x"], "6x"),
        (["--since", "2026-12-01"], "--since 2026-12-01 is after today (2026-11-20): the period ends today"),
    ])
    func badArgumentsExitTwo(arguments: [String], message: String) throws {
        let git = try Self.repository()
        let result = try KaizenProcess.run(["report", "--today", "2026-11-20"] + arguments, in: git.workTree)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func dueListsWhatNeedsAttention() throws {
        let git = try Self.repository()
        try git.write("experiments/b-pairing.md", Self.experiment(team: "b", "status: running\nstart: 2026-07-10\nreview-by: 2026-11-25",
                                                                  observations: "- 2026-10-01: going well"))
        let result = try KaizenProcess.run(["due", "--today", "2026-11-20"], in: git.workTree)
        #expect(result.status == 0)
        #expect(result.stdout == """
            Due on 2026-11-20 (deadlines within 14 days, an Observations entry every 14 days):

            b
              b-pairing  expires in 5 days, on 2026-11-25: plan its review
                         no Observations entry for 50 days (the last on 2026-10-01): note what the signals show

            """)
        let narrow = try KaizenProcess.run(["due", "--within", "3d", "--team", "b", "--format", "json", "--today", "2026-11-20"],
                                           in: git.workTree)
        let due = try json(narrow.stdout)
        let teams = try #require(due["teams"] as? [[String: Any]])
        let reasons = (teams.first?["items"] as? [[String: Any]])?.first?["reasons"] as? [[String: Any]]
        #expect(reasons?.map { $0["reason"] as? String } == ["observations-due"])
        #expect(due["withinDays"] as? Int == 3)

        let unknown = try KaizenProcess.run(["due", "--team", "bb"], in: git.workTree)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "kaizen: error: unknown team 'bb' (did you mean 'b'?); the teams in kaizen.yml are a, b\n")
    }
}
