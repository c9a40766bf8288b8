@testable import KaizenKit
import Testing

@Suite struct FrontMatterTests {
    /// A valid constraint's fields, for the files whose `---` lines are out of place or missing.
    static let changeBoardFields = """
        kind: constraint
        title: Weekly change-advisory board
        status: open
        level: system
        observed: [{date: 2026-10-01, team: payments}]
        """

    @Test func aFileWithoutFrontMatterIsReportedAtItsStart() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                1️⃣# Review pairs for payment changes

                We want to try reviewing every pull request in pairs.
                """),
            ("experiments/empty.md", "1️⃣"),
        ])
        harness.expect("front-matter", [
            ExpectedFinding("experiments/empty.md", "1",
                "missing front matter: a record starts with a line '---', then its fields (kind, title, status, …), then a line '---'"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "missing front matter: a record starts with a line '---', then its fields (kind, title, status, …), then a line '---'"),
        ])
    }

    @Test func frontMatterBelowTheFirstLineIsReportedWhereItOpens() {
        let harness = RuleHarness([("improvements/trunk-based-development.md", """
            # Trunk-based development

            1️⃣---
            kind: improvement
            title: Trunk-based development
            status: proposed
            origin: platform
            level: team
            area: flow
            ---
            """)])
        harness.expect("front-matter", [
            ExpectedFinding("improvements/trunk-based-development.md", "1",
                "front matter must start on line 1, not line 3: remove everything above this '---', blank lines included"),
        ])
    }

    @Test func aBlankFirstLineIsEnoughToMisplaceIt() {
        let harness = RuleHarness([("constraints/change-board.md", """

            1️⃣---
            \(Self.changeBoardFields)
            ---
            """)])
        harness.expect("front-matter", [
            ExpectedFinding("constraints/change-board.md", "1",
                "front matter must start on line 1, not line 2: remove everything above this '---', blank lines included"),
        ])
    }

    @Test func frontMatterThatIsNeverClosedIsReportedWhereItOpens() {
        let harness = RuleHarness([("constraints/change-board.md", """
            1️⃣---
            \(Self.changeBoardFields)

            ## Description

            Every production change waits for the Thursday board.
            """)])
        harness.expect("front-matter", [
            ExpectedFinding("constraints/change-board.md", "1",
                "front matter opened here is never closed: add a line '---' after the last field"),
        ])
    }

    @Test func emptyFrontMatterListsTheRequiredFieldsOfTheFolderKind() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                1️⃣---
                ---

                ## Plan

                Pair on every pull request to the payment service.
                """),
            ("improvements/trunk-based-development.md", """
                1️⃣---
                ~
                ---
                """),
            ("constraints/change-board.md", """
                1️⃣---
                # fill in once the board has been observed twice
                ---
                """),
            ("notes/retro-2026-11.md", """
                1️⃣---
                ---
                """),
        ])
        harness.expect("front-matter", [
            ExpectedFinding("constraints/change-board.md", "1",
                "front matter is empty: add the record's fields (kind, title, status, level, observed)"),
            ExpectedFinding("experiments/review-pairs.md", "1",
                "front matter is empty: add the record's fields (kind, title, teams, hypothesis, signals, status, review-by, rollback)"),
            ExpectedFinding("improvements/trunk-based-development.md", "1",
                "front matter is empty: add the record's fields (kind, title, status, origin, level, area)"),
            ExpectedFinding("notes/retro-2026-11.md", "1",
                "front matter is empty: add the record's fields (kind, title)"),
        ])
    }

    @Test func frontMatterThatIsNotAMappingIsReportedAtItsFirstValue() {
        let harness = RuleHarness([
            ("experiments/review-pairs.md", """
                ---
                1️⃣- kind: experiment
                - title: Review pairs for payment changes
                ---
                """),
            ("experiments/trunk-based-development.md", """
                ---
                1️⃣Trunk-based development in the platform team
                ---
                """),
        ])
        harness.expect("front-matter", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "front matter must be fields written as 'key: value', not a list"),
            ExpectedFinding("experiments/trunk-based-development.md", "1",
                "front matter must be fields written as 'key: value', not a single value"),
        ])
    }

    @Test func recordsOpeningOnLineOneAndClosedPass() {
        let harness = RuleHarness([
            // Trailing spaces after the opening '---'; YAML's end of document, '...', closes.
            RecordFixture("constraints/change-board.md", """
                ---\u{20}\u{20}
                kind: constraint
                title: Weekly change-advisory board
                status: open
                level: system
                observed:
                  - date: 2026-09-14
                    team: payments
                    note: a one-line config change waited six days for the board
                ...

                ## Description

                Every production change, however small, waits for the Thursday board.
                """),
            // A line '---' in the body is a thematic break, not more front matter.
            .experiment("review-pairs", body: """
                ## Plan

                Pair on every pull request to the payment service.

                ---

                Notes below the rule are still part of the body.
                """),
        ])
        harness.expect("front-matter", [])
        #expect(harness.diagnostics().isEmpty)
    }
}
