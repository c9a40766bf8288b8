import Foundation
import Testing

/// Runs the built `kaizen` binary, as a user or a hook would.
struct KaizenProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary SwiftPM built beside this test bundle.
    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("kaizen")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        preconditionFailure("kaizen binary not found near \(candidates.map(\.path))")
    }()

    /// The package's root folder (for examples/ and templates/).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Result {
        try BackgroundKaizen(arguments, in: directory, environment: extra).finish()
    }
}

/// A run of the binary (or, for the helper's own test, another program) in
/// the background, for tests that run several at once or kill one part-way.
final class BackgroundKaizen {
    private let run: BackgroundProcess

    init(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:],
         executable: URL = KaizenProcess.binary, input: Data? = nil) throws {
        let environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"].merging(extra) { $1 }) { $1 }
        run = try BackgroundProcess(executable, arguments, in: directory, environment: environment, input: input)
    }

    /// Waits for the run to end (at most `seconds`, when given: see
    /// `BackgroundProcess.finish(within:)`) and collects what it printed,
    /// decoded leniently: a test of hostile input may see bytes that are not UTF-8.
    func finish(within seconds: Double? = nil) throws -> KaizenProcess.Result {
        let output = try seconds.map(run.finish(within:)) ?? run.finish()
        return KaizenProcess.Result(status: output.status, stdout: output.text, stderr: output.errorText)
    }

    func kill() {
        run.kill()
    }
}

/// A temporary folder of files, removed when the test ends.
final class FixtureFolder {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, contents) in files { try write(path, contents) }
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ path: String, _ contents: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    func run(_ arguments: [String], in subfolder: String? = nil) throws -> KaizenProcess.Result {
        try KaizenProcess.run(arguments, in: subfolder.map { url.appendingPathComponent($0) } ?? url)
    }
}

/// Small valid records for end-to-end fixtures: RecordFixture's, written as
/// these tests have always written them (started on 2026-10-01 whatever the
/// status, due on 2026-12-20, a one-line plan), since their expectations quote
/// the dates and positions.
enum Records {
    static let config = """
        version: 1
        teams:
          payments: {name: Payments}
          platform: {name: Platform}

        """

    /// The text of an experiment; `extra` lines stand below the rollback.
    static func experiment(title: String = "Review pairs", teams: String = "[payments]", status: String = "running",
                           improvement: String? = nil, reviewBy: String = "2026-12-20", extra: String = "") -> String {
        RecordFixture.experiment("review-pairs", title: .text(title), teams: .text(teams),
                                 improvement: improvement.map { RecordFixture.Value.text($0) } ?? .absent, signals: .text(RecordFixture.signals),
                                 status: .text(status), start: "2026-10-01", reviewBy: .text(reviewBy), outcome: .absent, concluded: .absent,
                                 extra: extra, body: "## Plan\n\nPair on every review.\n").text
    }

    static let improvement = RecordFixture.improvement("review-pairs", body: "## Summary\n\nTwo people review together.\n").text
}
