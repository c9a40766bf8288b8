import ArgumentParser
import KaizenKit

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a pull request's records: experiments started, extended and concluded, and every finding.",
        discussion: """
            Compares two commits from git, not the working tree. BASE...HEAD shows the changes on HEAD since it \
            branched from BASE, as a pull request does; BASE..HEAD compares the two commits directly; a lone BASE \
            means BASE...HEAD. The Markdown output is ready to post as a pull-request comment. Exits 1 when a \
            changed record has an error (the history rules included), 2 on a usage or environment error.
            """
    )

    @Argument(help: ArgumentHelp("The revisions to compare, e.g. origin/main...HEAD.", valueName: "range"))
    var range: String

    @Option(help: "Output format: markdown (a pull-request comment), json, github (workflow annotations) or sarif.")
    var format: ReviewFormat = .markdown

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var today: TodayOption

    func validate() throws {
        _ = try parsedRange()
    }

    func run() throws {
        let workspace = try workspaceOptions.open(readsCommitsOnly: true)
        let report = try PullRequestReview.make(workspace, range: parsedRange(), today: today.date, strict: strict)
        let formatter = ReviewFormatter(format: format, today: today.date, displayPath: workspaceOptions.displayPath(in: workspace),
                                        repository: try RepositoryLocation.of(workspace))
        print(formatter.render(report), terminator: "")
        if report.errorCount > 0 { throw ExitCode(1) }
    }

    private func parsedRange() throws -> RevisionRange {
        do {
            return try RevisionRange(parsing: range)
        } catch let error as KaizenError {
            throw ValidationError(error.localizedDescription)
        }
    }
}

extension ReviewFormat: ExpressibleByArgument {}
