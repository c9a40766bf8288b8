/// One file that differs between a commit and its first parent.
struct FileChange {
    var path: String
    /// nil when the file was added.
    var oldBlob: ObjectID?
    /// nil when the file was deleted.
    var newBlob: ObjectID?
}

/// Compares two versions of a folder by walking both trees' raw entries side
/// by side, descending only into subfolders whose ids differ.
///
/// Two versions of a large records folder usually differ in one entry, so the
/// bytes they share at the start and at the end are found with word-wide
/// comparisons first and only the entries between are compared one by one.
/// libgit2's own tree diff expands identical subtrees too, which is what makes
/// it slow on long histories (see LIBGIT2.md).
struct TreeDiff {
    let database: GitObjectDatabase
    let scope: HistoryScope

    /// The changed files between two trees (nil: the folder does not exist),
    /// with paths under `prefix`.
    func changes(from old: ObjectID?, to new: ObjectID?, prefix: String) throws -> [FileChange] {
        var changes: [FileChange] = []
        try compare(old, new, prefix: prefix, into: &changes)
        return changes
    }

    private func compare(_ old: ObjectID?, _ new: ObjectID?, prefix: String, into changes: inout [FileChange]) throws {
        guard old != new else { return }
        let oldObject = try old.map(database.treeData)
        let newObject = try new.map(database.treeData)
        try Self.withBytes(of: oldObject) { a in
            try Self.withBytes(of: newObject) { b in
                try compare(a, old, b, new, prefix: prefix, into: &changes)
            }
        }
    }

    /// The bytes of a tree, or none for a folder that does not exist.
    private static func withBytes(of object: GitObjectDatabase.RawObject?, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let object else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        try object.withBytes(body)
    }

    /// Compares two trees' raw bytes, `a` of `old` and `b` of `new`.
    private func compare(_ a: UnsafeRawBufferPointer, _ old: ObjectID?, _ b: UnsafeRawBufferPointer, _ new: ObjectID?,
                         prefix: String, into changes: inout [FileChange]) throws {
        let prefixLength = Self.commonPrefixLength(a, b)
        let suffixLength = Self.commonSuffixLength(a, b, limit: min(a.count, b.count) - prefixLength)
        // Entries wholly inside the shared start are the same in both trees.
        var i = 0
        while let entry = try TreeEntry(a, at: i, tree: old), entry.end <= prefixLength { i = entry.end }
        var j = i
        var oldEntry = try TreeEntry(a, at: i, tree: old), newEntry = try TreeEntry(b, at: j, tree: new)
        // From the point where what is left of both trees is the shared end, nothing differs.
        while a.count - i != b.count - j || a.count - i > suffixLength {
            let order: Int
            switch (oldEntry, newEntry) {
            case (nil, nil): return
            case (nil, _): order = 1
            case (_, nil): order = -1
            case let (x?, y?): order = TreeEntry.order(x, y)
            }
            if order < 0 {
                try file(oldEntry!, prefix: prefix, removed: true, into: &changes)
                i = oldEntry!.end
                oldEntry = try TreeEntry(a, at: i, tree: old)
            } else if order > 0 {
                try file(newEntry!, prefix: prefix, removed: false, into: &changes)
                j = newEntry!.end
                newEntry = try TreeEntry(b, at: j, tree: new)
            } else {
                let x = oldEntry!, y = newEntry!
                if !x.hasSameID(as: y) {
                    if y.isTree {
                        let path = TreeDiff.join(prefix, y.name)
                        if scope.entersFolder(named: y.name, at: path) { try compare(x.id, y.id, prefix: path, into: &changes) }
                    } else if y.isFile, scope.includes(fileName: y.name) {
                        changes.append(FileChange(path: TreeDiff.join(prefix, y.name), oldBlob: x.id, newBlob: y.id))
                    }
                }
                i = x.end
                j = y.end
                oldEntry = try TreeEntry(a, at: i, tree: old)
                newEntry = try TreeEntry(b, at: j, tree: new)
            }
        }
    }

