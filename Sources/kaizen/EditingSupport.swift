import ArgumentParser
import Foundation
import KaizenKit

/// The experiment that `start`, `extend` or `conclude` edits in place, and where.
struct ExperimentEditOptions: ParsableArguments {
    @Argument(help: "The experiment's id (its file name without .md).")
    var id: String

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    /// Makes `change` to the experiment, as `Editing.apply` makes any edit.
    /// `readsHistory`: read the records' history too, for the notes it can
    /// give (`start --date` before the record was first committed).
    func run(_ change: ExperimentChange, readsHistory: Bool = false) throws {
        try Editing.apply(change.command, workspaceOptions: workspaceOptions) { workspace, parsed in
            let history = readsHistory ? try HistoryOptions.parse([]).workspaceHistory(workspace) : nil
            return try ExperimentEditor(workspace: workspace, parsed: parsed, history: history).prepare(change, id: id, today: today.date)
        }
    }
}

/// What the commands that write records share.
enum Editing {
    /// Makes the edit `prepare` gives (`RecordEdit.applied`), then prints
    /// each path and what changed, and its notes; or, when an edited record
    /// would fail `kaizen check`, why nothing was written (exit 1).
    static func apply(_ command: String, workspaceOptions: WorkspaceOptions,
                      prepare: (Workspace, [ParsedRecord]) throws -> RecordEdit) throws {
        let workspace = try workspaceOptions.open()
        let display = workspaceOptions.displayPath(in: workspace)
        let edit = try RecordEdit.applied(in: workspace) { parsed in try prepare(workspace, parsed) }
        guard edit.errors.isEmpty else {
            for diagnostic in edit.errors { Terminal.standardError(line(diagnostic, display)) }
            let failing = edit.files.filter { $0.diagnostics.contains { $0.severity == .error } }.map { display($0.path) }.joined(separator: " and ")
            Terminal.standardError("kaizen: nothing was written: after \(command), \(failing) would fail `kaizen check`; \(edit.advice)\n")
            throw ExitCode.failure
        }
        for file in edit.files {
            print(display(file.path))
            print(file.summary)
        }
        for diagnostic in edit.files.flatMap(\.diagnostics) { Terminal.standardError(line(diagnostic, display)) }
        for note in edit.notes { Terminal.standardError("kaizen: note: \(note)\n") }
    }

    /// Prints a record just created: its path, then on stderr its note, the
    /// records like it and what `kaizen check` still finds in it.
    static func report(_ created: CreatedRecord, display: @escaping @Sendable (String) -> String) {
        print(display(created.path))
        if let note = created.note { Terminal.standardError("kaizen: note: \(note)\n") }
        let formatter = SimilarFormatter(format: .text, kind: created.record.kind, displayPath: display)
        Terminal.standardError(formatter.lookalikeNotice(for: created.record, created.lookalikes))
        guard !created.stillToFillIn.isEmpty else { return }
        Terminal.standardError("kaizen: still to fill in:\n")
        for diagnostic in created.stillToFillIn {
            Terminal.standardError("  " + line(diagnostic, display))
        }
    }

    /// `path:line:col: severity: message [rule]` and a line break, as `kaizen check` prints it.
    static func line(_ diagnostic: Diagnostic, _ display: (String) -> String) -> String {
        DiagnosticLine.render(diagnostic, path: display(diagnostic.path)) + "\n"
    }
}

extension Outcome: ExpressibleByArgument {}
