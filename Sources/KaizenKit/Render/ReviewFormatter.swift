/// How `kaizen review` prints a review.
public enum ReviewFormat: String, Sendable, CaseIterable {
    /// GitHub-flavoured Markdown, ready to post as a pull-request comment.
    case markdown
    case json
    /// Workflow annotations on the changed lines, then the summary.
    case github
    case sarif
}

/// Turns a review into text for one output format. Markdown and JSON show
/// paths as `displayPath` maps them; GitHub annotations and SARIF name them
/// from the top of `repository`.
public struct ReviewFormatter: Sendable {
    public var format: ReviewFormat
    public var today: CalendarDate
    public var displayPath: @Sendable (String) -> String
    public var repository: RepositoryLocation

    public init(format: ReviewFormat, today: CalendarDate, displayPath: @escaping @Sendable (String) -> String = { $0 },
                repository: RepositoryLocation = RepositoryLocation(root: nil, workspaceFolder: "")) {
        self.format = format
        self.today = today
        self.displayPath = displayPath
        self.repository = repository
    }

    public func render(_ report: ReviewReport) -> String {
        switch format {
        case .markdown:
            return markdown(report)
        case .json:
            return JSONOutput.encode(ReviewJSON(report, today: today, displayPath: displayPath))
        case .github:
            let diagnostics = DiagnosticFormatter(format: .github, today: today, repository: repository)
            return diagnostics.annotations(report.findings.diagnostics) + summary(report) + "; " + findingsSummary(report) + "\n"
        case .sarif:
            return SARIFFormatter(repository: repository, sources: report.sources).render(report.findings.diagnostics)
        }
    }

    /// "2 records added, 1 experiment started, 1 extended, 2 concluded (1 retained, 1 discarded)".
    public func summary(_ report: ReviewReport) -> String {
        var parts: [String] = []
        if !report.added.isEmpty { parts.append("\(pluralized(report.added.count, "record")) added") }
        if !report.started.isEmpty { parts.append("\(pluralized(report.started.count, "experiment")) started") }
        if !report.extended.isEmpty { parts.append("\(report.extended.count) extended") }
        if !report.concluded.isEmpty {
            let outcomes = report.outcomes.map { "\($0.count) \($0.outcome)" }.joined(separator: ", ")
            parts.append("\(report.concluded.count) concluded (\(outcomes))")
        }
        if !report.movedImprovements.isEmpty {
            parts.append("\(pluralized(report.movedImprovements.count, "improvement")) moved ("
                + report.movedImprovements.map { "\($0.record.id): \($0.from.rawValue) → \($0.to.rawValue)" }.joined(separator: ", ") + ")")
        }
        if !report.observedConstraints.isEmpty {
            parts.append("\(pluralized(report.observedConstraints.count, "constraint")) seen again")
        }
        if !report.renamed.isEmpty { parts.append("\(report.renamed.count) renamed") }
        if !report.deleted.isEmpty { parts.append("\(report.deleted.count) deleted") }
        if !report.drafts.isEmpty {
            parts.append("\(pluralized(report.drafts.count, "draft")) still being written ("
                + report.drafts.map { "\(displayPath($0.record.path)): \(pluralized($0.unfinished, "thing")) to write" }.joined(separator: "; ") + ")")
        }
        if parts.isEmpty {
            return report.changedCount == 0 ? "no records changed" : "\(pluralized(report.changedCount, "record")) edited"
        }
        return parts.joined(separator: ", ")
    }

    private func findingsSummary(_ report: ReviewReport) -> String {
        var parts: [String] = []
        if report.findings.errorCount > 0 { parts.append(pluralized(report.findings.errorCount, "error")) }
        if report.findings.warningCount > 0 { parts.append(pluralized(report.findings.warningCount, "warning")) }
        return parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    }

    // MARK: - Markdown

