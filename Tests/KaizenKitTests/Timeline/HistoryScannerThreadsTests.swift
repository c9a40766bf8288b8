import Foundation
@testable import KaizenKit
import Testing

@Suite struct HistoryScannerThreadsTests {
    /// 700 commits, each setting one of three records' status, so the scan
    /// reads them in three chunks of 256: on one thread (as the language
    /// server reads) it must find what the threads of a CLI run find.
    @Test func oneThreadReadsWhatSeveralThreadsRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let statuses = ["planned", "running", "concluded"]
        var stream = ""
        func blob(_ text: String) -> String { "data \(Array(text.utf8).count)\n\(text)\n" }
        for number in 0..<700 {
            let record = "experiments/e\(number % 3).md"
            let text = "---\nkind: experiment\ntitle: E\(number % 3)\nstatus: \(statuses[(number / 3) % 3])\n---\n"
            stream += "commit refs/heads/main\ncommitter Ana Lima <ana@example.com> \(1_700_000_000 + number * 3_600) +0000\n"
            // Each commit follows the branch's last one.
            stream += blob("commit \(number)")
            if number == 0 { stream += "M 100644 inline kaizen.yml\n" + blob("version: 1") }
            stream += "M 100644 inline \(record)\n" + blob(text)
        }
        _ = try git(["init", "-q", "-b", "main"], in: root)
        _ = try git(["fast-import", "--quiet", "--done"], in: root, input: stream + "done\n")
        _ = try git(["checkout", "-q", "main"], in: root)

        let workspace = try Workspace.open(at: root)
        let scope = try HistoryScope.records(of: workspace, fields: ["status"])
        let formatter = TimelineFormatter(format: .json, now: 1_800_000_000)
        let threaded = try HistoryScanner(repositoryContaining: root.path, scope: scope, threads: 2).scan(cache: false)
        let single = try HistoryScanner(repositoryContaining: root.path, scope: scope, threads: 1).scan(cache: false)
        #expect(single.records.map { $0.events.count } == [234, 233, 233])
        #expect(formatter.render(single) == formatter.render(threaded))
    }
}
