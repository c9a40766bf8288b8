/// Which field of `RecordSchema` a place in the front matter is, and which
/// values it takes: completion and code actions ask here, so that neither
/// repeats the schema's lists.
enum FrontMatterFields {
    /// The top-level fields of a record of `kind`; kind and title only while the kind is unknown.
    static func fields(for kind: RecordKind?) -> [FieldSpec] {
        kind.map(RecordSchema.fields(for:)) ?? [RecordSchema.kindField, RecordSchema.titleField]
    }

    /// The field `key` names: a top-level field when `entryOf` is nil, else a
    /// field of an entry in the list of mappings `entryOf`.
    static func spec(_ key: String, entryOf parent: String?, kind: RecordKind?) -> FieldSpec? {
        let fields = fields(for: kind)
        guard let parent else { return fields.first { $0.name == key } }
        guard case .entries(let schema)? = fields.first(where: { $0.name == parent })?.type else { return nil }
        return schema.fields.first { $0.name == key }
    }

    /// The fixed set of values a field of this type takes, if it has one.
    static func choices(for type: FieldType, config: KaizenConfig) -> [String]? {
        switch type {
        case .kind: return RecordKind.allCases.map(\.rawValue)
        case .choice(let values): return values
        case .area: return config.areas
        default: return nil
        }
    }
}
