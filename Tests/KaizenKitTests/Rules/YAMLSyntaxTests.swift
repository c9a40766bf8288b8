@testable import KaizenKit
import Testing

@Suite struct YAMLSyntaxTests {
    /// The change-board constraint, observed by payments on each of `dates`:
    /// the first observation anchors the team (`&payments`), every later one
    /// is an alias of it (`*payments`). `marking` puts 1️⃣ at the start of
    /// that date's line.
    static func changeBoard(observedOn dates: [String], marking markedDate: String? = nil) -> RecordFixture {
        let observations = dates.enumerated().map { index, date in
            let team = index == 0 ? "&payments payments" : "*payments"
            return (date == markedDate ? "1️⃣" : "") + "  - {date: \(date), team: \(team)}"
        }
        return .constraint("change-board", observed: .absent, extra: (["observed:"] + observations).joined(separator: "\n"))
    }

    @Test func anUnquotedColonInAValueIsReportedWithHowToQuoteIt() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs1️⃣: payments team
            teams: [payments]
            status: planned
            ---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "mapping values are not allowed in this context: a value that contains ': ' must be quoted, e.g. title: \"Ship: faster\""),
        ])
    }

    @Test func aTabIndentIsReportedWithTheLineItStarts() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            signals:
            1️⃣\t- metric: review wait (hours)
            ---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "found character that cannot start any token (while scanning for the next token at line 5): YAML does not allow tabs for indentation; indent with spaces"),
        ])
    }

    @Test func aValueStartingWithAnAtSignMustBeQuoted() {
        let harness = RuleHarness([("experiments/platform-review.md", """
            ---
            kind: experiment
            title: 1️⃣@platform review pairs
            teams: [platform]
            ---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("experiments/platform-review.md", "1",
                "found character that cannot start any token (while scanning for the next token at line 3): quote the value, e.g. title: \"@team review\""),
        ])
    }

    @Test func aValueStartingWithAStarIsReadAsAnAlias() {
        let harness = RuleHarness([("improvements/nightly-builds.md", """
            ---
            kind: improvement
            title: 1️⃣*nightly builds for every branch
            status: proposed
            ---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("improvements/nightly-builds.md", "1",
                "found undefined alias: a '*' at the start of a value must be quoted, e.g. title: \"*fast* reviews\""),
        ])
    }

    @Test func aMisindentedEntryIsReportedWithTheCollectionItBreaks() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs for payment changes
            signals:
              - metric: review wait (hours)
                baseline: 48
              1️⃣target: 4
            status: planned
            ---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "did not find expected '-' indicator (while parsing a block collection at line 5): check the indentation of this line against the lines above it"),
        ])
    }

    @Test func anUnclosedQuoteIsReportedWhereTheFrontMatterEnds() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: "Review pairs for payment changes
            teams: [payments]
            1️⃣---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "found unexpected end of stream (while scanning a quoted scalar at line 3): a quote is never closed; close it, or remove it"),
        ])
    }

    @Test func aControlCharacterIsReportedAtItsColumn() {
        // An escape character pasted from coloured terminal output.
        let harness = RuleHarness([("constraints/flaky-pipeline.md", """
            ---
            kind: constraint
            title: Flaky pipeline – 1️⃣\u{1B}[31mred builds
            status: open
            ---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("constraints/flaky-pipeline.md", "1",
                "control characters are not allowed (U+001B): remove it; most editors do not show it"),
        ])
    }

    @Test func moreAliasesThanTheLimitAreReportedAtTheFirstOneOver() {
        let dates = ["2026-08-06", "2026-08-13", "2026-08-20", "2026-08-27", "2026-09-03", "2026-09-10",
                     "2026-09-17", "2026-09-24", "2026-10-01", "2026-10-08", "2026-10-15"]
        let harness = RuleHarness([Self.changeBoard(observedOn: dates, marking: "2026-10-08")])
        harness.expect("yaml-syntax", [
            ExpectedFinding("constraints/change-board.md", "1",
                "more than 8 YAML aliases (*name): kaizen limits them so that a small file cannot expand into a huge one; write the values out instead"),
        ])
    }

    @Test func ampersandsAndStarsInPlainTextAreNotAnchorsOrAliases() {
        // No anchor or alias anywhere: a '&' in the title and Markdown bullets
        // inside a block scalar.
        let harness = RuleHarness([("experiments/joint-review-pairs.md", """
            ---
            kind: experiment
            title: Payments & platform review pairs
            teams: [payments, platform]
            hypothesis: If we review pull requests in pairs, we expect review wait to fall from 48 to 4 hours
            signals: [{metric: review wait (hours), baseline: 48, target: 4}]
            status: planned
            review-by: 2026-12-18
            rollback: |
              * switch the review-pairs flag off
              * tell both teams in the weekly sync
              * hand open pairs back to single reviewers
              * cancel the pairing calendar
              * archive the pairing rota
              * remove the pairing label from the board
              * restore the old review SLA
              * drop the pairing column from the dashboard
              * note the rollback under Observations
            ---
            """)])
        harness.expect("yaml-syntax", [])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test func quotedValuesBlockScalarsAndAFewAliasesPass() {
        let harness = RuleHarness([
            RecordFixture("experiments/review-pairs.md", """
                ---
                # Started after the October retrospective.
                kind: experiment
                title: "Review pairs: payments team"
                teams: [payments]
                hypothesis: >-
                  If we review pull requests in pairs,
                  we expect review wait to fall from 48 to 4 hours
                signals:
                  - metric: review wait (hours)
                    baseline: 48
                    target: 4
                status: running
                start: 2026-10-01
                review-by: 2026-12-18
                rollback: |
                  Switch the review-pairs flag off.
                  Go back to single reviews.
                tags: ["@payments", "*pairing*"]
                ---
                """),
            Self.changeBoard(observedOn: ["2026-09-03", "2026-09-10", "2026-09-17", "2026-09-24", "2026-10-01",
                                          "2026-10-08", "2026-10-15", "2026-10-22", "2026-10-29"]),
        ])
        harness.expect("yaml-syntax", [])
        #expect(harness.diagnostics().isEmpty)
    }

    @Test func aValueStartingWithAStarGetsAQuotingHint() {
        let harness = RuleHarness([("experiments/fast-reviews.md", """
            ---
            kind: experiment
            title: *fast1️⃣* reviews
            ---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("experiments/fast-reviews.md", "1",
                "did not find expected alphabetic or numeric character (while scanning an alias at line 3): a value that starts with '*' or '&' must be quoted, e.g. title: \"*fast* reviews\""),
        ])
    }

    @Test func anOverIndentedKeyGetsAnIndentationHint() {
        let harness = RuleHarness([("experiments/review-pairs.md", """
            ---
            kind: experiment
            title: Review pairs
              status1️⃣: running
            ---
            """)])
        harness.expect("yaml-syntax", [
            ExpectedFinding("experiments/review-pairs.md", "1",
                "mapping values are not allowed in this context: 'status' is indented more than the field above it; start it at the same column"),
        ])
    }
}
