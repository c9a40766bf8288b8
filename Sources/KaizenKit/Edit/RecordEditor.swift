/// One record file edited in memory: what would be written, and what
/// `kaizen check` would say of it.
public struct RecordEdit: Sendable {
    /// Workspace-relative.
    public var path: String
    /// The file as it was read.
    public var original: [UInt8]
    public var edited: [UInt8]
    /// One line: what changed.
    public var summary: String
    /// What `kaizen check` reports on the edited record, at the places in
    /// the original file where each finding's text is or would go.
    public var diagnostics: [Diagnostic]
    /// What to do about the errors, when there are any.
    public var advice: String
    /// What to tell the person that is not a finding (a date that looks
    /// wrong against the record's history), one sentence each.
    public var notes: [String] = []
    /// Other files the same step changes, written together with this one or
    /// not at all (an experiment's improvement, moved with it). Their
    /// diagnostics are only those the change brings.
    public var alongside: [RecordEdit] = []

    /// The findings that stop the edit from being written, in this file and those alongside.
    public var errors: [Diagnostic] { (diagnostics + alongside.flatMap(\.diagnostics)).filter { $0.severity == .error } }

    /// This file and those alongside, in the order they are printed.
    public var files: [RecordEdit] { [self] + alongside }

    /// The edit `prepare` makes of every record as it is now, read holding
    /// the workspace's write lock, and written under it unless an edited
    /// file would fail `kaizen check`: then nothing is written, and `errors`
    /// says why.
    public static func applied(in workspace: Workspace, _ prepare: ([ParsedRecord]) throws -> RecordEdit) throws -> RecordEdit {
        try RecordWriteLock.holding(workspace) {
            let edit = try prepare(try RecordLoader(workspace: workspace).loadAll())
            if edit.errors.isEmpty { try edit.write(in: workspace) }
            return edit
        }
    }

    /// Writes this file and those alongside: atomically, keeping each file's
    /// permissions, through a symbolic link only when it stays inside the
    /// repository, and not at all if any file changed since it was read.
    public func write(in workspace: Workspace) throws {
        try AtomicFile.replaceUserFiles(files.map {
            AtomicFile.Replacement(url: workspace.url(for: $0.path), name: $0.path, original: $0.original, bytes: $0.edited)
        }, inside: workspace.root)
    }
}

/// What the editors of records in place (`ExperimentEditor`,
/// `ConstraintEditor`) share: a record read as it is on disk now, its front
/// matter edited with `FrontMatterEditor`, and the edited record checked
/// among all the others.
struct RecordEditor: Sendable {
    let workspace: Workspace
    /// Every record of the workspace: an edited one is checked among them.
    let parsed: [ParsedRecord]

    /// The record `id` names, as it is on disk now. Throws when there is no
    /// such record (naming the closest id), when it is not of `kind` (what
    /// `command` changes), or when it cannot be read.
    func current(_ id: String, kind: RecordKind, command: String) throws -> (bytes: [UInt8], parsed: ParsedRecord) {
        let path = try RecordLookup.record(withID: id, in: parsed.map(\.record)).path
        let current = try read(path, id: id)
        let record = current.parsed.record
        guard record.kind == kind else {
            let actual = record.kind.map(\.withArticle) ?? "not a record kaizen can read"
            throw KaizenError.invalidArgument("'\(record.id)' is \(actual), not \(kind.withArticle): \(command) changes \(kind.rawValue)s only")
        }
        if let unreadable = current.parsed.diagnostics.first(where: { $0.rule == RuleDescriptor.unreadableFile.name }) {
            throw KaizenError.invalidArgument("'\(record.id)' cannot be edited: \(unreadable.message)")
        }
        return current
    }

    /// A record's bytes as they are now and their parse: a change is judged
    /// on the bytes that are edited, not on the parse made earlier, since the
    /// file may have changed in between.
    func read(_ path: String, id: String) throws -> (bytes: [UInt8], parsed: ParsedRecord) {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.readRecord(workspace.filePath(for: path), in: workspace).bytes
        } catch let KaizenError.cannotRead(_, reason) {
            throw KaizenError.invalidArgument("'\(id)' cannot be edited: cannot read \(path): \(reason)")
        }
        return (bytes, parse(bytes, path: path))
    }

    /// The front matter of `original` as `change` edits it; `change` returns
    /// the one-line summary. A shape the editor cannot change safely is
    /// refused with `byHand`, the same change in words.
    func edit(_ path: String, original: [UInt8], byHand: String,
              _ change: (inout FrontMatterEditor) throws(FrontMatterEditor.Refusal) -> String) throws -> FileEdit {
        do throws(FrontMatterEditor.Refusal) {
            var editor = try FrontMatterEditor(original)
            let summary = try change(&editor)
            let (edited, changes) = try editor.edited()
            return FileEdit(path: path, original: original, edited: edited, changes: changes, summary: summary)
        } catch {
            throw KaizenError.cannotEdit(path: path, reason: error.reason, byHand: byHand)
        }
    }

    /// The workspace's records with `edit` in place of its file, and what
    /// `kaizen check` says of the edited file among them.
    func checked(_ edit: FileEdit, today: CalendarDate) -> (records: [ParsedRecord], edit: RecordEdit) {
        let records = parsed.map { $0.record.path == edit.path ? parse(edit.edited, path: edit.path) : $0 }
        let diagnostics = edit.positions(of: check(records, scope: edit.path, today: today))
        return (records, RecordEdit(path: edit.path, original: edit.original, edited: edit.edited, summary: edit.summary,
                                    diagnostics: diagnostics, advice: ""))
    }

    func parse(_ bytes: [UInt8], path: String) -> ParsedRecord {
        RecordParser(config: workspace.config).parse(bytes, path: path, folderKind: workspace.config.folderKind(ofPath: path))
    }

    func check(_ records: [ParsedRecord], scope path: String, today: CalendarDate) -> [Diagnostic] {
        Checker.check(records, workspace: workspace, today: today, scope: [path]).diagnostics
    }
}

/// One file's new bytes, before they are checked.
struct FileEdit {
    var path: String
    var original: [UInt8]
    var edited: [UInt8]
    var changes: [FrontMatterEditor.Change]
    var summary: String

    /// The findings at the places in the original file where each
    /// finding's text is or would go: the file as it is, which the person opens.
    func positions(of diagnostics: [Diagnostic]) -> [Diagnostic] {
        let positions = EditedPositions(original: original, edited: edited, changes: changes)
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.position = positions.original(diagnostic.position)
            return diagnostic
        }
    }
}
