/// What `kaizen adopt` was asked for.
public struct AdoptionRequest: Sendable {
    /// The id of the improvement to adopt.
    public var improvement: String
    /// The adopting team.
    public var team: String
    /// The new experiment's id; made from its title when nil.
    public var id: String?
    /// Defaults as for `kaizen new`: 30 days on, or the maximum duration if shorter.
    public var reviewBy: CalendarDate?
    public var today: CalendarDate

    public init(improvement: String, team: String, id: String? = nil, reviewBy: CalendarDate? = nil, today: CalendarDate) {
        self.improvement = improvement
        self.team = team
        self.id = id
        self.reviewBy = reviewBy
        self.today = today
    }
}

/// Starts an adoption: a planned experiment in which one team trials an
/// improvement another team developed, prefilled from the improvement and
/// from the origin team's retained experiments, so the adopting team starts
/// from what was learned instead of a blank template.
public struct AdoptionCreator: Sendable {
    /// What the adopting team measures before it starts.
    static let baselinePlaceholder = "<our value today>"

    let workspace: Workspace
    /// Every record of the workspace, with its parse.
    let parsed: [ParsedRecord]

    public init(workspace: Workspace, parsed: [ParsedRecord]) {
        self.workspace = workspace
        self.parsed = parsed
    }

    /// The new experiment's workspace-relative path, and a note when the
    /// improvement's status lags its experiments (adopted as what they show).
    public struct Adoption: Sendable, Equatable {
        public var path: String
        public var note: String?
    }

    /// Writes the new experiment (never over an existing file).
    public func create(_ request: AdoptionRequest) throws -> Adoption {
        let records = parsed.map(\.record)
        let creator = RecordCreator(workspace: workspace, records: records)
        let team = try workspace.config.team(given: request.team)
        let (record, improvement, note) = try adoptable(request.improvement, by: team, in: records)
        let origin = improvement.origin!.value
        let evidence = retainedExperiments(of: record.id, by: origin, in: records)
        let title = "\(teamName(team)) adopts \(Self.midSentence(record.title?.value.trimmingSpaces() ?? record.id))"
        var (path, text) = try creator.render(NewRecordRequest(
            kind: .experiment, title: title, id: request.id, team: team, improvement: record.id,
            reviewBy: request.reviewBy, today: request.today))
        text = try prefillFrontMatter(text, improvement: record, origin: origin, evidence: evidence)
        text = Self.addingToPlan(planText(for: record, origin: origin, evidence: evidence, newPath: path), in: text)
        try AtomicFile.create(at: workspace.url(for: path), contents: text)
        return Adoption(path: path, note: note)
    }

    // MARK: - Refusals

    /// The improvement, if `team` may adopt it now, and a note when its status
    /// lags its experiments: it is judged by what they show.
    private func adoptable(_ id: String, by team: String, in records: [Record]) throws -> (Record, ImprovementRecord, String?) {
        let record = try RecordLookup.record(withID: id, in: records)
        guard let improvement = record.improvement else {
            let kind = record.kind.map(\.withArticle) ?? "not a record kaizen can read"
            throw KaizenError.invalidArgument(
                "'\(record.id)' is \(kind), not an improvement: adopt starts from an improvement (`kaizen list --kind improvement` lists them)")
        }
        let own = records.compactMap { other in other.experiment.flatMap { $0.improvement?.value == record.id ? (other, $0) : nil } }
        let lag = improvement.status.flatMap { StatusLagRule.lag(of: $0.value, experiments: own) }
        switch lag?.expected ?? improvement.status?.value {
        case .proven?, .trialling?:
            break
        case .proposed?:
            throw KaizenError.invalidArgument(
                "'\(record.id)' is proposed: no team has trialled it yet, so there is nothing to adopt; its origin team trials it first (`kaizen new experiment --improvement \(record.id)`)")
        case .retired?:
            throw KaizenError.invalidArgument(
                "'\(record.id)' is retired: its origin no longer recommends it, so it is not offered for adoption")
        case nil:
            throw KaizenError.invalidArgument(
                "'\(record.id)' has no status kaizen can read: fix what `kaizen check \(record.path)` reports first")
        }
        guard let origin = improvement.origin?.value else {
            throw KaizenError.invalidArgument("'\(record.id)' names no origin team: add 'origin:' to \(record.path) first")
        }
        if origin == team {
            throw KaizenError.invalidArgument(
                "\(team) is the origin of '\(record.id)': a team does not adopt its own improvement; to trial it again, use `kaizen new experiment --improvement \(record.id) --team \(team)`")
        }
        let existing = records.filter { $0.experiment?.improvement?.value == record.id && $0.teams.contains(team) }
        if !existing.isEmpty {
            let names = existing.map { other in
                let state = [other.status?.value, other.experiment?.outcome?.value.rawValue].compactMap { $0 }.joined(separator: ", ")
                return "\(other.id) (\(other.path)\(state.isEmpty ? "" : ", \(state)"))"
            }
            throw KaizenError.invalidArgument(
                "\(team) already has an experiment for '\(record.id)': \(names.joined(separator: "; ")); continue that one instead of starting another")
        }
        let note = lag.map { "'\(record.id)' is marked \(improvement.status!.value.rawValue), but \($0.reason), so it is adopted as \($0.expected.rawValue): set its status to \($0.expected.rawValue) [status-lag]" }
        return (record, improvement, note)
    }

