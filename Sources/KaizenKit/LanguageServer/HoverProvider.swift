/// Hover on a referenced id: the record's title, kind and status, and, where
/// git history is available, when its status last changed and by whom.
enum HoverProvider {
    /// Markdown for `record`, which the reference `id` names.
    static func hover(forID id: String, record: Record, history: WorkspaceHistory?) -> String {
        var lines = ["**\(record.title?.value ?? id)**", ""]
        let kind = record.kind?.rawValue ?? "record"
        lines.append("\(kind) `\(record.id)` · status: \(record.status?.value ?? "not set")")
        if let history = history?.history(ofRecordAt: record.path),
           let change = history.events.last(where: { $0.field == "status" && $0.from != $0.to }) {
            let verb = change.kind == .created ? "created as \(change.to ?? "no status")" : "status changed \(change.from ?? "unset") → \(change.to ?? "unset")"
            lines.append("")
            lines.append("Last status change: \(verb) on \(change.commit.date.day) by \(change.commit.author.name) (commit \(String(change.commit.id.description.prefix(7))))")
            if change.to != record.status?.value {
                lines.append("")
                lines.append("The status in the working tree differs from the last commit.")
            }
        }
        return lines.joined(separator: "\n")
    }
}
