import Foundation
import Testing

/// Who wrote a fixture commit.
struct GitPerson: Sendable, Hashable {
    var name: String
    var email: String

    static let ana = GitPerson(name: "Ana Lima", email: "ana@example.com")
    static let ben = GitPerson(name: "Ben Okafor", email: "ben.okafor@example.org")
    static let chen = GitPerson(name: "Chen Wei", email: "chen@example.net")
    static let mia = GitPerson(name: "Mia Merger", email: "mia@example.com")
    static let zoe = GitPerson(name: "Zoë Ødegård", email: "zoe@example.no")
    /// Commits every fixture commit, so a timeline that shows the committer instead of the author is caught.
    static let committer = GitPerson(name: "Kaizen CI", email: "ci@example.invalid")
}

/// A point in time with the UTC offset it was written in, as git stores it.
struct GitDate: Sendable, Hashable, CustomStringConvertible {
    var seconds: Int64
    var offsetMinutes: Int

    /// A local wall-clock time in the given offset.
    init(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0, offsetMinutes: Int) {
        let local = Self.daysFromCivil(year, month, day) * 86_400 + Int64(hour * 3600 + minute * 60)
        self.seconds = local - Int64(offsetMinutes * 60)
        self.offsetMinutes = offsetMinutes
    }

    init(seconds: Int64, offsetMinutes: Int) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    /// git's internal form, `<unix seconds> <+hhmm>`, as GIT_COMMITTER_DATE and commit objects take it.
    var raw: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        return "\(seconds) \(sign)\(Self.two(magnitude / 60))\(Self.two(magnitude % 60))"
    }

    /// Strict ISO 8601 in the original offset, like git's `%cI`: 2026-05-04T09:00:00+02:00.
    var iso: String {
        let local = seconds + Int64(offsetMinutes * 60)
        let days = Int64((Double(local) / 86_400).rounded(.down))
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = Self.civilFromDays(days)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        return "\(year)-\(Self.two(month))-\(Self.two(day))T\(Self.two(secondOfDay / 3600)):\(Self.two(secondOfDay / 60 % 60)):"
            + "\(Self.two(secondOfDay % 60))\(sign)\(Self.two(magnitude / 60)):\(Self.two(magnitude % 60))"
    }

    var description: String { iso }

    func adding(minutes: Int, offsetMinutes newOffset: Int? = nil) -> GitDate {
        GitDate(seconds: seconds + Int64(minutes * 60), offsetMinutes: newOffset ?? offsetMinutes)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    // Howard Hinnant's civil-calendar algorithms.
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }
}

