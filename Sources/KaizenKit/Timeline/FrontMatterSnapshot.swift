import Yams

/// The few front-matter values a history scan needs from one version of a file.
struct FrontMatterSnapshot: Sendable, Equatable {
    /// The `id` field when it is text; the record's identity across renames.
    var id: String?
    var title: String?
    /// `team`, or the list `teams` (an experiment can span several).
    var teams: [String]
    /// The tracked fields' values, in the scope's order; nil when absent.
    var values: [String?]
    /// False when the front matter could not be read (no front matter, bad YAML
    /// or bad UTF-8): its values are unknown, not absent.
    var readable: Bool
    /// The file was over the size a record may be, so it was not read at all.
    var tooLarge = false

    static func unreadable(fieldCount: Int) -> FrontMatterSnapshot {
        FrontMatterSnapshot(id: nil, title: nil, teams: [], values: Array(repeating: nil, count: fieldCount), readable: false)
    }

    static func tooLarge(fieldCount: Int) -> FrontMatterSnapshot {
        var snapshot = unreadable(fieldCount: fieldCount)
        snapshot.tooLarge = true
        return snapshot
    }
}

/// Reads snapshots from file contents, remembering the ones it has read: most
/// commits edit a record's body and leave its front matter as it was.
final class FrontMatterReader {
    private let fields: [String]
    private var known: [String: FrontMatterSnapshot] = [:]
    /// Bounds the memory of `known` on long histories.
    private static let knownLimit = 2_000

    init(fields: [String]) {
        self.fields = fields
    }

    func snapshot(of bytes: [UInt8]) -> FrontMatterSnapshot {
        guard case .success(let text) = DecodedText.decode(bytes),
              case .success(let split) = FrontMatterSplitter.split(text) else {
            return .unreadable(fieldCount: fields.count)
        }
        let yaml = String(split.yaml)
        if let snapshot = known[yaml] { return snapshot }
        let snapshot = read(split.yaml)
        if known.count >= Self.knownLimit { known.removeAll(keepingCapacity: true) }
        known[yaml] = snapshot
        return snapshot
    }

    private func read(_ yaml: Substring) -> FrontMatterSnapshot {
        guard case .success(let root) = YAMLReader(path: "", firstLine: 2).compose(yaml) else {
            return .unreadable(fieldCount: fields.count)
        }
        var snapshot = FrontMatterSnapshot(id: nil, title: nil, teams: [], values: Array(repeating: nil, count: fields.count), readable: true)
        guard case .mapping(let mapping)? = root else {
            // An empty front matter has no values; any other shape is not a record's.
            snapshot.readable = root == nil
            return snapshot
        }
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else { continue }
            let name = keyScalar.string
            // Only the values kept are turned into text: a record's other values
            // (its signals, its hypothesis) are most of its front matter.
            switch name {
            case "id": snapshot.id = Self.text(ofStringScalar: value)
            case "title": snapshot.title = Self.text(of: value)
            case "team", "teams":
                if case .sequence(let teams) = value {
                    snapshot.teams = teams.compactMap { $0.scalar?.string }
                } else if let text = Self.text(of: value) {
                    snapshot.teams = [text]
                }
            default: break
            }
            if let index = fields.firstIndex(of: name) { snapshot.values[index] = Self.text(of: value) }
        }
        return snapshot
    }

    /// A scalar that YAML reads as a string: quoted, or plain and not a number,
    /// a boolean or null (`id: 42` is a number, so not an id).
    static func text(ofStringScalar node: Node) -> String? {
        guard case .scalar(let scalar) = node, !node.isNull, !scalar.string.isEmpty else { return nil }
        if scalar.style == .plain || scalar.style == .any {
            let text = scalar.string
            if Int(text) != nil || (Double(text) != nil && text.contains(where: \.isNumber)) || ["true", "false", "True", "False", "TRUE", "FALSE"].contains(text) {
                return nil
            }
        }
        return scalar.string
    }

    /// A value as one line of text: scalars as written, lists and mappings in
    /// YAML's flow style; nil for null.
    static func text(of node: Node) -> String? {
        if node.isNull { return nil }
        switch node {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return "[" + sequence.map { text(of: $0) ?? "null" }.joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.map { "\(text(of: $0.key) ?? "null"): \(text(of: $0.value) ?? "null")" }.joined(separator: ", ") + "}"
        case .alias: return nil
        }
    }
}
