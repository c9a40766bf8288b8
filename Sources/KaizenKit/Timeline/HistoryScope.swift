import Foundation

/// What a history scan looks at: which folders of the tree, which files in
/// them, and which front-matter fields it follows.
public struct HistoryScope: Sendable, Hashable {
    public enum Files: String, Sendable, Hashable {
        /// kaizen records: `*.md` except folder READMEs, as `kaizen check` finds them.
        case records
        /// Every `*.md` file: `kaizen timeline --path` on any folder of notes.
        case markdown
    }

    /// Folders relative to the top of the tree, without a trailing `/`; "" is the whole tree.
    public var folders: [String]
    public var files: Files
    /// The fields whose changes become events; the first is the one a record's
    /// time is measured in (normally `status`).
    public var fields: [String]
    /// For kaizen records, the folder of each kind, to tell a path's kind.
    public var recordFolders: [RecordKind: String] = [:]
    /// For kaizen records, the workspace root in the tree ("" at the top):
    /// timeline paths are relative to the tree, record paths to the workspace.
    public var workspaceFolder = ""

    public init(folders: [String], files: Files, fields: [String]) {
        self.folders = folders
        self.files = files
        self.fields = fields
    }

    /// The kind of record at a path, judged by its folder; nil outside the record folders.
    public func kind(ofPath path: String) -> RecordKind? {
        recordFolders.filter { $0.value.isEmpty || path.hasPrefix($0.value + "/") }.max { $0.value.count < $1.value.count }?.key
    }

    /// Whether a file with this name, in a folder the scan entered, is in
    /// scope: as `RecordFiles` tells records, and for any folder of notes,
    /// every Markdown file that is not hidden.
    func includes(fileName name: String) -> Bool {
        switch files {
        case .records: return RecordFiles.isRecordFile(named: name)
        case .markdown: return !RecordFiles.isHidden(name) && name.hasSuffix(".md")
        }
    }

    /// Whether the scan enters the folder `name` at `path` (from the top of
    /// the tree): not a hidden one, as `kaizen check` does not, unless it is
    /// one of the scope's own folders.
    func entersFolder(named name: String, at path: String) -> Bool {
        RecordFiles.entersFolder(named: name) || folders.contains(path)
    }

    /// Folders that lie inside another listed folder are scanned once, through it.
    var outermostFolders: [String] {
        let sorted = Set(folders).sorted()
        return sorted.filter { folder in
            !sorted.contains { other in other != folder && (other.isEmpty || folder.hasPrefix(other + "/")) }
        }
    }

    /// Identifies the scope in the cache: a cache made for other folders,
    /// files or fields must not be reused.
    var cacheKey: String {
        ([files.rawValue] + outermostFolders.map { "d:" + $0 } + fields.map { "f:" + $0 }).joined(separator: "\u{1F}")
    }
}

extension HistoryScope {
    /// A workspace's record folders, as paths in its git repository's tree.
    public static func records(of workspace: Workspace, fields: [String]) throws -> HistoryScope {
        let prefix = try GitRepository.path(of: workspace.root)
        let folders = RecordKind.allCases.map { TreeDiff.join(prefix, workspace.config.folders[$0]!) }
        var scope = HistoryScope(folders: folders, files: .records, fields: fields)
        scope.recordFolders = Dictionary(uniqueKeysWithValues: zip(RecordKind.allCases, folders))
        scope.workspaceFolder = prefix
        return scope
    }

    /// Any folder of front-matter Markdown inside a git work tree.
    public static func markdown(in folder: URL, fields: [String]) throws -> HistoryScope {
        HistoryScope(folders: [try GitRepository.path(of: folder)], files: .markdown, fields: fields)
    }
}
