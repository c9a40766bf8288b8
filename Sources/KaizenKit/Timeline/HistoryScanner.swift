import Foundation
import Synchronization

/// Reads the history of a scope from git in one pass over the first-parent
/// commits of a ref: commits that leave the scope's folders alone are skipped
/// by comparing tree ids, the others are compared folder by folder, and only
/// changed files are read. The commit range is split across threads, one
/// repository handle each; a single thread then folds the changes in order.
public struct HistoryScanner: Sendable {
    /// How far a scan has come, for a progress line.
    public struct Progress: Sendable {
        public var commitsRead: Int
        public var commitsTotal: Int
    }

    public let scope: HistoryScope
    /// A folder inside the repository (or the repository's git folder).
    public let location: String
    /// How many threads read commits at most.
    public let threads: Int

    /// `threads` 1 reads on the calling thread alone, leaving the other cores
    /// (and Dispatch's threads, which Swift tasks run on) to other work.
    public init(repositoryContaining location: String, scope: HistoryScope,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.location = location
        self.scope = scope
        self.threads = max(1, threads)
    }

    /// The timeline of `ref`. With `cache`, the state is read from and written
    /// to the cache under the git folder, so a second scan reads only new commits.
    public func scan(ref: String = "HEAD", cache useCache: Bool = true,
                     progress: (@Sendable (Progress) -> Void)? = nil) throws -> Timeline {
        guard let repository = try GitRepository.discover(containing: location) else {
            throw KaizenError.notARepository(path: location)
        }
        if ref == "HEAD", repository.isHeadUnborn {
            return Timeline(ref: ref, head: nil, shallow: repository.isShallow, fields: scope.fields, records: [])
        }
        let head = try repository.resolveCommit(ref)
        let cache = useCache ? TimelineCache(directory: repository.cacheDirectory, scope: scope) : nil
        var builder = cache?.load() ?? TimelineBuilder(fields: scope.fields)
        if let boundary = builder.shallowBoundary, try !FirstParentWalk.isShallowBoundary(boundary, in: repository) {
            // The clone was deepened: the history before the old boundary can now be read.
            builder = TimelineBuilder(fields: scope.fields)
        }
        if builder.head != head {
            var walk = try FirstParentWalk(repository, from: head, stoppingAt: builder.head)
            if builder.head != nil, walk.commits.isEmpty || walk.base != builder.head {
                // The cached head is not an ancestor on this line (history was
                // rewritten, or an older commit was asked for): start over.
                builder = TimelineBuilder(fields: scope.fields)
                walk = try FirstParentWalk(repository, from: head, stoppingAt: nil)
            }
            let deltas = try readDeltas(walk, gitDirectory: repository.gitDirectory, progress: progress)
            for delta in deltas { builder.apply(delta) }
            builder.advance(to: head, shallowBoundary: walk.reachedShallowBoundary ? walk.commits.first : nil)
            // A cache that cannot be written only costs the next run time.
            try? cache?.save(builder)
        }
        return builder.timeline(ref: ref)
    }

    /// The changes of every commit in the walk that touched the scope, oldest first.
    private func readDeltas(_ walk: FirstParentWalk, gitDirectory: String,
                            progress: (@Sendable (Progress) -> Void)?) throws -> [CommitDelta] {
        let commits = walk.commits
        guard !commits.isEmpty else { return [] }
        let chunkSize = 256
        let chunkCount = (commits.count + chunkSize - 1) / chunkSize
        let results = ParallelResults<CommitDelta>(count: commits.count)
        let done = Atomic<Int>(0)
        let scope = self.scope
        try Parallel.forEachIndex(below: chunkCount, threads: threads,
                                  worker: { try DeltaReader(gitDirectory: gitDirectory, scope: scope) }) { reader, chunk in
            let range = chunk * chunkSize..<min(commits.count, (chunk + 1) * chunkSize)
            var parentFolders = range.lowerBound == 0
                ? try walk.base.map(reader.folderTrees(ofCommit:)) ?? reader.noFolders
                : try reader.folderTrees(ofCommit: commits[range.lowerBound - 1])
            for index in range {
                let commit = try reader.repository.commit(commits[index])
                let folders = try reader.folderTrees(ofTree: commit.treeID)
                if folders != parentFolders {
                    var delta = try reader.delta(from: parentFolders, to: folders, commit: commit, id: commits[index])
                    delta.atShallowBoundary = index == 0 && walk.reachedShallowBoundary
                    if !delta.isEmpty { results.store(delta, at: index) }
                }
                parentFolders = folders
            }
            let total = done.add(range.count, ordering: .relaxed).newValue
            progress?(Progress(commitsRead: total, commitsTotal: commits.count))
        }
        return results.takeValues()
    }
}