    /// An entry only one side has: a file, or every file below a folder.
    private func file(_ entry: TreeEntry, prefix: String, removed: Bool, into changes: inout [FileChange]) throws {
        let path = TreeDiff.join(prefix, entry.name)
        if entry.isTree {
            guard scope.entersFolder(named: entry.name, at: path) else { return }
            try compare(removed ? entry.id : nil, removed ? nil : entry.id, prefix: path, into: &changes)
        } else if entry.isFile, scope.includes(fileName: entry.name) {
            changes.append(FileChange(path: path, oldBlob: removed ? entry.id : nil, newBlob: removed ? nil : entry.id))
        }
    }

    static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : prefix + "/" + name
    }

    private static func commonPrefixLength(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let limit = min(a.count, b.count)
        var index = 0
        while index + 8 <= limit,
              a.loadUnaligned(fromByteOffset: index, as: UInt64.self) == b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
            index += 8
        }
        while index < limit, a[index] == b[index] { index += 1 }
        return index
    }

    private static func commonSuffixLength(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, limit: Int) -> Int {
        var length = 0
        while length + 8 <= limit,
              a.loadUnaligned(fromByteOffset: a.count - length - 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: b.count - length - 8, as: UInt64.self) {
            length += 8
        }
        while length < limit, a[a.count - length - 1] == b[b.count - length - 1] { length += 1 }
        return length
    }
}

/// One entry of a raw tree: `<octal mode> <name>\0<20-byte id>`.
private struct TreeEntry {
    let bytes: UnsafeRawBufferPointer
    let mode: UInt32
    let nameStart: Int
    let nameEnd: Int
    /// Where the next entry starts.
    let end: Int

    /// The entry at `offset`; nil at the end of the tree. Malformed bytes are
    /// an error naming the tree, never a read out of bounds.
    init?(_ bytes: UnsafeRawBufferPointer, at offset: Int, tree: ObjectID?) throws {
        guard offset < bytes.count else { return nil }
        var index = offset
        var mode: UInt32 = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: " ") {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 8, mode < 1 << 24 else { throw Self.malformed(tree) }
            mode = mode << 3 | UInt32(digit)
            index += 1
        }
        let nameStart = index + 1
        var nameEnd = nameStart
        while nameEnd < bytes.count, bytes[nameEnd] != 0 { nameEnd += 1 }
        guard index > offset, nameEnd > nameStart, nameEnd + 21 <= bytes.count else { throw Self.malformed(tree) }
        self.bytes = bytes
        self.mode = mode
        self.nameStart = nameStart
        self.nameEnd = nameEnd
        end = nameEnd + 21
    }

    private static func malformed(_ tree: ObjectID?) -> KaizenError {
        .git(operation: "reading tree \(tree.map(\.description) ?? "")", code: -1, message: "the tree's entries are malformed")
    }

    var isTree: Bool { mode == 0o040000 }
    /// Regular and executable files; links and submodules are never records.
    var isFile: Bool { mode == 0o100644 || mode == 0o100755 || mode == 0o100664 }

    var name: String { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self) }

    var id: ObjectID { ObjectID(bytes: UnsafeRawBufferPointer(rebasing: bytes[(nameEnd + 1)..<end])) }

    func hasSameID(as other: TreeEntry) -> Bool {
        UnsafeRawBufferPointer(rebasing: bytes[(nameEnd + 1)..<end])
            .elementsEqual(UnsafeRawBufferPointer(rebasing: other.bytes[(other.nameEnd + 1)..<other.end]))
    }

    /// Git's tree order: names compared bytewise, a folder as if its name ended
    /// in `/`, so a file and a folder of the same name are different entries.
    static func order(_ x: TreeEntry, _ y: TreeEntry) -> Int {
        var i = x.nameStart, j = y.nameStart
        while i < x.nameEnd, j < y.nameEnd {
            if x.bytes[i] != y.bytes[j] { return Int(x.bytes[i]) - Int(y.bytes[j]) }
            i += 1
            j += 1
        }
        let xNext = i < x.nameEnd ? x.bytes[i] : (x.isTree ? UInt8(ascii: "/") : 0)
        let yNext = j < y.nameEnd ? y.bytes[j] : (y.isTree ? UInt8(ascii: "/") : 0)
        return Int(xNext) - Int(yNext)
    }
}
