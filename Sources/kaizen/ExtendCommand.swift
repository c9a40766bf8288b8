import ArgumentParser
import Foundation
import KaizenKit

struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Give a running experiment more time: a new extensions entry {until, reason}.",
        discussion: """
            review-by stays as it is: an extension is the only legitimate way to move the deadline, \
            and the record keeps every one. Edits the front matter in place and changes nothing else. \
            Nothing is written when the experiment would then fail `kaizen check` (exit 1).
            """
    )

    @OptionGroup var experiment: ExperimentEditOptions

    @Option(help: ArgumentHelp("The new deadline, YYYY-MM-DD: later than the current one.", valueName: "date"))
    var until: CalendarDate

    @Option(help: ArgumentHelp("Why the experiment needs longer.", valueName: "text"))
    var reason: String

    func validate() throws {
        if reason.allSatisfy(\.isWhitespace) {
            throw ValidationError("--reason is empty: say why the experiment needs longer")
        }
    }

    func run() throws {
        try experiment.run(.extend(until: until, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
