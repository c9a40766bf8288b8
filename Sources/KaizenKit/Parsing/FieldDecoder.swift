import Yams

/// A field's value after its type was checked.
enum FieldValue: Sendable {
    case text(Located<String>)
    case date(Located<CalendarDate>)
    case list([Located<String>])
    case entries([DecodedFields])
}

/// The fields of one mapping (the front matter, or one entry of a list), read
/// according to a schema. Absent, null and invalid values are left out.
struct DecodedFields: Sendable {
    var position: SourcePosition
    /// For an entry of a list, its place in the list, from 1.
    var number = 0
    var values: [String: FieldValue] = [:]
    var keyPositions = KeyPositions()
    /// Keys whose value was reported as invalid (wrong type, bad date, value
    /// outside its set).
    var invalidKeys: Set<String> = []

    func text(_ name: String) -> Located<String>? {
        if case .text(let value)? = values[name] { return value }
        return nil
    }

    func date(_ name: String) -> Located<CalendarDate>? {
        if case .date(let value)? = values[name] { return value }
        return nil
    }

    func choice<Value: RawRepresentable & Sendable>(_ name: String, as type: Value.Type) -> Located<Value>? where Value.RawValue == String {
        text(name).flatMap { located in Value(rawValue: located.value).map { Located($0, at: located.position) } }
    }

    func list(_ name: String) -> [Located<String>] {
        if case .list(let items)? = values[name] { return items }
        return []
    }

    func entries(_ name: String) -> [DecodedFields] {
        if case .entries(let items)? = values[name] { return items }
        return []
    }
}

/// Reads a YAML mapping against a list of field specs, reporting unknown
/// fields, wrong types, values outside their set, bad dates and missing fields.
struct FieldDecoder {
    let reader: YAMLReader
    /// Every area an improvement may name: built-in ones and those from kaizen.yml.
    let areas: [String]

    func decode(_ mapping: Node.Mapping, fields specs: [FieldSpec], entryLabel: String? = nil,
                into collector: inout DiagnosticCollector) -> DecodedFields {
        var decoded = DecodedFields(position: reader.position(of: mapping.mark))
        for (keyNode, valueNode) in mapping {
            guard let name = keyNode.scalar?.string else {
                collector.report(.wrongType, at: reader.position(of: keyNode.mark),
                    "\(prefix(entryLabel))a field name must be plain text, not \(describe(keyNode))")
                continue
            }
            let keyPosition = reader.position(of: keyNode.mark)
            guard let spec = specs.first(where: { $0.name == name }) else {
                let known = specs.map(\.name)
                let suggestion = Suggestion.closest(to: name, among: known)
                let hint = suggestion.map { " (did you mean '\($0)'?)" }
                    ?? "; the fields are: " + known.joined(separator: ", ")
                collector.report(.unknownField, at: keyPosition, "\(prefix(entryLabel))unknown field '\(name)'\(hint)")
                continue
            }
            decoded.keyPositions[name] = keyPosition
            if case .kind = spec.type { continue }
            if valueNode.isNull { continue }
            if let value = decodeValue(valueNode, as: spec, entryLabel: entryLabel, into: &collector) {
                decoded.values[name] = value
            } else {
                decoded.invalidKeys.insert(name)
            }
        }
        let status = decoded.text("status")?.value
        checkRequired(specs, in: decoded, status: status, entryLabel: entryLabel, into: &collector)
        return decoded
    }

    /// Reports required fields that are absent or empty, for the fields whose
    /// absence no other rule describes better. `status` decides which
    /// status-dependent fields are required.
    func checkRequired(_ specs: [FieldSpec], in decoded: DecodedFields, status: String?,
                       entryLabel: String?, into collector: inout DiagnosticCollector) {
        for spec in specs where spec.absenceRule == nil && !decoded.invalidKeys.contains(spec.name) {
            // `kind` is checked when the schema is chosen, before decoding.
            if case .kind = spec.type { continue }
            if Self.isRequired(spec, status: status), Self.isBlank(decoded.values[spec.name]) {
                reportMissing(spec, in: decoded, status: status, entryLabel: entryLabel, into: &collector)
            }
        }
    }

    static func isRequired(_ spec: FieldSpec, status: String?) -> Bool {
        switch spec.requirement {
        case .optional: return false
        case .always: return true
        case .whenStatus(let statuses): return status.map(statuses.contains) ?? false
        }
    }

    private func reportMissing(_ spec: FieldSpec, in decoded: DecodedFields, status: String?, entryLabel: String?,
                               into collector: inout DiagnosticCollector) {
        let because: String
        if case .whenStatus = spec.requirement, let status {
            because = " (required once status is \(status))"
        } else {
            because = ""
        }
        if let keyPosition = decoded.keyPositions[spec.name] {
            collector.report(.missingField, at: keyPosition,
                "\(prefix(entryLabel))'\(spec.name)' is empty\(because): \(spec.summaryClause)", unfinished: true)
        } else {
            // An absent field of the record points at the front matter's start,
            // like every whole-record finding; an entry's, at the entry.
            collector.report(.missingField, at: entryLabel == nil ? .start : decoded.position,
                "\(prefix(entryLabel))missing '\(spec.name)'\(because): \(spec.summaryClause)", unfinished: true)
        }
    }

