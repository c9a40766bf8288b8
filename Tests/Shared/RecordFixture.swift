/// A record file for a test. Built, it is a valid record of its kind: every
/// field has a standard value, and the test names only what it changes, so a
/// change to the schema is made here rather than in every test. Written out
/// (`init(_:_:)`), it is the text a test is about, as the test gives it.
///
/// A field's value is YAML as it follows `key: `. A value of several lines,
/// or one that starts as a list item (`- `), is set on the lines below its
/// key, indented by two spaces. Any value may carry position markers (1️⃣ …
/// 9️⃣, read by MarkedText); `markingKey` and `markingStart` put one before a
/// key or at the start of the file.
///
/// Compiled into both test targets, through a link in each, so it uses
/// nothing but the standard library.
struct RecordFixture {
    /// Where the file lives, from the repository's root.
    let path: String
    /// The file's contents, markers included.
    let text: String

    /// A file as the test writes it.
    init(_ path: String, _ text: String) {
        self.path = path
        self.text = text
    }

    /// What a builder writes for one field, or for the body.
    enum Value: ExpressibleByStringInterpolation {
        /// What a valid record of its kind and status has there.
        case standard
        /// No line for the field; no body.
        case absent
        /// This text: YAML for a field, Markdown for the body.
        case text(String)

        init(stringLiteral text: String) {
            self = .text(text)
        }

        /// A body of one `## Summary` section holding `text`.
        static func summary(_ text: String) -> Value {
            .text("## Summary\n\n\(text)\n")
        }

        fileprivate func resolved(_ standard: @autoclosure () -> String? = nil) -> String? {
            switch self {
            case .standard: standard()
            case .absent: nil
            case .text(let text): text
            }
        }
    }

    /// The same file with `marker` before the first line that starts with `key:`.
    func markingKey(_ key: String, _ marker: Character) -> RecordFixture {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let line = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) else {
            preconditionFailure("\(path) has no field \(key)")
        }
        lines[line] = Self.keycap(marker) + lines[line]
        return RecordFixture(path, lines.joined(separator: "\n"))
    }

    /// The same file with `marker` before its first character: where a finding
    /// about the whole record points.
    func markingStart(_ marker: Character) -> RecordFixture {
        RecordFixture(path, Self.keycap(marker) + text)
    }

    /// The marker for `digit`: 1 gives 1️⃣.
    private static func keycap(_ digit: Character) -> String {
        "\(digit)\u{FE0F}\u{20E3}"
    }
}

// MARK: Standard values

extension RecordFixture {
    static let hypothesis = "If we pair on reviews, we expect review wait to fall from 48 to 4 hours"
    static let signals = """
        - metric: review wait (hours)
          baseline: 48
          target: 4
        """
    /// A concluded experiment's signals: the standard ones with a result that met the target.
    static let signalsWithResult = signals + "\n  result: 3"
    static let plan = "## Plan\n\nPair on every review for six weeks.\n"
    static let learnings = "## Learnings\n\nPairing halved the wait, but only while both reviewers sat in the same room.\n"
    /// The sections a proven improvement must have written.
    static let guide = """
        ## Summary

        Two people review every change together.

        ## Context

        Works for teams of four or more who review within a day.

        ## Implementation guide

        1. Pair reviewers on a rota.
        2. Review together, on one screen.

        ## Adaptation notes

        Remote teams pair over a shared editor.

        """
}

// MARK: Builders