    // MARK: - What the origin learned

    /// The origin team's concluded experiments that retained the improvement, latest first.
    private func retainedExperiments(of id: String, by origin: String, in records: [Record]) -> [(Record, ExperimentRecord)] {
        records.compactMap { record -> (Record, ExperimentRecord)? in
            guard let experiment = record.experiment, experiment.improvement?.value == id, record.teams.contains(origin),
                  experiment.status?.value == .concluded, experiment.outcome?.value == .retained else { return nil }
            return (record, experiment)
        }
        .sorted { ($0.1.concluded?.value.dayNumber ?? .min, $1.0.id) > ($1.1.concluded?.value.dayNumber ?? .min, $0.0.id) }
    }

    private func teamName(_ id: String) -> String {
        workspace.config.teams.first { $0.id == id }?.name ?? id
    }

    /// A title as it reads inside a sentence, in the adoption's title and its
    /// hypothesis alike: "Review pairs" becomes "review pairs" and "A
    /// checklist" "a checklist", while a first word with capitals of its own
    /// ("GitHub", "API-first", "Pre-Commit") is a name and stays as written,
    /// as does a title of one letter.
    static func midSentence(_ title: String) -> String {
        let firstWord = title.prefix { !$0.isWhitespace }
        guard title.count > 1, let first = firstWord.first, first.isUppercase,
              !firstWord.dropFirst().contains(where: \.isUppercase) else { return title }
        return first.lowercased() + title.dropFirst()
    }

    /// "Payments'" and "Checkout's": the possessive as English writes it.
    static func possessive(_ name: String) -> String {
        name.hasSuffix("s") || name.hasSuffix("S") ? name + "'" : name + "'s"
    }

    /// Hypothesis, signals, rollback and constraints, edited into the template's front matter.
    private func prefillFrontMatter(_ text: String, improvement record: Record, origin: String,
                                    evidence: [(Record, ExperimentRecord)]) throws -> String {
        var seen = Set<String>()
        let signals = evidence.flatMap(\.1.signals).compactMap { signal -> (metric: String, target: String)? in
            guard let metric = signal.metric?.value.trimmingSpaces(), let target = signal.target?.value.trimmingSpaces(),
                  !metric.isEmpty, !target.isEmpty, seen.insert(metric.lowercased()).inserted else { return nil }
            return (metric, target)
        }
        let practice = Self.midSentence(record.title?.value.trimmingSpaces() ?? record.id)
        let expectation = signals.first.map { "\($0.metric) to go from \(Self.baselinePlaceholder) to \($0.target)" } ?? "<observable effect>"
        do throws(FrontMatterEditor.Refusal) {
            var editor = try FrontMatterEditor(Array(text.utf8))
            if let constraints = record.improvement?.constraints.map(\.value), !constraints.isEmpty {
                try editor.setList("constraints", toTexts: constraints, after: ["improvement", "teams"])
            }
            try editor.setText("hypothesis", to: "If we adopt \(practice) as \(teamName(origin)) did, we expect \(expectation)",
                               after: ["constraints", "improvement", "teams"])
            if !signals.isEmpty {
                try editor.setList("signals", toMappings: signals.map {
                    [("metric", $0.metric), ("baseline", Self.baselinePlaceholder), ("target", $0.target)]
                }, after: ["hypothesis"])
            }
            if let rollback = evidence.first?.1.rollback?.value.trimmingSpaces(), !rollback.isEmpty {
                try editor.setText("rollback", to: rollback, after: ["review-by"])
            }
            return String(decoding: try editor.edited().bytes, as: UTF8.self)
        } catch {
            throw KaizenError.invalidArgument(
                "cannot prefill the adoption from the experiment template: \(error.reason); fix the template (\(TemplateStore.overrideFolder)/experiment.md)")
        }
    }

