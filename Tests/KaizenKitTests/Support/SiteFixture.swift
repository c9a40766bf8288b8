@testable import KaizenKit

/// InsightsFixture's organisation as a site, plus one improvement, one
/// experiment and one constraint written to attack the pages: markup in the
/// title and front matter, raw HTML and `javascript:` links in the Markdown
/// body. The improvement and the experiment address the constraint.
enum SiteFixture {
    static let hostileImprovement = """
        ---
        kind: improvement
        title: "<script>document.body.setAttribute('data-pwned','yes')</script> & friends"
        status: trialling
        origin: data
        level: team
        area: flow
        constraints: [hostile-queue]
        tags: ["<b>bold</b>"]
        ---

        ## Summary

        <script>document.body.setAttribute('data-pwned','yes')</script>

        Click [here](javascript:alert(1)) or [there](JaVaScRiPt:alert(2)) or <img src=x onerror="alert(3)">.

        ## Context

        <div onclick="alert(4)">raw block</div>

        ## Implementation guide

        1. Read the [guide](https://example.com/guide?a=1&b=2).

        ## Adaptation notes

        | step | note |
        |---|---|
        | one | *two* |
        """

    static let hostileExperiment = """
        ---
        kind: experiment
        title: Try "quotes" & <em>tags</em>
        teams: [data]
        improvement: hostile
        constraints: [hostile-queue, no-such-constraint]
        hypothesis: "If we change <b>this</b>, we expect the lead time to fall below 2 days"
        signals:
          - {metric: "<i>lead</i> time", baseline: "4 days", target: "under 2 days", result: "x\\" onmouseover=\\"alert(5)"}
        status: running
        start: 2026-11-01
        review-by: 2026-12-01
        rollback: Undo <it>.
        ---

        ## Plan

        [plan](javascript:alert(6))

        ## Observations

        ## Learnings
        """

    static let hostileConstraint = """
        ---
        kind: constraint
        title: "<script>document.body.setAttribute('data-pwned','yes')</script> queue"
        status: open
        level: team
        observed:
          - {date: 2026-11-02, team: data, note: "<img src=x onerror=\\"alert(7)\\"> waited"}
        ---

        ## Description

        Five teams wait for [a link](javascript:alert(8)).

        <div onclick="alert(9)">raw block</div>
        """

    static var files: [RecordFixture] {
        InsightsFixture.files + [RecordFixture("improvements/hostile.md", hostileImprovement),
                                 RecordFixture("experiments/hostile-trial.md", hostileExperiment),
                                 RecordFixture("constraints/hostile-queue.md", hostileConstraint)]
    }

    static var records: [Record] {
        RecordFixture.records(files, config: InsightsFixture.config)
    }

    static func snapshot(history: Bool = true) throws -> SiteSnapshot {
        try snapshot(of: files, history: history ? InsightsFixture.history : nil)
    }

    /// The site of `files` on InsightsFixture's today, over `period`.
    static func snapshot(of files: [RecordFixture], history: WorkspaceHistory?,
                         period: ReportPeriod = ReportPeriod(length: PeriodLength(count: 6, unit: .months), endingOn: InsightsFixture.today),
                         periodName: String = "6 months") throws -> SiteSnapshot {
        try SiteSnapshot(records: RecordFixture.records(files, config: InsightsFixture.config), config: InsightsFixture.config,
                         period: period, periodName: periodName, today: InsightsFixture.today, history: history,
                         sources: Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) }))
    }

    static func record(_ id: String, in snapshot: SiteSnapshot) -> Record {
        (snapshot.improvements + snapshot.experiments + snapshot.constraints).first { $0.id == id }!
    }

    /// How many times `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The text between the first `start` and the next `end` after it.
    static func slice(_ text: String, from start: String, to end: String) -> String? {
        guard let open = text.range(of: start), let close = text[open.upperBound...].range(of: end) else { return nil }
        return String(text[open.lowerBound..<close.upperBound])
    }

    /// Nothing a record said became markup: no script element, no event
    /// handler attribute, no `javascript:` URL.
    static func isInert(_ html: String) -> Bool {
        let lowered = html.lowercased()
        return !lowered.contains("<script") && !lowered.contains("javascript:")
            && !lowered.contains(" onerror=\"") && !lowered.contains(" onclick=\"") && !lowered.contains(" onmouseover=\"")
            && !lowered.contains("<b>") && !lowered.contains("<em>tags")
    }
}
