import Foundation

/// A kaizen repository the editor has a record of open in: its configuration,
/// the parse of every record file on disk, and the parse of each open buffer.
/// Disk parses are read once (through the parse cache) and again only when the
/// client says files changed, so a keystroke re-parses just its own buffer.
struct OpenWorkspace: Sendable {
    let workspace: Workspace
    /// Every record as the editor sees it: open buffers over the files on
    /// disk, disk files in the loader's order, then buffers with no file.
    /// Kept up to date one buffer at a time, so a check does not rebuild it.
    private(set) var records: [ParsedRecord] = []
    /// Where each path is in `records`.
    private var positions: [String: Int] = [:]
    /// The parse of each file on disk, to put back when its buffer closes.
    private var diskRecords: [String: ParsedRecord] = [:]
    /// Parses of open buffers by workspace-relative path; they stand in for the files on disk.
    private var bufferRecords: [String: ParsedRecord] = [:]
    /// The improvements' words, so that the possible-duplicate rule reads
    /// only the edited buffer's text again, not every improvement's.
    private var wordCounts = WordCountCache()

    /// Throws when the workspace holds more records than kaizen reads.
    init(workspace: Workspace) throws {
        self.workspace = workspace
        try reloadDisk()
    }

    /// Reads every record file again (reusing parses of unchanged ones).
    mutating func reloadDisk() throws {
        let loader = RecordLoader(workspace: workspace)
        let parsed = try loader.loadAll()
        diskRecords = Dictionary(parsed.map { ($0.record.path, $0) }, uniquingKeysWith: { $1 })
        records = parsed.map { bufferRecords[$0.record.path] ?? $0 }
            + bufferRecords.filter { diskRecords[$0.key] == nil }.sorted { $0.key < $1.key }.map(\.value)
        positions = Dictionary(records.indices.map { (records[$0].record.path, $0) }, uniquingKeysWith: { $1 })
        wordCounts.update(records.lazy.map(\.record).filter { $0.improvement != nil })
    }

    /// The workspace-relative path of a file, if it is a record file of this
    /// workspace, as `kaizen check` tells them (`RecordFiles`).
    func recordPath(ofFile path: String) -> String? {
        let relative = workspace.relativePath(URL(fileURLWithPath: path))
        return RecordFiles.isRecordPath(relative, folders: workspace.config.folders.values) ? relative : nil
    }

    mutating func setBuffer(_ text: String, at path: String) {
        let parser = RecordParser(config: workspace.config)
        let parsed = parser.parse(Array(text.utf8), path: path, folderKind: workspace.config.folderKind(ofPath: path))
        bufferRecords[path] = parsed
        if parsed.record.improvement != nil { wordCounts.update(parsed.record) }
        if let position = positions[path] {
            records[position] = parsed
        } else {
            positions[path] = records.count
            records.append(parsed)
        }
    }

    mutating func removeBuffer(at path: String) {
        guard bufferRecords.removeValue(forKey: path) != nil, let position = positions[path] else { return }
        if let disk = diskRecords[path] {
            records[position] = disk
            if disk.record.improvement != nil { wordCounts.update(disk.record) }
        } else {
            records.remove(at: position)
            positions = Dictionary(records.indices.map { (records[$0].record.path, $0) }, uniquingKeysWith: { $1 })
        }
    }

    var bufferPaths: Set<String> { Set(bufferRecords.keys) }

    func buffer(at path: String) -> ParsedRecord? { bufferRecords[path] }

    /// The record with this id, as the editor sees it.
    func record(withID id: String) -> Record? {
        records.first { $0.record.id == id }?.record
    }

    /// `kaizen check` on the open buffers, with every record in view for the
    /// cross-record rules.
    func check(today: CalendarDate, renames: RecordRenames? = nil) -> CheckReport {
        Checker.check(records, workspace: workspace, today: today, scope: bufferPaths, wordCounts: wordCounts, renames: renames)
    }
}
