/// Finding a record by the id a person typed.
public enum RecordLookup {
    /// The record with this id, or, failing that, the one whose id matches
    /// without case; throws `noSuchRecord` with the closest id as a suggestion.
    public static func record(withID id: String, in records: [Record]) throws -> Record {
        if let record = records.first(where: { $0.id == id }) ?? records.first(where: { $0.id.lowercased() == id.lowercased() }) {
            return record
        }
        throw KaizenError.noSuchRecord(id: id, suggestion: Suggestion.closest(to: id, among: records.map(\.id)))
    }

    /// The records that refer to `id`, by id.
    public static func records(linkingTo id: String, in records: [Record]) -> [Record] {
        records.filter { $0.links(to: id) }.sorted { $0.id < $1.id }
    }
}
