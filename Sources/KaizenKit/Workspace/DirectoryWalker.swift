import Foundation

/// Lists record files with readdir(3): Foundation's URL enumerator costs a
/// URL and a property lookup per file, which showed at 5,000 records.
enum DirectoryWalker {
    /// The record files under `folder` (absolute), as `RecordFiles` tells
    /// them, skipping nested repositories and not following links to folders
    /// (which could loop); links that lead nowhere are listed. Paths come
    /// back as `prefix/...`.
    static func markdownFiles(in folder: String, prefix: String) -> [String] {
        var files: [String] = []
        walk(folder, prefix: prefix, into: &files)
        return files
    }

    private static func walk(_ folder: String, prefix: String, into files: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            // A file's absolute path is made only when it must be looked up:
            // most entries are files, found by readdir alone.
            switch kind(of: entry.pointee.d_type, named: name, in: folder) {
            case .directory where RecordFiles.entersFolder(named: name):
                let path = folder + "/" + name
                if !isNestedRepository(path) { walk(path, prefix: relative, into: &files) }
            case .file where RecordFiles.isRecordFile(named: name):
                files.append(relative)
            default:
                break
            }
        }
    }

    /// A submodule or another repository checked out inside the folder holds
    /// someone else's files, not this workspace's records: its `.git` (a folder,
    /// or for a submodule a file) marks it, as it does for git.
    private static func isNestedRepository(_ folder: String) -> Bool {
        access(folder + "/.git", F_OK) == 0
    }

    private enum EntryKind { case file, directory, other }

    private static func kind(of type: UInt8, named name: String, in folder: String) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            // Follow a link to a file; a link to a folder is not followed.
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0 else {
                // A link that leads nowhere is listed, so that reading it says
                // so, rather than a record going missing without a word.
                return errno == ENOENT && Int32(type) == Int32(DT_LNK) ? .file : .other
            }
            if (info.st_mode & S_IFMT) == S_IFREG { return .file }
            return Int32(type) == Int32(DT_UNKNOWN) && (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
        default:
            return .other
        }
    }
}
