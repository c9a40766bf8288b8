import Foundation
import Testing

/// Repositories in the shapes kaizen meets in hooks and CI beyond an ordinary
/// clone: no commits, detached or unborn HEAD, shallow, linked worktree, bare,
/// a submodule among the records, a damaged object store, a locked index, a
/// message that is not UTF-8, and two runs sharing one cache.
@Suite struct GitEdgeCaseTests {
    static let today = ["--today", "2026-11-20"]
    static let path = "experiments/review-pairs.md"
    static let planned = Records.experiment(status: "planned").replacingOccurrences(of: "start: 2026-10-01\n", with: "")
    static let clean = "2 records checked: no problems\n"

    /// Two commits: review-pairs planned, then running.
    private func repository() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write("improvements/pair-reviews.md", Records.improvement)
        try repo.write(Self.path, Self.planned)
        try repo.commit("Plan review pairs")
        try repo.write(Self.path, Records.experiment())
        try repo.commit("Start review pairs")
        return repo
    }

    private func kaizen(_ arguments: [String], in repo: GitFixture) throws -> KaizenProcess.Result {
        try repo.kaizen(arguments + Self.today)
    }

    private func noCommitsYet(_ revision: String) -> String {
        "kaizen: error: '\(revision)' names no commit: the current branch has no commits yet; commit first, or name two existing revisions\n"
    }

    @Test func aRepositoryWithNoCommitsChecksItsFilesAndHasAnEmptyHistory() throws {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write("improvements/pair-reviews.md", Records.improvement)
        try repo.write(Self.path, Records.experiment())
        for arguments in [["check"], ["check", "--against", "HEAD"]] {
            let checked = try kaizen(arguments, in: repo)
            #expect(checked.status == 0, "\(arguments): \(checked.stderr)")
            #expect(checked.stdout == Self.clean)
        }
        let timeline = try kaizen(["timeline"], in: repo)
        #expect(timeline.status == 0)
        #expect(timeline.stdout == "Timeline of HEAD (no commits yet), following status\nno records have history here\n")
        let review = try kaizen(["review", "HEAD~1..HEAD"], in: repo)
        #expect(review.status == 2)
        #expect(review.stdout == "")
        #expect(review.stderr == noCommitsYet("HEAD"))
    }

    @Test func aDetachedHeadIsReadLikeABranch() throws {
        let repo = try repository()
        let onBranch = try kaizen(["timeline"], in: repo)
        try repo.git(["checkout", "-q", "--detach", "HEAD"])
        let detached = try kaizen(["timeline"], in: repo)
        #expect(detached.status == 0)
        #expect(detached.stdout == onBranch.stdout)
        #expect(detached.stdout.contains("planned → running"), "\(detached.stdout)")
        let review = try kaizen(["review", "HEAD~1..HEAD", "--format", "json"], in: repo)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("\"started\""), "\(review.stdout)")
        #expect(try kaizen(["check", "--staged", "--against", "HEAD"], in: repo).status == 0)
    }

    @Test func anUnbornBranchHasNoHistoryAndSaysSoWhenARangeNeedsOne() throws {
        let repo = try repository()
        try repo.git(["checkout", "-q", "--orphan", "fresh"])
        let timeline = try kaizen(["timeline"], in: repo)
        #expect(timeline.status == 0)
        #expect(timeline.stdout == "Timeline of HEAD (no commits yet), following status\nno records have history here\n")
        // Every staged record is new against an unborn HEAD.
        let staged = try kaizen(["check", "--staged", "--against", "HEAD"], in: repo)
        #expect(staged.status == 0, "\(staged.stdout)\(staged.stderr)")
        #expect(staged.stdout == Self.clean)
        let review = try kaizen(["review", "main..HEAD"], in: repo)
        #expect(review.status == 2)
        #expect(review.stderr == noCommitsYet("HEAD"))
        // The other branch's history is still there to read.
        let main = try kaizen(["timeline", "--ref", "main"], in: repo)
        #expect(main.status == 0)
        #expect(main.stdout.contains("planned → running"))
    }

    @Test func aShallowCloneTellsHowToFetchWhatARangeNeeds() throws {
        let repo = try repository()
        try repo.branch("topic", from: "HEAD~1")
        try repo.write("experiments/wip-limit.md", Records.experiment(title: "Lower the WIP limit"))
        try repo.commit("Limit work in progress")
        // CI's usual checkout: each branch tip without its history, so they share none here.
        let clone = try FixtureFolder()
        try repo.git(["clone", "-q", "--depth", "1", "--no-single-branch", "file://\(repo.workTree.path)", clone.url.path])
        let run = { (arguments: [String]) in try KaizenProcess.run(arguments + Self.today, in: clone.url, environment: ["HOME": repo.home.path]) }
        let timeline = try run(["timeline"])
        #expect(timeline.status == 0)
        #expect(timeline.stdout.contains("note: this is a shallow clone"), "\(timeline.stdout)")
        #expect(try run(["check", "--against", "HEAD"]).stdout == "3 records checked: no problems\n")
        let fetchMore = "is not in this shallow clone; it may lie beyond the clone's boundary: "
            + "fetch more history (`git fetch --deepen=50`, or `git fetch --unshallow`; in GitHub Actions, checkout with fetch-depth: 0)\n"
        let parent = try run(["review", "HEAD~1..HEAD"])
        #expect(parent.status == 2)
        #expect(parent.stderr == "kaizen: error: 'HEAD~1' " + fetchMore)
        let mergeBase = try run(["review", "origin/main...origin/topic"])
        #expect(mergeBase.status == 2)
        #expect(mergeBase.stderr == "kaizen: error: the merge base of origin/main and origin/topic " + fetchMore)
    }

    @Test func aLinkedWorktreeReadsItsOwnBranchAndSharesTheCache() throws {
        let repo = try repository()
        let linked = try repo.linkedWorkTree(branch: "spike")
        try linked.write(Self.path, Records.experiment(status: "running", reviewBy: "2026-12-21"))
        try linked.commit("Move the deadline")
        let review = try kaizen(["review", "main...HEAD"], in: linked)
        #expect(review.status == 1, "\(review.stderr)")
        #expect(review.stdout.contains("deadline-moved"), "\(review.stdout)")
        let timeline = try kaizen(["timeline", "--field", "review-by"], in: linked)
        #expect(timeline.status == 0)
        #expect(timeline.stdout.contains("review-by 2026-12-20 → 2026-12-21"), "\(timeline.stdout)")
        // The cache lives in the git folder every worktree shares, not in the work tree.
        let caches = try FileManager.default.contentsOfDirectory(atPath: repo.gitDirectory.appendingPathComponent("kaizen").path)
        #expect(caches.contains { $0.hasPrefix("timeline-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: linked.workTree.path).sorted()
            == [".git", "experiments", "improvements", "kaizen.yml"])
    }

    @Test func aBareRepositoryIsReviewedFromCommitsAndRefusesWorkTreeCommands() throws {
        let repo = try repository()
        let bare = try FixtureFolder()
        let gitDirectory = bare.url.appendingPathComponent("records.git")
        try repo.git(["clone", "-q", "--bare", repo.workTree.path, gitDirectory.path])
        let environment = ["HOME": repo.home.path, "GIT_CONFIG_NOSYSTEM": "1"]
        for (folder, root) in [(gitDirectory, [String]()), (bare.url, ["--root", "records.git"])] {
            let review = try KaizenProcess.run(["review", "HEAD~1..HEAD", "--format", "json"] + root + Self.today,
                                               in: folder, environment: environment)
            #expect(review.status == 0, "\(review.stderr)")
            #expect(review.stderr == "")
            #expect(review.stdout.contains("\"started\""), "\(review.stdout)")
        }
        let timeline = try KaizenProcess.run(["timeline"] + Self.today, in: gitDirectory, environment: environment)
        #expect(timeline.status == 0)
        #expect(timeline.stdout.contains("planned → running"))
        let check = try KaizenProcess.run(["check"] + Self.today, in: gitDirectory, environment: environment)
        #expect(check.status == 2)
        #expect(check.stdout == "")
        #expect(check.stderr == "kaizen: error: \(gitDirectory.resolvingSymlinksInPath().path) is a bare repository, with no work tree "
            + "and so no record files: run this command in a clone or a linked worktree (`git worktree add`); "
            + "`kaizen review` and `kaizen timeline` read commits and work here\n")
    }

    /// With no work tree, a bare repository's record folders come from the
    /// kaizen.yml committed at the ref read, not from the defaults.
    @Test func aBareRepositorysTimelineFollowsTheFoldersItsCommittedConfigurationNames() throws {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", "version: 1\npaths:\n  experiments: work/trials\n")
        try repo.write("work/trials/canary.md", "---\nkind: experiment\ntitle: Canary\nstatus: planned\n---\n")
        try repo.commit("Plan the canary")
        try repo.write("work/trials/canary.md", "---\nkind: experiment\ntitle: Canary\nstatus: running\n---\n")
        try repo.commit("Start the canary")
        let bare = try FixtureFolder()
        let gitDirectory = bare.url.appendingPathComponent("records.git")
        try repo.git(["clone", "-q", "--bare", repo.workTree.path, gitDirectory.path])
        let environment = ["HOME": repo.home.path, "GIT_CONFIG_NOSYSTEM": "1"]
        let timeline = try KaizenProcess.run(["timeline", "canary"] + Self.today, in: gitDirectory, environment: environment)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.contains("planned → running"), "\(timeline.stdout)")
        // At the first commit the same folders hold the record, just created.
        let first = try KaizenProcess.run(["timeline", "--ref", "HEAD~1"] + Self.today, in: gitDirectory, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("canary") && !first.stdout.contains("running"), "\(first.stdout)")
    }

    @Test func aSubmoduleInsideARecordsFolderIsNotReadAsRecords() throws {
        let library = try GitFixture()
        try library.write("README.md", "# Vendored notes\n")
        try library.write("notes.md", "---\nkind: experiment\n---\nNot one of ours.\n")
        try library.commit("Notes")
        let repo = try repository()
        try repo.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", library.workTree.path, "experiments/vendored"])
        try repo.commit("Vendor some notes")
        let checked = try kaizen(["check"], in: repo)
        #expect(checked.status == 0, "\(checked.stdout)")
        #expect(checked.stdout == Self.clean)
        let list = try kaizen(["list"], in: repo)
        #expect(list.status == 0)
        #expect(!list.stdout.contains("notes"), "\(list.stdout)")
        #expect(try kaizen(["check", "--against", "HEAD~1"], in: repo).stdout == Self.clean)
        let review = try kaizen(["review", "HEAD~1..HEAD", "--format", "json"], in: repo)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(try kaizen(["timeline"], in: repo).status == 0)
    }

    @Test func aMissingObjectIsNamedWithHowToRepairIt() throws {
        let repo = try repository()
        let blob = try repo.gitText(["rev-parse", "HEAD~1:\(Self.path)"])
        // Fixture commits write loose objects (too few for git's automatic gc to pack them).
        // A blob's size is read before the blob, so libgit2's reason is its header's.
        try FileManager.default.removeItem(at: repo.gitDirectory.appendingPathComponent("objects/\(blob.prefix(2))/\(blob.dropFirst(2))"))
        let expected = "kaizen: error: the repository is damaged: blob \(blob), which its history refers to, cannot be read "
            + "(object not found - cannot read header for (\(blob))). `git fsck --full` lists what is missing; "
            + "fetch it again from a remote, or clone the repository afresh\n"
        for arguments in [["timeline"], ["timeline", "--no-cache"], ["check", "--against", "HEAD~1"], ["review", "HEAD~1..HEAD"]] {
            let result = try kaizen(arguments, in: repo)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout == "", "\(arguments)")
            #expect(result.stderr == expected, "\(arguments)")
        }
        // The files in the work tree are whole, and a check without history reads only them.
        #expect(try kaizen(["check"], in: repo).stdout == Self.clean)
    }

    @Test func aLockedIndexStopsNothingKaizenDoes() throws {
        let repo = try repository()
        // git's lock while another git command writes the index; kaizen reads the
        // index but never writes it, so the lock is no obstacle and stays git's.
        let lock = repo.gitDirectory.appendingPathComponent("index.lock")
        try Data().write(to: lock)
        #expect(try kaizen(["check"], in: repo).stdout == Self.clean)
        #expect(try kaizen(["check", "--staged", "--against", "HEAD"], in: repo).status == 0)
        #expect(try kaizen(["list"], in: repo).status == 0)
        #expect(try kaizen(["timeline"], in: repo).status == 0)
        let extended = try kaizen(["extend", "review-pairs", "--until", "2026-12-28", "--reason", "Code freeze"], in: repo)
        #expect(extended.status == 0, "\(extended.stderr)")
        let installed = try repo.kaizen(["hooks", "install"])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(FileManager.default.fileExists(atPath: lock.path))
        #expect(try repo.read(Self.path).contains("until: 2026-12-28"))
    }

    @Test func aCommitMessageThatIsNotUTF8IsNoObstacle() throws {
        let repo = try repository()
        try repo.write(Self.path, Records.experiment(status: "running", reviewBy: "2026-12-21"))
        try repo.git(["add", "-A"])
        let tree = try repo.gitText(["write-tree"])
        // "Décalé d'une journée" in Latin-1, with no encoding header.
        let message = Data("D".utf8) + Data([0xE9]) + Data("cal".utf8) + Data([0xE9]) + Data(" d'une journ".utf8) + Data([0xE9, 0xE9, 0x0A])
        let commit = try repo.gitText(["commit-tree", tree, "-p", "HEAD", "-F", "-"], input: message)
        try repo.git(["update-ref", "HEAD", commit])
        let timeline = try kaizen(["timeline", "--field", "review-by"], in: repo)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.contains("\(commit.prefix(7))"), "\(timeline.stdout)")
        let json = try kaizen(["timeline", "--format", "json"], in: repo)
        #expect(json.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        #expect(try kaizen(["review", "HEAD~1..HEAD"], in: repo).status == 1)
    }

    /// git writes no such dates, but a commit object may hold any: the
    /// timeline shows them instead of trapping, as it once did before year -1000.
    @Test func commitsDatedFarInThePastOrFutureAreShown() throws {
        let repo = try repository()
        var parent = try repo.gitText(["rev-parse", "HEAD"])
        for (status, time) in [("paused", "-99999999999 +0000"), ("running", "99999999999999 -0500")] {
            try repo.write(Self.path, Records.experiment(status: status, reviewBy: "2026-12-21"))
            try repo.git(["add", "-A"])
            let object = "tree \(try repo.gitText(["write-tree"]))\nparent \(parent)\nauthor Ana Lima <ana@example.com> \(time)\n"
                + "committer Ana Lima <ana@example.com> \(time)\n\n\(status)\n"
            parent = try repo.gitText(["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], input: Data(object.utf8))
        }
        try repo.git(["update-ref", "HEAD", parent])
        let timeline = try kaizen(["timeline", "--format", "json"], in: repo)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.contains("\"-1199-02-15T14:13:21+00:00\""), "\(timeline.stdout)")
        #expect(timeline.stdout.contains("\"3170843-11-07T04:46:39-05:00\""), "\(timeline.stdout)")
        #expect(try kaizen(["timeline"], in: repo).status == 0)
    }

    @Test func twoRunsAtOnceShareTheCacheAndAThirdReadsItBack() throws {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        for number in 1...300 {
            try repo.write("experiments/trial-\(number).md", RecordText.experiment(id: nil, title: "Trial \(number)", status: "running"))
        }
        try repo.commit("Three hundred trials")
        let environment = ["HOME": repo.home.path, "GIT_CONFIG_NOSYSTEM": "1"]
        for command in [["check"], ["report"]] {
            try? FileManager.default.removeItem(at: repo.gitDirectory.appendingPathComponent("kaizen"))
            let runs = try (0..<2).map { _ in try BackgroundKaizen(command + Self.today, in: repo.workTree, environment: environment) }
            let results = try runs.map { try $0.finish() }
            #expect(results[0].stderr == "", "\(command)")
            #expect(results[0].status == results[1].status && results[0].stdout == results[1].stdout, "\(command)")
            #expect(results[0].stdout.contains("300"), "\(command): \(results[0].stdout)")
            let third = try kaizen(command, in: repo)
            #expect(third.status == results[0].status && third.stdout == results[0].stdout, "\(command)")
        }
    }

    /// A repository another user owns: git refuses it until trusted, and so
    /// does libgit2, which (1.5.1, with no safe.directory set) calls it "not
    /// found". kaizen says what git says, and the command it suggests works.
    /// Giving the repository another owner takes root.
    @Test(.enabled(if: getuid() == 0, "needs root to give the repository another owner"))
    func aRepositoryOwnedByAnotherUserIsNamedWithTheCommandToTrustIt() throws {
        let repo = try repository()
        let top = repo.workTree.resolvingSymlinksInPath().path
        let chown = try FixtureProcess.run("/bin/chown", ["-R", "65534", top], in: nil, environment: [:])
        #expect(chown.status == 0, "\(chown.errorText)")
        let expected = "\(top) is a git repository owned by another user (nobody), and git does not read a repository it does not own "
            + "until you say you trust it (its safe.directory protection): if you do, run "
            + "`git config --global --add safe.directory \(top)`, then run kaizen again"
        for arguments in [["timeline"], ["review", "HEAD~1..HEAD"], ["check", "--against", "HEAD~1"]] {
            let result = try kaizen(arguments, in: repo)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "kaizen: error: \(expected)\n", "\(arguments)")
        }
        // Commands that can go without history go on, and say why they do.
        let report = try kaizen(["report"], in: repo)
        #expect(report.status == 0)
        #expect(report.stderr == "kaizen: note: no git history was read: \(expected)\n")
        #expect(report.stdout.contains("No git history was read"))
        // The same with some other folder trusted: libgit2 then says GIT_EOWNER.
        try repo.git(["config", "--global", "--add", "safe.directory", "/somewhere/else"])
        #expect(try kaizen(["timeline"], in: repo).stderr == "kaizen: error: \(expected)\n")
        try repo.git(["config", "--global", "--add", "safe.directory", top])
        let trusted = try kaizen(["timeline"], in: repo)
        #expect(trusted.status == 0, "\(trusted.stderr)")
        #expect(trusted.stdout.contains("planned → running"))
    }

    /// libgit2 1.5 reads SHA-1 repositories only; it words a SHA-256 one as an unknown extension.
    @Test func aSHA256RepositoryIsNamedAsSuch() throws {
        let folder = try FixtureFolder()
        let init_ = try FixtureProcess.run("/usr/bin/git", ["init", "-q", "--object-format=sha256", "repo"], in: folder.url,
                                           environment: ["HOME": folder.url.path, "GIT_CONFIG_NOSYSTEM": "1"])
        #expect(init_.status == 0, "\(init_.errorText)")
        let top = folder.url.appendingPathComponent("repo")
        for arguments in [["timeline"], ["check", "--against", "HEAD"]] {
            let result = try KaizenProcess.run(arguments, in: top, environment: ["HOME": folder.url.path])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("kaizen: error: the repository containing "), "\(result.stderr)")
            #expect(result.stderr.hasSuffix(" uses SHA-256 object ids, which this build's libgit2 cannot read: kaizen reads SHA-1 "
                + "repositories only (`git rev-parse --show-object-format` tells which a repository uses)\n"))
        }
    }
}