/// A throwaway git repository driven by the real `git` program with a clean
/// environment: HOME is a private folder and the system configuration is
/// ignored, so the user's settings (hooks, signing, rename limits, quoting)
/// cannot change what the fixture builds or what the oracle reads.
final class GitFixture {
    struct GitError: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var stderr: String
        var description: String { "git \(arguments.joined(separator: " ")) exited \(status): \(stderr)" }
    }

    let folder: FixtureFolder
    /// The work tree's top folder.
    let workTree: URL
    let home: URL
    /// Every commit's default date comes from this clock, one tick per commit.
    private var tick = 0

    /// A new, empty repository on branch `main`.
    convenience init() throws {
        try self.init(folder: FixtureFolder())
        try git(["init", "-q", "-b", "main", workTree.path])
        try configure()
    }

    private init(folder: FixtureFolder) throws {
        self.folder = folder
        home = folder.url.appendingPathComponent("home")
        workTree = folder.url.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: workTree, withIntermediateDirectories: true)
    }

    private func configure() throws {
        for (key, value) in [("user.name", "Fixture Default"), ("user.email", "default@example.invalid"),
                             ("core.quotePath", "false"), ("commit.gpgsign", "false"), ("core.autocrlf", "false"),
                             ("log.showSignature", "false"), ("diff.renames", "true"), ("merge.ff", "false")] {
            try git(["config", key, value])
        }
    }

    /// The clean environment every git and kaizen process here runs with.
    var environment: [String: String] {
        [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C",
            "TZ": "UTC",
            "NO_COLOR": "1",
        ]
    }

    // MARK: Running git

    /// Runs git in the work tree; throws with git's message when it fails.
    @discardableResult
    func git(_ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:]) throws -> Data {
        let output = try FixtureProcess.run("/usr/bin/git", arguments, in: workTree,
                                        environment: environment.merging(extra) { $1 }, input: input)
        guard output.status == 0 else {
            throw GitError(arguments: arguments, status: output.status, stderr: output.errorText)
        }
        return output.stdout
    }

    /// git's output as text, without the trailing newline.
    func gitText(_ arguments: [String], input: Data? = nil) throws -> String {
        var text = String(decoding: try git(arguments, input: input), as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The commit HEAD points at; nil in a repository without commits.
    func head() throws -> String? {
        try? gitText(["rev-parse", "--verify", "-q", "HEAD^{commit}"])
    }

    func resolve(_ revision: String) throws -> String {
        try gitText(["rev-parse", "--verify", "\(revision)^{commit}"])
    }

    /// The repository's git dir (`.git`).
    var gitDirectory: URL {
        workTree.appendingPathComponent(".git")
    }

    // MARK: Editing the work tree

    func write(_ path: String, _ contents: String) throws {
        let file = workTree.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: workTree.appendingPathComponent(path)), as: UTF8.self)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: workTree.appendingPathComponent(path))
    }

    /// Moves a file (the commit's `git add -A` records it as a delete and an add; git pairs them).
    func move(_ from: String, to: String) throws {
        let destination = workTree.appendingPathComponent(to)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: workTree.appendingPathComponent(from), to: destination)
    }

    // MARK: Commits, branches, merges

    /// The next default date: one day later each time, at varying hours and UTC offsets.
    func nextDate() -> GitDate {
        defer { tick += 1 }
        let offsets = [120, -300, 330, 0, 60, -420]
        return GitDate(2026, 3, 2, 9 + tick % 7, 15 * (tick % 4), offsetMinutes: offsets[tick % offsets.count])
            .adding(minutes: tick * 24 * 60)
    }

    /// The author date git stores beside a committer date: earlier, in another offset, so a
    /// timeline that dates events by the author instead of the committer is caught.
    static func authorDate(for committed: GitDate) -> GitDate {
        committed.adding(minutes: -(3 * 60 + 17), offsetMinutes: -480)
    }

    private func identity(_ author: GitPerson, _ date: GitDate) -> [String: String] {
        [
            "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
            "GIT_AUTHOR_DATE": Self.authorDate(for: date).raw,
            "GIT_COMMITTER_NAME": GitPerson.committer.name, "GIT_COMMITTER_EMAIL": GitPerson.committer.email,
            "GIT_COMMITTER_DATE": date.raw,
        ]
    }

    /// Stages everything in the work tree and commits it; returns the new commit id.
    @discardableResult
    func commit(_ message: String, by author: GitPerson = .ana, at date: GitDate? = nil) throws -> String {
        let date = date ?? nextDate()
        try git(["add", "-A"])
        try git(["commit", "-q", "--no-verify", "-m", message], environment: identity(author, date))
        return try resolve("HEAD")
    }

    /// Replaces HEAD's commit (like `git commit --amend`) with the work tree's contents.
    @discardableResult
    func amend(_ message: String, by author: GitPerson, at date: GitDate? = nil) throws -> String {
        let date = date ?? nextDate()
        try git(["add", "-A"])
        try git(["commit", "-q", "--no-verify", "--amend", "--reset-author", "-m", message], environment: identity(author, date))
        return try resolve("HEAD")
    }

    /// Creates a branch at `start` (default HEAD) and checks it out.
    func branch(_ name: String, from start: String? = nil) throws {
        try git(["checkout", "-q", "-b", name] + (start.map { [$0] } ?? []))
    }

    func checkout(_ name: String) throws {
        try git(["checkout", "-q", name])
    }

    /// Merges `branch` into the current branch with a merge commit (`--no-ff`); returns the merge commit id.
    @discardableResult
    func merge(_ branch: String, by author: GitPerson = .mia, at date: GitDate? = nil, message: String? = nil) throws -> String {
        let date = date ?? nextDate()
        try git(["merge", "-q", "--no-ff", "--no-edit", "-m", message ?? "Merge branch '\(branch)'", branch],
                environment: identity(author, date))
        return try resolve("HEAD")
    }

    func resetHard(to revision: String) throws {
        try git(["reset", "-q", "--hard", revision])
    }

    /// Commits the work tree with an author name given as raw bytes (say Latin-1), which
    /// `git commit` would re-encode to UTF-8: the commit object is written by hand, without
    /// an `encoding` header, so the bytes stay exactly as given.
    @discardableResult
    func commitWithRawAuthor(name: [UInt8], email: String, message: String, at date: GitDate? = nil) throws -> String {
        let date = date ?? nextDate()
        try git(["add", "-A"])
        let tree = try gitText(["write-tree"])
        var object = Data("tree \(tree)\n".utf8)
        if let parent = try head() { object.append(Data("parent \(parent)\n".utf8)) }
        object.append(Data("author ".utf8))
        object.append(contentsOf: name)
        object.append(Data(" <\(email)> \(Self.authorDate(for: date).raw)\n".utf8))
        object.append(Data("committer \(GitPerson.committer.name) <\(GitPerson.committer.email)> \(date.raw)\n\n\(message)\n".utf8))
        let commit = try gitText(["hash-object", "-t", "commit", "-w", "--stdin"], input: object)
        try git(["update-ref", "HEAD", commit])
        return commit
    }

    /// Writes many commits in one process: `git fast-import` reads the stream, then the
    /// work tree is reset to the branch HEAD names.
    func fastImport(_ stream: FastImportStream) throws {
        try git(["fast-import", "--quiet", "--done"], input: stream.data + Data("done\n".utf8))
        try git(["reset", "-q", "--hard", "HEAD"])
    }

    // MARK: Clones and work trees

    /// A linked work tree (`git worktree add -b branch`) in a folder of its own, sharing this
    /// repository's objects, refs and git dir.
    func linkedWorkTree(branch: String) throws -> GitFixture {
        let linked = try GitFixture(folder: FixtureFolder())
        try FileManager.default.removeItem(at: linked.workTree)
        try git(["worktree", "add", "-q", "-b", branch, linked.workTree.path])
        linked.tick = tick + 100
        return linked
    }

    /// A shallow clone of this repository's current branch, `git clone --depth N file://…`.
    func shallowClone(depth: Int) throws -> GitFixture {
        let clone = try GitFixture(folder: FixtureFolder())
        try clone.git(["clone", "-q", "--depth", "\(depth)", "file://\(workTree.path)", clone.workTree.path])
        try clone.configure()
        return clone
    }

    /// The commits at the edge of a shallow clone's history (empty for a complete repository).
    func shallowBoundary() throws -> Set<String> {
        let file = gitDirectory.appendingPathComponent("shallow")
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    // MARK: Running kaizen

    /// Runs kaizen in the work tree (or a folder below it) with this fixture's clean git environment.
    func kaizen(_ arguments: [String], in subfolder: String? = nil) throws -> KaizenProcess.Result {
        try KaizenProcess.run(arguments, in: subfolder.map { workTree.appendingPathComponent($0) } ?? workTree,
                              environment: ["HOME": home.path, "XDG_CONFIG_HOME": environment["XDG_CONFIG_HOME"]!,
                                            "GIT_CONFIG_NOSYSTEM": "1"])
    }
}

