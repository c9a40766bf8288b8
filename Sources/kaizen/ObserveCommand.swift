import ArgumentParser
import Foundation
import KaizenKit

struct ObserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: "Record that a constraint was seen again: a new observed entry {date, team, note}.",
        discussion: """
            A constraint seen by two or more teams, or three or more times within review-window-days, \
            is recurring. A resolved constraint can be observed too; it stays resolved unless --reopen \
            sets it open. Edits the front matter in place and changes nothing else. Nothing is written \
            when the constraint would then fail `kaizen check` (exit 1).
            """
    )

    @Argument(help: "The constraint's id (its file name without .md).")
    var id: String

    @Option(help: ArgumentHelp("The team that saw it (default: the only team in kaizen.yml).", valueName: "id"))
    var team: String?

    @Option(help: ArgumentHelp("What was seen, one line.", valueName: "text"))
    var note: String

    @Option(help: ArgumentHelp("The day it was seen, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: CalendarDate?

    @Flag(help: "Set a resolved constraint back to open: it is back.")
    var reopen = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func validate() throws {
        if note.allSatisfy(\.isWhitespace) {
            throw ValidationError("--note is empty: say what was seen")
        }
    }

    func run() throws {
        let observation = NewObservation(date: date ?? today.date, team: team,
                                         note: note.trimmingCharacters(in: .whitespacesAndNewlines), reopens: reopen)
        try Editing.apply(ConstraintEditor.command, workspaceOptions: workspaceOptions) { workspace, parsed in
            try ConstraintEditor(workspace: workspace, parsed: parsed).prepare(observation, id: id, today: today.date)
        }
    }
}
