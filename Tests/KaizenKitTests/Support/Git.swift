import Foundation
import Testing

/// Runs git in `directory`, with `input` on its standard input, failing the
/// test on a non-zero exit; what it printed.
func git(_ arguments: [String], in directory: URL, input: String = "") throws -> String {
    let output = try FixtureProcess.run("/usr/bin/git", arguments, in: directory, environment: [
        "HOME": directory.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com", "PATH": "/usr/bin:/bin",
    ], input: Data(input.utf8))
    #expect(output.status == 0, "git \(arguments): \(output.errorText)")
    return output.text
}
