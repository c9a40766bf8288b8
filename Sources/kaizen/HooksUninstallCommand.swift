import ArgumentParser
import Foundation
import KaizenKit

struct HooksUninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove kaizen's pre-commit hook (and put back a hook it replaced); any other hook is left alone."
    )

    func run() throws {
        let installer = try HookInstaller(repositoryContaining: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        switch try installer.uninstall() {
        case .removed(let path):
            print("removed the pre-commit hook: \(path)")
        case let .restored(path, backup):
            print("removed kaizen's pre-commit hook and put back \(backup) as \(path)")
        case .notInstalled(let path):
            print("no pre-commit hook is installed at \(path); nothing to remove")
        }
    }
}
