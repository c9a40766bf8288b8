import Foundation

/// Everything that can stop a KaizenKit operation (as opposed to findings in
/// records, which are diagnostics).
public enum KaizenError: LocalizedError, Equatable, Sendable {
    case git(operation: String, code: Int32, message: String)
    case notARepository(path: String)
    /// The repository belongs to another user, and git (so libgit2) refuses to read it until it is trusted.
    case repositoryNotOwned(path: String, owner: String)
    /// The repository uses SHA-256 object ids, which libgit2 1.5 cannot read.
    case unsupportedObjectFormat(path: String)
    case unknownRevision(String)
    /// A commit (a revision, a merge base, described by `what`) that a shallow clone lacks: it may lie beyond the boundary.
    case notInShallowClone(what: String)
    /// HEAD names a branch with no commit yet, so a range from HEAD has nothing to compare.
    case noCommitsYet(revision: String)
    /// An object that history refers to is missing from the repository or cannot be read.
    case unreadableObject(kind: String, id: String, reason: String)
    /// A command that reads records from a work tree was run in a bare repository.
    case bareRepository(path: String)
    case cannotRead(path: String, reason: String)
    case tooManyRecords(count: Int, limit: Int)
    case cannotWrite(path: String, reason: String)
    case alreadyExists(paths: [String])
    case noSuchPath(String)
    case noSuchRecord(id: String, suggestion: String?)
    /// A team that is not in kaizen.yml (or, without teams there, in no record).
    case unknownTeam(String, suggestion: String?, known: [String])
    case invalidArgument(String)
    /// A record's front matter has a shape kaizen cannot edit in place without guessing.
    case cannotEdit(path: String, reason: String, byHand: String)
    /// The file changed on disk between kaizen reading it and writing it back.
    case changedOnDisk(path: String)
    /// Another kaizen run held the workspace's write lock for longer than this one waited.
    case lockedByAnotherRun(path: String, waited: Duration)
    /// A path named on the command line lies outside the workspace, whose files alone kaizen reads.
    case outsideWorkspace(path: String, root: String)
    /// The file is reached through a symbolic link that leads out of the repository.
    case outsideRepository(path: String, target: String)
    /// `kaizen site --out` names a folder the site must not be written to.
    case siteOutputRefused(path: String, reason: String)
    /// `kaizen site --out` names a folder with files that `kaizen site` did not write.
    case siteOutputNotEmpty(path: String)

    public var errorDescription: String? {
        switch self {
        case let .git(operation, code, message):
            return "git: \(operation) failed (\(code)): \(message)"
        case let .notARepository(path):
            return "\(path) is not inside a git repository, and history needs one: run kaizen inside a git work tree (or `git init` one)"
        case let .repositoryNotOwned(path, owner):
            return "\(path) is a git repository owned by another user (\(owner)), and git does not read a repository "
                + "it does not own until you say you trust it (its safe.directory protection): if you do, run "
                + "`git config --global --add safe.directory \(path)`, then run kaizen again"
        case let .unsupportedObjectFormat(path):
            return "the repository containing \(path) uses SHA-256 object ids, which this build's libgit2 cannot read: "
                + "kaizen reads SHA-1 repositories only (`git rev-parse --show-object-format` tells which a repository uses)"
        case let .unknownRevision(revision):
            return "'\(revision)' names no commit in this repository: pass a branch, tag or commit id (`git log --oneline` lists them)"
        case let .notInShallowClone(what):
            return "\(what) is not in this shallow clone; it may lie beyond the clone's boundary: "
                + "fetch more history (`git fetch --deepen=50`, or `git fetch --unshallow`; in GitHub Actions, checkout with fetch-depth: 0)"
        case let .noCommitsYet(revision):
            return "'\(revision)' names no commit: the current branch has no commits yet; commit first, or name two existing revisions"
        case let .unreadableObject(kind, id, reason):
            return "the repository is damaged: \(kind) \(id), which its history refers to, cannot be read (\(reason)). "
                + "`git fsck --full` lists what is missing; fetch it again from a remote, or clone the repository afresh"
        case let .bareRepository(path):
            return "\(path) is a bare repository, with no work tree and so no record files: run this command in a clone "
                + "or a linked worktree (`git worktree add`); `kaizen review` and `kaizen timeline` read commits and work here"
        case let .cannotRead(path, reason):
            return "cannot read \(path): \(reason)"
        case let .tooManyRecords(count, limit):
            return "the records folders hold \(count) Markdown files, over the \(limit) kaizen reads in one run: "
                + "split the repository (one per department, say), or move archived records out of the configured folders"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)"
        case let .alreadyExists(paths):
            return "\(paths.joined(separator: ", ")) already exist\(paths.count == 1 ? "s" : ""); nothing was written (kaizen never overwrites a file)"
        case let .noSuchPath(path):
            return "no such file or folder: \(path)"
        case let .noSuchRecord(id, suggestion):
            return "no record has the id '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case let .unknownTeam(team, suggestion, known):
            let clause = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return known.isEmpty
                ? "unknown team '\(team)': no record names a team yet"
                : "unknown team '\(team)'\(clause); the teams are \(known.joined(separator: ", "))"
        case let .invalidArgument(message):
            return message
        case let .cannotEdit(path, reason, byHand):
            return "cannot edit \(path) in place: \(reason). Nothing was written; make the change by hand: \(byHand)"
        case let .changedOnDisk(path):
            return "\(path) changed on disk while kaizen was editing it; nothing was written, so that change is kept: run the command again"
        case let .lockedByAnotherRun(path, waited):
            let seconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
            return "another kaizen command has been writing records in \(path) for over \(String(format: "%g", seconds)) s; "
                + "nothing was written: when it has finished (or if it hangs, once you have stopped it), run the command again"
        case let .outsideWorkspace(path, root):
            return "\(path) lies outside the repository \(root), and kaizen reads only the records inside it: "
                + "run kaizen in that file's own repository (or pass its folder as --root)"
        case let .outsideRepository(path, target):
            return "\(path) leads to \(target), outside the repository: kaizen does not write through a symbolic link that leaves the repository; nothing was written"
        case let .siteOutputRefused(path, reason):
            return "cannot write the site to \(path): \(reason); nothing was written: choose another --out folder"
        case let .siteOutputNotEmpty(path):
            return "\(path) holds files that `kaizen site` did not write; nothing was written: choose a new or empty folder, "
                + "or pass --force to write the site among them (files of the same name are replaced, others are kept)"
        }
    }
}
