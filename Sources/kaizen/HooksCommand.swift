import ArgumentParser

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install or remove the git pre-commit hook that runs `kaizen check --staged`.",
        subcommands: [HooksInstallCommand.self, HooksUninstallCommand.self]
    )
}
