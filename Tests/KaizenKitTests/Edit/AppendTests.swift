@testable import KaizenKit
import Testing

/// `FrontMatterEditor.append`: one more mapping at the end of a list, in the list's own style.
@Suite struct AppendTests {
    let entry = [("until", "2026-12-18"), ("reason", "freeze weeks")]

    @Test func aBlockListGetsAnItemIndentedLikeItsOthers() throws {
        let text = """
            ---
            review-by: 2026-12-01
            extensions:
              - until: 2026-12-01   # first
                reason: "no data yet"

            rollback: stop
            ---

            """
        let result = try edit(text) { try $0.append(entry, to: "extensions", after: ["review-by"]) }
        #expect(result.text == """
            ---
            review-by: 2026-12-01
            extensions:
              - until: 2026-12-01   # first
                reason: "no data yet"
              - until: 2026-12-18
                reason: "freeze weeks"

            rollback: stop
            ---

            """)
        #expect(result.spans == [ReplacedSpan("", "  - until: 2026-12-18\n    reason: \"freeze weeks\"\n")])
    }

    @Test func anIndentlessListWithOtherKeyOrderAndWideDashes() throws {
        let text = """
            ---
            extensions:
            -   reason: first
                until: 2026-12-01
            # rollback comes next
            rollback: stop
            ---

            """
        let result = try edit(text) { try $0.append(entry, to: "extensions", after: []) }
        #expect(result.text == """
            ---
            extensions:
            -   reason: first
                until: 2026-12-01
            -   reason: "freeze weeks"
                until: 2026-12-18
            # rollback comes next
            rollback: stop
            ---

            """)
    }

    @Test func aBlockListOfFlowMappingsGetsAFlowMapping() throws {
        let text = "---\nextensions:\n  - { until: 2026-12-01, reason: first }\n---\n"
        let result = try edit(text) { try $0.append(entry, to: "extensions", after: []) }
        #expect(result.text == "---\nextensions:\n  - { until: 2026-12-01, reason: first }\n  - { until: 2026-12-18, reason: \"freeze weeks\" }\n---\n")
    }

    @Test func aFlowListOnOneLineGrowsOnThatLine() throws {
        let text = "---\nextensions: [{until: 2026-12-01, reason: first}]  # one so far\nrollback: stop\n---\n"
        let result = try edit(text) { try $0.append(entry, to: "extensions", after: []) }
        #expect(result.text == "---\nextensions: [{until: 2026-12-01, reason: first}, {until: 2026-12-18, reason: \"freeze weeks\"}]  # one so far\nrollback: stop\n---\n")
        #expect(result.spans == [ReplacedSpan("", ", {until: 2026-12-18, reason: \"freeze weeks\"}")])
    }

    @Test func anEmptyFlowListGetsItsFirstItem() throws {
        for empty in ["[]", "[ ]"] {
            let result = try edit("---\nextensions: \(empty)\n---\n") { try $0.append(entry, to: "extensions", after: []) }
            #expect(result.text == "---\nextensions: [{until: 2026-12-18, reason: \"freeze weeks\"}]\n---\n")
        }
    }

    @Test func aFlowListWithOneItemPerLineGetsALineOfItsOwn() throws {
        let trailingComma = """
            ---
            extensions: [
              {until: 2026-12-01, reason: "first, then"},  # the first
            ]
            ---

            """
        #expect(try edit(trailingComma) { try $0.append(entry, to: "extensions", after: []) }.text == """
            ---
            extensions: [
              {until: 2026-12-01, reason: "first, then"},  # the first
              {until: 2026-12-18, reason: "freeze weeks"},
            ]
            ---

            """)
        let noComma = "---\nextensions: [\n    {until: 2026-12-01, reason: first}\n]\n---\n".crlf
        let result = try edit(noComma) { try $0.append(entry, to: "extensions", after: []) }
        #expect(result.text == "---\nextensions: [\n    {until: 2026-12-01, reason: first},\n    {until: 2026-12-18, reason: \"freeze weeks\"}\n]\n---\n".crlf)
        #expect(result.spans == [ReplacedSpan("", ","), ReplacedSpan("", "\r\n    {until: 2026-12-18, reason: \"freeze weeks\"}")])
    }

    @Test func aMissingListIsCreatedAfterItsAnchorLaidOutLikeTheSignals() throws {
        let text = """
            ---
            signals:
                -   metric: wait
                    baseline: 48
                    target: 4
            review-by: 2026-12-01
            rollback: stop
            ---

            """
        let result = try edit(text) { try $0.append(entry, to: "extensions", after: ["review-by"]) }
        // Created below its anchor, review-by, in the signals' layout.
        let created = """
            extensions:
                -   until: 2026-12-18
                    reason: "freeze weeks"

            """
        #expect(result.text == text.replacingOccurrences(of: "rollback: stop\n", with: created + "rollback: stop\n"))
        let otherLayouts = [
            ("---\nsignals: [{metric: wait, baseline: 48, target: 4}]\nreview-by: 2026-12-01\n---\n",
             "---\nsignals: [{metric: wait, baseline: 48, target: 4}]\nreview-by: 2026-12-01\nextensions: [{until: 2026-12-18, reason: \"freeze weeks\"}]\n---\n"),
            ("---\nreview-by: 2026-12-01\n---\n".crlf,
             "---\nreview-by: 2026-12-01\nextensions:\n  - until: 2026-12-18\n    reason: \"freeze weeks\"\n---\n".crlf),
        ]
        for (text, expected) in otherLayouts {
            #expect(try edit(text) { try $0.append(entry, to: "extensions", after: ["review-by"]) }.text == expected)
        }
    }

    @Test func anEmptyOrNullListBecomesABlockList() throws {
        let empty = try edit("---\nextensions:   # none yet\nrollback: stop\n---\n") { try $0.append(entry, to: "extensions", after: []) }
        #expect(empty.text == "---\nextensions:   # none yet\n  - until: 2026-12-18\n    reason: \"freeze weeks\"\nrollback: stop\n---\n")
        let null = try edit("---\nextensions: ~\nrollback: stop\n---\n") { try $0.append(entry, to: "extensions", after: []) }
        #expect(null.text == "---\nextensions:\n  - until: 2026-12-18\n    reason: \"freeze weeks\"\nrollback: stop\n---\n")
        #expect(null.spans == [ReplacedSpan(" ~", ""), ReplacedSpan("", "  - until: 2026-12-18\n    reason: \"freeze weeks\"\n")])
    }

    @Test func valuesThatAreNotListsOfMappingsAreRefused() {
        #expect(refusal("---\nextensions: soon\n---\n") { try $0.append(entry, to: "extensions", after: []) }
            == "'extensions' holds a single value, not a list")
        #expect(refusal("---\nextensions:\n  - 2026-12-01\n---\n") { try $0.append(entry, to: "extensions", after: []) }
            == "the last item of 'extensions' is not a mapping like {until, reason}")
        #expect(refusal("---\nextensions: &e []\n---\n") { try $0.append(entry, to: "extensions", after: []) }
            == "the value of 'extensions' has an anchor (&name) that other values may refer to; remove the anchor")
    }
}
