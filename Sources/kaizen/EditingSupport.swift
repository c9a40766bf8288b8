import ArgumentParser
import Foundation
import KaizenKit

/// The experiment that `start`, `extend` or `conclude` edits in place, and where.
struct ExperimentEditOptions: ParsableArguments {
    @Argument(help: "The experiment's id (its file name without .md).")
    var id: String

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    /// Prepares `change`, refuses it (exit 1, nothing written) when the edited
    /// record would fail `kaizen check`, else writes it and prints the path and
    /// what changed.
    /// `readsHistory`: read the records' history first, for the notes it can
    /// give (`start --date` before the record was first committed).
    func run(_ change: ExperimentChange, readsHistory: Bool = false) throws {
        let workspace = try workspaceOptions.open()
        let display = workspaceOptions.displayPath(in: workspace)
        let history = readsHistory ? try HistoryOptions.parse([]).workspaceHistory(workspace) : nil
        let edit = try RecordWriteLock.holding(workspace) {
            let loader = RecordLoader(workspace: workspace)
            let editor = ExperimentEditor(workspace: workspace, parsed: loader.load(try loader.recordPaths()), history: history)
            let edit = try editor.prepare(change, id: id, today: today.date)
            if edit.errors.isEmpty { try editor.write(edit) }
            return edit
        }
        guard edit.errors.isEmpty else {
            for diagnostic in edit.errors { Terminal.standardError(Editing.line(diagnostic, display)) }
            let failing = edit.files.filter { $0.diagnostics.contains { $0.severity == .error } }.map { display($0.path) }.joined(separator: " and ")
            Terminal.standardError("kaizen: nothing was written: after \(change.command), \(failing) would fail `kaizen check`; \(edit.advice)\n")
            throw ExitCode.failure
        }
        for file in edit.files {
            print(display(file.path))
            print(file.summary)
        }
        for diagnostic in edit.files.flatMap(\.diagnostics) { Terminal.standardError(Editing.line(diagnostic, display)) }
        for note in edit.notes { Terminal.standardError("kaizen: note: \(note)\n") }
    }
}

/// What the commands that write records share.
enum Editing {
    /// Lists on stderr what `kaizen check` still finds in a record just created.
    static func reportStillToFillIn(_ path: String, among parsed: [ParsedRecord], loader: RecordLoader, today: CalendarDate,
                                    display: (String) -> String) {
        let report = Checker.check(parsed + loader.load([path]), workspace: loader.workspace, today: today, scope: [path])
        guard !report.diagnostics.isEmpty else { return }
        Terminal.standardError("kaizen: still to fill in:\n")
        for diagnostic in report.diagnostics {
            Terminal.standardError("  " + Editing.line(diagnostic, display))
        }
    }

    /// `path:line:col: severity: message [rule]` and a line break, as `kaizen check` prints it.
    static func line(_ diagnostic: Diagnostic, _ display: (String) -> String) -> String {
        DiagnosticLine.render(diagnostic, path: display(diagnostic.path)) + "\n"
    }
}

extension Outcome: ExpressibleByArgument {}