    private func markdown(_ report: ReviewReport) -> String {
        var blocks: [String] = []
        blocks.append("## kaizen review of \(MarkdownText.code(report.range.description))")
        let compared = report.range.usesMergeBase
            ? "Changes on \(MarkdownText.code(report.range.head)) (\(report.headCommit.abbreviated)) since it branched from \(MarkdownText.code(report.range.base)) (merge base \(report.baseCommit.abbreviated))"
            : "Changes from \(MarkdownText.code(report.range.base)) (\(report.baseCommit.abbreviated)) to \(MarkdownText.code(report.range.head)) (\(report.headCommit.abbreviated))"
        blocks.append("\(compared): \(pluralized(report.changedCount, "record")) changed.")
        blocks.append("**\(capitalized(summary(report))).** \(report.findings.errorCount > 0 ? "❌" : "✅") \(capitalized(findingsSummary(report))).")

        if !report.concluded.isEmpty {
            blocks.append("### Concluded experiments")
            for concluded in report.concluded { blocks += concludedBlocks(concluded) }
        }
        if !report.started.isEmpty {
            blocks.append("### Started experiments")
            for started in report.started { blocks += startedBlocks(started) }
        }
        if !report.extended.isEmpty {
            blocks.append("### Extended experiments")
            blocks.append(report.extended.map(extendedItem).joined(separator: "\n"))
        }
        if !report.observedConstraints.isEmpty {
            blocks.append("### Constraints seen again")
            blocks.append(report.observedConstraints.flatMap { observed in
                observed.newObservations.map { observation in
                    let title = MarkdownText.inline(observed.record.title?.value ?? observed.record.id)
                    let when = observation.date.map { "\($0.value)" } ?? "undated"
                    let team = observation.team.map { MarkdownText.inline($0.value) } ?? "a team"
                    let note = observation.note.map { ": \(MarkdownText.inline($0.value))" } ?? ""
                    return "- **\(title)** (\(MarkdownText.code(displayPath(observed.record.path)))): \(team) on \(when)\(note)"
                }
            }.joined(separator: "\n"))
        }
        if !report.renamed.isEmpty {
            blocks.append("### Renamed records")
            blocks.append(report.renamed.map { renamed in
                let broken = renamed.linkedByFormerID.isEmpty
                    ? "no record links to the former id"
                    : "still linked by its former id from " + renamed.linkedByFormerID.map { MarkdownText.code($0.id) }.joined(separator: ", ")
                return "- \(MarkdownText.code(renamed.formerID)) → \(MarkdownText.code(renamed.record.id)) "
                    + "(\(MarkdownText.code(displayPath(renamed.record.path)))): \(broken)"
            }.joined(separator: "\n"))
        }
        if !report.findings.diagnostics.isEmpty {
            blocks.append("### Findings")
            var table = ["| Severity | Location | Rule | Message |", "| --- | --- | --- | --- |"]
            for diagnostic in report.findings.diagnostics {
                let location = "\(displayPath(diagnostic.path)):\(diagnostic.position.line):\(diagnostic.position.column)"
                table.append("| \(diagnostic.severity.rawValue) | \(MarkdownText.code(location)) | \(MarkdownText.code(diagnostic.rule)) | \(MarkdownText.inline(diagnostic.message)) |")
            }
            blocks.append(table.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func heading(_ record: Record, suffix: String = "") -> String {
        let title = record.title?.value ?? record.id
        return "#### \(MarkdownText.inline(title))\(suffix)"
    }

    private func facts(_ record: Record, _ extra: [String]) -> String {
        var facts = [MarkdownText.code(displayPath(record.path))]
        if !record.teams.isEmpty { facts.append("teams " + record.teams.map(MarkdownText.inline).joined(separator: ", ")) }
        return (facts + extra).joined(separator: " · ")
    }

    private func concludedBlocks(_ concluded: ConcludedExperiment) -> [String] {
        let experiment = concluded.experiment
        let outcome = experiment.outcome.map { " — \($0.value.rawValue)" } ?? " — no outcome"
        var blocks = [heading(concluded.record, suffix: outcome)]
        blocks.append(facts(concluded.record, experiment.concluded.map { ["concluded \($0.value)"] } ?? []))
        blocks.append("**Hypothesis:** \(experiment.hypothesis.map { MarkdownText.inline($0.value) } ?? "_none written_")")
        if let reason = experiment.outcomeReason {
            blocks.append("**Why \(experiment.outcome?.value.rawValue ?? "this outcome") against the signals:** \(MarkdownText.inline(reason.value))")
        }
        if !concluded.signals.isEmpty {
            var table = ["| Signal | Baseline | Target | Result | Target met |", "| --- | --- | --- | --- | --- |"]
            for (signal, verdict) in concluded.signals {
                let cells = [signal.metric, signal.baseline, signal.target, signal.result].map { $0.map { MarkdownText.inline($0.value) } ?? "—" }
                table.append("| \(cells.joined(separator: " | ")) | \(label(verdict)) |")
            }
            blocks.append(table.joined(separator: "\n"))
        }
        blocks.append("**Learnings**")
        blocks.append(concluded.learnings.map(MarkdownText.blockQuote) ?? "_No Learnings section written._")
        return blocks
    }

    private func label(_ verdict: SignalVerdict) -> String {
        switch verdict {
        case .met: return "✅ met"
        case .missed: return "❌ missed"
        case .noResult: return "no result recorded"
        case .notJudged: return "judge by hand"
        }
    }

    private func startedBlocks(_ started: StartedExperiment) -> [String] {
        let experiment = started.experiment
        var items = ["- **Hypothesis:** \(experiment.hypothesis.map { MarkdownText.inline($0.value) } ?? "_none written_")"]
        if let reviewBy = experiment.deadline?.value {
            let days = today.days(until: reviewBy)
            let when = days >= 0 ? "in \(pluralized(days, "day"))" : "\(pluralized(-days, "day")) ago"
            items.append("- **Review by:** \(reviewBy) (\(when))")
        } else {
            items.append("- **Review by:** _none written_")
        }
        items.append("- **Rollback:** \(experiment.rollback.map { MarkdownText.inline($0.value) } ?? "_none written_")")
        return [heading(started.record), facts(started.record, experiment.start.map { ["started \($0.value)"] } ?? []),
                items.joined(separator: "\n")]
    }

    private func extendedItem(_ extended: ExtendedExperiment) -> String {
        let title = MarkdownText.inline(extended.record.title?.value ?? extended.record.id)
        let from = extended.previousDeadline.map { "\($0)" } ?? "no date"
        let to = extended.experiment.deadline.map { "\($0.value)" } ?? "no date"
        let reasons = extended.newExtensions.compactMap { $0.reason.map { MarkdownText.inline($0.value) } }.joined(separator: "; ")
        return "- **\(title)** (\(MarkdownText.code(displayPath(extended.record.path)))): review by \(from) → \(to)"
            + (reasons.isEmpty ? "" : ". Reason: \(reasons)")
    }

    private func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
