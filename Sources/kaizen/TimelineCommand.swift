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
        let fields = self.fields.isEmpty ? ["status"] : self.fields
        let scope: HistoryScope
        let location: String
        if let path {
            let folder = URL(fileURLWithPath: path, relativeTo: workspaceOptions.currentDirectory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
                throw KaizenError.noSuchPath(folder.path)
            }
            guard isDirectory.boolValue else {
                throw KaizenError.invalidArgument("--path takes a folder of Markdown files, and \(path) is a file")
            }
            scope = try HistoryScope.markdown(in: folder, fields: fields)
            location = folder.path
        } else {
            var workspace = try workspaceOptions.open(readsCommitsOnly: true)
            if !workspace.hasConfigFile, try Workspace.isInBareRepository(workspace.root) {
                workspace = try workspace.withCommittedConfig(at: history.ref)
            }
            scope = try HistoryScope.records(of: workspace, fields: fields)
            location = workspace.root.path
        }
        var timeline = try history.scan(scope, in: location)
        if !ids.isEmpty {
            timeline.records = try ids.map { id in
                guard let record = timeline.records.first(where: { $0.id == id }) else {
                    throw KaizenError.noSuchRecord(id: id, suggestion: Suggestion.closest(to: id, among: timeline.records.map(\.id)))
                }
                return record
            }.sorted { ($0.id, $0.path) < ($1.id, $1.path) }
        }
        if format == .mermaid, path == nil {
            timeline.records = timeline.records.filter { scope.kind(ofPath: $0.path) == .experiment }
        }
        let finalValues: Set<String> = path == nil && fields[0] == "status" ? [ExperimentStatus.concluded.rawValue] : []
        let formatter = TimelineFormatter(format: format, now: history.now(today), since: since, finalValues: finalValues)
        FileHandle.standardOutput.write(Data(formatter.renderBytes(timeline)))
    }
}

extension TimelineFormat: ExpressibleByArgument {}
