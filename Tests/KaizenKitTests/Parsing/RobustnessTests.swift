import Foundation
@testable import KaizenKit
import Testing

/// No input makes the parser or the rules crash, hang, or report a place
/// outside the file. Mutates the demo's real records thousands of times with
/// the characters YAML and Markdown care about, invalid bytes and truncation.
@Suite struct RobustnessTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static let fragments: [[UInt8]] = [
        ":", ": ", "- ", "---\n", "...\n", "\t", "\"", "'", "&a ", "*a ", "[", "]", "{", "}", "\n", "# ", "|", ">",
        "? ", "!!str ", "%YAML 1.2\n", "\u{0}", "\u{FEFF}", "\r\n", "\r", "é", "🚀", "<change>", "<!--", "-->",
        "```\n", "## Learnings\n", "kind: ", "status: ", "2026-02-30", "null", "~", "@", "`",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80]]

    static func seeds() throws -> [(path: String, bytes: [UInt8])] {
        try ["improvements", "experiments", "constraints"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: examples.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".md") }.sorted()
                .map { ("\(folder)/\($0)", Array(try Data(contentsOf: examples.appendingPathComponent("\(folder)/\($0)")))) }
        }
    }

    static func mutate(_ bytes: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int(generator.next() % 4 + 1) {
            let at = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count))
            switch generator.next() % 6 {
            case 0: bytes.insert(contentsOf: fragments[Int(generator.next() % UInt64(fragments.count))], at: at)
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(generator.next() % 12 + 1)))
            case 2: bytes = Array(bytes.prefix(at))
            case 3 where !bytes.isEmpty: bytes[at] = UInt8(truncatingIfNeeded: generator.next())
            case 4:
                let end = min(bytes.count, at + Int(generator.next() % 80))
                bytes.insert(contentsOf: bytes[at..<end], at: end)
            default: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: Int(generator.next() % 9)), at: at)
            }
        }
        return bytes
    }

    /// Lines in the file as kaizen counts them, after a byte-order mark.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.count { $0 == UInt8(ascii: "\n") } + 1
    }

    @Test func mutatedRecordsAlwaysYieldPlacedDiagnostics() throws {
        let seeds = try Self.seeds()
        #expect(seeds.count == 36)
        let rules = Set(RuleCatalog.all.map(\.name))
        let parser = RecordParser()
        var generator = SplitMix64(seed: 2026)
        var problemsSeen = Set<String>()
        for round in 0..<120 {
            let files = seeds.map { seed in (seed.path, Self.mutate(seed.bytes, &generator)) }
            let parsed = files.map { parser.parse($0.1, path: $0.0, folderKind: nil) }
            let report = Checker.check(parsed, workspace: .inMemory(config: KaizenConfig()),
                                       today: CalendarDate(year: 2026, month: 11, day: 20)!)
            let lines = Dictionary(uniqueKeysWithValues: files.map { ($0.0, Self.lineCount($0.1)) })
            for diagnostic in report.diagnostics {
                problemsSeen.insert(diagnostic.rule)
                #expect(rules.contains(diagnostic.rule))
                #expect(!diagnostic.message.isEmpty)
                #expect(diagnostic.position.line >= 1 && diagnostic.position.column >= 1)
                #expect(diagnostic.position.line <= lines[diagnostic.path]!, "round \(round): \(diagnostic)")
            }
        }
        // The mutations reach the parser's failure paths, not only the happy one.
        #expect(problemsSeen.isSuperset(of: ["invalid-encoding", "yaml-syntax", "front-matter", "unknown-field"]))
    }

    @Test func randomBytesAreNeverMoreThanADiagnostic() {
        var generator = SplitMix64(seed: 7)
        let parser = RecordParser()
        for length in [0, 1, 3, 4, 17, 100, 1000, 10_000] {
            for _ in 0..<20 {
                var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                if length > 4, generator.next() % 2 == 0 { bytes.replaceSubrange(0..<4, with: Array("---\n".utf8)) }
                let parsed = parser.parse(bytes, path: "experiments/noise.md", folderKind: .experiment)
                for diagnostic in parsed.diagnostics {
                    #expect(diagnostic.position.line >= 1 && diagnostic.position.line <= Self.lineCount(bytes))
                }
            }
        }
    }
}
