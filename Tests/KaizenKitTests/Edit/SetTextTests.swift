@testable import KaizenKit
import Testing

/// `FrontMatterEditor.setText`: a one-value field replaced in place, or added on a line of its own.
@Suite struct SetTextTests {
    @Test func aPlainValueIsReplacedAndItsCommentAndTrailingSpacesStay() throws {
        let text = "---\nkind: experiment   # the kind\nstatus: planned  # was proposed   \nreview-by: 2026-12-01\n---\n\nBody.\n"
        let result = try edit(text) { try $0.setText("status", to: "running", after: []) }
        #expect(result.text == "---\nkind: experiment   # the kind\nstatus: running  # was proposed   \nreview-by: 2026-12-01\n---\n\nBody.\n")
        #expect(result.spans == [ReplacedSpan("planned", "running")])
    }

    @Test func quotedValuesKeepTheirQuotes() throws {
        let text = """
            ---
            status: 'planned'
            start: "2026-10-01"
            title: 'It''s on'
            ---

            """
        let result = try edit(text) {
            try $0.setText("status", to: "running", after: [])
            try $0.setText("start", to: "2026-11-20", after: [])
            try $0.setText("title", to: "It's off", after: [])
        }
        #expect(result.text == """
            ---
            status: 'running'
            start: "2026-11-20"
            title: 'It''s off'
            ---

            """)
        #expect(result.spans == [ReplacedSpan("'planned'", "'running'"), ReplacedSpan("\"2026-10-01\"", "\"2026-11-20\""),
                                 ReplacedSpan("'It''s on'", "'It''s off'")])
    }

    @Test func aPlainValueThatCannotStayPlainIsDoubleQuoted() throws {
        let result = try edit("---\nrollback: stop\n---\n") { try $0.setText("rollback", to: "stop: now, \"all\" # of it", after: []) }
        #expect(result.text == "---\nrollback: \"stop: now, \\\"all\\\" # of it\"\n---\n")
        let reserved = try edit("---\noutcome: x\n---\n") { try $0.setText("outcome", to: "null", after: []) }
        #expect(reserved.text == "---\noutcome: \"null\"\n---\n")
    }

    @Test func aMissingKeyGoesAfterItsAnchorBeforeTheCommentsOfTheNextKey() throws {
        let text = """
            ---
            kind: experiment
            status: planned

            # the dates
            review-by: 2026-12-01
            ---
            ## Plan

            """
        let result = try edit(text) { try $0.setText("start", to: "2026-11-20", after: ["status"]) }
        #expect(result.text == """
            ---
            kind: experiment
            status: planned
            start: 2026-11-20

            # the dates
            review-by: 2026-12-01
            ---
            ## Plan

            """)
        #expect(result.spans == [ReplacedSpan("", "start: 2026-11-20\n")])
    }

    @Test func keysInUnusualOrderAndAnAbsentAnchorPutTheLineAtTheEnd() throws {
        let text = "---\nreview-by: 2026-12-01\nstatus: planned\ntitle: Pairs\n---\nBody"
        let afterStatus = try edit(text) { try $0.setText("start", to: "2026-11-20", after: ["status"]) }
        #expect(afterStatus.text == "---\nreview-by: 2026-12-01\nstatus: planned\nstart: 2026-11-20\ntitle: Pairs\n---\nBody")
        let atEnd = try edit(text) {
            try $0.setText("outcome", to: "retained", after: ["extensions"])
            try $0.setText("concluded", to: "2026-11-20", after: ["outcome"])
        }
        #expect(atEnd.text == "---\nreview-by: 2026-12-01\nstatus: planned\ntitle: Pairs\noutcome: retained\nconcluded: 2026-11-20\n---\nBody")
    }

    @Test func crlfLineEndingsAByteOrderMarkAndNoFinalNewlineAreKept() throws {
        let text = "\u{FEFF}" + "---\nkind: experiment\nstatus: planned\nreview-by: 2026-12-01\n---\n\n## Plan\n\nPair.".crlf
        let result = try edit(text) {
            try $0.setText("status", to: "running", after: [])
            try $0.setText("start", to: "2026-11-20", after: ["status"])
        }
        #expect(result.text == "\u{FEFF}" + "---\nkind: experiment\nstatus: running\nstart: 2026-11-20\nreview-by: 2026-12-01\n---\n\n## Plan\n\nPair.".crlf)
        #expect(result.spans == [ReplacedSpan("planned", "running"), ReplacedSpan("", "start: 2026-11-20\r\n")])
    }

    @Test func emptyAndNullValuesAreFilledIn() throws {
        let text = "---\noutcome:\nconcluded: ~\nresult:   # later\n---\n"
        let result = try edit(text) {
            try $0.setText("outcome", to: "retained", after: [])
            try $0.setText("concluded", to: "2026-11-20", after: [])
            try $0.setText("result", to: "4 hours", after: [])
        }
        #expect(result.text == "---\noutcome: retained\nconcluded: 2026-11-20\nresult: \"4 hours\"   # later\n---\n")
        #expect(result.spans == [ReplacedSpan("", " retained"), ReplacedSpan("~", "2026-11-20"), ReplacedSpan("", " \"4 hours\"")])
    }

    @Test func valuesOverSeveralLinesAreReplacedWhole() throws {
        let text = """
            ---
            hypothesis: "If we pair,
              we expect less wait"
            rollback: stop the
              pairing   # soon
            status:
              planned
            ---

            """
        let result = try edit(text) {
            try $0.setText("hypothesis", to: "If we pair, we expect review wait to halve", after: [])
            try $0.setText("rollback", to: "stop", after: [])
            try $0.setText("status", to: "running", after: [])
        }
        #expect(result.text == """
            ---
            hypothesis: "If we pair, we expect review wait to halve"
            rollback: stop   # soon
            status:
              running
            ---

            """)
    }

    @Test func indentedKeysAndCharactersBeyondASCIIBeforeAValue() throws {
        let text = "---\n  tïtlé: Zoë's café # ☕\n  status: planned\n---\n"
        let result = try edit(text) {
            try $0.setText("tïtlé", to: "Ødegård", after: [])
            try $0.setText("start", to: "2026-11-20", after: ["status"])
        }
        #expect(result.text == "---\n  tïtlé: \"Ødegård\" # ☕\n  status: planned\n  start: 2026-11-20\n---\n")
        #expect(result.spans == [ReplacedSpan("Zoë's café", "\"Ødegård\""), ReplacedSpan("", "  start: 2026-11-20\n")])
    }

    @Test func hashesInsideValuesAreNotComments() throws {
        let text = "---\ntitle: C# and F#\nstatus: \"planned # not a comment\"\n---\n"
        let result = try edit(text) { try $0.setText("status", to: "running", after: []) }
        #expect(result.text == "---\ntitle: C# and F#\nstatus: \"running\"\n---\n")
    }

    @Test func shapesThatCannotBeEditedSafelyAreRefused() {
        #expect(refusal("---\n{kind: experiment, status: planned}\n---\n") { try $0.setText("status", to: "running", after: []) }
            == "its front matter is one flow mapping ({key: value, ...}); write one 'key: value' per line")
        #expect(refusal("---\nstatus: >\n  planned\n---\n") { try $0.setText("status", to: "running", after: []) }
            == "'status' is a block scalar (| or >) over several lines where kaizen expects one value; write it on one line")
        #expect(refusal("---\nstatus: &s planned\n---\n") { try $0.setText("status", to: "running", after: []) }
            == "the value of 'status' has an anchor (&name) that other values may refer to; remove the anchor")
        #expect(refusal("---\ntitle: &t planned\nstatus: *t\n---\n") { try $0.setText("status", to: "running", after: []) }
            == "'status' is an alias (*name) of a value written elsewhere; write the value out")
        #expect(refusal("---\nstatus: !!str planned\n---\n") { try $0.setText("status", to: "running", after: []) }
            == "the value of 'status' has a tag (!name); remove the tag")
        #expect(refusal("---\nstatus: [planned]\n---\n") { try $0.setText("status", to: "running", after: []) }
            == "'status' holds a list where kaizen expects one value")
        #expect(refusal("---\n? status\n: planned\n---\n") { try $0.setText("status", to: "running", after: []) }
            == "the key 'status' is not written as 'key: value' at the start of its line")
        #expect(refusal("---\nstatus: [planned\n---\n") { try $0.setText("status", to: "running", after: []) }
            == "its front matter is not valid YAML (`kaizen check` shows where); fix that first")
        #expect(refusal("no front matter\n") { try $0.setText("status", to: "running", after: []) }
            == "the file has no front matter between '---' lines")
    }

    @Test func anEditThatWouldChangeAnotherValueIsRefused() {
        // The blank line is part of rollback's value (|+ keeps it): a key
        // inserted before it would take it away.
        let text = "---\nrollback: |+\n  undo\n\nstatus: planned\n---\n"
        #expect(refusal(text) { try $0.setText("outcome", to: "retained", after: ["rollback"]) }
            == "its front matter is laid out in a way kaizen cannot edit without changing other values")
        #expect(refusal(text) { try $0.setText("outcome", to: "retained", after: ["status"]) } == nil)
    }
}
