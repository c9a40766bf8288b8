/// `kaizen init`: writes kaizen.yml, the record folders (each with a README
/// that says what goes there) and editable copies of the record templates.
public struct WorkspaceInitializer: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The files `init` writes, workspace-relative, with their contents.
    public func plannedFiles(teams: [String]) throws -> [(path: String, contents: String)] {
        for team in teams where !Slug.isValid(team) {
            throw KaizenError.invalidArgument("'\(team)' is not a team id: team ids are lowercase slugs, e.g. payments")
        }
        var values: [String: String] = [:]
        if !teams.isEmpty {
            values["teams"] = teams.map { "  \($0): {name: \(YAMLText.quoted(Self.displayName(of: $0)))}" }.joined(separator: "\n")
        }
        var files = [(KaizenConfig.fileName, TemplateRenderer(values: values).render(TemplateStore.builtIn("kaizen.yml")))]
        for kind in RecordKind.allCases {
            files.append(("\(kind.defaultFolder)/README.md", TemplateStore.builtIn("folders/\(kind.defaultFolder).md")))
        }
        for kind in RecordKind.allCases {
            files.append(("\(TemplateStore.overrideFolder)/\(kind.rawValue).md", TemplateStore.builtIn("\(kind.rawValue).md")))
        }
        return files
    }

    /// Writes every planned file, or nothing at all if any of them exists.
    /// Returns the paths written.
    public func run(teams: [String]) throws -> [String] {
        let files = try plannedFiles(teams: teams)
        let existing = files.map(\.path).filter { FileReader.exists(workspace.url(for: $0).path) }
        guard existing.isEmpty else { throw KaizenError.alreadyExists(paths: existing) }
        for file in files {
            if let blocker = AtomicFile.obstruction(for: workspace.url(for: file.path)) {
                throw KaizenError.cannotWrite(path: file.path, reason: "\(blocker) is a file where a folder must go; nothing was written")
            }
        }
        for file in files {
            try AtomicFile.create(at: workspace.url(for: file.path), contents: file.contents)
        }
        return files.map(\.path)
    }

    /// "payments" → "Payments", "data-platform" → "Data Platform".
    static func displayName(of id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
