@testable import KaizenKit

/// Commits and snapshots for folding tests, with readable ids and dates.
enum TimelineSample {
    static func commit(_ number: Int, day: Int, author: String = "Ana Lima") -> CommitStamp {
        let hex = String(repeating: "0", count: 40 - String(number).count) + String(number)
        return CommitStamp(id: ObjectID(hex: hex)!, date: GitTime(seconds: Int64(day) * 86_400, offsetMinutes: 60),
                           author: GitSignature(name: author, email: author.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"))
    }

    /// The changes of commit `number`, made on `day`.
    static func delta(_ number: Int, day: Int, author: String = "Ana Lima", added: [(path: String, snapshot: FrontMatterSnapshot)] = [],
                      modified: [(path: String, snapshot: FrontMatterSnapshot)] = [], deleted: [String] = [],
                      renames: [CommitDelta.Rename] = []) -> CommitDelta {
        CommitDelta(commit: commit(number, day: day, author: author), renames: renames, modified: modified, deleted: deleted, added: added)
    }

    /// The timeline of `deltas`, folded oldest first, with `fields` tracked.
    static func timeline(tracking fields: [String] = ["status"], _ deltas: [CommitDelta]) -> Timeline {
        var builder = TimelineBuilder(fields: fields)
        for delta in deltas { builder.apply(delta) }
        return builder.timeline(ref: "HEAD")
    }

    static func snapshot(_ values: String?..., id: String? = nil, teams: [String] = ["payments"]) -> FrontMatterSnapshot {
        FrontMatterSnapshot(id: id, title: "A title", teams: teams, values: values, readable: true)
    }

    static func summary(_ record: RecordHistory?) -> [String] {
        (record?.events ?? []).map { event in
            switch event.kind {
            case .created: return "created \(event.field ?? "-")=\(event.to ?? "null") at \(event.toPath ?? "")"
            case .changed: return "changed \(event.field ?? "-") \(event.from ?? "null") -> \(event.to ?? "null")"
            case .renamed: return "renamed \(event.fromPath ?? "") -> \(event.toPath ?? "")"
            case .deleted: return "deleted \(event.from ?? "null") at \(event.fromPath ?? "")"
            case .skipped: return "skipped at \(event.toPath ?? "")"
            }
        }
    }
}

extension Timeline {
    func record(_ id: String) -> RecordHistory? { records.first { $0.id == id } }
}
