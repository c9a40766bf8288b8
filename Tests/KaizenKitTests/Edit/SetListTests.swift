@testable import KaizenKit
import Testing

/// `FrontMatterEditor.setList`: a whole list replaced, as `kaizen adopt` fills in a template.
@Suite struct SetListTests {
    let signals = [
        [("metric", "change failure rate"), ("baseline", "<our value today>"), ("target", "under 8 %")],
        [("metric", "deploys per week"), ("baseline", "<our value today>"), ("target", "5")],
    ]

    @Test func aBlockListOfMappingsIsReplacedInItsOwnLayoutKeepingTheKeyLine() throws {
        let text = """
            ---
            signals:   # what we will watch
               -  metric: "<what you will measure>"
                  baseline: "<its value today>"
            status: planned
            ---

            """
        let result = try edit(text) { try $0.setList("signals", toMappings: signals, after: []) }
        #expect(result.text == """
            ---
            signals:   # what we will watch
               -  metric: "change failure rate"
                  baseline: "<our value today>"
                  target: "under 8 %"
               -  metric: "deploys per week"
                  baseline: "<our value today>"
                  target: "5"
            status: planned
            ---

            """)
    }

    @Test func aFlowOrMissingListOfMappingsBecomesABlockList() throws {
        let flow = try edit("---\nsignals: [{metric: x}]\nstatus: planned\n---\n") { try $0.setList("signals", toMappings: [signals[1]], after: []) }
        #expect(flow.text == "---\nsignals:\n  - metric: \"deploys per week\"\n    baseline: \"<our value today>\"\n    target: \"5\"\nstatus: planned\n---\n")
        let missing = try edit("---\nhypothesis: x\nstatus: planned\n---\n") { try $0.setList("signals", toMappings: [signals[1]], after: ["hypothesis"]) }
        #expect(missing.text == "---\nhypothesis: x\nsignals:\n  - metric: \"deploys per week\"\n    baseline: \"<our value today>\"\n    target: \"5\"\nstatus: planned\n---\n")
    }

    @Test func aListOfTextsIsWrittenOnOneLineUnlessItWasABlockList() throws {
        let missing = try edit("---\nteams: [payments]\nimprovement: canary-releases\nhypothesis: x\n---\n") {
            try $0.setList("constraints", toTexts: ["change-advisory-board", "shared staging"], after: ["improvement"])
        }
        #expect(missing.text == "---\nteams: [payments]\nimprovement: canary-releases\nconstraints: [change-advisory-board, \"shared staging\"]\nhypothesis: x\n---\n")
        let flow = try edit("---\nconstraints: [ ]  # none\n---\n") { try $0.setList("constraints", toTexts: ["a", "b"], after: []) }
        #expect(flow.text == "---\nconstraints: [a, b]  # none\n---\n")
        let empty = try edit("---\nconstraints:\n---\n") { try $0.setList("constraints", toTexts: ["a"], after: []) }
        #expect(empty.text == "---\nconstraints: [a]\n---\n")
        let block = try edit("---\nconstraints:\n- old\nstatus: planned\n---\n") { try $0.setList("constraints", toTexts: ["a", "b"], after: []) }
        #expect(block.text == "---\nconstraints:\n- a\n- b\nstatus: planned\n---\n")
    }

    @Test func aMappingWhereAListBelongsIsRefused() {
        #expect(refusal("---\nconstraints:\n  a: b\n---\n") { try $0.setList("constraints", toTexts: ["a"], after: []) }
            == "'constraints' holds a mapping, not a list")
    }
}
