/// One experiment: its hypothesis, signals with baseline, target and result,
/// its status history from git, and its body sections (Plan, Observations,
/// Learnings) rendered from Markdown.
struct ExperimentPage: SitePage {
    let snapshot: SiteSnapshot
    let record: Record

    var path: String { SitePaths.experiment(record.id) }
    var title: String { displayTitle(record) }

    func content() -> HTML {
        let experiment = record.experiment
        let hypothesis: HTML = experiment?.hypothesis.map { "<blockquote class=\"hypothesis\"><p>\($0.value)</p></blockquote>" }
            ?? "<p class=\"none\">No hypothesis written.</p>"
        return """
            <h1>\(title)</h1>
            \(facts([
                ("Id", "<code>\(record.id)</code>"),
                ("Status", badge(experiment?.status?.value.rawValue)),
                ("Teams", teamLinks(record.teams)),
                ("Improvement", experiment?.improvement.map { improvementLink($0.value) }),
                ("Constraints", experiment.flatMap { $0.constraints.isEmpty ? nil : constraintLinks($0.constraints.map(\.value)) }),
                ("Started", snapshot.dating.started(record).map { "\($0.description)" }),
                ("Review by", experiment?.deadline.map { "\($0.value.description)" }),
                ("Outcome", experiment?.outcome.map { outcome -> HTML in
                    let reason: HTML = experiment?.outcomeReason.map { " — against the signals, because: \($0.value)" } ?? ""
                    return "<strong>\(outcome.value.rawValue)</strong>\(reason)"
                }),
                ("Concluded", snapshot.dating.concluded(record).map { "\($0.description)" }),
                ("Rollback", experiment?.rollback.map { "\($0.value)" }),
            ]))
            <section>
            <h2>Hypothesis</h2>
            \(hypothesis)
            </section>
            <section>
            <h2>Signals</h2>
            \(signals(experiment?.signals ?? []))
            </section>
            \(extensions(experiment?.extensions ?? []))
            <section>
            <h2>Status history</h2>
            \(statusHistory())
            </section>
            \(bodySections(of: record))
            """
    }

    private func signals(_ signals: [Signal]) -> HTML {
        guard !signals.isEmpty else { return "<p class=\"none\">No signals.</p>" }
        let rows = signals.map { signal -> HTML in
            """
            <tr><th scope="row">\(signal.metric?.value ?? "")</th><td>\(signal.baseline?.value ?? "")</td>\
            <td>\(signal.target?.value ?? "")</td><td>\(signal.result?.value ?? "")</td></tr>
            """
        }
        return HTML.table(headings: ["Metric", "Baseline", "Target", "Result"], rows: rows)
    }

    private func extensions(_ extensions: [Extension]) -> HTML {
        guard !extensions.isEmpty else { return "" }
        let items = extensions.map { "<li>until \($0.until?.value.description ?? "no date"): \($0.reason?.value ?? "no reason")</li>" as HTML }
        return "<section>\n<h2>Extensions</h2>\n<ul>\(HTML.joined(items))</ul>\n</section>"
    }

    /// Each commit that created the record, changed its status, renamed or deleted it, or made it too large to read.
    private func statusHistory() -> HTML {
        guard snapshot.history != nil else { return "<p class=\"none\">No git history was read.</p>" }
        let events = snapshot.statusEvents(of: record)
        guard !events.isEmpty else { return "<p class=\"none\">Not committed yet.</p>" }
        let rows = events.map { event -> HTML in
            let change: HTML = switch event.kind {
            case .created: "created as \(badge(event.to))"
            case .changed: "\(badge(event.from)) → \(badge(event.to))"
            case .renamed: "renamed from <code>\(event.fromPath ?? "")</code>"
            case .deleted: "deleted"
            case .skipped: "not read: over the \(RecordLimits.sizeText(RecordLimits.fileBytes)) a record may be"
            }
            return """
                <tr><td><time datetime="\(event.commit.date.iso8601)">\(event.commit.date.day)</time></td><td>\(change)</td>\
                <td>\(event.commit.author.name)</td><td><code>\(event.commit.id.abbreviated)</code></td></tr>
                """
        }
        return HTML.table(headings: ["Day", "Change", "By", "Commit"], rows: rows)
    }
}