/// The first-parent line from a commit back to a stopping point: the cached
/// head, a root commit, or a shallow clone's boundary.
struct FirstParentWalk {
    /// Oldest first.
    private(set) var commits: [ObjectID] = []
    /// The first parent of the oldest commit, when the walk stopped at one.
    private(set) var base: ObjectID?
    private(set) var reachedShallowBoundary = false

    init(_ repository: GitRepository, from head: ObjectID, stoppingAt stop: ObjectID?) throws {
        var newestFirst: [ObjectID] = []
        // A cached head that has since been garbage-collected cannot be hidden.
        let stop = try stop.flatMap { try repository.contains($0) ? $0 : nil }
        if repository.isShallow {
            // libgit2 1.5.1 does not know shallow clones and fails on the missing
            // parents of the boundary, so this walk reads each commit itself.
            var current: ObjectID? = head
            while let id = current, id != stop {
                newestFirst.append(id)
                let parent = try repository.commit(id).firstParentID
                if let parent, try !repository.contains(parent) {
                    reachedShallowBoundary = true
                    current = nil
                } else {
                    current = parent
                }
            }
            base = current
        } else {
            let walk = try RevisionWalk(repository, start: head, hiding: stop)
            while let id = try walk.next() { newestFirst.append(id) }
            if let oldest = newestFirst.last {
                base = try repository.commit(oldest).firstParentID
            } else {
                base = stop
            }
        }
        commits = newestFirst.reversed()
    }

    /// Whether `commit` still lacks its parents, as a shallow clone's boundary does.
    static func isShallowBoundary(_ commit: ObjectID, in repository: GitRepository) throws -> Bool {
        guard repository.isShallow, try repository.contains(commit),
              let parent = try repository.commit(commit).firstParentID else { return false }
        return try !repository.contains(parent)
    }
}

/// One thread's reader: its own repository handle, tree comparer and front-matter memory.
private final class DeltaReader {
    let repository: GitRepository
    private let scope: HistoryScope
    private let folders: [String]
    private let diff: TreeDiff
    private let renames: RenameDetector
    private let frontMatter: FrontMatterReader

    init(gitDirectory: String, scope: HistoryScope) throws {
        repository = try GitRepository.open(gitDirectory: gitDirectory)
        self.scope = scope
        folders = scope.outermostFolders
        diff = TreeDiff(database: try GitObjectDatabase(repository), scope: scope)
        renames = RenameDetector()
        frontMatter = FrontMatterReader(fields: scope.fields)
    }

    var noFolders: [ObjectID?] { Array(repeating: nil, count: folders.count) }

    func folderTrees(ofCommit id: ObjectID) throws -> [ObjectID?] {
        try folderTrees(ofTree: repository.commit(id).treeID)
    }

    func folderTrees(ofTree root: ObjectID) throws -> [ObjectID?] {
        guard !(folders.count == 1 && folders[0].isEmpty) else { return [root] }
        let tree = try repository.tree(root)
        return try folders.map { $0.isEmpty ? root : try tree.subtreeID(atPath: $0) }
    }

    func delta(from old: [ObjectID?], to new: [ObjectID?], commit: GitCommit, id: ObjectID) throws -> CommitDelta {
        var delta = CommitDelta(commit: CommitStamp(id: id, date: commit.committed, author: commit.author))
        var added: [FileChange] = [], deleted: [FileChange] = []
        var contents: [ObjectID: RecordBlob] = [:]
        func read(_ blob: ObjectID) throws -> RecordBlob {
            if let known = contents[blob] { return known }
            let read = try repository.recordBlob(blob)
            contents[blob] = read
            return read
        }
        func snapshot(_ blob: ObjectID) throws -> FrontMatterSnapshot {
            switch try read(blob) {
            case .contents(let bytes): return frontMatter.snapshot(of: bytes)
            case .tooLarge: return .tooLarge(fieldCount: scope.fields.count)
            }
        }
        for (position, folder) in folders.enumerated() where old[position] != new[position] {
            for change in try diff.changes(from: old[position], to: new[position], prefix: folder) {
                switch (change.oldBlob, change.newBlob) {
                case (nil, _): added.append(change)
                case (_, nil): deleted.append(change)
                default: delta.modified.append((change.path, try snapshot(change.newBlob!)))
                }
            }
        }
        let paired = try renames.pair(deleted: deleted, added: added, contents: { try read($0).contents })
        for rename in paired.renames {
            let changed = rename.from.oldBlob == rename.to.newBlob ? nil : try snapshot(rename.to.newBlob!)
            delta.renames.append(CommitDelta.Rename(from: rename.from.path, to: rename.to.path, snapshot: changed))
        }
        delta.deleted = paired.deleted.map(\.path)
        delta.added = try paired.added.map { ($0.path, try snapshot($0.newBlob!)) }
        return delta
    }
}