/// A `git fast-import` stream, for long histories that `git commit` would take minutes to build.
struct FastImportStream {
    enum Change {
        case write(String, String)
        case delete(String)
    }

    private(set) var data = Data()
    private var nextMark = 1

    /// Appends a commit to `branch` whose first parent is `from` (a `:mark` or a commit id;
    /// nil continues the branch, or starts it) and, for a merge, second parent `merge`.
    /// The tree is the first parent's with `changes` applied. Returns the commit's mark.
    @discardableResult
    mutating func commit(branch: String, from parent: String? = nil, merge: String? = nil, author: GitPerson, date: GitDate,
                         message: String, changes: [Change]) -> String {
        let mark = ":\(nextMark)"
        nextMark += 1
        var text = "commit refs/heads/\(branch)\nmark \(mark)\n"
        text += "author \(author.name) <\(author.email)> \(GitFixture.authorDate(for: date).raw)\n"
        text += "committer \(GitPerson.committer.name) <\(GitPerson.committer.email)> \(date.raw)\n"
        text += "data \(message.utf8.count)\n\(message)\n"
        if let parent { text += "from \(parent)\n" }
        if let merge { text += "merge \(merge)\n" }
        data.append(Data(text.utf8))
        for change in changes {
            switch change {
            case .write(let path, let contents):
                data.append(Data("M 100644 inline \(path)\ndata \(contents.utf8.count)\n".utf8))
                data.append(Data(contents.utf8))
                data.append(Data("\n".utf8))
            case .delete(let path):
                data.append(Data("D \(path)\n".utf8))
            }
        }
        data.append(Data("\n".utf8))
        return mark
    }
}

