import Synchronization

/// An id no record has any more because history renamed its file: an id is
/// the file name, so renaming the file renamed the record, and links and
/// habits that use the old id break. History knows what it became.
public struct RecordRename: Sendable, Equatable {
    /// The id the record had before the rename.
    public let formerID: String
    /// The record's id now, after every later rename.
    public let currentID: String
    /// Where the record is now, from the repository's top.
    public let path: String
    /// The commit that renamed the file away from the former id.
    public let commit: CommitStamp

    /// "'OLD' was renamed to 'NEW' in abc1234 on 2026-11-02".
    public var note: String {
        "'\(formerID)' was renamed to '\(currentID)' in \(commit.id.abbreviated) on \(commit.date.day)"
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
                if latest.map({ $0.commit.date <= event.commit.date }) ?? true {
                    latest = RecordRename(formerID: id, currentID: record.id, path: record.path, commit: event.commit)
                }
            }
        }
        guard let latest, !records.contains(where: { !$0.deleted && $0.id == id }) else { return nil }
        return latest
    }
}

/// The renames the rules may name, from a history read only when first
/// asked: most checks find no broken link and never read history, which
/// costs the pre-commit hook more than the check itself.
public final class RecordRenames: Sendable {
    private let read: @Sendable () -> Timeline?
    private let timeline = Mutex<Timeline??>(nil)

    /// `read` gives the history, or nil where there is none to read; it runs once at most.
    public init(reading read: @escaping @Sendable () -> Timeline?) {
        self.read = read
    }

    /// The history of the records of `workspace` along HEAD's first-parent
    /// line, from the timeline cache where it is current; none when the
    /// workspace is in no repository or git will not read it.
    public convenience init(of workspace: Workspace) {
        self.init {
            guard let scope = try? HistoryScope.records(of: workspace, fields: ["status"]) else { return nil }
            return try? HistoryScanner(repositoryContaining: workspace.root.path, scope: scope).scan(ref: "HEAD")
        }
    }

    /// See `Timeline.rename(ofFormerID:)`.
    public func rename(ofFormerID id: String) -> RecordRename? {
        timeline.withLock { stored in
            if stored == nil { stored = .some(read()) }
            return stored!
        }?.rename(ofFormerID: id)
    }
}
