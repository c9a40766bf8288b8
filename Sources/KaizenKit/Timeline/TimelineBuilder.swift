/// What one commit changed in a scope, relative to its first parent, with the
/// new contents' front matter already read.
struct CommitDelta: Sendable {
    struct Rename: Sendable {
        var from: String
        var to: String
        /// nil when the contents are identical, so no value changed.
        var snapshot: FrontMatterSnapshot?
    }

    var commit: CommitStamp
    var renames: [Rename] = []
    var modified: [(path: String, snapshot: FrontMatterSnapshot)] = []
    var deleted: [String] = []
    var added: [(path: String, snapshot: FrontMatterSnapshot)] = []
    /// The commit is a shallow clone's boundary: everything it holds existed before it.
    var atShallowBoundary = false

    var isEmpty: Bool { renames.isEmpty && modified.isEmpty && deleted.isEmpty && added.isEmpty }
}

/// Folds commit deltas, oldest first, into record histories. Its state is what
/// the cache keeps, so that new commits can be folded in later.
struct TimelineBuilder {
    struct Entry {
        /// The `id` field as last read; nil when the record has none.
        var declaredID: String?
        var path: String
        var deleted = false
        var beyondShallowBoundary = false
        var title: String?
        var declaredTeams: [String] = []
        var values: [String?]
        var events: [HistoryEvent] = []

        var id: String { declaredID ?? RecordParser.id(forPath: path) }
    }

    let fields: [String]
    private(set) var head: ObjectID?
    /// When the history read ends at a shallow clone's boundary: the oldest commit read.
    private(set) var shallowBoundary: ObjectID?
    private(set) var entries: [Entry] = []
    /// Which entry lives at each path at `head`.
    private(set) var live: [String: Int] = [:]
    /// Deleted entries by id, so that a record re-created later continues its history.
    private var deletedByID: [String: [Int]] = [:]

    init(fields: [String]) {
        self.fields = fields
    }

    /// Restores a state the cache kept.
    init(fields: [String], head: ObjectID, shallowBoundary: ObjectID?, entries: [Entry], live: [String: Int]) {
        self.fields = fields
        self.head = head
        self.shallowBoundary = shallowBoundary
        self.entries = entries
        self.live = live
        for (index, entry) in entries.enumerated() where entry.deleted {
            deletedByID[entry.id, default: []].append(index)
        }
    }

    mutating func advance(to head: ObjectID, shallowBoundary: ObjectID?) {
        self.head = head
        self.shallowBoundary = self.shallowBoundary ?? shallowBoundary
    }

    /// Applies one commit. Renames and edits come first, then deletions, then
    /// additions, so that a file deleted and re-created under another name in
    /// one commit continues its record.
    mutating func apply(_ delta: CommitDelta) {
        let commit = delta.commit
        for rename in delta.renames {
            guard let index = live.removeValue(forKey: rename.from) else {
                add(path: rename.to, snapshot: rename.snapshot ?? .unreadable(fieldCount: fields.count), commit: commit, boundary: false)
                continue
            }
            live[rename.to] = index
            entries[index].path = rename.to
            entries[index].events.append(HistoryEvent(kind: .renamed, commit: commit, field: nil, from: nil, to: nil,
                                                      fromPath: rename.from, toPath: rename.to))
            if let snapshot = rename.snapshot { update(index, with: snapshot, commit: commit) }
        }
        for (path, snapshot) in delta.modified {
            if let index = live[path] {
                update(index, with: snapshot, commit: commit)
            } else {
                add(path: path, snapshot: snapshot, commit: commit, boundary: false)
            }
        }
        for path in delta.deleted {
            guard let index = live.removeValue(forKey: path) else { continue }
            let field = fields.first
            entries[index].events.append(HistoryEvent(kind: .deleted, commit: commit, field: field, from: entries[index].values.first ?? nil,
                                                      to: nil, fromPath: path, toPath: nil))
            entries[index].deleted = true
            deletedByID[entries[index].id, default: []].append(index)
        }
        for (path, snapshot) in delta.added {
            add(path: path, snapshot: snapshot, commit: commit, boundary: delta.atShallowBoundary)
        }
    }

    private mutating func add(path: String, snapshot: FrontMatterSnapshot, commit: CommitStamp, boundary: Bool) {
        let id = snapshot.id ?? RecordParser.id(forPath: path)
        let index: Int
        if var deleted = deletedByID[id], !deleted.isEmpty {
            index = deleted.removeFirst()
            deletedByID[id] = deleted.isEmpty ? nil : deleted
            entries[index].deleted = false
            entries[index].path = path
        } else {
            index = entries.count
            entries.append(Entry(declaredID: nil, path: path, values: Array(repeating: nil, count: fields.count)))
        }
        live[path] = index
        entries[index].declaredID = snapshot.id
        entries[index].title = snapshot.title
        entries[index].declaredTeams = snapshot.teams
        entries[index].beyondShallowBoundary = entries[index].beyondShallowBoundary || boundary
        entries[index].values = snapshot.values
        entries[index].events.append(HistoryEvent(kind: .created, commit: commit, field: fields.first, from: nil, to: snapshot.values.first ?? nil,
                                                  fromPath: nil, toPath: path))
        for (field, value) in zip(fields, snapshot.values).dropFirst() where value != nil {
            entries[index].events.append(HistoryEvent(kind: .changed, commit: commit, field: field, from: nil, to: value,
                                                      fromPath: nil, toPath: path))
        }
        if snapshot.tooLarge { skipped(index, commit: commit) }
    }

    /// Says that the version at `commit` was not read, being too large for a record.
    private mutating func skipped(_ index: Int, commit: CommitStamp) {
        entries[index].events.append(HistoryEvent(kind: .skipped, commit: commit, field: nil, from: nil, to: nil,
                                                  fromPath: nil, toPath: entries[index].path))
    }

    /// Records the fields that changed. A version whose front matter cannot be
    /// read changes nothing: its values are unknown, not gone.
    private mutating func update(_ index: Int, with snapshot: FrontMatterSnapshot, commit: CommitStamp) {
        if snapshot.tooLarge { skipped(index, commit: commit) }
        guard snapshot.readable else { return }
        for (position, field) in fields.enumerated() where entries[index].values[position] != snapshot.values[position] {
            entries[index].events.append(HistoryEvent(kind: .changed, commit: commit, field: field, from: entries[index].values[position],
                                                      to: snapshot.values[position], fromPath: nil, toPath: entries[index].path))
        }
        entries[index].values = snapshot.values
        entries[index].declaredID = snapshot.id
        entries[index].title = snapshot.title
        entries[index].declaredTeams = snapshot.teams
    }

    func timeline(ref: String) -> Timeline {
        let records = entries.map { entry in
            RecordHistory(id: entry.id, path: entry.path, deleted: entry.deleted, beyondShallowBoundary: entry.beyondShallowBoundary,
                          title: entry.title, declaredTeams: entry.declaredTeams, values: entry.values, events: entry.events)
        }.sorted { ($0.id, $0.path) < ($1.id, $1.path) }
        return Timeline(ref: ref, head: head, shallow: shallowBoundary != nil, fields: fields, records: records)
    }
}
