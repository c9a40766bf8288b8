import Foundation
@testable import KaizenKit
import Testing

/// `RuleCatalog` and the README's table of rules are kept by hand: these read
/// the sources and the README, so that a new rule left out of either fails here
/// rather than silently never running, or running undocumented.
@Suite struct RuleCatalogTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Swift sources below `folder` (relative to the package root), by path.
    static func sources(in folder: String) throws -> [String: String] {
        let root = packageRoot.appendingPathComponent(folder)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }
        #expect(!paths.isEmpty, "no sources in \(root.path)")
        return try Dictionary(uniqueKeysWithValues: paths.map { path in
            (path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        })
    }

    /// The types declared (or extended) in the rules' folder to conform to `conformance`.
    static func types(conformingTo conformance: String) throws -> Set<String> {
        let declaration = /(?:struct|class|enum|extension)\s+(\w+)\s*:\s*([^{]+)\{/
        var names = Set<String>()
        for text in try sources(in: "Sources/KaizenKit/Rules").values {
            for match in text.matches(of: declaration) {
                let conformances = match.output.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                if conformances.contains(conformance) { names.insert(String(match.output.1)) }
            }
        }
        return names
    }

    static func typeNames(_ rules: [Any]) -> [String] {
        rules.map { String(describing: type(of: $0)) }
    }

    @Test func everyRuleDeclaredIsInTheCatalogOnce() throws {
        let recordRules = Self.typeNames(RuleCatalog.recordRules), historyRules = Self.typeNames(RuleCatalog.historyRules)
        let declaredRecordRules = try Self.types(conformingTo: "Rule"), declaredHistoryRules = try Self.types(conformingTo: "HistoryRule")
        #expect(declaredRecordRules.subtracting(recordRules).isEmpty, "not in RuleCatalog.recordRules")
        #expect(declaredHistoryRules.subtracting(historyRules).isEmpty, "not in RuleCatalog.historyRules")
        #expect(Set(recordRules) == declaredRecordRules && Set(historyRules) == declaredHistoryRules)
        #expect(Set(recordRules).count == recordRules.count && Set(historyRules).count == historyRules.count)
    }

    /// Parse rules are descriptors without a type of their own, listed in `RuleDescriptor.parseRules`.
    @Test func everyDescriptorDeclaredIsInTheCatalogOnce() throws {
        let declaration = /static\s+let\s+\w+\s*=\s*RuleDescriptor\(\s*name:\s*"([^"]+)"/
        let declared = try Self.sources(in: "Sources/KaizenKit").values.flatMap { text in
            text.matches(of: declaration).map { String($0.output.1) }
        }
        let catalogued = RuleCatalog.all.map(\.name)
        #expect(Set(declared).subtracting(catalogued).isEmpty, "not in RuleCatalog.all")
        #expect(Set(declared) == Set(catalogued))
        #expect(Set(catalogued).count == catalogued.count)
    }

    /// The rows of the README's "## Rules" table: each rule's name and default severity.
    static func readmeRows() throws -> [(name: String, severity: String)] {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Rules\n").dropFirst().first)
            .components(separatedBy: "\n## ")[0]
        let row = /^\| `([a-z-]+)` \| (\w+) \|/.anchorsMatchLineEndings()
        return section.matches(of: row).map { (String($0.output.1), String($0.output.2)) }
    }

    @Test func everyRuleHasARowInTheReadmesTableWithItsDefaultSeverity() throws {
        let rows = try Self.readmeRows()
        #expect(Set(RuleCatalog.all.map(\.name)).subtracting(rows.map(\.name)).isEmpty, "no row in README.md's table of rules")
        #expect(rows.map(\.name).sorted() == RuleCatalog.all.map(\.name).sorted())
        for rule in RuleCatalog.all {
            let row = rows.first { $0.name == rule.name }
            #expect(row?.severity == rule.defaultSeverity.rawValue, "\(rule.name)")
        }
    }
}
