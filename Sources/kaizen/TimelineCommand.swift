import ArgumentParser
import Foundation
import KaizenKit

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show each record's history from git: created, every status change, renames, by whom and when; time in each status.",
        discussion: """
            History follows the first-parent line of the ref: a change made on a branch counts when it is merged, \
            dated by the merge commit. It is read in one pass and cached under .git/kaizen, so a second run reads only new commits.
            """
    )

    @Argument(help: "Only these records (ids, or file names without .md).")
    var ids: [String] = []

    @OptionGroup var history: HistoryOptions

    @Option(help: ArgumentHelp("Only events on or after this date, YYYY-MM-DD.", valueName: "date"))
    var since: CalendarDate?

    @Option(help: "Output format: text, json, markdown, mermaid (a gantt chart of experiments by team) or csv.")
    var format: TimelineFormat = .text

    @Option(help: ArgumentHelp(
        "Any folder of front-matter Markdown to follow instead of the kaizen records (every .md file below it).",
        valueName: "dir"))
    var path: String?

    @Option(name: .customLong("field"), help: ArgumentHelp(
        "A front-matter field to follow; repeat for several. The first is the one time is measured in (default: status).",
        valueName: "name"))
    var fields: [String] = []

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func validate() throws {
        if path != nil, workspaceOptions.root != nil {
            throw ValidationError("--path and --root both say where to look: pass one of them")
        }
        if let empty = fields.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--field needs a field name, got '\(empty)'")
        }
    }

    func run() throws {
        let query = try path.map { try TimelineQuery.folder($0, relativeTo: workspaceOptions.currentDirectory, fields: fields) }
            ?? TimelineQuery.records(of: try workspaceOptions.open(readsCommitsOnly: true), ref: history.ref, fields: fields)
        let (timeline, renamed) = try query.shown(try history.scan(query.scope, in: query.location), ids: ids, format: format)
        for rename in renamed { Terminal.standardError("kaizen: note: \(rename.note)\n") }
        let formatter = TimelineFormatter(format: format, now: CalendarDate.moment(endOf: today.override), since: since, finalValues: query.finalValues)
        FileHandle.standardOutput.write(Data(formatter.renderBytes(timeline)))
    }
}

extension TimelineFormat: ExpressibleByArgument {}
