import Foundation

/// `kaizen recommend`: the improvements recommended to a team, best first,
/// each with its score and the reasons for it in words.
public struct RecommendationFormatter: Sendable {
    public var format: ListFormat
    public var today: CalendarDate
    public var displayPath: @Sendable (String) -> String

    public init(format: ListFormat, today: CalendarDate, displayPath: @escaping @Sendable (String) -> String) {
        self.format = format
        self.today = today
        self.displayPath = displayPath
    }

    public func render(_ report: RecommendationReport) -> String {
        switch format {
        case .json: return json(report)
        case .text: return text(report)
        }
    }

    private func text(_ report: RecommendationReport) -> String {
        if let reason = report.emptyReason { return reason + "\n" }
        var lines = ["Improvements proven in other teams that \(report.team) has not tried, best first:"]
        for (number, recommendation) in report.recommendations.enumerated() {
            let record = recommendation.improvement
            lines.append("")
            lines.append("\(number + 1). \(record.id) (\(SimilarFormatter.facts(of: record)); score \(String(format: "%.2f", recommendation.score)))")
            if let title = record.title?.value { lines.append("   \(title)") }
            for reason in recommendation.reasons { lines.append("   - \(reason)") }
        }
        let more = report.candidateCount - report.recommendations.count
        if more > 0 {
            lines.append("")
            lines.append("\(more) more: --limit \(report.candidateCount) shows them")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ report: RecommendationReport) -> String {
        var json = JSONWriter()
        json.object([
            ("message", { $0.string(report.emptyReason) }),
            ("recommendations", { json in
                json.beginArray()
                for recommendation in report.recommendations { json.object(members(of: recommendation)) }
                json.endArray()
            }),
            ("team", { $0.string(report.team) }),
            ("today", { $0.string(today.description) }),
            ("version", { $0.integer(1) }),
        ])
        return json.text
    }

    private func members(of recommendation: Recommendation) -> [JSONWriter.Member] {
        let record = recommendation.improvement
        return SimilarFormatter.members(of: record, path: displayPath(record.path)) + [
            ("addresses", { json in
                json.beginArray()
                for constraint in recommendation.addresses {
                    json.object([
                        ("id", { $0.string(constraint.id) }),
                        ("observations", { $0.integer(Int64(constraint.observations)) }),
                        ("recent", { $0.integer(Int64(constraint.recent)) }),
                    ])
                }
                json.endArray()
            }),
            ("matchedWords", { json in
                json.beginArray()
                for match in recommendation.matchedWords {
                    json.object([("constraint", { $0.string(match.constraint) }), ("word", { $0.string(match.word) })])
                }
                json.endArray()
            }),
            ("origin", { $0.string(record.improvement?.origin?.value) }),
            ("reasons", { $0.strings(recommendation.reasons) }),
            ("retainedBy", { $0.strings(recommendation.retainedBy) }),
            ("score", { $0.number(recommendation.score) }),
            ("scores", { json in
                json.object([
                    ("constraints", { $0.integer(Int64(recommendation.addresses.reduce(0) { $0 + $1.weight })) }),
                    ("retained", { $0.integer(Int64(recommendation.retainedBy.count)) }),
                    ("text", { $0.number(recommendation.text) }),
                ])
            }),
        ]
    }
}
