/// `kaizen similar`: the records most like one record, best first, each with
/// its similarity and the words it shares most with that record.
public struct SimilarFormatter: Sendable {
    public var format: ListFormat
    /// The kind the matches were limited to, if any.
    public var kind: RecordKind?
    public var displayPath: @Sendable (String) -> String

    public init(format: ListFormat, kind: RecordKind?, displayPath: @escaping @Sendable (String) -> String) {
        self.format = format
        self.kind = kind
        self.displayPath = displayPath
    }

    public func render(_ record: Record, matches: [RecordSimilarity.Match]) -> String {
        switch format {
        case .json: return json(record, matches: matches)
        case .text: return text(record, matches: matches)
        }
    }

    /// What `kaizen new` says on stderr when records like the new one exist.
    /// A new constraint like a recorded one is more likely a sighting of it,
    /// so the notice gives the `kaizen observe` that records it there instead.
    public func lookalikeNotice(for record: Record, _ matches: [RecordSimilarity.Match]) -> String {
        guard let kind = record.kind, let closest = matches.first else { return "" }
        var lines = [kind == .constraint
            ? "kaizen: constraints like this one are recorded already; if yours is one of them, add your sighting to it, so its observations stay together:"
            : "kaizen: \(kind.rawValue)s like this one exist already; building on one may be quicker than starting another:"]
        for match in matches {
            lines.append("  \(Self.percent(match.similarity).leftPadded(to: 4))  \(match.record.id) (\(Self.facts(of: match.record))): \(match.record.title?.value ?? "")")
        }
        if let observation = record.constraint?.observed.first {
            let team = observation.team?.value ?? "TEAM"
            let note = observation.note?.value ?? "what you saw"
            lines.append("  to add it to \(closest.record.id) instead: rm \(Self.shellWord(displayPath(record.path))) && "
                + "kaizen observe \(Self.shellWord(closest.record.id)) --team \(Self.shellWord(team)) --note \(Self.shellWord(note))")
        }
        lines.append("  (`kaizen similar \(displayPath(record.path))` shows the words they share)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as one word of a POSIX shell command: as it is when it holds
    /// nothing the shell reads specially, else single-quoted.
    static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./@%+=:,".unicodeScalars.contains(scalar))
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// "improvement, proven, from checkout".
    static func facts(of record: Record) -> String {
        [record.kind?.rawValue ?? "unknown kind", record.status?.value, record.improvement?.origin.map { "from \($0.value)" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// "85%"; a similarity that rounds to nothing but is not nothing, "<1%".
    static func percent(_ similarity: Double) -> String {
        let percent = Int((similarity * 100).rounded())
        return percent == 0 && similarity > 0 ? "<1%" : "\(percent)%"
    }

    private func text(_ record: Record, matches: [RecordSimilarity.Match]) -> String {
        let what = kind.map { "\($0.rawValue)s" } ?? "records"
        guard !matches.isEmpty else {
            return "No \(kind?.rawValue ?? "record") shares a word with \(record.id) (\(displayPath(record.path))).\n"
        }
        var lines = ["The \(what) most like \(record.id) (\(displayPath(record.path))), most similar first:", ""]
        for match in matches {
            lines.append("\(Self.percent(match.similarity).leftPadded(to: 4))  \(match.record.id) (\(Self.facts(of: match.record)))")
            if let title = match.record.title?.value { lines.append("      \(title)") }
            lines.append("      shared words: \(match.sharedWords.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ record: Record, matches: [RecordSimilarity.Match]) -> String {
        var json = JSONWriter()
        json.object([
            ("kind", { $0.string(kind?.rawValue) }),
            ("record", { $0.object(Self.members(of: record, path: displayPath(record.path))) }),
            ("similar", { json in
                json.beginArray()
                for match in matches {
                    json.object(Self.members(of: match.record, path: displayPath(match.record.path)) + [
                        ("sharedWords", { $0.strings(match.sharedWords) }),
                        ("similarity", { $0.number(match.similarity) }),
                    ])
                }
                json.endArray()
            }),
            ("version", { $0.integer(1) }),
        ])
        return json.text
    }

    /// A record in JSON: its id, kind, path, status and title.
    static func members(of record: Record, path: String) -> [JSONWriter.Member] {
        [
            ("id", { $0.string(record.id) }),
            ("kind", { $0.string(record.kind?.rawValue) }),
            ("path", { $0.string(path) }),
            ("status", { $0.string(record.status?.value) }),
            ("title", { $0.string(record.title?.value) }),
        ]
    }
}

extension String {
    /// The text with spaces before it, to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