extension RecordFixture {
    /// A running experiment (planned or concluded as `status` says) at
    /// `folder/id.md`. A planned one has no start; a concluded one has a
    /// result for each signal, an outcome, a date and its learnings.
    static func experiment(
        _ id: String, in folder: String = "experiments", kind: Value = "experiment", title: Value = "Review pairs",
        teams: Value = "[payments]", improvement: Value = .absent, constraints: Value = .absent,
        hypothesis: Value = .text(RecordFixture.hypothesis), signals: Value = .standard, status: Value = "running",
        start: Value = .standard, reviewBy: Value = "2026-12-18", extensions: Value = .absent, rollback: Value = "stop pairing",
        outcome: Value = .standard, outcomeReason: Value = .absent, concluded: Value = .standard, tags: Value = .absent,
        extra: String = "", body: Value = .standard
    ) -> RecordFixture {
        let written = status.resolved().map(unmarked) ?? ""
        let isConcluded = written == "concluded", isPlanned = written == "planned"
        return record(at: "\(folder)/\(id).md", [
            ("kind", kind.resolved()), ("title", title.resolved()), ("teams", teams.resolved()), ("improvement", improvement.resolved()),
            ("constraints", constraints.resolved()), ("hypothesis", hypothesis.resolved()),
            ("signals", signals.resolved(isConcluded ? signalsWithResult : Self.signals)), ("status", status.resolved("running")),
            ("start", start.resolved(isPlanned ? nil : "2026-10-01")), ("review-by", reviewBy.resolved()),
            ("extensions", extensions.resolved()), ("rollback", rollback.resolved()), ("outcome", outcome.resolved(isConcluded ? "retained" : nil)),
            ("outcome-reason", outcomeReason.resolved()), ("concluded", concluded.resolved(isConcluded ? "2026-11-15" : nil)),
            ("tags", tags.resolved()),
        ], extra: extra, body: body.resolved(isConcluded ? plan + "\n" + learnings : plan))
    }

    /// A trialling improvement at `folder/id.md`, with no body; a proven one
    /// has its guide.
    static func improvement(
        _ id: String, in folder: String = "improvements", kind: Value = "improvement", title: Value = "Review pairs",
        status: Value = "trialling", origin: Value = "payments", level: Value = "team", area: Value = "flow",
        constraints: Value = .absent, tags: Value = .absent, extra: String = "", body: Value = .standard
    ) -> RecordFixture {
        let isProven = status.resolved().map(unmarked) == "proven"
        return record(at: "\(folder)/\(id).md", [
            ("kind", kind.resolved()), ("title", title.resolved()), ("status", status.resolved()), ("origin", origin.resolved()),
            ("level", level.resolved()), ("area", area.resolved()), ("constraints", constraints.resolved()), ("tags", tags.resolved()),
        ], extra: extra, body: body.resolved(isProven ? guide : nil))
    }

    /// An open constraint seen once, at `folder/id.md`, with no body.
    static func constraint(
        _ id: String, in folder: String = "constraints", kind: Value = "constraint", title: Value = "Weekly change-advisory board",
        status: Value = "open", level: Value = "system", observed: Value = "[{date: 2026-09-14, team: payments}]",
        tags: Value = .absent, extra: String = "", body: Value = .absent
    ) -> RecordFixture {
        record(at: "\(folder)/\(id).md", [
            ("kind", kind.resolved()), ("title", title.resolved()), ("status", status.resolved()), ("level", level.resolved()),
            ("observed", observed.resolved()), ("tags", tags.resolved()),
        ], extra: extra, body: body.resolved())
    }

    /// `---`, a line for each field that has a value, the `extra` lines (as
    /// written, below the fields), `---`, then the body after a blank line.
    private static func record(at path: String, _ fields: [(key: String, value: String?)], extra: String,
                               body: String?) -> RecordFixture {
        let lines = fields.compactMap { field in field.value.map { line(field.key, $0) } } + extra.split(separator: "\n").map(String.init)
        let frontMatter = (["---"] + lines + ["---"]).joined(separator: "\n") + "\n"
        return RecordFixture(path, body.map { frontMatter + "\n" + $0 } ?? frontMatter)
    }

    /// `key: value`, or `key:` and the value's lines below it.
    private static func line(_ key: String, _ value: String) -> String {
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let indented = lines.map { $0.isEmpty ? "" : "  " + $0 }
        let first = unmarked(lines[0])
        if first == "-" || first.hasPrefix("- ") {
            return (["\(key):"] + indented).joined(separator: "\n")
        }
        return ([lines[0].isEmpty ? "\(key):" : "\(key): \(lines[0])"] + indented.dropFirst()).joined(separator: "\n")
    }

    private static let markers = Set("123456789".map { Character(keycap($0)) })

    /// `text` without its position markers.
    private static func unmarked(_ text: String) -> String {
        text.filter { !markers.contains($0) }
    }
}
