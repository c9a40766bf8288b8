import ArgumentParser
import Foundation
import KaizenKit

struct ConcludeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conclude",
        abstract: "Conclude a running experiment: status concluded, outcome, date.",
        discussion: """
            A planned experiment that never ran can only be concluded as discarded. The signals' \
            results and the Learnings section must be written first: nothing is written when the \
            experiment would then fail `kaizen check` (exit 1). Edits the front matter in place and \
            changes nothing else.
            """
    )

    @OptionGroup var experiment: ExperimentEditOptions

    @Option(help: "retained, discarded or inconclusive.")
    var outcome: Outcome

    @Option(help: ArgumentHelp("The day it concluded, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: CalendarDate?

    @Option(help: ArgumentHelp(
        "Why the outcome goes against the signals (retained though no target was met, or discarded though all were); written as outcome-reason.",
        valueName: "text"))
    var reason: String?

    func validate() throws {
        if let reason, reason.allSatisfy(\.isWhitespace) {
            throw ValidationError("--reason is empty: say why the outcome goes against the signals")
        }
    }

    func run() throws {
        try experiment.run(.conclude(outcome, on: date ?? experiment.today.date,
                                     reason: reason?.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
