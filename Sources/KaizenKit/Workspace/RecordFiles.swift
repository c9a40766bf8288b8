/// What counts as a record file, wherever records are read from (the working
/// tree, the index, a commit's tree, the history): a Markdown file below one
/// of the configured folders, not a folder README, with nothing hidden on the
/// way from that folder to it. Hidden names (starting with `.`) belong to
/// tools: an editor's swap file, a `.drafts/` folder, the temporary file an
/// interrupted kaizen edit leaves. A configured folder counts even when its
/// own name is hidden: it was named on purpose.
///
/// Walks from a configured folder ask `entersFolder` and `isRecordFile` at
/// each step; a flat list of paths (the index) asks `isRecordPath`.
enum RecordFiles {
    /// Whether a walk down from a configured folder enters a folder of this name.
    static func entersFolder(named name: some StringProtocol) -> Bool {
        !isHidden(name)
    }

    /// Whether a file of this name, in a folder the walk entered, is a record.
    static func isRecordFile(named name: some StringProtocol) -> Bool {
        !isHidden(name) && name.hasSuffix(".md") && !isFolderReadme(name)
    }

    /// Whether the workspace-relative `path` is a record file below one of
    /// `folders` (workspace-relative, without a trailing `/`).
    static func isRecordPath(_ path: String, folders: some Sequence<String>) -> Bool {
        // One pass over the bytes, nothing allocated: the pre-commit hook asks
        // this of every file of two versions of the workspace.
        let bytes = path.utf8
        return folders.contains { folder in
            guard bytes.starts(with: folder.utf8) else { return false }
            var index = bytes.index(bytes.startIndex, offsetBy: folder.utf8.count)
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "/") else { return false }
            index = bytes.index(after: index)
            var nameStart = index
            while index < bytes.endIndex {
                let byte = bytes[index]
                if index == nameStart, byte == UInt8(ascii: ".") { return false }
                index = bytes.index(after: index)
                if byte == UInt8(ascii: "/") { nameStart = index }
            }
            return isRecordFile(named: path[nameStart...])
        }
    }

    /// A folder README explains its folder; it is not a record.
    static func isFolderReadme(_ name: some StringProtocol) -> Bool {
        // Only ASCII letters lowercase to those of readme.md, so a name of
        // another length is not one: most names are never lowercased.
        name.utf8.count == 9 && name.lowercased() == "readme.md"
    }

    static func isHidden(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".")
    }
}
