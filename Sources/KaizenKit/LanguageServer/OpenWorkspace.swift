import Foundation

/// A kaizen repository the editor has a record of open in: its configuration,
/// the parse of every record file on disk, and the parse of each open buffer.
/// Disk parses are read once (through the parse cache) and again only when the
/// client says files changed, so a keystroke re-parses just its own buffer.
struct OpenWorkspace: Sendable {
    let workspace: Workspace
    /// Sorted by path, as the loader returns them.
    private var diskRecords: [ParsedRecord] = []
    private var diskPaths: Set<String> = []
    /// Parses of open buffers by workspace-relative path; they stand in for the files on disk.
    private var bufferRecords: [String: ParsedRecord] = [:]

    init(workspace: Workspace) {
        self.workspace = workspace
        reloadDisk()
    }

    /// Reads every record file again (reusing parses of unchanged ones).
    mutating func reloadDisk() {
        let loader = RecordLoader(workspace: workspace)
        diskRecords = loader.loadReusingParses(loader.recordPaths())
        diskPaths = Set(diskRecords.map(\.record.path))
    }

    /// The workspace-relative path of a file, if it is a record file of this
    /// workspace: Markdown in one of the kinds' folders, not a folder README.
    func recordPath(ofFile path: String) -> String? {
        let relative = workspace.relativePath(URL(fileURLWithPath: path))
        guard !relative.hasPrefix("/"), relative.hasSuffix(".md"),
              !DirectoryWalker.isFolderReadme(String(relative.split(separator: "/").last ?? "")),
              workspace.config.folderKind(ofPath: relative) != nil else { return nil }
        return relative
    }

    mutating func setBuffer(_ text: String, at path: String) {
        let parser = RecordParser(config: workspace.config)
        bufferRecords[path] = parser.parse(Array(text.utf8), path: path, folderKind: workspace.config.folderKind(ofPath: path))
    }

    mutating func removeBuffer(at path: String) {
        bufferRecords[path] = nil
    }

    var bufferPaths: Set<String> { Set(bufferRecords.keys) }

    func buffer(at path: String) -> ParsedRecord? { bufferRecords[path] }

    /// Every record as the editor sees it: open buffers over the files on disk.
    var records: [ParsedRecord] {
        diskRecords.map { bufferRecords[$0.record.path] ?? $0 }
            + bufferRecords.filter { !diskPaths.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// The record with this id, buffers first.
    func record(withID id: String) -> Record? {
        bufferRecords.values.first { $0.record.id == id }?.record
            ?? diskRecords.first { $0.record.id == id }?.record
    }

    /// `kaizen check` on the open buffers, with every record in view for the
    /// cross-record rules.
    func check(today: CalendarDate) -> CheckReport {
        Checker.check(records, workspace: workspace, today: today, scope: bufferPaths)
    }
}
