import Foundation
import Testing

/// Help and usage errors, as ArgumentParser reports them: help is exit 0 on
/// stdout; a usage error is exit 2 on stderr.
@Suite struct HelpTests {
    @Test func helpForTheToolAndEachCommandIsPrintedAndExitsZero() throws {
        let folder = try FixtureFolder()
        for arguments in [["--help"], ["help"], ["check", "--help"], ["help", "start"], ["hooks", "install", "--help"]] {
            let result = try folder.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasPrefix("OVERVIEW: "), "\(arguments): \(result.stdout)")
            #expect(result.stderr == "", "\(arguments)")
        }
        let version = try folder.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
    }

    @Test func aUsageErrorExitsTwo() throws {
        let folder = try FixtureFolder()
        for arguments in [["nosuch"], ["check", "--nosuch"], ["extend", "x", "--until", "not-a-date", "--reason", "r"]] {
            let result = try folder.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("Error: "), "\(arguments): \(result.stderr)")
        }
    }
}
