/// Record and site templates: a repository's own in `.kaizen/templates/`,
/// else the ones built into kaizen (from the package's `templates/` folder).
public struct TemplateStore: Sendable {
    public static let overrideFolder = ".kaizen/templates"

    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The template for a kind.
    func template(for kind: RecordKind) throws -> String {
        try template(named: "\(kind.rawValue).md")
    }

    /// A file of the static site's templates (`site/page.html`, `site/site.css`, `site/filter.js`).
    func siteTemplate(named name: String) throws -> String {
        try template(named: "site/\(name)")
    }

    private func template(named name: String) throws -> String {
        let override = workspace.url(for: "\(Self.overrideFolder)/\(name)")
        if let bytes = try? FileReader.read(override.path) {
            guard case .success(let text) = DecodedText.decode(bytes) else {
                throw KaizenError.cannotRead(path: override.path, reason: "not UTF-8 text")
            }
            return text
        }
        return Self.builtIn(name)
    }

    /// A built-in template by its path under `templates/`.
    static func builtIn(_ name: String) -> String {
        // The build embeds every file of templates/; a missing one is a packaging bug.
        guard let text = EmbeddedTemplates.files[name] else { preconditionFailure("templates/\(name) was not embedded") }
        return text
    }
}
