import Foundation
import Testing

/// Every file of `Tests/Fixtures/hostile/` and the cases made here, checked
/// in one run: each gets its diagnostic, the run ends in bounded time, and the
/// well-formed record beside them is checked as usual.
@Suite struct HostileInputTests {
    static let corpus = KaizenProcess.packageRoot.appendingPathComponent("Tests/Fixtures/hostile")
    static let header = "kind: constraint\ntitle: T\nstatus: open\nlevel: team\n"
    static let wellFormed = """
        ---
        kind: constraint
        title: Slow approvals
        status: open
        level: team
        observed:
          - date: 2026-11-01
            team: payments
            note: waited three days
        ---

        ## Constraint

        Approvals wait for a weekly board.

        """

    /// The committed cases: file name → the lines expected for it.
    private func committedCases() throws -> [(name: String, expected: [String])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        return try names.map { name in
            let expected = Self.corpus.appendingPathComponent(String(name.dropLast(3)) + ".expected")
            let lines = String(decoding: try Data(contentsOf: expected), as: UTF8.self).split(separator: "\n").map(String.init)
            return (name, lines)
        }
    }

    /// Runs kaizen, failing the test rather than hanging when it does not end within `seconds`.
    private func runBounded(_ arguments: [String], in directory: URL, seconds: Double = 60) throws -> KaizenProcess.Result {
        try BackgroundKaizen(arguments, in: directory).finish(within: seconds)
    }

    @Test func everyHostileFileGetsItsDiagnosticAndTheOthersAreStillChecked() throws {
        let repo = try GitFixture()
        let constraints = repo.workTree.appendingPathComponent("constraints")
        try FileManager.default.createDirectory(at: constraints, withIntermediateDirectories: true)
        let committed = try committedCases()
        #expect(committed.count >= 8)
        for (name, _) in committed {
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name), to: constraints.appendingPathComponent(name))
        }
        try repo.write("constraints/slow-approvals.md", Self.wellFormed)
        // Made here: too large to commit, or not representable in git.
        let notes = (0..<170_000).map { "  - item number \($0) with some padding text to make it long\n" }.joined()
        try repo.write("constraints/huge-front-matter.md", "---\n\(Self.header)notes:\n\(notes)---\n")
        try repo.write("constraints/long-line.md", "---\n\(Self.header)note: \(String(repeating: "x", count: 1_000_000))\n---\n")
        let nested = (0..<1_100).map { String(repeating: " ", count: $0 + 1) + "k\($0):\n" }.joined()
        try repo.write("constraints/deep-nesting-block.md", "---\n\(Self.header)deep:\n\(nested)---\n")
        try repo.write("constraints/new\nline.md", Self.wellFormed)
        let secret = repo.folder.url.appendingPathComponent("secret.md")
        try Data("---\nkind: constraint\ntitle: private words\n---\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: constraints.appendingPathComponent("outside.md"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(atPath: constraints.appendingPathComponent("dangling.md").path,
                                                   withDestinationPath: "missing-target.md")
        #expect(mkfifo(constraints.appendingPathComponent("pipe.md").path, 0o644) == 0)
        // Root reads any file, so the case exists only for other users (a developer's own run).
        let unreadable = getuid() != 0
        if unreadable {
            try repo.write("constraints/unreadable.md", Self.wellFormed)
            #expect(chmod(constraints.appendingPathComponent("unreadable.md").path, 0) == 0)
        }

        let result = try runBounded(["check", "--today", "2026-11-20"], in: repo.workTree)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for (name, expected) in committed {
            for line in expected { #expect(lines.contains(line), "\(name): \(line)") }
        }
        func expectLine(_ prefix: String, containing words: String) {
            #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains(words) }, "\(prefix) … \(words)\n\(result.stdout)")
        }
        expectLine("constraints/huge-front-matter.md:1:1: error:", containing: "over the 1 MiB a record may be")
        expectLine("constraints/long-line.md:1:1: error:", containing: "the front matter is 976.6 KiB, over the 256 KiB it may be")
        expectLine("constraints/deep-nesting-block.md:1:1: error:", containing: "over the 256 KiB it may be")
        expectLine("constraints/outside.md:1:1: error:", containing: "outside the repository, and kaizen does not follow links out of it")
        expectLine("constraints/dangling.md:1:1: error:",
                   containing: "it is a symbolic link to missing-target.md, which does not exist: restore the file it leads to, or remove the link")
        // The file name's newline is shown, not printed: one diagnostic stays one line.
        expectLine("constraints/new\\nline.md:1:1: warning:", containing: "the id 'new\\nline'")
        #expect(!result.stdout.contains("private words"))
        #expect(!result.stdout.contains("pipe.md"), "a FIFO is not a record and is never opened")
        #expect(!result.stdout.contains("slow-approvals.md"), "the well-formed record has nothing to report")
        // Committed cases, the three made large, the two links, the newline name and the well-formed record.
        if unreadable {
            expectLine("constraints/unreadable.md:1:1: error:", containing: "cannot read")
        }
        let extra = unreadable ? 1 : 0
        #expect(result.stdout.hasSuffix("\(committed.count + 7 + extra) records checked: \(committed.count + 5 + extra) errors, 1 warning\n"),
                "\(result.stdout)")

        // The commands that read every record go on past the same files.
        #expect(try runBounded(["list", "--today", "2026-11-20"], in: repo.workTree).status == 0)
        let report = try runBounded(["report", "--today", "2026-11-20"], in: repo.workTree)
        #expect(report.status == 0, "\(report.stderr)")
    }
}
