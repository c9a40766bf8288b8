import Foundation
import Testing

// Compiled into both test targets, through a link in each: every test that
// runs a program goes through here.

/// A program started with its input and output in files, so neither a large
/// input nor a large output can block it (a child filling its stderr pipe
/// while the test read stdout to the end waited for ever).
final class BackgroundProcess {
    let process = Process()
    private let scratch: URL

    init(_ executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String], input: Data? = nil) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for (name, contents) in [("stdin", input ?? Data()), ("stdout", Data()), ("stderr", Data())] {
            _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: contents)
        }
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: scratch.appendingPathComponent("stdin"))
        process.standardOutput = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        try process.run()
    }

    deinit {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Waits for the program to end and collects what it wrote.
    func finish() throws -> FixtureProcess.Output {
        process.waitUntilExit()
        return FixtureProcess.Output(status: process.terminationStatus, reason: process.terminationReason,
                                     stdout: try Data(contentsOf: scratch.appendingPathComponent("stdout")),
                                     stderr: try Data(contentsOf: scratch.appendingPathComponent("stderr")))
    }

    /// Waits at most `seconds` for the program to end: one still running then
    /// is killed and fails the test, so a hang cannot stop the suite.
    func finish(within seconds: Double) throws -> FixtureProcess.Output {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill()
            let command = ([process.executableURL?.lastPathComponent ?? "?"] + (process.arguments ?? [])).joined(separator: " ")
            Issue.record("\(command) ran past \(Int(seconds)) s")
        }
        return try finish()
    }

    /// SIGKILL, as a closed terminal or a cancelled CI job delivers it: no
    /// cleanup runs. (A process started from the test runner may ignore SIGTERM.)
    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Runs a program to completion.
enum FixtureProcess {
    struct Output {
        var status: Int32
        /// An exit, or a signal that ended it.
        var reason: Process.TerminationReason
        var stdout: Data
        var stderr: Data

        var text: String { String(decoding: stdout, as: UTF8.self) }
        var errorText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// `environment` defaults to the test runner's own.
    static func run(_ executable: String, _ arguments: [String], in directory: URL?,
                    environment: [String: String] = ProcessInfo.processInfo.environment, input: Data? = nil) throws -> Output {
        try BackgroundProcess(URL(fileURLWithPath: executable), arguments, in: directory, environment: environment, input: input).finish()
    }
}
