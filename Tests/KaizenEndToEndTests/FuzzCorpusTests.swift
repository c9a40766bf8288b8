import Foundation
import Testing

/// Replays what the fuzzer starts from and every reproducer it found
/// (`Tests/Fixtures/fuzz/`) through the fuzz target in an ordinary build, so
/// a fixed crash stays fixed without libFuzzer.
@Suite struct FuzzCorpusTests {
    @Test func theFuzzTargetGetsThroughEveryCorpusFile() throws {
        let root = KaizenProcess.packageRoot
        let folders = ["Tests/Fixtures/fuzz", "Tests/Fixtures/hostile", "examples/improvements", "examples/experiments",
                       "examples/constraints"]
        let files = try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
                .filter { !$0.hasSuffix(".expected") }.map { root.appendingPathComponent(folder).appendingPathComponent($0).path }
        }
        #expect(files.count > 20)
        let process = Process()
        process.executableURL = KaizenProcess.binary.deletingLastPathComponent().appendingPathComponent("kaizen-fuzz")
        process.arguments = files
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}
