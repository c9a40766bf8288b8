
/// `kaizen schema`: JSON Schema (draft 2020-12) of each kind's front matter,
/// built from the same field table the parser uses, with this workspace's
/// teams and areas as the allowed values.
public struct JSONSchemaGenerator: Sendable {
    public let config: KaizenConfig

    public init(config: KaizenConfig) {
        self.config = config
    }

    /// One kind's schema, or (for nil) a schema accepting any kind's front
    /// matter, chosen by its `kind`.
    public func render(kind: RecordKind?) -> String {
        JSONOutput.encode(document(kind: kind))
    }

    func document(kind: RecordKind?) -> JSONValue {
        let header: [String: JSONValue] = [
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "$defs": .object(["date": dateSchema]),
        ]
        guard let kind else {
            var defs: [String: JSONValue] = ["date": dateSchema]
            for kind in RecordKind.allCases { defs[kind.rawValue] = schema(for: kind) }
            return .object(header.merging([
                "title": .string("kaizen record front matter"),
                "$defs": .object(defs),
                "oneOf": .array(RecordKind.allCases.map { .object(["$ref": .string("#/$defs/\($0.rawValue)")]) }),
            ]) { $1 })
        }
        guard case .object(let body) = schema(for: kind) else { return schema(for: kind) }
        return .object(header.merging(body) { $1 })
    }

    /// `format: date` is only an annotation unless a validator is asked to
    /// check formats, so the pattern catches malformed dates everywhere. It
    /// keeps months to 01-12 and days to 01-31; a pattern cannot know month
    /// lengths, so `2026-02-30` passes it and only format checking (and
    /// `kaizen check`) rejects it.
    private var dateSchema: JSONValue {
        .object([
            "type": .string("string"),
            "pattern": .string("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"),
            "format": .string("date"),
            "description": .string("A calendar date, YYYY-MM-DD."),
        ])
    }

    private func schema(for kind: RecordKind) -> JSONValue {
        var object = mapping(RecordSchema.fields(for: kind), kind: kind)
        object["title"] = .string("kaizen \(kind.rawValue)")
        let conditional = RecordSchema.fields(for: kind).compactMap { spec -> (String, [String])? in
            if case .whenStatus(let statuses) = spec.requirement { return (spec.name, statuses) }
            return nil
        }
        let statuses = Array(Set(conditional.flatMap(\.1))).sorted()
        if !statuses.isEmpty {
            object["allOf"] = .array(statuses.map { status in
                .object([
                    "if": .object([
                        "properties": .object(["status": .object(["const": .string(status)])]),
                        "required": .array([.string("status")]),
                    ]),
                    "then": .object(["required": .array(conditional.filter { $0.1.contains(status) }.map { .string($0.0) })]),
                ])
            })
        }
        return .object(object)
    }

    private func mapping(_ specs: [FieldSpec], kind: RecordKind?) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for spec in specs {
            var property = type(of: spec, kind: kind)
            // kaizen reports an always-required field that is empty, or only
            // white space, as missing.
            if spec.requirement == .always {
                switch spec.type {
                case .text:
                    property["minLength"] = .number(1)
                    property["pattern"] = .string("\\S")
                case .entries: property["minItems"] = .number(1)
                default: break
                }
            }
            property["description"] = .string(spec.summary)
            properties[spec.name] = .object(property)
        }
        return [
            "type": .string("object"),
            "properties": .object(properties),
            "required": .array(specs.filter { $0.requirement == .always }.map { .string($0.name) }),
            "additionalProperties": .bool(false),
        ]
    }

    private func type(of spec: FieldSpec, kind: RecordKind?) -> [String: JSONValue] {
        // kaizen reads any scalar as text, and editors' YAML parsers type `48` as a number.
        let text: [String: JSONValue] = ["type": .array(["string", "number", "boolean"].map(JSONValue.string))]
        switch spec.type {
        case .kind:
            return ["const": .string(kind?.rawValue ?? "")]
        case .text, .reference:
            return text
        case .date:
            return ["$ref": .string("#/$defs/date")]
        case .choice(let values):
            return ["enum": .array(values.map(JSONValue.string))]
        case .area:
            return ["enum": .array(config.areas.map(JSONValue.string))]
        case .team:
            return teamSchema
        case .teams:
            return ["type": .string("array"), "items": .object(teamSchema), "minItems": .number(1)]
        case .references, .words:
            return ["type": .string("array"), "items": .object(text)]
        case .entries(let entry):
            var item = mapping(entry.fields, kind: nil)
            item["title"] = .string(entry.noun)
            return ["type": .string("array"), "items": .object(item)]
        }
    }

    private var teamSchema: [String: JSONValue] {
        config.teams.isEmpty ? ["type": .string("string")] : ["enum": .array(config.teamIDs.map(JSONValue.string))]
    }
}
