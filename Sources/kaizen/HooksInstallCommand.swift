import ArgumentParser
import Foundation
import KaizenKit

struct HooksInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the pre-commit hook (where core.hooksPath says, else in .git/hooks).",
        discussion: "A hook that is not kaizen's is left alone unless --force, which keeps it as pre-commit.kaizen-backup."
    )

    @Flag(help: "Replace a pre-commit hook that is not kaizen's, keeping it as a backup.")
    var force = false

    func run() throws {
        let installer = try HookInstaller(repositoryContaining: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        switch try installer.install(force: force) {
        case .installed(let path):
            print("installed the pre-commit hook: \(path)")
        case .updated(let path):
            print("updated the pre-commit hook: \(path)")
        case let .replaced(path, backup):
            print("installed the pre-commit hook: \(path) (the hook it replaced is kept as \(backup))")
        }
    }
}
