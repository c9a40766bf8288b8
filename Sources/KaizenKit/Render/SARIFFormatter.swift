import Foundation

/// Findings as a SARIF 2.1.0 log, the format code-scanning services (GitHub
/// code scanning among them) import. Every rule kaizen knows is listed with
/// its help, so a result's `ruleIndex` points at its description.
///
/// Paths are written from the repository's top, relative to the base id
/// `SRCROOT`, so a service resolves them against its checkout whatever
/// folder kaizen ran in. Columns count Unicode code points, as kaizen's do.
public struct SARIFFormatter: Sendable {
    public var repository: RepositoryLocation
    public var sources: FindingSources

    /// The `partialFingerprints` key of kaizen's result identity; the version
    /// changes whenever what is hashed does, so services do not match old
    /// fingerprints against new ones.
    static let fingerprintKey = "kaizenFindingHash/v1"

    public init(repository: RepositoryLocation = RepositoryLocation(root: nil, workspaceFolder: ""),
                sources: FindingSources = FindingSources()) {
        self.repository = repository
        self.sources = sources
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let rules = RuleCatalog.all
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var occurrences: [String: Int] = [:]
        let results = diagnostics.map { diagnostic in
            let path = repository.path(of: diagnostic.path)
            let line = sources.line(diagnostic.position.line, of: diagnostic.path)
            let identity = "\(diagnostic.rule)\n\(path)\n\(line?.trimmingCharacters(in: .whitespaces) ?? "")"
            let occurrence = occurrences[identity, default: 0]
            occurrences[identity] = occurrence + 1
            return Result(
                ruleId: diagnostic.rule, ruleIndex: ruleIndex[diagnostic.rule], level: Self.level(diagnostic.severity),
                message: Message(text: diagnostic.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: artifactLocation(path), region: Self.region(diagnostic.position, line: line)))],
                partialFingerprints: [Self.fingerprintKey: Self.fingerprint(identity, occurrence: occurrence)])
        }
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(version: KaizenVersion.current, rules: rules.map(Self.descriptor))),
            originalUriBaseIds: [Self.sourceRoot: ArtifactLocation(
                uri: repository.root.map { URL(fileURLWithPath: $0, isDirectory: true).absoluteString },
                description: Message(text: "The top of the git repository holding the records."))],
            results: results)])
        return JSONOutput.encode(log)
    }

    private static let sourceRoot = "SRCROOT"

    private static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    private static func descriptor(_ rule: RuleDescriptor) -> ReportingDescriptor {
        // The texts are Markdown with code spans only; plain text shows those as quotes.
        let plain = { (markdown: String) in markdown.replacingOccurrences(of: "`", with: "'") }
        return ReportingDescriptor(
            id: rule.name,
            shortDescription: Message(text: rule.summary),
            fullDescription: Message(text: plain(rule.explanation), markdown: rule.explanation),
            help: Message(text: "\(plain(rule.explanation))\n\nHow to fix: \(plain(rule.howToFix))",
                          markdown: "\(rule.explanation)\n\n**How to fix:** \(rule.howToFix)"),
            defaultConfiguration: Configuration(level: level(rule.defaultSeverity)))
    }

    /// A path inside the repository is relative to `SRCROOT`; one outside it
    /// (named on the command line) is an absolute `file:` URI.
    private func artifactLocation(_ path: String) -> ArtifactLocation {
        if path.hasPrefix("/") { return ArtifactLocation(uri: URL(fileURLWithPath: path).absoluteString) }
        return ArtifactLocation(uri: Self.uri(path), uriBaseId: Self.sourceRoot)
    }

    /// A relative URI reference: each path segment percent-encoded.
    private static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":;?#[]@")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }

    /// A diagnostic knows where its finding starts, not where the offending
    /// value ends, so the region runs to the end of the line's text, trailing
    /// white space left out. Without the line, `endColumn` is left out, which
    /// SARIF defines as the end of the line.
    private static func region(_ start: SourcePosition, line: String?) -> Region {
        let end = line.map { text -> Int in
            let scalars = text.unicodeScalars
            let content = scalars.reversed().drop { $0 == " " || $0 == "\t" }.count
            return max(content + 1, start.column)
        }
        return Region(startLine: start.line, startColumn: start.column, endLine: start.line, endColumn: end)
    }

    /// A result's identity across runs and commits, which code-scanning
    /// services match alerts by: the git blob id (`git hash-object`) of its
    /// rule, its path from the repository's top and its line's text with the
    /// surrounding white space trimmed, each on a line of its own, and, after
    /// a fourth line break, how many earlier results in the log share those
    /// three. Not the line number, so an edit above a finding keeps its
    /// identity; not the message, whose dates count from today.
    private static func fingerprint(_ identity: String, occurrence: Int) -> String {
        ObjectID(blobContents: Array("\(identity)\n\(occurrence)".utf8)).description
    }

    // The SARIF 2.1.0 objects kaizen writes, named as the specification names them.
    private struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    private struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    private struct Tool: Encodable {
        var driver: Driver
    }

    private struct Driver: Encodable {
        var name = "kaizen"
        var version: String
        var rules: [ReportingDescriptor]
    }

    private struct ReportingDescriptor: Encodable {
        var id: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: Configuration
    }

    private struct Configuration: Encodable {
        var level: String
    }

    private struct Message: Encodable {
        var text: String
        var markdown: String?
    }

    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
    }

    private struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    private struct ArtifactLocation: Encodable {
        var uri: String?
        var uriBaseId: String?
        var description: Message?
    }

    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int?
    }
}
