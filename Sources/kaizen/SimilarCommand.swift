import ArgumentParser
import Foundation
import KaizenKit

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "The records most like one record, best first, with the words they share most.",
        discussion: """
            Similarity is the cosine of the two records' BM25 word vectors (title and tags weigh \
            more than the body), from 0 (no word shared) to 100 %; the possible-duplicate rule uses \
            the same measure. Before starting an improvement, look for the team that already has it.
            """
    )

    @Argument(help: ArgumentHelp(
        "A record's id, or the path of a record file (committed or not, inside the record folders or not).",
        valueName: "id-or-path"))
    var record: String

    @OptionGroup var limit: LimitOption

    @Option(help: "Only records of this kind: improvement, experiment or constraint.")
    var kind: RecordKind?

    @Option(help: "Output format: text or json.")
    var format: ListFormat = .text

    @OptionGroup var workspaceOptions: WorkspaceOptions
    /// Similarity does not depend on the date; taken so that one set of
    /// options (a script's `--today`) works with every command that reads records.
    @OptionGroup var today: TodayOption
    /// Read only for an id no record has: history may know it as renamed.
    @OptionGroup var history: HistoryOptions

    func run() throws {
        let workspace = try workspaceOptions.open()
        let (target, renamed, matches) = try RecordSimilarity.nearest(
            toRecordNamed: record, in: workspace, relativeTo: workspaceOptions.currentDirectory, kind: kind,
            limit: limit.value(default: 10), history: { try history.workspaceHistory(workspace) })
        if let renamed { Terminal.standardError("kaizen: note: \(renamed.note)\n") }
        let formatter = SimilarFormatter(format: format, kind: kind, displayPath: workspaceOptions.displayPath(in: workspace))
        print(formatter.render(target, matches: matches), terminator: "")
    }
}
