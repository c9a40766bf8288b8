import Synchronization

/// An id no record has any more because its file was renamed: an id is the
/// file name, so renaming the file renamed the record, and links and habits
/// that use the old id break. History, or the changes not yet committed,
/// know what it became.
public struct RecordRename: Sendable, Equatable {
    /// The id the record had before the rename.
    public let formerID: String
    /// The record's id now, after every later rename.
    public let currentID: String
    /// Where the record is now.
    public let path: String
    /// The commit that renamed the file away from the former id; nil for a
    /// rename not committed yet (staged, or in the working tree).
    public let commit: CommitStamp?

    /// "'OLD' was renamed to 'NEW' in abc1234 on 2026-11-02".
    public var note: String {
        let when = commit.map { "in \($0.id.abbreviated) on \($0.date.day)" } ?? "in changes not yet committed"
        return "'\(formerID)' was renamed to '\(currentID)' \(when)"
    }
}

extension Timeline {
    /// The live record whose file was once named `id` (`id.md`) and renamed
    /// since, with the rename that took that name away; when several records
    /// once had the name, the one renamed last. nil when a record has the id
    /// now, or history knows no such rename.
    public func rename(ofFormerID id: String) -> RecordRename? {
        var latest: RecordRename?
        for record in records where !record.deleted && record.id != id {
            for event in record.events where event.kind == .renamed {
                guard let from = event.fromPath, RecordParser.id(forPath: from) == id,
                      let to = event.toPath, RecordParser.id(forPath: to) != id else { continue }
                if latest.map({ $0.commit.map { $0.date <= event.commit.date } ?? false }) ?? true {
                    latest = RecordRename(formerID: id, currentID: record.id, path: record.path, commit: event.commit)
                }
            }
        }
        guard let latest, !records.contains(where: { !$0.deleted && $0.id == id }) else { return nil }
        return latest
    }
}

extension RecordChanges {
    /// The records these changes renamed (paired by content, as git pairs
    /// renames), as renames not committed yet.
    public var renames: [RecordRename] {
        changes.compactMap { change in
            guard let before = change.before, let after = change.after, before.id != after.id else { return nil }
            return RecordRename(formerID: before.id, currentID: after.id, path: after.path, commit: nil)
        }
    }
}

/// The renames the rules may name, read only when first asked: most checks
/// find no broken link and never read history, which costs the pre-commit
/// hook more than the check itself.
public final class RecordRenames: Sendable {
    private struct Known {
        var uncommitted: [RecordRename]
        var history: Timeline?
    }

    private let read: @Sendable () -> Known
    private let known = Mutex<Known?>(nil)

    /// `uncommitted` gives the renames not committed yet, which come first;
    /// `history` the timeline of committed ones, or nil where there is none.
    /// Each runs once at most.
    public init(uncommitted: @escaping @Sendable () -> [RecordRename] = { [] }, history: @escaping @Sendable () -> Timeline?) {
        read = { Known(uncommitted: uncommitted(), history: history()) }
    }

    /// The renames of the working tree (or of the index, as `uncommitted`
    /// gives them) and of the history of `workspace` along HEAD's
    /// first-parent line, from the timeline cache where it is current; no
    /// history when the workspace is in no repository or git will not read it.
    public convenience init(of workspace: Workspace, uncommitted: @escaping @Sendable () -> [RecordRename]) {
        self.init(uncommitted: uncommitted) {
            guard let scope = try? HistoryScope.records(of: workspace, fields: ["status"]) else { return nil }
            return try? HistoryScanner(repositoryContaining: workspace.root.path, scope: scope).scan(ref: "HEAD")
        }
    }

    /// The rename not committed yet that took `id` away, else the one in
    /// history (`Timeline.rename(ofFormerID:)`).
    public func rename(ofFormerID id: String) -> RecordRename? {
        let known = known.withLock { stored in
            if stored == nil { stored = read() }
            return stored!
        }
        return known.uncommitted.last { $0.formerID == id } ?? known.history?.rename(ofFormerID: id)
    }
}
