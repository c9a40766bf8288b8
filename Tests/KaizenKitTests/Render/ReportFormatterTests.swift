@testable import KaizenKit
import Testing

@Suite struct ReportFormatterTests {
    /// InsightsFixture with the origins' own trials concluded the day they started.
    static func report(originDays zero: Bool) -> CrossTeamReport {
        let parser = RecordParser(config: InsightsFixture.config)
        let records = InsightsFixture.files.map { path, text in
            let sameDay = zero && path == "experiments/payments-canary.md"
                ? text.replacingOccurrences(of: "concluded: 2026-04-30", with: "concluded: 2026-03-01") : text
            return parser.parse(Array(sameDay.utf8), path: path, folderKind: InsightsFixture.config.folderKind(ofPath: path)).record
        }
        let period = ReportPeriod(length: PeriodLength(count: 6, unit: .months), endingOn: InsightsFixture.today)
        return ReportBuilder(records: records, config: InsightsFixture.config, period: period,
                             dating: RecordDating(history: InsightsFixture.history)).build()
    }

    /// An origin trial that took 0 days is listed in JSON; the text says so
    /// instead of claiming there is no dated origin trial.
    @Test func aZeroDayOriginTrialIsNamedNotMissed() {
        let report = Self.report(originDays: true)
        #expect(report.scaling.medianOriginDays == 0)
        let text = ReportFormatter(format: .text, periodName: "6 months").render(report)
        let line = text.split(separator: "\n").first { $0.contains("Scaling efficiency") }.map(String.init) ?? ""
        #expect(line.contains("vs origins 0 days (median of 1): nothing to compare with a trial that took no time"), "\(line)")
        #expect(!text.contains("no dated origin trial"))
        #expect(text.contains("payments-canary (origin trial of canary, payments): 0 days"))
    }
}
