import CGit2
import Foundation

/// Who made a commit, and when, as plain values.
public struct GitSignature: Hashable, Sendable {
    public var name: String
    public var email: String
}

/// A moment as git records it: seconds since the epoch and the author's
/// offset from UTC in minutes.
public struct GitTime: Hashable, Sendable, Comparable {
    public var seconds: Int64
    public var offsetMinutes: Int32

    public static func < (lhs: GitTime, rhs: GitTime) -> Bool { lhs.seconds < rhs.seconds }

    /// ISO 8601 with the offset, as `git log --format=%cI` prints it.
    public var iso8601: String {
        var local = time_t(seconds + Int64(offsetMinutes) * 60)
        var parts = tm()
        gmtime_r(&local, &parts)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(Int(offsetMinutes))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = Int(parts.tm_year) + 1900
        let yearText = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(Int(parts.tm_mon) + 1))-\(two(Int(parts.tm_mday)))T"
            + "\(two(Int(parts.tm_hour))):\(two(Int(parts.tm_min))):\(two(Int(parts.tm_sec)))"
            + "\(sign)\(two(offset / 60)):\(two(offset % 60))"
    }

    /// The calendar day in the commit's own time zone.
    public var day: String { String(iso8601.prefix(10)) }
}

/// A commit handle; frees itself when released.
final class GitCommit {
    private let handle: OpaquePointer
    /// Kept alive as long as the commit: libgit2 objects must not outlive their repository.
    private let repository: GitRepository

    init(handle: OpaquePointer, of repository: GitRepository) {
        self.handle = handle
        self.repository = repository
    }

    deinit {
        git_commit_free(handle)
    }

    var treeID: ObjectID { ObjectID(git_commit_tree_id(handle).pointee) }

    var parentCount: Int { Int(git_commit_parentcount(handle)) }

    var firstParentID: ObjectID? { parentCount > 0 ? ObjectID(git_commit_parent_id(handle, 0)) : nil }

    /// The author, copied out: the commit owns the C strings.
    var author: GitSignature {
        guard let signature = git_commit_author(handle) else { return GitSignature(name: "", email: "") }
        return GitSignature(name: LibGit2.string(signature.pointee.name), email: LibGit2.string(signature.pointee.email))
    }

    /// When the commit was made: the moment it landed on its branch.
    var committed: GitTime {
        GitTime(seconds: git_commit_time(handle), offsetMinutes: git_commit_time_offset(handle))
    }
}
