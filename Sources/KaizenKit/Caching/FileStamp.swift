import Foundation

/// What `stat` says about a regular file, enough to tell that it has not
/// changed since it was last read without reading it again, as git's index
/// does: a command over every record then opens only the files that changed.
struct FileStamp: Sendable, Equatable {
    let size: Int64
    /// Nanoseconds since 1970.
    let modified: Int64
    /// Nanoseconds since 1970; also moves on a rename or a change of mode.
    let changed: Int64
    let inode: UInt64
    let device: UInt64

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    /// Nil unless `info` describes a regular file.
    init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// The stamp of the file at `path`, absolute or relative to the folder
    /// open as `folder`; nil when it is missing, unreadable to stat or not a
    /// regular file. A symbolic link has none, so a linked record is always
    /// read, where the link's target is checked.
    static func of(_ path: String, in folder: Int32 = AT_FDCWD) -> FileStamp? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Whether a file with this stamp, seen unchanged now, still has the
    /// contents it had when a cache written at `writtenAt` recorded it. A file
    /// modified in the same clock tick as the cache was written could have
    /// changed again within that tick unseen, so it is not trusted ("racily
    /// clean" in git's words) and is read again.
    func isSettled(before writtenAt: Int64) -> Bool {
        modified < writtenAt && changed < writtenAt
    }
}

extension BinaryWriter {
    mutating func stamp(_ value: FileStamp) {
        integer(value.size)
        integer(value.modified)
        integer(value.changed)
        integer(Int64(bitPattern: value.inode))
        integer(Int64(bitPattern: value.device))
    }
}

extension BinaryReader {
    mutating func stamp() throws -> FileStamp {
        FileStamp(size: try integer(), modified: try integer(), changed: try integer(),
                  inode: UInt64(bitPattern: try integer()), device: UInt64(bitPattern: try integer()))
    }
}
