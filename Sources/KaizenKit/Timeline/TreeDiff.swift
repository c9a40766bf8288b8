import CGit2

/// One file that differs between a commit and its first parent.
struct FileChange {
    var path: String
    /// nil when the file was added.
    var oldBlob: ObjectID?
    /// nil when the file was deleted.
    var newBlob: ObjectID?
}

/// Compares two versions of a folder by walking both sorted trees side by side,
/// descending only into subfolders whose ids differ. libgit2's own tree diff
/// expands identical subtrees too, which is what makes it slow on long
/// histories (see LIBGIT2.md).
struct TreeDiff {
    let repository: GitRepository
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
        let oldTree = try old.map(repository.tree)
        let newTree = try new.map(repository.tree)
        var oldIndex = 0, newIndex = 0
        let oldCount = oldTree?.count ?? 0, newCount = newTree?.count ?? 0
        while oldIndex < oldCount || newIndex < newCount {
            let order: Int32
            if oldIndex == oldCount {
                order = 1
            } else if newIndex == newCount {
                order = -1
            } else {
                order = Self.compareEntries(oldTree!, oldIndex, newTree!, newIndex)
            }
            if order < 0 {
                try removed(oldTree!, oldIndex, prefix: prefix, into: &changes)
                oldIndex += 1
            } else if order > 0 {
                try added(newTree!, newIndex, prefix: prefix, into: &changes)
                newIndex += 1
            } else {
                let oldID = oldTree!.id(at: oldIndex), newID = newTree!.id(at: newIndex)
                if oldID != newID {
                    let kind = newTree!.kind(at: newIndex)
                    let name = LibGit2.string(newTree!.name(at: newIndex))
                    if kind == .tree {
                        try compare(oldID, newID, prefix: Self.join(prefix, name), into: &changes)
                    } else if kind == .blob, scope.includes(fileName: name) {
                        changes.append(FileChange(path: Self.join(prefix, name), oldBlob: oldID, newBlob: newID))
                    }
                }
                oldIndex += 1
                newIndex += 1
            }
        }
    }

    private func removed(_ tree: GitTree, _ index: Int, prefix: String, into changes: inout [FileChange]) throws {
        let name = LibGit2.string(tree.name(at: index))
        switch tree.kind(at: index) {
        case .tree: try compare(tree.id(at: index), nil, prefix: Self.join(prefix, name), into: &changes)
        case .blob where scope.includes(fileName: name):
            changes.append(FileChange(path: Self.join(prefix, name), oldBlob: tree.id(at: index), newBlob: nil))
        default: break
        }
    }

    private func added(_ tree: GitTree, _ index: Int, prefix: String, into changes: inout [FileChange]) throws {
        let name = LibGit2.string(tree.name(at: index))
        switch tree.kind(at: index) {
        case .tree: try compare(nil, tree.id(at: index), prefix: Self.join(prefix, name), into: &changes)
        case .blob where scope.includes(fileName: name):
            changes.append(FileChange(path: Self.join(prefix, name), oldBlob: nil, newBlob: tree.id(at: index)))
        default: break
        }
    }

    /// Git's tree order: names compared bytewise, a folder as if its name ended
    /// in `/`, so a file and a folder of the same name are different entries
    /// (names never contain `/`).
    private static func compareEntries(_ left: GitTree, _ leftIndex: Int, _ right: GitTree, _ rightIndex: Int) -> Int32 {
        var a = UnsafeRawPointer(left.name(at: leftIndex)).assumingMemoryBound(to: UInt8.self)
        var b = UnsafeRawPointer(right.name(at: rightIndex)).assumingMemoryBound(to: UInt8.self)
        while a.pointee != 0, a.pointee == b.pointee {
            a += 1
            b += 1
        }
        let aByte = a.pointee != 0 ? a.pointee : (left.kind(at: leftIndex) == .tree ? UInt8(ascii: "/") : 0)
        let bByte = b.pointee != 0 ? b.pointee : (right.kind(at: rightIndex) == .tree ? UInt8(ascii: "/") : 0)
        return Int32(aByte) - Int32(bByte)
    }

    static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : prefix + "/" + name
    }
}
