import Foundation

/// Installs and removes kaizen's pre-commit hook in the hooks folder git uses
/// (`core.hooksPath`, else the common git folder's `hooks/`), never touching a
/// hook that is not kaizen's unless asked to, and then keeping it.
public struct HookInstaller: Sendable {
    public enum Installed: Equatable, Sendable {
        case installed(path: String)
        case updated(path: String)
        /// A hook that was not kaizen's was moved aside first.
        case replaced(path: String, backup: String)
    }

    public enum Removed: Equatable, Sendable {
        case removed(path: String)
        /// The hook kaizen replaced was put back.
        case restored(path: String, from: String)
        case notInstalled(path: String)
    }

    /// The line that marks a hook as kaizen's own.
    static let marker = "# kaizen pre-commit hook, written by `kaizen hooks install`"
    static let script = EmbeddedTemplates.files["hooks/pre-commit"]!

    /// The hook file's path.
    public let hookPath: String

    /// The installer for the repository containing `folder`.
    public init(repositoryContaining folder: URL) throws {
        guard let repository = try GitRepository.discover(containing: folder.path) else {
            throw KaizenError.notARepository(path: folder.path)
        }
        let hooks: String
        if let configured = try repository.configPath("core.hooksPath") {
            // A relative core.hooksPath is relative to the top of the work tree, as in git.
            let base = repository.workTree ?? repository.gitDirectory
            hooks = configured.hasPrefix("/") ? configured : base + "/" + configured
        } else {
            hooks = repository.commonDirectory + "/hooks"
        }
        hookPath = URL(fileURLWithPath: hooks).appendingPathComponent("pre-commit").standardizedFileURL.path
    }

    var backupPath: String { hookPath + ".kaizen-backup" }

    public func install(force: Bool) throws -> Installed {
        let url = URL(fileURLWithPath: hookPath)
        guard let existing = try Self.contents(of: hookPath) else {
            try AtomicFile.replace(at: url, bytes: Array(Self.script.utf8), mode: 0o755, flush: true)
            return .installed(path: hookPath)
        }
        if Self.isKaizens(existing) {
            try AtomicFile.replace(at: url, bytes: Array(Self.script.utf8), mode: 0o755, flush: true)
            return .updated(path: hookPath)
        }
        guard force else {
            throw KaizenError.invalidArgument(
                "\(hookPath) holds a pre-commit hook that is not kaizen's; nothing was changed. "
                    + "Pass --force to replace it (it is kept as \(backupPath)), or call `kaizen check --staged` from it")
        }
        guard try Self.contents(of: backupPath) == nil else {
            throw KaizenError.alreadyExists(paths: [backupPath])
        }
        // link, not rename: an existing backup is never overwritten, even by a concurrent install.
        guard link(hookPath, backupPath) == 0 else {
            throw KaizenError.cannotWrite(path: backupPath, reason: String(cString: strerror(errno)))
        }
        try AtomicFile.replace(at: url, bytes: Array(Self.script.utf8), mode: 0o755, flush: true)
        return .replaced(path: hookPath, backup: backupPath)
    }

    public func uninstall() throws -> Removed {
        guard let existing = try Self.contents(of: hookPath) else { return .notInstalled(path: hookPath) }
        guard Self.isKaizens(existing) else {
            throw KaizenError.invalidArgument("\(hookPath) is not kaizen's pre-commit hook; it was left as it is")
        }
        if try Self.contents(of: backupPath) != nil {
            guard rename(backupPath, hookPath) == 0 else {
                throw KaizenError.cannotWrite(path: hookPath, reason: String(cString: strerror(errno)))
            }
            return .restored(path: hookPath, from: backupPath)
        }
        guard unlink(hookPath) == 0 else {
            throw KaizenError.cannotWrite(path: hookPath, reason: String(cString: strerror(errno)))
        }
        return .removed(path: hookPath)
    }

    static func isKaizens(_ text: String) -> Bool {
        text.split(separator: "\n", maxSplits: 3).contains { $0.hasPrefix(marker) }
    }

    /// A file's text, nil when there is none.
    private static func contents(of path: String) throws -> String? {
        guard FileReader.exists(path) else { return nil }
        return String(decoding: try FileReader.read(path), as: UTF8.self)
    }
}
