/// The text of the files that findings point into, as they were checked (on
/// disk, in the index or in a commit). SARIF quotes a finding's line to give
/// it an identity that survives edits elsewhere in the file, and to end its region.
public struct FindingSources: Sendable {
    private var linesByPath: [String: [String]] = [:]

    /// No text at all: regions then run to the end of their line, and
    /// fingerprints go without the line's text.
    public init() {}

    /// Reads each of `paths` (workspace-relative) through `contents`, which
    /// returns nil for a file that cannot be had, such as a deleted record.
    public init(paths: some Sequence<String>, contents: (String) throws -> [UInt8]?) rethrows {
        for path in paths {
            guard let bytes = try contents(path), case .success(let text) = DecodedText.decode(bytes) else { continue }
            // Split at LF only, as diagnostics count lines, and as bytes: to
            // String, CR LF is one character, not a CR before an LF.
            linesByPath[path] = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
                String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
            }
        }
    }

    /// The files on disk that `diagnostics` point into, for `kaizen check` of the working tree.
    public static func workingTree(of workspace: Workspace, for diagnostics: [Diagnostic]) -> FindingSources {
        FindingSources(paths: Set(diagnostics.map(\.path))) { path in
            try? FileReader.readRecord(workspace.filePath(for: path), in: workspace).bytes
        }
    }

    /// Line `number` (1-based) of the file at `path`, without its line break.
    public func line(_ number: Int, of path: String) -> String? {
        guard let lines = linesByPath[path], number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
