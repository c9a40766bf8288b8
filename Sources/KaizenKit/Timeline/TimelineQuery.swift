import Foundation

/// What `kaizen timeline` reads and shows: the history of a workspace's
/// records, or of any folder of front-matter Markdown, and which of its
/// records a format shows.
public struct TimelineQuery: Sendable {
    public let scope: HistoryScope
    /// A folder inside the repository whose history is read.
    public let location: String
    /// Whether the scope is a workspace's records rather than a folder of notes.
    private let isRecords: Bool

    /// `status` unless other fields are named.
    private static func fields(_ named: [String]) -> [String] {
        named.isEmpty ? ["status"] : named
    }

    /// The records of `workspace`, following `fields`. A bare repository has
    /// no kaizen.yml on disk, so the one committed at `ref` says where the
    /// records are.
    public static func records(of workspace: Workspace, ref: String, fields: [String] = []) throws -> TimelineQuery {
        var workspace = workspace
        if !workspace.hasConfigFile, try Workspace.isInBareRepository(workspace.root) {
            workspace = try workspace.withCommittedConfig(at: ref)
        }
        return TimelineQuery(scope: try HistoryScope.records(of: workspace, fields: Self.fields(fields)), location: workspace.root.path,
                             isRecords: true)
    }

    /// Every Markdown file below the folder `path` (relative to `directory`), following `fields`.
    public static func folder(_ path: String, relativeTo directory: URL, fields: [String] = []) throws -> TimelineQuery {
        let folder = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw KaizenError.noSuchPath(folder.path)
        }
        guard isDirectory.boolValue else {
            throw KaizenError.invalidArgument("--path takes a folder of Markdown files, and \(path) is a file")
        }
        return TimelineQuery(scope: try HistoryScope.markdown(in: folder, fields: Self.fields(fields)), location: folder.path,
                             isRecords: false)
    }

    /// The records of `timeline` that `format` shows: those `ids` name
    /// (each must be there, or have been renamed from it; a typo gets the
    /// closest id), sorted by id and path; a mermaid chart of a workspace
    /// shows its experiments alone. `renamed`: the ids found by a rename.
    public func shown(_ timeline: Timeline, ids: [String] = [], format: TimelineFormat) throws
        -> (timeline: Timeline, renamed: [RecordRename]) {
        var shown = timeline
        var renamed: [RecordRename] = []
        if !ids.isEmpty {
            shown.records = try ids.map { id in
                if let record = timeline.records.first(where: { $0.id == id }) { return record }
                guard let rename = timeline.rename(ofFormerID: id),
                      let record = timeline.records.first(where: { !$0.deleted && $0.path == rename.path }) else {
                    throw KaizenError.noSuchRecord(id: id, suggestion: Suggestion.closest(to: id, among: timeline.records.map(\.id)))
                }
                renamed.append(rename)
                return record
            }.sorted { ($0.id, $0.path) < ($1.id, $1.path) }
        }
        if format == .mermaid, isRecords {
            shown.records = shown.records.filter { scope.kind(ofPath: $0.path) == .experiment }
        }
        return (shown, renamed)
    }

    /// The values of the first field that end a record's course, drawn as
    /// milestones in a chart: a concluded experiment's status.
    public var finalValues: Set<String> {
        isRecords && scope.fields[0] == "status" ? [ExperimentStatus.concluded.rawValue] : []
    }
}
