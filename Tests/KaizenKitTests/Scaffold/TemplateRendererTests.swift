@testable import KaizenKit
import Testing

@Suite struct TemplateRendererTests {
    @Test func fillsVariablesAndDropsLinesWithoutValues() {
        let renderer = TemplateRenderer(values: ["title": "\"A\"", "team": "payments"])
        let template = "title: {{title}}\nteams: [{{ team }}]\nimprovement: {{improvement}}\n\n## Plan\n"
        #expect(renderer.render(template) == "title: \"A\"\nteams: [payments]\n\n## Plan\n")
    }

    @Test func valuesAreNotRescanned() {
        let renderer = TemplateRenderer(values: ["title": "{{team}}"])
        #expect(renderer.render("{{title}}") == "{{team}}")
    }

    @Test func anUnclosedBraceIsLeftAsWritten() {
        #expect(TemplateRenderer(values: [:]).render("a {{b") == "a {{b")
    }

    @Test func quotedYAMLTextSurvivesAnyTitle() throws {
        let title = "Ship: \"faster\" \\ now\t# really"
        let line = "title: \(YAMLText.quoted(title))"
        let parsed = RecordParser().parse(Array("---\nkind: constraint\n\(line)\n---\n".utf8), path: "constraints/x.md", folderKind: nil)
        #expect(parsed.record.title?.value == title)
    }
}