/// Realistic kaizen records whose bodies are long and distinct, so git's and libgit2's
/// similarity scores are clearly high for a small edit and clearly low between two records.
enum RecordText {
    static let config = """
        version: 1
        teams:
          payments: {name: Payments}
          platform: {name: Platform}

        """

    private static let words = """
        queue batch review deploy lead time flow pair pipeline incident alert rotation backlog story slice ticket \
        retro board standup handoff release train canary rollback feature flag toggle metric baseline target signal \
        customer support escalation runbook pager latency error budget capacity sprint kanban column limit wait \
        approval audit checklist onboarding mentor shadow demo contract test flaky suite coverage cache build \
        artifact branch trunk merge conflict rebase hotfix patch ledger invoice settlement refund checkout cart \
        payment card fraud score vendor api schema migration database index query report dashboard weekly monthly \
        morning focus meeting interrupt context switch estimate forecast throughput cycle variance outlier
        """.split(separator: " ").map(String.init)

    /// Deterministic pseudo-random prose: the same seed always gives the same lines.
    static func prose(seed: String, lines: Int) -> [String] {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<lines).map { _ in
            let sentence = (0..<(9 + next(6))).map { _ in words[next(words.count)] }.joined(separator: " ")
            return sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
        }
    }

    /// An experiment record. `id` nil leaves the id to the file name. `notes` become dated
    /// observations: adding one is a small edit of a long file.
    static func experiment(id: String?, title: String, status: String?, seed: String? = nil, team: String = "payments",
                           notes: [String] = [], extra: [String] = [], bodyLines: Int = 8, reviewBy: String = "2026-12-20") -> String {
        let seed = seed ?? id ?? title
        let context = prose(seed: seed + "/context", lines: bodyLines).joined(separator: "\n")
        let plan = prose(seed: seed + "/plan", lines: bodyLines).joined(separator: "\n")
        var front = ["kind: experiment"]
        if let id { front.append("id: \(id)") }
        front += ["title: \(title)", "teams: [\(team)]"]
        if let status { front.append("status: \(status)") }
        front += ["hypothesis: If we \(title.lowercased()), then lead time drops by 20 %, because queues shrink.",
                  "review-by: \(reviewBy)"]
        front += extra
        return "---\n" + front.joined(separator: "\n") + "\n---\n\n## Context\n\n\(context)\n\n## Plan\n\n\(plan)\n\n## Observations\n\n"
            + notes.map { "- \($0)\n" }.joined()
    }

    /// An improvement record (status trialling, proven, …).
    static func improvement(id: String?, title: String, status: String, seed: String? = nil) -> String {
        let body = prose(seed: (seed ?? id ?? title) + "/summary", lines: 8).joined(separator: "\n")
        return "---\nkind: improvement\n" + (id.map { "id: \($0)\n" } ?? "")
            + "title: \(title)\nstatus: \(status)\norigin: payments\nlevel: team\narea: flow\n---\n\n## Summary\n\n\(body)\n"
    }

    /// A constraint record.
    static func constraint(id: String?, title: String, status: String, seed: String? = nil) -> String {
        let body = prose(seed: (seed ?? id ?? title) + "/constraint", lines: 6).joined(separator: "\n")
        return "---\nkind: constraint\n" + (id.map { "id: \($0)\n" } ?? "")
            + "title: \(title)\nstatus: \(status)\nteams: [platform]\n---\n\n## Constraint\n\n\(body)\n"
    }

    /// A plain note with arbitrary front matter (for `--path DIR --field NAME`).
    static func note(_ fields: [(String, String)], seed: String) -> String {
        let body = prose(seed: seed, lines: 10).joined(separator: "\n")
        return "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n\n# Notes\n\n\(body)\n"
    }
}
