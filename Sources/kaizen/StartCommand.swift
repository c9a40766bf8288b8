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

    @OptionGroup var experiment: ExperimentEditOptions

    @Option(help: ArgumentHelp("The day it started, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: CalendarDate?

    func run() throws {
        // A date given by hand is compared with when the record was first committed.
        try experiment.run(.start(on: date ?? experiment.today.date), readsHistory: date != nil)
    }
}
