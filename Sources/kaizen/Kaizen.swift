import ArgumentParser
import Foundation
import KaizenKit

@main
struct Kaizen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaizen",
        abstract: "Improvements, experiments and constraints as Markdown in git: validated, timed and shared.",
        version: KaizenVersion.current,
        subcommands: [
            CheckCommand.self, InitCommand.self, NewCommand.self, ListCommand.self, ShowCommand.self,
            StartCommand.self, ExtendCommand.self, ConcludeCommand.self, AdoptCommand.self, ObserveCommand.self,
            SchemaCommand.self, TimelineCommand.self, ReviewCommand.self, DueCommand.self, ReportCommand.self,
            SimilarCommand.self, RecommendCommand.self, SiteCommand.self, HooksCommand.self, LSPCommand.self,
        ]
    )

    /// Exit codes: 0 clean, 1 findings at error severity, 2 usage or
    /// environment errors (ArgumentParser's own default for usage is 64).
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(reportingArgumentError: error)
        }
        do {
            var command = command
            try command.run()
        } catch let error as KaizenError {
            Terminal.standardError("kaizen: error: \(error.localizedDescription)\n")
            Foundation.exit(2)
        } catch let error where isArgumentParserError(error) {
            // ExitCode, CleanExit, ValidationError, and the help a `--help` or
            // `help` command throws from its run(): ArgumentParser's to report.
            exit(reportingArgumentError: error)
        } catch {
            // Anything else a command lets through (a Foundation error, say)
            // is about the environment, never a finding: exit 1 would tell a
            // hook or CI job that the records are at fault.
            Terminal.standardError("kaizen: error: \(error.localizedDescription)\n")
            Foundation.exit(2)
        }
    }

    /// Whether ArgumentParser made `error`; some of its error types are
    /// internal to it, so the module is told by the type's name.
    private static func isArgumentParserError(_ error: Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// Prints what ArgumentParser says of `error` and exits: 0 for help and
    /// version, 1 for findings (`ExitCode.failure`), 2 for usage errors.
    private static func exit(reportingArgumentError error: Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            Foundation.exit(0)
        }
        if !message.isEmpty { Terminal.standardError(message + "\n") }
        Foundation.exit(code == .failure ? 1 : 2)
    }
}
