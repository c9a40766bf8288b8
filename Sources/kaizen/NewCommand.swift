import ArgumentParser
import Foundation
import KaizenKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a record from its template and print its path.",
        discussion: """
            The id (file name) is made from the title: transliterated to ASCII, lowercased, words \
            joined by hyphens, at most 60 characters. An existing file is never overwritten. The \
            template is the repository's .kaizen/templates/KIND.md if present, else the built-in one. \
            What is left to fill in is listed on stderr.
            """
    )

    @Argument(help: "improvement, experiment or constraint.")
    var kind: RecordKind

    @Argument(help: "The record's title, one line.")
    var title: String

    @Option(help: ArgumentHelp("The owning team: an experiment's team, an improvement's origin, a constraint's observer.", valueName: "id"))
    var team: String?

    @Option(help: ArgumentHelp("For an experiment: the id of the improvement it trials.", valueName: "id"))
    var improvement: String?

    @Option(help: ArgumentHelp("For an improvement: what it improves (see kaizen.yml's areas).", valueName: "area"))
    var area: String?

    @Option(help: "For an improvement or constraint: team, cross-team or system (default: team).")
    var level: Level?

    @Option(help: "For a constraint: what was seen.")
    var note: String?

    @Option(name: .customLong("review-by"), help: ArgumentHelp(
        "For an experiment: its review date, YYYY-MM-DD (default: 30 days from today).", valueName: "date"))
    var reviewBy: CalendarDate?

    @Option(name: .customLong("constraint"), help: ArgumentHelp(
        "For an improvement or experiment: the id of a constraint it addresses (repeatable).", valueName: "id"))
    var constraints: [String] = []

    @Option(help: ArgumentHelp("The id (file name without .md) instead of one made from the title.", valueName: "slug"))
    var id: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func validate() throws {
        let misplaced: [(String, Bool, RecordKind)] = [
            ("--improvement", improvement != nil, .experiment),
            ("--review-by", reviewBy != nil, .experiment),
            ("--area", area != nil, .improvement),
            ("--note", note != nil, .constraint),
        ]
        for (option, given, owner) in misplaced where given && kind != owner {
            throw ValidationError("\(option) applies to \(owner.rawValue)s only")
        }
        if level != nil, kind == .experiment {
            throw ValidationError("--level applies to improvements and constraints only")
        }
        if !constraints.isEmpty, kind == .constraint {
            throw ValidationError("--constraint applies to improvements and experiments only")
        }
    }

    func run() throws {
        let workspace = try workspaceOptions.open()
        let request = NewRecordRequest(
            kind: kind, title: title, id: id, team: team, improvement: improvement, area: area, level: level,
            note: note, reviewBy: reviewBy, constraints: constraints, today: today.date)
        let created = try CreatedRecord.new(request, in: workspace)
        Editing.report(created, display: workspaceOptions.displayPath(in: workspace))
    }
}

extension Level: ExpressibleByArgument {}
