import Yams

/// A configuration and what was wrong with the file it came from.
public struct LoadedConfig: Sendable {
    public var config: KaizenConfig
    public var diagnostics: [Diagnostic]
}

/// Reads `kaizen.yml`. Every problem becomes a diagnostic pointing into the
/// file, and the setting keeps its default, so one typo does not stop a check.
public struct ConfigLoader {
    private let path: String
    private let reader: YAMLReader
    private var collector: DiagnosticCollector
    private var config = KaizenConfig()

    static let keys = [
        "version", "teams", "paths", "max-experiment-days", "expiry-notice-days", "wip-limit",
        "review-window-days", "review-period-days", "quick-win-days", "hypothesis-pattern", "areas", "rules", "goals",
    ]
    static let goalKeys = ["adoption-rate", "knowledge-capture", "impact-multiplication", "scaling-efficiency", "level-balance"]

    public static func load(_ bytes: [UInt8], path: String = KaizenConfig.fileName) -> LoadedConfig {
        var loader = ConfigLoader(path: path)
        loader.read(bytes)
        return LoadedConfig(config: loader.config, diagnostics: loader.collector.diagnostics)
    }

    private init(path: String) {
        self.path = path
        self.reader = YAMLReader(path: path, firstLine: 1)
        self.collector = DiagnosticCollector(path: path)
    }

