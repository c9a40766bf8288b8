import Foundation
import Testing

/// The helper every end-to-end test runs the binary with.
@Suite struct KaizenProcessTests {
    /// A child that fills its stderr pipe before writing stdout blocked the
    /// helper for ever when it read stdout to the end first.
    @Test(.timeLimit(.minutes(1))) func aChildWritingMuchToStderrBeforeStdoutIsReadWhole() throws {
        let script = "head -c 300000 /dev/zero | tr '\\0' e >&2; echo done"
        let result = try BackgroundKaizen(["-c", script], in: FileManager.default.temporaryDirectory,
                                          executable: URL(fileURLWithPath: "/bin/sh")).finish()
        #expect(result.status == 0)
        #expect(result.stdout == "done\n")
        #expect(result.stderr == String(repeating: "e", count: 300_000))
    }
}
