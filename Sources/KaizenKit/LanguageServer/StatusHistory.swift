/// When each record last changed status, from the git history of the
/// workspace's records. Read through the timeline cache, and read again only
/// when HEAD moves, so hovering costs a history scan once per commit.
struct StatusHistory: Sendable {
    private var head: ObjectID?
    private var history: WorkspaceHistory?

    /// The history at the current HEAD; nil outside a git repository or before the first commit.
    mutating func current(for workspace: Workspace) -> WorkspaceHistory? {
        guard let repository = try? GitRepository.discover(containing: workspace.root.path),
              !repository.isHeadUnborn, let head = try? repository.resolveCommit("HEAD") else { return nil }
        if head != self.head {
            guard let scope = try? HistoryScope.records(of: workspace, fields: ["status"]),
                  let timeline = try? HistoryScanner(repositoryContaining: workspace.root.path, scope: scope).scan(ref: "HEAD")
            else { return nil }
            self.head = head
            history = WorkspaceHistory(timeline: timeline, scope: scope)
        }
        return history
    }
}
