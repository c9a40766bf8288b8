import Foundation
import Testing

/// The outputs other programs read, each held to its standard by that
/// standard's own checker: SARIF against the OASIS schema, and text
/// diagnostics by Neovim's default errorformat, which is Vim's.
@Suite struct StandardOutputTests {
    static let schema = KaizenProcess.packageRoot.appendingPathComponent("Tests/Fixtures/sarif/sarif-schema-2.1.0.json")

    /// A repository whose one experiment names an unknown team, committed.
    private func repository() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write("experiments/review-pairs.md", Records.experiment(teams: "[paymnets]"))
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
