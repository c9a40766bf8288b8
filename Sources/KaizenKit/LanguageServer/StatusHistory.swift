import Foundation

/// When each record last changed status, from the git history of the
/// workspace's records, read through the timeline cache. The server reads it
/// once per HEAD, off its actor and on one thread of its own: a first scan of
/// a long history takes seconds, and a scan spread over Dispatch's threads
/// would leave none for the checks that publish diagnostics meanwhile.
enum StatusHistory {
    /// The commit HEAD is at; nil outside a git repository or before the first commit.
    static func head(of workspace: Workspace) -> ObjectID? {
        guard let repository = try? GitRepository.discover(containing: workspace.root.path),
              !repository.isHeadUnborn else { return nil }
        return try? repository.resolveCommit("HEAD")
    }

    /// The history up to HEAD; nil when it cannot be read.
    static func read(_ workspace: Workspace) async -> WorkspaceHistory? {
        await withCheckedContinuation { continuation in
            Thread {
                guard let scope = try? HistoryScope.records(of: workspace, fields: ["status"]),
                      let timeline = try? HistoryScanner(repositoryContaining: workspace.root.path, scope: scope, threads: 1)
                        .scan(ref: "HEAD")
                else { return continuation.resume(returning: nil) }
                continuation.resume(returning: WorkspaceHistory(timeline: timeline, scope: scope))
            }.start()
        }
    }
}
