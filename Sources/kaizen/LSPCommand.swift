import ArgumentParser
import Foundation
import KaizenKit

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Language server over stdio: check's diagnostics, completion, hover, go to definition and quick fixes.",
        discussion: """
            Speaks the Language Server Protocol (JSON-RPC 2.0 with Content-Length framing) on standard \
            input and output, for Markdown records inside a kaizen repository (a folder with kaizen.yml); \
            other files are ignored. Exits 0 after shutdown and exit, 1 when told to exit without shutdown \
            or when the input ends first.
            """
    )

    @OptionGroup var today: TodayOption

    @Option(help: ArgumentHelp(
        "How long edits must pause before the open records are checked again; raise it (e.g. 150) to check once per burst of typing.",
        valueName: "milliseconds"))
    var debounceMs = LanguageServer.Options.defaultDebounceMilliseconds

    func validate() throws {
        if debounceMs < 0 { throw ValidationError("--debounce-ms must be 0 or more") }
    }

    func run() throws {
        // A SIGPIPE from a client that closed its end must not kill the server mid-write.
        signal(SIGPIPE, SIG_IGN)
        let options = LanguageServer.Options(today: today.override, debounce: .milliseconds(debounceMs))
        let code = StdioConnection.serve(input: STDIN_FILENO, output: STDOUT_FILENO, options: options)
        if code != 0 { throw ExitCode(code) }
    }
}