    private mutating func read(_ bytes: [UInt8]) {
        let text: String
        switch DecodedText.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let invalid):
            collector.report(.invalidEncoding, at: invalid.position, invalid.message)
            return
        }
        let root: Node?
        let composed = reader.composeReportingDuplicates(text[...])
        collector.append(contentsOf: composed.duplicates)
        switch composed.root {
        case .success(let node): root = node
        case .failure(let diagnostic):
            collector.append(contentsOf: [diagnostic])
            return
        }
        guard let root, !root.isNull else { return }
        guard let mapping = mapping(root, or: "kaizen.yml must be a mapping of settings (key: value)") else { return }
        for (keyNode, value) in mapping {
            let position = reader.position(of: keyNode.mark)
            guard let key = keyNode.scalar?.string else {
                collector.report(.wrongType, at: position, "a setting name must be plain text")
                continue
            }
            if value.isNull { continue }
            switch key {
            case "version": readVersion(value)
            case "teams": readTeams(value)
            case "paths": readPaths(value)
            case "max-experiment-days": config.maxExperimentDays = positiveInteger(value, key) ?? config.maxExperimentDays
            case "expiry-notice-days": config.expiryNoticeDays = positiveInteger(value, key, allowZero: true) ?? config.expiryNoticeDays
            case "wip-limit": config.wipLimit = positiveInteger(value, key) ?? config.wipLimit
            case "review-window-days": config.reviewWindowDays = positiveInteger(value, key) ?? config.reviewWindowDays
            case "review-period-days": config.reviewPeriodDays = positiveInteger(value, key) ?? config.reviewPeriodDays
            case "quick-win-days": config.quickWinDays = positiveInteger(value, key) ?? config.quickWinDays
            case "goals": readGoals(value)
            case "hypothesis-pattern": readHypothesisPattern(value)
            case "areas": readAreas(value)
            case "rules": readRules(value)
            default:
                reportUnknown("setting", keyNode, among: Self.keys, "the settings are: \(Self.keys.joined(separator: ", "))")
            }
        }
    }

    private mutating func readVersion(_ node: Node) {
        guard node.integer == KaizenConfig.supportedVersion else {
            collector.report(.invalidValue, at: reader.position(of: node.mark),
                "'version' is \(node.scalar?.string ?? "not a number"), but this kaizen reads version \(KaizenConfig.supportedVersion): upgrade kaizen or write version: 1")
            return
        }
    }

    private mutating func readTeams(_ node: Node) {
        var teams: [KaizenConfig.Team] = []
        if let sequence = node.sequence {
            for item in sequence {
                if let id = teamID(item) { teams.append(KaizenConfig.Team(id: id)) }
            }
        } else if let mapping = node.mapping {
            for (idNode, settings) in mapping {
                guard let id = teamID(idNode) else { continue }
                teams.append(readTeamSettings(id: id, settings))
            }
        } else {
            collector.report(.wrongType, at: reader.position(of: node.mark),
                "'teams' must map each team id to its settings, e.g. teams: {payments: {name: Payments}}")
            return
        }
        var seen = Set<String>()
        config.teams = teams.filter { seen.insert($0.id).inserted }
    }

    private mutating func teamID(_ node: Node) -> String? {
        let position = reader.position(of: node.mark)
        guard let id = node.scalar?.string else {
            collector.report(.wrongType, at: position, "a team id must be text")
            return nil
        }
        guard Slug.isValid(id) else {
            collector.report(.invalidValue, at: position,
                "team id '\(id)' must be a lowercase slug (letters, digits, single hyphens), e.g. '\(Slug.make(from: id))'")
            return nil
        }
        return id
    }

    private mutating func readTeamSettings(id: String, _ node: Node) -> KaizenConfig.Team {
        var team = KaizenConfig.Team(id: id)
        guard !node.isNull else { return team }
        guard let mapping = mapping(node, or: "team '\(id)' must map to its settings, e.g. {name: Payments, wip-limit: 2}") else { return team }
        for (keyNode, value) in mapping {
            switch keyNode.scalar?.string {
            case "name": team.name = value.scalar?.string
            case "wip-limit": team.wipLimit = positiveInteger(value, "wip-limit")
            default:
                reportUnknown("team setting", keyNode, among: ["name", "wip-limit"], "a team has name and wip-limit")
            }
        }
        return team
    }

    private mutating func readPaths(_ node: Node) {
        guard let mapping = mapping(node, or: "'paths' must map each kind to its folder, e.g. paths: {experiments: records/experiments}") else {
            return
        }
        let names = RecordKind.allCases.map(\.defaultFolder)
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? "?"
            guard let kind = RecordKind.allCases.first(where: { $0.defaultFolder == key }) else {
                reportUnknown("path", keyNode, among: names, "paths has \(names.joined(separator: ", "))")
                continue
            }
            let position = reader.position(of: value.mark)
            guard var folder = value.scalar?.string else {
                collector.report(.wrongType, at: position, "the \(key) folder must be text")
                continue
            }
            while folder.hasSuffix("/") { folder.removeLast() }
            while folder.hasPrefix("./") { folder.removeFirst(2) }
            guard !folder.hasPrefix("/"), !folder.split(separator: "/").contains(".."), !folder.isEmpty, folder != "." else {
                collector.report(.invalidValue, at: position,
                    "the \(key) folder must be a folder inside the repository, relative to kaizen.yml: '\(folder)' is not")
                continue
            }
            if let other = config.folders.first(where: { $0.key != kind && $0.value == folder }) {
                collector.report(.invalidValue, at: position,
                    "the \(key) folder '\(folder)' is also the \(other.key.defaultFolder) folder: each kind needs its own")
                continue
            }
            config.folders[kind] = folder
            config.folderPositions[kind] = position
        }
    }

    private mutating func readHypothesisPattern(_ node: Node) {
        let position = reader.position(of: node.mark)
        guard let source = node.scalar?.string else {
            collector.report(.wrongType, at: position, "'hypothesis-pattern' must be a regular expression written as text")
            return
        }
        do {
            config.hypothesisPattern = try HypothesisPattern(source: source)
        } catch {
            collector.report(.invalidValue, at: position,
                "'hypothesis-pattern' is not a valid regular expression: check its brackets and escapes; single-quote it in YAML so backslashes stay as written")
        }
    }

    private mutating func readAreas(_ node: Node) {
        guard let sequence = node.sequence else {
            collector.report(.wrongType, at: reader.position(of: node.mark), "'areas' must be a list, e.g. areas: [onboarding]")
            return
        }
        for item in sequence {
            guard let area = item.scalar?.string, Slug.isValid(area) else {
                collector.report(.invalidValue, at: reader.position(of: item.mark),
                    "each area must be a lowercase slug, e.g. 'on-call'")
                continue
            }
            if !config.areas.contains(area) { config.extraAreas.append(area) }
        }
    }

    private mutating func readRules(_ node: Node) {
        guard let mapping = mapping(node, or: "'rules' must map rule names to error, warning or off, e.g. rules: {possible-duplicate: off}") else {
            return
        }
        let names = RuleCatalog.all.map(\.name)
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? "?"
            guard names.contains(name) else {
                reportUnknown("rule", keyNode, among: names, "`kaizen check --list-rules` lists them")
                continue
            }
            switch value.scalar?.string {
            case "error": config.ruleSettings[name] = .severity(.error)
            case "warning": config.ruleSettings[name] = .severity(.warning)
            case "off": config.ruleSettings[name] = .off
            default:
                collector.report(.invalidValue, at: reader.position(of: value.mark),
                    "rule '\(name)' can be set to error, warning or off, not '\(value.scalar?.string ?? "a list or mapping")'")
            }
        }
    }

    private mutating func readGoals(_ node: Node) {
        guard let mapping = mapping(node, or: "'goals' must map each figure to its goal, e.g. goals: {adoption-rate: 70%, impact-multiplication: 5}") else {
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? "?"
            switch key {
            case "adoption-rate": config.goals.adoptionRate = share(value, key) ?? config.goals.adoptionRate
            case "knowledge-capture": config.goals.knowledgeCapture = share(value, key) ?? config.goals.knowledgeCapture
            case "scaling-efficiency": config.goals.scalingEfficiency = share(value, key) ?? config.goals.scalingEfficiency
            case "level-balance": config.goals.levelBalance = share(value, key) ?? config.goals.levelBalance
            case "impact-multiplication": config.goals.impactMultiplication = multiple(value, key) ?? config.goals.impactMultiplication
            default:
                reportUnknown("goal", keyNode, among: Self.goalKeys, "the goals are: \(Self.goalKeys.joined(separator: ", "))")
            }
        }
    }

    /// The mapping `node` holds, else nil, reporting `expected`: what the
    /// setting must be, with an example.
    private mutating func mapping(_ node: Node, or expected: String) -> Node.Mapping? {
        guard let mapping = node.mapping else {
            collector.report(.wrongType, at: reader.position(of: node.mark), expected)
            return nil
        }
        return mapping
    }

    /// Reports a key that names no `kind` of setting kaizen knows: the nearest
    /// of `names` when one is close, then `known`, saying which there are.
    private mutating func reportUnknown(_ kind: String, _ keyNode: Node, among names: [String], _ known: String) {
        let key = keyNode.scalar?.string ?? "?"
        collector.report(.unknownField, at: reader.position(of: keyNode.mark),
            "unknown \(kind) '\(key)'\(Suggestion.clause(for: key, among: names)); \(known)")
    }

    /// A percentage written `70%` (or as a fraction, 0.7), as a fraction.
    private mutating func share(_ node: Node, _ key: String) -> Double? {
        let text = node.scalar?.string.trimmingSpaces() ?? ""
        let value: Double?
        if text.hasSuffix("%") {
            value = Double(text.dropLast().trimmingSpaces()).map { $0 / 100 }
        } else {
            value = Double(text).flatMap { $0 <= 1 ? $0 : nil }
        }
        guard let value, value >= 0, value <= 1 else {
            collector.report(.invalidValue, at: reader.position(of: node.mark),
                "goal '\(key)' must be a percentage from 0% to 100%, e.g. 70%, not '\(node.scalar?.string ?? "a list or mapping")'")
            return nil
        }
        return value
    }

    /// A multiple written `5`, `5x` or `5×`, at least 1.
    private mutating func multiple(_ node: Node, _ key: String) -> Double? {
        var text = node.scalar?.string.trimmingSpaces() ?? ""
        if text.hasSuffix("x") || text.hasSuffix("×") { text.removeLast() }
        guard let value = Double(text.trimmingSpaces()), value >= 1, value.isFinite else {
            collector.report(.invalidValue, at: reader.position(of: node.mark),
                "goal '\(key)' must be a number of teams per improvement, 1 or more, e.g. 5, not '\(node.scalar?.string ?? "a list or mapping")'")
            return nil
        }
        return value
    }

    private mutating func positiveInteger(_ node: Node, _ key: String, allowZero: Bool = false) -> Int? {
        let range = allowZero ? "0 or more" : "above 0"
        guard let value = node.integer else {
            collector.report(.wrongType, at: reader.position(of: node.mark),
                "'\(key)' must be a whole number \(range), not '\(node.scalar?.string ?? "a list or mapping")'")
            return nil
        }
        guard value > 0 || (allowZero && value == 0) else {
            collector.report(.invalidValue, at: reader.position(of: node.mark), "'\(key)' must be \(range), not \(value)")
            return nil
        }
        return value
    }
}
