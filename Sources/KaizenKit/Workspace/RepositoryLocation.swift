import Foundation

/// Where a workspace sits in its git repository. Outputs read by CI services
/// (GitHub's workflow annotations, SARIF for code scanning) name files from
/// the repository's top, as those services resolve them, whatever folder
/// kaizen ran in and wherever kaizen.yml sits.
public struct RepositoryLocation: Sendable, Equatable {
    /// The repository's top folder on disk, absolute; nil for a bare
    /// repository, whose files have no place on disk.
    public let root: String?
    /// The workspace root's path from the repository's top, "" when they are one.
    public let workspaceFolder: String

    public init(root: String?, workspaceFolder: String) {
        self.root = root
        self.workspaceFolder = workspaceFolder
    }

    /// The repository holding `workspace`; outside any repository the
    /// workspace root stands in for its top.
    public static func of(_ workspace: Workspace) throws -> RepositoryLocation {
        guard let repository = try GitRepository.discover(containing: workspace.root.path) else {
            return RepositoryLocation(root: workspace.root.path, workspaceFolder: "")
        }
        let root = repository.workTree.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        return RepositoryLocation(root: root, workspaceFolder: try repository.path(of: workspace.root))
    }

    /// A workspace-relative path as seen from the repository's top. An
    /// absolute path (a file named outside the workspace) is made relative
    /// when it lies inside the repository, and stays absolute otherwise.
    public func path(of workspacePath: String) -> String {
        guard workspacePath.hasPrefix("/") else {
            return workspaceFolder.isEmpty ? workspacePath : workspaceFolder + "/" + workspacePath
        }
        guard let root else { return workspacePath }
        let prefix = root == "/" ? "/" : root + "/"
        return workspacePath.hasPrefix(prefix) ? String(workspacePath.dropFirst(prefix.count)) : workspacePath
    }
}
