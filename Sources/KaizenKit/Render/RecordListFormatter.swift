/// Which records `kaizen list` shows.
public struct RecordFilter: Sendable {
    public var kind: RecordKind?
    public var team: String?
    public var status: String?

    public init(kind: RecordKind? = nil, team: String? = nil, status: String? = nil) {
        self.kind = kind
        self.team = team
        self.status = status
    }

    public func matches(_ record: Record) -> Bool {
        (kind == nil || record.kind == kind)
            && (team == nil || record.teams.contains(team!))
            && (status == nil || record.status?.value == status)
    }

    /// The records of the working tree of `workspace` that match.
    public func records(in workspace: Workspace) throws -> [Record] {
        try RecordLoader(workspace: workspace).loadAllRecords().filter(matches)
    }

    /// Every status any kind can have, for validating `--status`.
    public static let allStatuses: [String] = ImprovementStatus.allCases.map(\.rawValue)
        + ExperimentStatus.allCases.map(\.rawValue) + ConstraintStatus.allCases.map(\.rawValue)
}

public enum ListFormat: String, Sendable, CaseIterable {
    case text
    case json
}

/// `kaizen list`'s formats: a list of records is also a table for a spreadsheet.
public enum RecordListFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

/// `kaizen list`: a table, JSON or CSV, of records sorted by kind then id.
public struct RecordListFormatter: Sendable {
    public var format: RecordListFormat
    public var config: KaizenConfig
    public var today: CalendarDate
    /// When given, each record shows how long it has had its status.
    public var history: WorkspaceHistory?

    public init(format: RecordListFormat, config: KaizenConfig, today: CalendarDate, history: WorkspaceHistory? = nil) {
        self.format = format
        self.config = config
        self.today = today
        self.history = history
    }

    public func render(_ records: [Record]) -> String {
        let sorted = records.sorted { ($0.kindOrder, $0.id) < ($1.kindOrder, $1.id) }
        switch format {
        case .json:
            struct Document: Encodable {
                var version = 1
                var records: [RecordJSON]
            }
            return JSONOutput.encode(Document(records: sorted.map {
                RecordJSON($0, config: config, today: today, includeSections: false, history: history)
            }))
        case .csv:
            return CSVText.document([["id", "kind", "status", "status_since", "days_in_status", "teams", "title", "path"]] + sorted.map { record in
                let status = record.status?.value
                return [record.id, record.kind?.rawValue ?? "", status ?? "",
                        history?.statusSince(ofRecordAt: record.path, currentStatus: status)?.day ?? "",
                        history?.daysInStatus(ofRecordAt: record.path, currentStatus: status, today: today).map(String.init) ?? "",
                        record.teams.joined(separator: " "), record.title?.value ?? "", record.path]
            })
        case .text:
            guard let history else {
                let rows = sorted.map { record in
                    [record.id, record.kind?.rawValue ?? "?", record.status?.value ?? "?",
                     record.teams.joined(separator: ","), record.title?.value ?? ""]
                }
                return TextTable(header: ["ID", "KIND", "STATUS", "TEAMS", "TITLE"], rows: rows).render()
            }
            let rows = sorted.map { record in
                let days = history.daysInStatus(ofRecordAt: record.path, currentStatus: record.status?.value, today: today)
                return [record.id, record.kind?.rawValue ?? "?", record.status?.value ?? "?", days.map { "\($0)d" } ?? "-",
                        record.teams.joined(separator: ","), record.title?.value ?? ""]
            }
            return TextTable(header: ["ID", "KIND", "STATUS", "FOR", "TEAMS", "TITLE"], rows: rows).render()
        }
    }
}

/// Left-aligned columns separated by two spaces; the last column is not padded.
struct TextTable {
    let header: [String]
    let rows: [[String]]

    func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
