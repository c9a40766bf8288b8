import Foundation
import Testing

/// The outputs other programs read, each held to its standard by that
/// standard's own checker: SARIF against the OASIS schema, GitHub's
/// workflow commands by their escaping rules, and text diagnostics by
/// Neovim's default errorformat, which is Vim's.
@Suite struct StandardOutputTests {
    static let schema = KaizenProcess.packageRoot.appendingPathComponent("Tests/Fixtures/sarif/sarif-schema-2.1.0.json")

    /// A repository whose one experiment names an unknown team, committed.
    private func repository(folder: String = "") throws -> GitFixture {
        let repo = try GitFixture()
        let prefix = folder.isEmpty ? "" : folder + "/"
        try repo.write(prefix + "kaizen.yml", Records.config)
        try repo.write(prefix + "experiments/review-pairs.md", Records.experiment(teams: "[paymnets]"))
        try repo.commit("Start review pairs", by: .ana)
        return repo
    }

    private func kaizen(_ arguments: [String], in repo: GitFixture, at subfolder: String = "") throws -> KaizenProcess.Result {
        try KaizenProcess.run(arguments + ["--today", "2026-11-20"], in: repo.workTree.appendingPathComponent(subfolder),
                              environment: repo.environment)
    }

    /// Validates `log` against the SARIF 2.1.0 schema, then runs `checks`
    /// (Python, with `log` loaded) and returns what it printed.
    static func validateSARIF(_ log: String, checks: String = "") throws -> FixtureProcess.Output {
        let folder = try FixtureFolder(["log.sarif": log])
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2]))
            jsonschema.validate(log, schema)
            run = log["runs"][0]
            results = run["results"]
            rules = run["tool"]["driver"]["rules"]
            \(checks)
            """
        return try FixtureProcess.run("/usr/bin/python3", ["-c", script, schema.path, folder.url.appendingPathComponent("log.sarif").path],
                                      in: nil, environment: [:])
    }

    private func results(_ sarif: String) throws -> [[String: Any]] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return try #require(run["results"] as? [[String: Any]])
    }

    private func physicalLocation(_ result: [String: Any]) throws -> [String: Any] {
        let location = try #require((result["locations"] as? [[String: Any]])?.first)
        return try #require(location["physicalLocation"] as? [String: Any])
    }

    private func fingerprint(_ result: [String: Any]) -> String? {
        (result["partialFingerprints"] as? [String: String])?["kaizenFindingHash/v1"]
    }

    // MARK: - SARIF

    @Test func sarifListsEveryRuleWithWhatItChecksAndHowToFixIt() throws {
        let repo = try repository()
        let sarif = try kaizen(["check", "--format", "sarif"], in: repo)
        #expect(sarif.status == 1)
        let validation = try Self.validateSARIF(sarif.stdout, checks: """
            for rule in rules:
                for key in ("fullDescription", "help"):
                    assert rule[key]["text"].strip() and rule[key]["markdown"].strip(), (rule["id"], key)
                assert rule["help"]["text"].startswith(rule["fullDescription"]["text"]), rule["id"]
                assert "How to fix:" in rule["help"]["text"], rule["id"]
            for result in results:
                assert rules[result["ruleIndex"]]["id"] == result["ruleId"], result
            print(len(rules), len({rule["help"]["text"] for rule in rules}))
            """)
        #expect(validation.status == 0, "\(validation.errorText)")
        let rules = try kaizen(["check", "--list-rules"], in: repo).stdout.split(separator: "\n").count
        #expect(validation.text == "\(rules) \(rules)\n")
    }

    @Test func sarifFromASubfolderNamesFilesFromTheRepositoryRootAndValidates() throws {
        let repo = try repository()
        let sarif = try kaizen(["check", "--format", "sarif"], in: repo, at: "experiments")
        #expect(sarif.status == 1)
        let root = URL(fileURLWithPath: repo.workTree.resolvingSymlinksInPath().path, isDirectory: true).absoluteString
        let validation = try Self.validateSARIF(sarif.stdout, checks: """
            assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == \(String(reflecting: root)), run["originalUriBaseIds"]
            assert run["columnKind"] == "unicodeCodePoints"
            location = results[0]["locations"][0]["physicalLocation"]
            print(results[0]["ruleId"], location["artifactLocation"]["uriBaseId"], location["artifactLocation"]["uri"],
                  *[location["region"][key] for key in ("startLine", "startColumn", "endLine", "endColumn")])
            """)
        #expect(validation.status == 0, "\(validation.errorText)")
        // `teams: [paymnets]`: from the team to the end of the line.
        #expect(validation.text == "unknown-team SRCROOT experiments/review-pairs.md 4 9 4 18\n")
    }

    @Test func aWorkspaceInsideTheRepositoryIsNamedFromTheRepositoryRoot() throws {
        let repo = try repository(folder: "teams/kaizen")
        let sarif = try kaizen(["check", "--format", "sarif"], in: repo, at: "teams/kaizen/experiments")
        let first = try #require(try results(sarif.stdout).first)
        let artifact = try physicalLocation(first)["artifactLocation"] as? [String: String]
        #expect(artifact == ["uri": "teams/kaizen/experiments/review-pairs.md", "uriBaseId": "SRCROOT"])

        let github = try kaizen(["check", "--format", "github"], in: repo, at: "teams/kaizen/experiments")
        #expect(github.stdout.hasPrefix("::error file=teams/kaizen/experiments/review-pairs.md,line=4,col=9,title=kaizen unknown-team::"))
    }

    @Test func fingerprintsAreTheSameOnEveryRunAndAfterAnUnrelatedCommitMovesTheLine() throws {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        // Two findings on lines with the same text must still differ.
        let placeholders = Records.experiment(teams: "[paymnets]", status: "planned")
            .replacingOccurrences(of: "    baseline: 48\n    target: 4\n", with: """
                baseline: <our value today>
                target: 4
              - metric: reviews per day
                baseline: <our value today>
                target: 6

            """)
        try repo.write("experiments/review-pairs.md", placeholders)
        try repo.commit("Plan review pairs", by: .ana)

        let first = try kaizen(["check", "--format", "sarif"], in: repo)
        let second = try kaizen(["check", "--format", "sarif"], in: repo)
        #expect(first.stdout == second.stdout)
        let before = try results(first.stdout)
        #expect(before.count == 3)
        let fingerprints = before.compactMap(fingerprint)
        #expect(fingerprints.count == 3 && Set(fingerprints).count == 3)

        // The documented recipe: git's blob id of rule, path, trimmed line and occurrence, a line each.
        let recipe = "unknown-team\nexperiments/review-pairs.md\nteams: [paymnets]\n0"
        let unknownTeam = try #require(before.first { $0["ruleId"] as? String == "unknown-team" })
        #expect(fingerprint(unknownTeam) == (try repo.gitText(["hash-object", "--stdin"], input: Data(recipe.utf8))))

        // Tags and a comment above every finding push each down three lines.
        try repo.write("experiments/review-pairs.md", placeholders.replacingOccurrences(
            of: "title: Review pairs\n", with: "title: Review pairs\n# Tags help the search.\ntags:\n  - reviews\n"))
        try repo.commit("Tag review pairs", by: .ben)
        let after = try results(try kaizen(["check", "--format", "sarif"], in: repo).stdout)
        #expect(after.compactMap(fingerprint) == fingerprints)
        let lines = { (results: [[String: Any]]) in
            try results.map { (try self.physicalLocation($0)["region"] as? [String: Int])?["startLine"] }
        }
        #expect(try lines(after) == lines(before).map { $0.map { $0 + 3 } })

        // `check --staged` reads the same lines from the index.
        let staged = try results(try kaizen(["check", "--staged", "--format", "sarif"], in: repo).stdout)
        #expect(staged.isEmpty)
        try repo.write("experiments/review-pairs.md", placeholders)
        try repo.git(["add", "-A"])
        let restaged = try results(try kaizen(["check", "--staged", "--format", "sarif"], in: repo).stdout)
        #expect(restaged.compactMap(fingerprint) == fingerprints)
    }

    @Test func reviewSARIFAndAnnotationsFromASubfolderNameFilesFromTheRepositoryRoot() throws {
        let pull = try SamplePullRequest()
        let folder = pull.repo.workTree.appendingPathComponent("experiments")
        let sarif = try KaizenProcess.run(["review", "main...topic", "--format", "sarif", "--today", "2026-11-20"], in: folder)
        #expect(sarif.status == 1)
        let validation = try Self.validateSARIF(sarif.stdout, checks: """
            location = results[0]["locations"][0]["physicalLocation"]
            print(location["artifactLocation"]["uriBaseId"], location["artifactLocation"]["uri"], location["region"]["endColumn"],
                  len(results[0]["partialFingerprints"]["kaizenFindingHash/v1"]))
            """)
        #expect(validation.status == 0, "\(validation.errorText)")
        // `    target: 4.5` on the head commit: the region ends after `4.5`.
        #expect(validation.text == "SRCROOT experiments/checkout-focus-mornings.md 16 40\n")

        let github = try KaizenProcess.run(["review", "main...topic", "--format", "github", "--today", "2026-11-20"], in: folder)
        #expect(github.stdout.hasPrefix("::error file=experiments/checkout-focus-mornings.md,line=9,col=13,title=kaizen goalposts-moved::"))
    }

    // MARK: - GitHub workflow commands

    @Test func githubAnnotationsEscapeHostileNamesAndValuesOneCommandALine() throws {
        let repo = try repository()
        try repo.write("experiments/pairs,v2:draft.md", Records.experiment(teams: "[\"pay\\nments\", 'a%b']"))
        let github = try kaizen(["check", "--format", "github"], in: repo, at: "experiments")
        let lines = github.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.dropLast().last == "2 records checked: 3 errors, 1 warning")
        let commands = lines.filter { $0.hasPrefix("::") }
        #expect(commands.count == lines.count - 2)
        #expect(commands.contains {
            $0.hasPrefix("::error file=experiments/pairs%2Cv2%3Adraft.md,line=4,col=9,title=kaizen unknown-team::unknown team 'pay%0Aments'")
        })
        #expect(commands.contains { $0.hasPrefix("::error file=experiments/pairs%2Cv2%3Adraft.md,line=4,col=") && $0.contains("unknown team 'a%25b'") })
        #expect(commands.contains { $0.hasPrefix("::warning file=experiments/pairs%2Cv2%3Adraft.md,line=1,col=1,title=kaizen invalid-id::") })
    }

    // MARK: - Text diagnostics

    /// The quickfix entries Neovim's default errorformat (Vim's) makes of
    /// `output`: the valid ones, as `file:line:column`.
    static func quickfixEntries(_ output: String) throws -> [String] {
        let folder = try FixtureFolder(["output.txt": output, "quickfix.vim": """
            cgetfile output.txt
            call writefile(map(filter(getqflist(), 'v:val.valid'), 'bufname(v:val.bufnr) . ":" . v:val.lnum . ":" . v:val.col'), 'entries.txt')
            qall!

            """])
        let nvim = try #require(NeovimClientTests.nvimPaths.first(where: FileManager.default.isExecutableFile(atPath:)),
                                "Neovim is not installed: install the Debian package neovim")
        let run = try FixtureProcess.run(nvim, ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-es", "-S", "quickfix.vim"],
                                         in: folder.url, environment: ["HOME": folder.url.path, "PATH": "/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.errorText)")
        return try folder.read("entries.txt").split(separator: "\n").map(String.init)
    }

    /// A team value that would forge a finding of its own if printed raw.
    static let forgingTeams = "[\"paymnets\\nexperiments/forged.md:1:1: error: forged [broken-link]\"]"

    @Test func aValueHoldingALineBreakStaysOneQuickfixEntryInCheck() throws {
        let repo = try repository()
        try repo.write("experiments/forging.md", Records.experiment(teams: Self.forgingTeams))
        try repo.write("experiments/carriage\rreturn.md", Records.experiment())
        let check = try kaizen(["check"], in: repo)
        #expect(check.status == 1)
        #expect(check.stdout.contains("unknown team 'paymnets\\nexperiments/forged.md:1:1: error: forged [broken-link]'"))
        #expect(try Self.quickfixEntries(check.stdout) == [
            "experiments/carriage\\rreturn.md:1:1", "experiments/forging.md:4:9", "experiments/review-pairs.md:4:9",
        ])
    }

    @Test func editCommandsAndShowPrintFindingsAsCheckDoes() throws {
        let repo = try repository()
        try repo.write("experiments/forging.md", Records.experiment(teams: Self.forgingTeams, status: "planned"))
        let start = try kaizen(["start", "forging"], in: repo)
        #expect(start.status == 1)
        let refused = start.stderr.split(separator: "\n").filter { !$0.hasPrefix("kaizen:") }.joined(separator: "\n")
        #expect(try Self.quickfixEntries(refused) == ["experiments/forging.md:4:9"])

        let show = try kaizen(["show", "forging", "--no-history"], in: repo)
        let problems = try #require(show.stdout.components(separatedBy: "problems:\n").last)
        #expect(problems == "  experiments/forging.md:4:9: error: unknown team 'paymnets\\nexperiments/forged.md:1:1: error: forged [broken-link]'; "
            + "the teams in kaizen.yml are payments, platform [unknown-team]\n")
    }
}
