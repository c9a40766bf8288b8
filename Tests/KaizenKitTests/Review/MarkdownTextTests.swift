@testable import KaizenKit
import Testing

@Suite struct MarkdownTextTests {
    @Test func inlineTextEscapesEveryMarkupCharacter() {
        #expect(MarkdownText.inline("<b>*x*</b> | [a](b) `c` _d_ ~e~ &amp; #1 ![i]")
            == "\\<b\\>\\*x\\*\\</b\\> \\| \\[a\\](b) \\`c\\` \\_d\\_ \\~e\\~ \\&amp; \\#1 \\!\\[i\\]")
        #expect(MarkdownText.inline("two\nlines") == "two lines")
    }

    @Test func codeSpansHoldBackticksLiterally() {
        #expect(MarkdownText.code("experiments/a.md") == "`experiments/a.md`")
        #expect(MarkdownText.code("a `b` c") == "``a `b` c``")
        #expect(MarkdownText.code("`edge") == "`` `edge ``")
    }

    @Test func blockQuotesQuoteEveryLine() {
        #expect(MarkdownText.blockQuote("one\n\n- two") == "> one\n>\n> - two")
    }

    @Test func sectionSourceKeepsMarkdownAndDropsHTMLBlocks() {
        let body = """
            ## Plan

            Plan text.

            ## Learnings

            First *finding*.

            <!-- guidance -->

            - a point
              continued

            <div>raw</div>

            ```
            ## not a heading
            ```

            ## Next

            Other.
            """
        let document = MarkdownDocument(Substring(body))
        #expect(document.sectionSource(titled: "learnings") == "First *finding*.\n\n- a point\n  continued\n\n```\n## not a heading\n```")
        #expect(document.sectionSource(titled: "Missing") == nil)
        #expect(MarkdownDocument("## Learnings\n\n<!-- only guidance -->\n").sectionSource(titled: "Learnings") == nil)
    }
}
