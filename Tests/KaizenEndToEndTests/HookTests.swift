import Foundation
import Testing

/// `kaizen hooks install|uninstall`, the hook itself inside a real `git commit`,
/// and the pre-commit framework running kaizen's `.pre-commit-hooks.yaml`.
@Suite struct HookTests {
    /// PATH with the built kaizen first, as a developer's shell would have it.
    static let path = KaizenProcess.binary.deletingLastPathComponent().path + ":/usr/local/bin:/usr/bin:/bin"

    private func repository() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", Records.config)
        try repo.write("experiments/review-pairs.md", Records.experiment())
        try repo.commit("Start", by: .ana)
        return repo
    }

    private func kaizen(_ arguments: [String], in repo: GitFixture) throws -> FixtureProcess.Output {
        try FixtureProcess.run(KaizenProcess.binary.path, arguments, in: repo.workTree, environment: repo.environment)
    }

    /// `git commit` with kaizen on PATH; returns git's exit status and what the hook printed.
    private func commit(_ repo: GitFixture, _ message: String) throws -> FixtureProcess.Output {
        var environment = repo.environment
        environment["PATH"] = Self.path
        return try FixtureProcess.run("/usr/bin/git", ["commit", "-q", "-m", message], in: repo.workTree, environment: environment)
    }

    @Test func theInstalledHookStopsABrokenCommitAndLetsAGoodOneThrough() throws {
        let repo = try repository()
        let install = try kaizen(["hooks", "install"], in: repo)
        let hook = repo.workTree.appendingPathComponent(".git/hooks/pre-commit")
        #expect(install.status == 0)
        #expect(install.text == "installed the pre-commit hook: \(hook.path)\n")
        let mode = try FileManager.default.attributesOfItem(atPath: hook.path)[.posixPermissions] as? Int
        #expect(mode == 0o755)

        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", status: "runing"))
        try repo.git(["add", "-A"])
        let stopped = try commit(repo, "Broken")
        #expect(stopped.status != 0)
        // git sends a hook's output to stderr.
        #expect(stopped.errorText.contains("'status' cannot be 'runing'"))
        #expect(stopped.errorText.contains("git commit --no-verify"))
        #expect(try repo.gitText(["rev-list", "--count", "HEAD"]) == "1")

        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches"))
        try repo.git(["add", "-A"])
        let passed = try commit(repo, "Fixed")
        #expect(passed.status == 0, "\(passed.text)\(passed.errorText)")
        #expect(try repo.gitText(["rev-list", "--count", "HEAD"]) == "2")
    }

    @Test func installGoesWhereCoreHooksPathSays() throws {
        let repo = try repository()
        try repo.git(["config", "core.hooksPath", "tools/git-hooks"])
        let install = try kaizen(["hooks", "install"], in: repo)
        #expect(install.status == 0, "\(install.errorText)")
        #expect(FileManager.default.fileExists(atPath: repo.workTree.appendingPathComponent("tools/git-hooks/pre-commit").path))
        #expect(!FileManager.default.fileExists(atPath: repo.workTree.appendingPathComponent(".git/hooks/pre-commit").path))
    }

    @Test func aForeignHookIsKeptUnlessForcedAndThenBackedUpAndRestored() throws {
        let repo = try repository()
        let hook = repo.workTree.appendingPathComponent(".git/hooks/pre-commit")
        let foreign = "#!/bin/sh\necho the team's own checks\n"
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try foreign.write(to: hook, atomically: false, encoding: .utf8)

        let refused = try kaizen(["hooks", "install"], in: repo)
        #expect(refused.status == 2)
        #expect(refused.errorText.contains("holds a pre-commit hook that is not kaizen's; nothing was changed. Pass --force"))
        #expect(try String(contentsOf: hook, encoding: .utf8) == foreign)
        let notOurs = try kaizen(["hooks", "uninstall"], in: repo)
        #expect(notOurs.status == 2)
        #expect(try String(contentsOf: hook, encoding: .utf8) == foreign)

        let forced = try kaizen(["hooks", "install", "--force"], in: repo)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: URL(fileURLWithPath: hook.path + ".kaizen-backup"), encoding: .utf8) == foreign)
        #expect(try String(contentsOf: hook, encoding: .utf8).contains("kaizen check --staged"))
        let again = try kaizen(["hooks", "install"], in: repo)
        #expect(again.text.hasPrefix("updated the pre-commit hook"))

        let removed = try kaizen(["hooks", "uninstall"], in: repo)
        #expect(removed.status == 0)
        #expect(try String(contentsOf: hook, encoding: .utf8) == foreign)
        #expect(!FileManager.default.fileExists(atPath: hook.path + ".kaizen-backup"))
        #expect(try kaizen(["hooks", "uninstall"], in: repo).status == 2)
    }

    @Test func uninstallRemovesOnlyItsOwnHook() throws {
        let repo = try repository()
        #expect(try kaizen(["hooks", "install"], in: repo).status == 0)
        let removed = try kaizen(["hooks", "uninstall"], in: repo)
        #expect(removed.status == 0)
        #expect(!FileManager.default.fileExists(atPath: repo.workTree.appendingPathComponent(".git/hooks/pre-commit").path))
        #expect(try kaizen(["hooks", "uninstall"], in: repo).text.hasPrefix("no pre-commit hook is installed"))
    }

    /// A repository holding this package's `.pre-commit-hooks.yaml`, as kaizen's own
    /// repository would, for `pre-commit try-repo`.
    private func hooksRepository() throws -> GitFixture {
        let hooks = try GitFixture()
        try hooks.write(".pre-commit-hooks.yaml",
                        try String(contentsOf: KaizenProcess.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8))
        try hooks.commit("Hooks", by: .ana)
        return hooks
    }

    /// `pre-commit try-repo HOOKS ARGUMENTS` in `repo`, with kaizen on PATH.
    private func preCommit(_ arguments: [String], hooks: GitFixture, in repo: GitFixture) throws -> FixtureProcess.Output {
        var environment = repo.environment
        environment["PATH"] = Self.path
        environment["PRE_COMMIT_HOME"] = repo.home.appendingPathComponent("pre-commit-cache").path
        return try FixtureProcess.run("/usr/bin/pre-commit", ["try-repo", hooks.workTree.path] + arguments,
                                      in: repo.workTree, environment: environment)
    }

    /// In CI `pre-commit run --all-files` must fail on errors already committed,
    /// which the staged check, by design, does not see.
    @Test func theWholeWorkspaceHookFailsOnCommittedErrorsAndPassesOnACleanRepository() throws {
        let hooks = try hooksRepository()
        let repo = try repository()
        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", status: "runing"))
        try repo.commit("Broken, committed with --no-verify", by: .ben)

        let staged = try preCommit(["kaizen-check", "--all-files"], hooks: hooks, in: repo)
        #expect(staged.status == 0, "\(staged.text)\(staged.errorText)")
        let failed = try preCommit(["kaizen-check-all", "--all-files"], hooks: hooks, in: repo)
        #expect(failed.status == 1, "\(failed.text)\(failed.errorText)")
        #expect(failed.text.contains("kaizen check (whole workspace)"))
        #expect(failed.text.contains("experiments/smaller-batches.md:10:9: error: 'status' cannot be 'runing'"))

        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches"))
        try repo.commit("Fixed", by: .ben)
        let passed = try preCommit(["kaizen-check-all", "--all-files"], hooks: hooks, in: repo)
        #expect(passed.status == 0, "\(passed.text)\(passed.errorText)")
        #expect(passed.text.contains("Passed"))
    }

    /// With --from-ref and --to-ref, as CI runs it on a pull request, the
    /// history rules judge the change since the merge base.
    @Test func theWholeWorkspaceHookAppliesTheHistoryRulesBetweenTheRefsPreCommitIsGiven() throws {
        let hooks = try hooksRepository()
        let repo = try repository()
        try repo.branch("topic")
        try repo.checkout("topic")
        try repo.write("experiments/review-pairs.md", Records.experiment().replacingOccurrences(of: "target: 4", with: "target: 24"))
        try repo.commit("Easier target", by: .ben)

        let workspace = try preCommit(["kaizen-check-all", "--all-files"], hooks: hooks, in: repo)
        #expect(workspace.status == 0, "\(workspace.text)\(workspace.errorText)")
        let changed = try preCommit(["kaizen-check-all", "--from-ref", "main", "--to-ref", "topic"], hooks: hooks, in: repo)
        #expect(changed.status == 1, "\(changed.text)\(changed.errorText)")
        #expect(changed.text.contains("[goalposts-moved]"))
    }

    /// The pre-commit framework (Debian's `pre-commit`) runs the hook declared in this
    /// package's `.pre-commit-hooks.yaml`, through `pre-commit try-repo` on a repository
    /// that holds that file as kaizen's repository would.
    @Test func thePreCommitFrameworkRunsTheHook() throws {
        let repo = try repository()
        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches", status: "runing"))
        try repo.git(["add", "-A"])
        let hooks = try hooksRepository()
        let failed = try preCommit(["kaizen-check"], hooks: hooks, in: repo)
        #expect(failed.status == 1, "\(failed.text)\(failed.errorText)")
        #expect(failed.text.contains("kaizen check (staged records)"))
        #expect(failed.text.contains("'status' cannot be 'runing'"))

        try repo.write("experiments/smaller-batches.md", Records.experiment(title: "Smaller batches"))
        try repo.git(["add", "-A"])
        let passed = try preCommit(["kaizen-check"], hooks: hooks, in: repo)
        #expect(passed.status == 0, "\(passed.text)\(passed.errorText)")
        #expect(passed.text.contains("Passed"))
    }
}
