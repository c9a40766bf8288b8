/// Pairs the records of two versions of a workspace, reading from the base
/// only the files that differ: a change of one file in a repository of
/// thousands parses one file of the base.
enum VersionComparison {
    /// - Parameters:
    ///   - base: the earlier version.
    ///   - headFiles: the later version's record files and their blob ids.
    ///   - headRecords: the later version's records, parsed (all, or at least those that differ).
    ///   - headContents: the later version's bytes for a blob id, for pairing
    ///     renamed files by content; nil for a file too large to compare.
    static func changes(from base: RecordListing, to headFiles: [String: ObjectID], headRecords: [ParsedRecord],
                        repository: GitRepository, headContents: (ObjectID) throws -> [UInt8]?) throws -> RecordChanges {
        let before = try RecordLoader.load(base.blobs.paths(differingFrom: headFiles), of: base).map(\.record)
        let changed = headFiles.paths(differingFrom: base.blobs)
        // Only the changed records are looked up: copying every record into a
        // table cost more than the comparison itself.
        let wanted = Set(changed)
        let headByPath = Dictionary(headRecords.lazy.filter { wanted.contains($0.record.path) }.map { ($0.record.path, $0.record) },
                                    uniquingKeysWith: { first, _ in first })
        let after = changed.compactMap { headByPath[$0] }

        var changes: [RecordChange] = []
        var candidates = Dictionary(grouping: before.indices, by: { before[$0].id })
        var unpairedAfter: [Record] = []
        var pairedBefore = Set<Int>()
        for record in after {
            // A record moved to another folder keeps its id; prefer the same path when ids repeat.
            guard var indices = candidates[record.id], !indices.isEmpty else {
                unpairedAfter.append(record)
                continue
            }
            let chosen = indices.firstIndex { before[$0].path == record.path } ?? 0
            let index = indices.remove(at: chosen)
            candidates[record.id] = indices
            pairedBefore.insert(index)
            changes.append(RecordChange(before: before[index], after: record))
        }
        let unpairedBefore = before.indices.filter { !pairedBefore.contains($0) }.map { before[$0] }

        // A file renamed (a new id) keeps its content: pair it as git pairs renames.
        let baseBlobs = Set(unpairedBefore.compactMap { base.blobs[$0.path] })
        let paired = try RenameDetector().pair(
            deleted: unpairedBefore.map { FileChange(path: $0.path, oldBlob: base.blobs[$0.path]!, newBlob: nil) },
            added: unpairedAfter.map { FileChange(path: $0.path, oldBlob: nil, newBlob: headFiles[$0.path]!) },
            contents: { id in baseBlobs.contains(id) ? try repository.recordBlob(id).contents : try headContents(id) })
        let beforeByPath = Dictionary(unpairedBefore.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let afterByPath = Dictionary(unpairedAfter.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for rename in paired.renames {
            changes.append(RecordChange(before: beforeByPath[rename.from.path], after: afterByPath[rename.to.path]))
        }
        changes += paired.added.map { RecordChange(before: nil, after: afterByPath[$0.path]) }
        changes.sort { $0.after!.path < $1.after!.path }
        changes += paired.deleted.map { RecordChange(before: beforeByPath[$0.path], after: nil) }
        return RecordChanges(changes: changes)
    }
}

extension RecordChanges {
    /// The changes from `revision` (a commit) to the working tree's `records`.
    /// Files on disk are hashed as git would, so only those that differ are
    /// compared. HEAD on a branch with no commit yet is an empty base.
    public static func workingTree(_ records: [ParsedRecord], workspace: Workspace, against revision: String) throws -> RecordChanges {
        guard let repository = try GitRepository.discover(containing: workspace.root.path) else {
            throw KaizenError.notARepository(path: workspace.root.path)
        }
        let folder = try repository.path(of: workspace.root)
        let base = try RecordSource.commit(try repository.baseCommit(revision)).list(workspace, repository: repository, folder: folder)
        var files: [String: ObjectID] = [:]
        var contents: [ObjectID: [UInt8]] = [:]
        for record in records {
            // An unreadable file was reported when parsed. It cannot be compared, and is
            // taken as unchanged rather than as deleted.
            guard let bytes = try? FileReader.readRecord(workspace.filePath(for: record.record.path), in: workspace).bytes else {
                files[record.record.path] = base.blobs[record.record.path]
                continue
            }
            let id = ObjectID(blobContents: bytes)
            files[record.record.path] = id
            contents[id] = bytes
        }
        return try VersionComparison.changes(from: base, to: files, headRecords: records, repository: repository,
                                             headContents: { contents[$0] })
    }
}

extension GitRepository {
    /// The commit to compare against: `revision`'s, or none for HEAD on a
    /// branch with no commit yet (everything is new).
    func baseCommit(_ revision: String) throws -> ObjectID? {
        if revision == "HEAD", isHeadUnborn { return nil }
        return try resolveCommit(revision)
    }
}
