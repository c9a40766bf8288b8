/// Builds the review of a revision range: reads both versions of the
/// workspace from git, pairs the records that differ, runs every rule (the
/// history rules included) and keeps the findings in what the change touches.
public enum PullRequestReview {
    public static func make(_ workspace: Workspace, range: RevisionRange, today: CalendarDate, strict: Bool = false) throws
        -> ReviewReport {
        guard let repository = try GitRepository.discover(containing: workspace.root.path) else {
            throw KaizenError.notARepository(path: workspace.root.path)
        }
        let folder = try repository.path(of: workspace.root)
        let headCommit = try repository.resolveCommit(range.head)
        let baseTip = try repository.resolveCommit(range.base)
        var baseCommit = baseTip
        if range.usesMergeBase {
            guard let mergeBase = try repository.mergeBase(baseTip, headCommit) else {
                // In a shallow clone (CI's default checkout) the shared history is usually just not fetched.
                if repository.isShallow { throw KaizenError.notInShallowClone(what: "the merge base of \(range.base) and \(range.head)") }
                throw KaizenError.invalidArgument(
                    "\(range.base) and \(range.head) share no history, so there is no merge base to compare with: compare the two directly with \(range.base)..\(range.head)")
            }
            baseCommit = mergeBase
        }
        let base = try RecordSource.commit(baseCommit).list(workspace, repository: repository, folder: folder)
        let head = try RecordSource.commit(headCommit).list(workspace, repository: repository, folder: folder)
        let records = try RecordLoader.loadAll(head)
        let changes = try VersionComparison.changes(from: base, to: head.blobs, headRecords: records, repository: repository,
                                                    headContents: { try repository.recordBlob($0).contents })

        var scope = Set(changes.changes.compactMap { ($0.after ?? $0.before)?.path })
        if base.configBlob != head.configBlob { scope.insert(KaizenConfig.fileName) }
        let changedRecords = changes.changes.filter { $0.after != nil }.count
        // A link to an id the pull request renamed names the rename: the head's
        // history, read only then, and past the cache, which follows the
        // checked-out branch rather than the pull request's head.
        let headWorkspace = head.workspace
        let renames = RecordRenames {
            guard let scope = try? HistoryScope.records(of: headWorkspace, fields: ["status"]) else { return nil }
            return try? HistoryScanner(repositoryContaining: headWorkspace.root.path, scope: scope)
                .scan(ref: headCommit.description, cache: false)
        }
        var findings = Checker.check(records, workspace: head.workspace, today: today, scope: scope, strict: strict, changes: changes,
                                     renames: renames)
        findings.recordCount = changedRecords

        let sources = try FindingSources(paths: Set(findings.diagnostics.map(\.path))) { path in
            // A deleted record's findings have no head text.
            let blob = path == KaizenConfig.fileName ? head.configBlob : head.blobs[path]
            return try blob.map(repository.blob)
        }
        var report = ReviewReport(range: range, baseCommit: baseCommit, headCommit: headCommit, added: [], started: [], extended: [],
                                  concluded: [], deleted: [], changedCount: changes.changes.count, findings: findings,
                                  sources: sources)
        let unfinished = Dictionary(grouping: findings.diagnostics.filter(\.unfinished), by: \.path).mapValues(\.count)
        for change in changes.changes {
            guard let after = change.after else {
                if let before = change.before { report.deleted.append(before) }
                continue
            }
            if change.before == nil { report.added.append(after) }
            if let formerID = change.before?.id, formerID != after.id, !records.contains(where: { $0.record.id == formerID }) {
                let linking = records.map(\.record).filter { $0.links(to: formerID) }.sorted { $0.id < $1.id }
                report.renamed.append(RenamedRecord(record: after, formerID: formerID, linkedByFormerID: linking))
            }
            if after.isDraft, let count = unfinished[after.path] { report.drafts.append(Draft(record: after, unfinished: count)) }
            if let from = change.before?.improvement?.status?.value, let to = after.improvement?.status?.value, from != to {
                report.movedImprovements.append(MovedImprovement(record: after, from: from, to: to))
            }
            if let before = change.before?.constraint, let constraint = after.constraint, constraint.observed.count > before.observed.count {
                report.observedConstraints.append(ObservedConstraint(record: after, newObservations: Array(constraint.observed.dropFirst(before.observed.count))))
            }
            guard let experiment = after.experiment else { continue }
            let previous = change.before?.experiment
            let was = previous?.status?.value
            switch experiment.status?.value {
            case .running? where was != .running:
                report.started.append(StartedExperiment(record: after, experiment: experiment))
            case .concluded? where was != .concluded:
                report.concluded.append(try concluded(after, experiment, bytes: repository.blob(head.blobs[after.path]!)))
            default:
                break
            }
            if let previous {
                let appended = experiment.extensions(appendedSince: previous)
                if !appended.isEmpty {
                    report.extended.append(ExtendedExperiment(record: after, experiment: experiment,
                                                              previousDeadline: previous.deadline?.value, newExtensions: appended))
                }
            }
        }
        return report
    }

    private static func concluded(_ record: Record, _ experiment: ExperimentRecord, bytes: [UInt8]) -> ConcludedExperiment {
        let signals = experiment.signals.map { signal in
            (signal, signal.verdict)
        }
        var learnings: String?
        if case .success(let text) = DecodedText.decode(bytes), case .success(let split) = FrontMatterSplitter.split(text) {
            learnings = MarkdownDocument(split.body).sectionSource(titled: "Learnings")
        }
        return ConcludedExperiment(record: record, experiment: experiment, signals: signals, learnings: learnings)
    }
}
