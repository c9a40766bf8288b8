import Foundation
import KaizenKit

/// What the fuzzer feeds kaizen: any bytes, cut into up to eight files at a
/// line holding only `%%`. A first part that starts with `%%config` is read
/// as kaizen.yml; the others are records, spread over the three folders so
/// that links, duplicate ids and limits across records are exercised too.
/// Every parse, every rule and the text report must finish without a crash.
enum RecordFuzzTarget {
    static let separator = Array("\n%%\n".utf8)
    static let configMarker = Array("%%config".utf8)
    static let folders = ["improvements", "experiments", "constraints"]
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    static func run(_ bytes: [UInt8]) {
        var parts = split(bytes)
        var config = KaizenConfig()
        var configDiagnostics: [Diagnostic] = []
        if let first = parts.first, first.starts(with: configMarker) {
            let loaded = ConfigLoader.load(Array(first.dropFirst(configMarker.count)))
            config = loaded.config
            configDiagnostics = loaded.diagnostics
            parts.removeFirst()
        }
        let parser = RecordParser(config: config)
        let parsed = parts.enumerated().map { index, part in
            let path = "\(folders[index % folders.count])/record-\(index).md"
            return parser.parse(part, path: path, folderKind: config.folderKind(ofPath: path))
        }
        let workspace = Workspace(root: URL(fileURLWithPath: "/nonexistent-kaizen-fuzz"), config: config,
                                  configDiagnostics: configDiagnostics, hasConfigFile: true)
        let report = Checker.check(parsed, workspace: workspace, today: today)
        _ = DiagnosticFormatter(format: .text, today: today).render(report)
    }

    /// At most eight parts, so one input stays one quick run.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count, parts.count < 7 {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                parts.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }
}
