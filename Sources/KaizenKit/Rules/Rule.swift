/// A check over the records of a workspace. Each rule lives in its own file,
/// names itself with a descriptor, and reports through `Findings`.
protocol Rule: Sendable {
    static var descriptor: RuleDescriptor { get }
    /// Whether a record's findings depend on that record alone (with the
    /// configuration and the date): checking a few records then runs the rule
    /// on those few, not on the whole repository. False for rules that
    /// compare records (links, duplicates, limits).
    static var judgesEachRecordAlone: Bool { get }
    /// The one kind of record the rule reports on, if it reports on one kind
    /// only: a check of records of other kinds can skip it.
    static var reportsOnKind: RecordKind? { get }
    func check(_ context: RuleContext, findings: inout Findings)
}

extension Rule {
    static var judgesEachRecordAlone: Bool { false }
    static var reportsOnKind: RecordKind? { nil }
}

/// What every rule sees: all records of the workspace (so links and limits are
/// judged against the whole repository, whatever subset is being reported),
/// the configuration, and the date that counts as today.
public struct RuleContext: Sendable {
    public let records: [Record]
    public let config: KaizenConfig
    public let today: CalendarDate

    /// Each kind's records with their typed fields, computed once for all rules.
    let experiments: [(record: Record, experiment: ExperimentRecord)]
    let improvements: [(record: Record, improvement: ImprovementRecord)]
    let constraints: [(record: Record, constraint: ConstraintRecord)]
    /// The ids of the improvements some concluded experiment retained: the
    /// evidence that makes one proven.
    let retainedImprovements: Set<String>

    /// The records whose findings are reported (all of them unless a check
    /// is scoped): a rule that finds problems in a record's own links needs
    /// to look only at these, against all records.
    public let reported: [Record]
    /// Whether `reported` is every record: a check that is not scoped.
    let reportsOnEveryRecord: Bool
    /// Word counts kept from earlier checks, for the rules that compare texts.
    let wordCounts: WordCountCache
    /// The ids history knows as renamed, for a link to a former id; nil
    /// where no history is to be read.
    let renames: RecordRenames?

    public init(records: [Record], config: KaizenConfig, today: CalendarDate, reported: [Record]? = nil,
                wordCounts: WordCountCache = WordCountCache(), renames: RecordRenames? = nil) {
        self.records = records
        self.renames = renames
        self.reported = reported ?? records
        self.reportsOnEveryRecord = reported == nil
        self.wordCounts = wordCounts
        self.config = config
        self.today = today
        self.experiments = records.compactMap { record in record.experiment.map { (record, $0) } }
        self.improvements = records.compactMap { record in record.improvement.map { (record, $0) } }
        self.constraints = records.compactMap { record in record.constraint.map { (record, $0) } }
        self.retainedImprovements = Set(experiments.compactMap { _, experiment in
            experiment.retains ? experiment.improvement?.value : nil
        })
    }
}

/// The diagnostics one rule reports, at its default severity.
struct Findings {
    let rule: RuleDescriptor
    private(set) var diagnostics: [Diagnostic] = []

    init(rule: RuleDescriptor) {
        self.rule = rule
    }

    /// `unfinished`: the finding is about text not written yet (see `Diagnostic.unfinished`).
    mutating func add(_ record: Record, at position: SourcePosition, _ message: String, unfinished: Bool = false) {
        diagnostics.append(Diagnostic(rule, path: record.path, at: position, message, unfinished: unfinished))
    }

    /// For a section `record` must have written: reports it missing, at
    /// `fallback` with `missing`, or left empty, at the section with `empty`
    /// of how it is empty (`BodySection.emptiness`).
    mutating func addUnwritten(section title: String, of record: Record, missingAt fallback: SourcePosition,
                               missing: String, empty: (String) -> String) {
        if let section = record.section(title) {
            if !section.hasContent { add(record, at: section.position, empty(section.emptiness)) }
        } else {
            add(record, at: fallback, missing)
        }
    }
}
