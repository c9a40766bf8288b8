import Yams

/// What a YAML node means, without its style or position: two documents with
/// equal values read the same to kaizen (and to any YAML reader), however
/// each is quoted, indented or commented. The editor predicts the value of the
/// edited front matter and compares it with what the parser reads back.
indirect enum YAMLValue: Equatable, Sendable, CustomStringConvertible {
    struct Pair: Equatable, Sendable {
        var key: YAMLValue
        var value: YAMLValue
    }

    case null
    case scalar(String)
    case sequence([YAMLValue])
    case mapping([Pair])

    init(_ node: Node) {
        if node.isNull {
            self = .null
            return
        }
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string)
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLValue.init))
        case .mapping(let mapping):
            self = .mapping(mapping.map { Pair(key: YAMLValue($0.key), value: YAMLValue($0.value)) })
        case .alias(let alias):
            self = .scalar("*" + alias.anchor.rawValue)
        }
    }

    /// A mapping of text keys to text values, in order.
    static func fields(_ fields: [(String, String)]) -> YAMLValue {
        .mapping(fields.map { Pair(key: .scalar($0.0), value: .scalar($0.1)) })
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .scalar(let text): return YAMLText.quoted(text)
        case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
