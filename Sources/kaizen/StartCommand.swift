import ArgumentParser
import KaizenKit

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Set a planned experiment running: status running, start date.",
        discussion: """
            Edits the experiment's front matter in place and changes nothing else in the file. \
            Nothing is written when the experiment would then fail `kaizen check` (exit 1).
            """
    )

    @Argument(help: "The experiment's id (its file name without .md).")
    var id: String

    @Option(help: ArgumentHelp("The day it started, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: CalendarDate?

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        try Editing.run(.start(on: date ?? today.date), id: id, workspaceOptions: workspaceOptions, today: today)
    }
}
