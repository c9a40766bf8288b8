import ArgumentParser
import KaizenKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the records' front matter, for editors.",
        discussion: """
            Without a kind, the schema accepts any kind's front matter, chosen by `kind`. Teams and \
            areas come from this workspace's kaizen.yml, so editors can complete them.
            """
    )

    @Argument(help: "improvement, experiment or constraint (default: all three).")
    var kind: RecordKind?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let workspace = try workspaceOptions.open()
        print(JSONSchemaGenerator(config: workspace.config).render(kind: kind), terminator: "")
    }
}