    static func isBlank(_ value: FieldValue?) -> Bool {
        switch value {
        case nil: return true
        case .text(let text)?: return text.value.trimmingSpaces().isEmpty
        case .date?: return false
        case .list(let items)?: return items.isEmpty
        case .entries(let items)?: return items.isEmpty
        }
    }

    // MARK: - Values

    private func decodeValue(_ node: Node, as spec: FieldSpec, entryLabel: String?,
                             into collector: inout DiagnosticCollector) -> FieldValue? {
        let position = reader.position(of: node.mark)
        let label = "\(prefix(entryLabel))'\(spec.name)'"
        switch spec.type {
        case .kind:
            return nil
        case .text, .team, .reference:
            return scalar(node, label: label, into: &collector).map { .text(Located($0, at: position)) }
        case .date:
            guard let text = scalar(node, label: label, into: &collector) else { return nil }
            switch CalendarDate.parse(text) {
            case .success(let date): return .date(Located(date, at: position))
            case .failure(let error):
                collector.report(.invalidDate, at: position, "\(label): \(error.message(for: text))")
                return nil
            }
        case .choice(let allowed):
            return choice(node, allowed: allowed, label: label, into: &collector)
        case .area:
            return choice(node, allowed: areas, label: label, into: &collector)
        case .teams, .references, .words:
            return list(node, label: label, example: spec.example ?? "\(spec.name): [...]", into: &collector)
        case .entries(let schema):
            return entries(node, schema: schema, label: label, into: &collector)
        }
    }

    private func scalar(_ node: Node, label: String, into collector: inout DiagnosticCollector) -> String? {
        guard let scalar = node.scalar else {
            collector.report(.wrongType, at: reader.position(of: node.mark), "\(label) must be text, not \(describe(node))")
            return nil
        }
        return scalar.string
    }

    private func choice(_ node: Node, allowed: [String], label: String, into collector: inout DiagnosticCollector) -> FieldValue? {
        guard let text = scalar(node, label: label, into: &collector) else { return nil }
        let position = reader.position(of: node.mark)
        if allowed.contains(text) { return .text(Located(text, at: position)) }
        let choices = allowed.joined(separator: ", ")
        if let placeholder = Placeholder.first(in: text) {
            collector.report(.invalidValue, at: position, "\(label) is still the placeholder '\(placeholder)': choose one of \(choices)",
                             unfinished: true)
        } else if let suggestion = Suggestion.closest(to: text, among: allowed) {
            collector.report(.invalidValue, at: position, "\(label) cannot be '\(text)' (did you mean '\(suggestion)'?); it is one of \(choices)")
        } else {
            collector.report(.invalidValue, at: position, "\(label) cannot be '\(text)'; it is one of \(choices)")
        }
        return nil
    }

    private func list(_ node: Node, label: String, example: String, into collector: inout DiagnosticCollector) -> FieldValue? {
        guard let sequence = node.sequence else {
            collector.report(.wrongType, at: reader.position(of: node.mark), "\(label) must be a list, e.g. \(example)")
            return nil
        }
        var items: [Located<String>] = []
        for item in sequence {
            guard let text = item.scalar?.string, !item.isNull else {
                collector.report(.wrongType, at: reader.position(of: item.mark),
                    "each item of \(label) must be text, not \(describe(item))")
                continue
            }
            items.append(Located(text, at: reader.position(of: item.mark)))
        }
        return .list(items)
    }

    private func entries(_ node: Node, schema: EntrySchema, label: String, into collector: inout DiagnosticCollector) -> FieldValue? {
        let fieldNames = schema.fields.map(\.name).joined(separator: ", ")
        guard let sequence = node.sequence else {
            collector.report(.wrongType, at: reader.position(of: node.mark),
                "\(label) must be a list of entries with \(fieldNames)")
            return nil
        }
        var items: [DecodedFields] = []
        for (index, item) in sequence.enumerated() {
            let entryLabel = "\(schema.noun) \(index + 1)"
            guard let mapping = item.mapping else {
                collector.report(.wrongType, at: reader.position(of: item.mark),
                    "\(entryLabel) must be a mapping with \(fieldNames), not \(describe(item))")
                continue
            }
            var entry = decode(mapping, fields: schema.fields, entryLabel: entryLabel, into: &collector)
            entry.number = index + 1
            items.append(entry)
        }
        return .entries(items)
    }

    private func prefix(_ entryLabel: String?) -> String {
        entryLabel.map { "\($0): " } ?? ""
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar: return node.isNull ? "empty" : "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
