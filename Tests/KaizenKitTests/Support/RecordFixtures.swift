@testable import KaizenKit

/// Records parsed from Markdown held in memory, and short ways to write them.
enum RecordFixtures {
    static func records(_ files: [(path: String, text: String)], config: KaizenConfig = KaizenConfig()) -> [Record] {
        let parser = RecordParser(config: config)
        return files.map { file in
            parser.parse(Array(file.text.utf8), path: file.path, folderKind: config.folderKind(ofPath: file.path)).record
        }
    }

    /// `[a, b]` in YAML.
    private static func list(_ items: [String]) -> String {
        "[\(items.joined(separator: ", "))]"
    }

    /// A body of `## Summary` with `summary`, or none when it is empty.
    private static func body(_ summary: String) -> String {
        summary.isEmpty ? "" : "\n## Summary\n\n\(summary)\n"
    }

    static func improvement(_ id: String, title: String, status: String = "proven", origin: String = "beta",
                            area: String = "flow", constraints: [String] = [], tags: [String] = [],
                            summary: String = "") -> (path: String, text: String) {
        ("improvements/\(id).md", """
            ---
            kind: improvement
            title: \(title)
            status: \(status)
            origin: \(origin)
            level: team
            area: \(area)
            constraints: \(list(constraints))
            tags: \(list(tags))
            ---
            \(body(summary))
            """)
    }

    /// A concluded experiment by `teams` with `outcome`, or a planned one when `outcome` is nil.
    static func experiment(_ id: String, teams: [String], improvement: String?, outcome: String? = "retained",
                           tags: [String] = []) -> (path: String, text: String) {
        let ending = outcome.map { "status: concluded\nstart: 2026-09-01\noutcome: \($0)\nconcluded: 2026-10-01" } ?? "status: planned"
        return ("experiments/\(id).md", """
            ---
            kind: experiment
            title: Trial of \(improvement ?? "something")
            teams: \(list(teams))
            \(improvement.map { "improvement: \($0)" } ?? "")
            hypothesis: If we try it, we expect lead time to fall from 9 to 5 days
            signals: [{metric: lead time (days), baseline: 9, target: 5, result: 5}]
            \(ending)
            review-by: 2026-10-15
            rollback: stop
            tags: \(list(tags))
            ---

            ## Learnings

            It worked.
            """)
    }

    /// A constraint observed on each of `observed` (date, team).
    static func constraint(_ id: String, title: String, status: String = "open", tags: [String] = [],
                           observed: [(date: String, team: String)], summary: String = "") -> (path: String, text: String) {
        let observations = observed.map { "  - {date: \($0.date), team: \($0.team), note: seen}" }.joined(separator: "\n")
        return ("constraints/\(id).md", """
            ---
            kind: constraint
            title: \(title)
            status: \(status)
            level: team
            tags: \(list(tags))
            observed:
            \(observations)
            ---
            \(body(summary))
            """)
    }
}
