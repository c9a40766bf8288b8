import Foundation
import Testing

/// Replays what the fuzzers start from and every reproducer they found
/// (`Tests/Fixtures/fuzz/TARGET/`) through each fuzz target in an ordinary
/// build, so a fixed crash stays fixed without libFuzzer.
@Suite struct FuzzCorpusTests {
    /// Each target's folders; the record parser also starts from the hostile corpus and the examples.
    static let corpora: [String: [String]] = [
        "records": ["Tests/Fixtures/fuzz/records", "Tests/Fixtures/hostile", "examples/improvements", "examples/experiments",
                    "examples/constraints"],
        "lsp": ["Tests/Fixtures/fuzz/lsp"],
        "timeline-cache": ["Tests/Fixtures/fuzz/timeline-cache"],
    ]

    @Test(arguments: corpora.keys.sorted())
    func theFuzzTargetGetsThroughEveryCorpusFile(_ target: String) throws {
        let root = KaizenProcess.packageRoot
        let files = try Self.corpora[target]!.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
                .filter { !$0.hasSuffix(".expected") }.map { root.appendingPathComponent(folder).appendingPathComponent($0).path }
        }
        #expect(files.count >= 4)
        let fuzz = KaizenProcess.binary.deletingLastPathComponent().appendingPathComponent("kaizen-fuzz").path
        let replay = try FixtureProcess.run(fuzz, files, in: nil,
                                            environment: ProcessInfo.processInfo.environment.merging(["KAIZEN_FUZZ_TARGET": target]) { $1 })
        #expect(replay.reason == .exit)
        #expect(replay.status == 0, "\(replay.errorText)")
    }
}
