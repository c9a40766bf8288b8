import Foundation
@testable import KaizenKit
import Testing

@Suite struct ReportFormatterTests {
    /// InsightsFixture with the origins' own trials concluded the day they started.
    static func report(originDays zero: Bool) -> CrossTeamReport {
        let files = InsightsFixture.files.map { file in
            zero && file.path == "experiments/payments-canary.md"
                ? RecordFixture(file.path, file.text.replacingOccurrences(of: "concluded: 2026-04-30", with: "concluded: 2026-03-01")) : file
        }
        let records = RecordFixture.records(files, config: InsightsFixture.config)
        let period = ReportPeriod(length: PeriodLength(count: 6, unit: .months), endingOn: InsightsFixture.today)
        return ReportBuilder(records: records, config: InsightsFixture.config, period: period,
                             dating: RecordDating(history: InsightsFixture.history)).build()
    }

    /// InsightsFixture's quick wins (worked out in ReportBuilderTests) in each format.
    @Test func quickWinsInEveryFormat() throws {
        let report = Self.report(originDays: false)
        let text = ReportFormatter(format: .text, periodName: "6 months").render(report)
        #expect(text.contains("""
              Throughput             4 concluded: 2026-05: 0, 2026-06: 0, 2026-07: 1, 2026-08: 2, 2026-09: 0, 2026-10: 1, 2026-11: 0
              Quick wins             1 of 4 concluded experiments (25%) retained within 30 days of starting
                                       by team: payments 0 of 1 (0%), checkout 1 of 2 (50%), mobile 0 of 1 (0%), data 0 of 1 (0%)
                                       checkout-canary (checkout): 30 days
              Expired
            """), "\(text)")

        let markdown = ReportFormatter(format: .markdown, periodName: "6 months").render(report)
        #expect(markdown.contains("| Quick wins | 1 of 4 concluded experiments (25%) retained within 30 days of starting |  |\n"))
        #expect(markdown.contains("""
            - **Quick wins**
              - by team: payments 0 of 1 (0%), checkout 1 of 2 (50%), mobile 0 of 1 (0%), data 0 of 1 (0%)
              - checkout-canary (checkout): 30 days
            """))

        let json = ReportFormatter(format: .json, periodName: "6 months").render(report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let quickWins = try #require((document["flow"] as? [String: Any])?["quickWins"] as? [String: Any])
        #expect(quickWins["withinDays"] as? Int == 30)
        let rate = try #require(quickWins["rate"] as? [String: Any])
        #expect(rate["count"] as? Int == 1 && rate["total"] as? Int == 4 && rate["share"] as? Double == 0.25)
        let perTeam = try #require(quickWins["perTeam"] as? [[String: Any]])
        #expect(perTeam.map { "\($0["team"] ?? "") \($0["count"] ?? "") \($0["total"] ?? "") \($0["share"] ?? "")" }
                == ["payments 0 1 0", "checkout 1 2 0.5", "mobile 0 1 0", "data 0 1 0"])
        let experiments = try #require(quickWins["experiments"] as? [[String: Any]])
        #expect(experiments.count == 1)
        #expect(experiments.first?["experiment"] as? String == "checkout-canary")
        #expect(experiments.first?["teams"] as? [String] == ["checkout"])
        #expect(experiments.first?["days"] as? Int == 30)
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
