import Foundation

/// A repository that git will not read because another user owns it (git's
/// `safe.directory` protection, CVE-2022-24765). libgit2 1.5.1 reports it as
/// GIT_EOWNER only when some `safe.directory` is configured; with none, it
/// reports "not found", as if there were no repository. So, where libgit2
/// finds none, kaizen looks for one itself, to say what git would say.
struct UntrustedRepository {
    /// The folder to trust: the work tree's top, or a bare repository's own folder.
    var path: String
    var owner: uid_t

    /// The nearest repository at or above `folder`, if another user owns it;
    /// nil when there is none or this user owns it.
    static func containing(_ folder: String) -> UntrustedRepository? {
        var current = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let path = current.path
            if exists(path + "/.git") || isBareRepository(path) {
                var info = stat()
                guard stat(path, &info) == 0, info.st_uid != geteuid() else { return nil }
                return UntrustedRepository(path: path, owner: info.st_uid)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == path { return nil }
            current = parent
        }
    }

    /// The owner's login name, or their number when the system has no name for it.
    var ownerName: String {
        guard let entry = getpwuid(owner), let name = entry.pointee.pw_name else { return "uid \(owner)" }
        return String(cString: name)
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// A folder holding what a bare repository holds.
    private static func isBareRepository(_ path: String) -> Bool {
        exists(path + "/HEAD") && exists(path + "/objects") && exists(path + "/refs")
    }
}
