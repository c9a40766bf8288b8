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

    /// ISO 8601 with the offset, as `git log --format=%cI` prints it. Any
    /// 64-bit time is shown, far past or future ones too, as a commit can
    /// carry them: the local time saturates rather than overflow, and the
    /// date is computed here, where gmtime would fail past its year range.
    public var iso8601: String {
        let (sum, overflow) = seconds.addingReportingOverflow(Int64(offsetMinutes) * 60)
        let local = overflow ? (offsetMinutes < 0 ? Int64.min : Int64.max) : sum
        var days = local / 86_400, second = local % 86_400
        if second < 0 {
            days -= 1
            second += 86_400
        }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(Int(offsetMinutes))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let time = Int(second)
        return "\(CalendarDate(dayNumber: Int(days)))T\(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60))"
            + "\(sign)\(two(offset / 60)):\(two(offset % 60))"
    }

    /// The calendar day in the commit's own time zone.
    public var day: String { String(iso8601.prefix(10)) }
}

/// A commit read from a repository.
final class GitCommit: GitObject {
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
