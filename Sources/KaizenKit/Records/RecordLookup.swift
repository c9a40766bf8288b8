import Foundation

/// Finding a record by the id a person typed.
public enum RecordLookup {
    /// The record with this id, or, failing that, the one whose id matches
    /// without case; throws `noSuchRecord` with the closest id as a suggestion.
    public static func record(withID id: String, in records: [Record]) throws -> Record {
        if let record = records.first(where: { $0.id == id }) ?? records.first(where: { $0.id.lowercased() == id.lowercased() }) {
            return record
        }
        throw KaizenError.noSuchRecord(id: id, suggestion: Suggestion.closest(to: id, among: records.map(\.id)))
    }

    /// The record with this id (`record(withID:in:)`), or, when none has
    /// it even without case, the one `history` (read only then) renamed from
    /// it, with that rename.
    public static func record(withID id: String, in records: [Record], history: () throws -> WorkspaceHistory?) throws
        -> (record: Record, renamed: RecordRename?) {
        do {
            return (try record(withID: id, in: records), nil)
        } catch {
            guard let rename = try history()?.timeline.rename(ofFormerID: id),
                  let renamed = records.first(where: { $0.id == rename.currentID }) else { throw error }
            return (renamed, rename)
        }
    }

    /// The record an argument names: a path (it ends in `.md`, holds a `/`,
    /// or names a file) is read and parsed as it is on disk, committed or not,
    /// inside the record folders or not; anything else is an id among
    /// `records`, or one `history` (read only then) renamed.
    public static func record(idOrPath argument: String, in records: [Record], loader: RecordLoader, relativeTo directory: URL,
                              history: () throws -> WorkspaceHistory?) throws -> (record: Record, renamed: RecordRename?) {
        let url = Workspace.url(ofArgument: argument, relativeTo: directory)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        guard argument.hasSuffix(".md") || argument.contains("/") || (exists && !isDirectory.boolValue) else {
            return try record(withID: argument, in: records, history: history)
        }
        guard exists else { throw KaizenError.noSuchPath(argument) }
        guard !isDirectory.boolValue else {
            throw KaizenError.invalidArgument("\(argument) is a folder: name one record, by its id or its file")
        }
        let parsed = loader.load([try loader.workspace.pathInside(url, named: argument)])[0]
        if case .unreadable = parsed.record.details, let problem = parsed.diagnostics.first(where: { $0.severity == .error }) ?? parsed.diagnostics.first {
            throw KaizenError.invalidArgument("\(argument) cannot be read as a record: \(problem.message)")
        }
        return (parsed.record, nil)
    }

    /// The records that refer to `id`, by id.
    public static func records(linkingTo id: String, in records: [Record]) -> [Record] {
        records.filter { $0.links(to: id) }.sorted { $0.id < $1.id }
    }
}