    // MARK: - The Plan section

    /// A link back to the improvement, where the signals and rollback came
    /// from, and its adaptation notes as a checklist.
    private func planText(for record: Record, origin: String, evidence: [(Record, ExperimentRecord)], newPath: String) -> [String] {
        let folder = newPath.split(separator: "/").dropLast().joined(separator: "/")
        // Both paths are inside the workspace; any common root gives the same relative link.
        var link = RelativePath.display("/workspace/" + record.path, from: "/workspace/" + folder)
        if link.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) { link = "<\(link)>" }
        let title = MarkdownText.inline(record.title?.value.trimmingSpaces() ?? record.id)
        let status = record.improvement?.status?.value.rawValue ?? "trialling"
        let originName = teamName(origin)
        var lines = ["Adopting [\(title)](\(link)) (`\(record.id)`, \(status)), which \(MarkdownText.inline(originName)) developed."]
        if evidence.isEmpty {
            lines.append("No experiment of \(MarkdownText.inline(Self.possessive(originName))) has retained it yet: the signals and rollback are still to write.")
        } else {
            let sources = evidence.map { "`\($0.0.id)`" }.joined(separator: ", ")
            lines.append("The signals and the rollback are \(MarkdownText.inline(Self.possessive(originName))), from \(sources): measure each baseline before starting.")
        }
        lines.append("")
        let entries = sourceOfImprovement(record).map { MarkdownDocument($0).checklistEntries(inSectionTitled: "Adaptation notes") } ?? []
        if entries.isEmpty {
            lines.append("The improvement has no adaptation notes yet: ask \(MarkdownText.inline(originName)) what a team should adjust.")
            return lines
        }
        lines.append("Adaptation notes from the improvement, to settle before starting:")
        lines.append("")
        for entry in entries {
            lines += entry.enumerated().map { index, line in
                index == 0 ? "- [ ] \(line)" : (line.isEmpty ? "" : "      \(line)")
            }
        }
        return lines
    }

    /// The improvement's Markdown body.
    private func sourceOfImprovement(_ record: Record) -> Substring? {
        guard let bytes = try? FileReader.read(workspace.url(for: record.path).path),
              case .success(let text) = DecodedText.decode(bytes),
              case .success(let split) = FrontMatterSplitter.split(text) else { return nil }
        return split.body
    }

    /// `text` with `lines` at the end of its Plan section (after the
    /// template's guidance), or in a new Plan section at the end.
    static func addingToPlan(_ lines: [String], in text: String) -> String {
        let lineBreak = text.contains("\r\n") ? "\r" : ""
        var fileLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let added = lines.map { $0 + lineBreak }
        guard case .success(let split) = FrontMatterSplitter.split(text) else { return text }
        let sections = MarkdownDocument(split.body).sections(firstLine: split.bodyFirstLine)
        guard let plan = sections.firstIndex(where: { $0.title.caseInsensitiveEquals("Plan") }) else {
            var end = fileLines.count
            while end > 0, fileLines[end - 1].trimmingSpaces().isEmpty { end -= 1 }
            return (fileLines[..<end] + [lineBreak, "## Plan" + lineBreak, lineBreak] + added + [""]).joined(separator: "\n")
        }
        let heading = sections[plan].position.line - 1
        var last = (plan + 1 < sections.count ? sections[plan + 1].position.line - 1 : fileLines.count) - 1
        while last > heading, fileLines[last].trimmingSpaces().isEmpty { last -= 1 }
        fileLines.insert(contentsOf: [lineBreak] + added, at: last + 1)
        return fileLines.joined(separator: "\n")
    }
}
