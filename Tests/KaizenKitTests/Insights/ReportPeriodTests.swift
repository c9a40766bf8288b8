@testable import KaizenKit
import Testing

@Suite struct ReportPeriodTests {
    func date(_ text: String) -> CalendarDate { CalendarDate.parse(text).successValue! }

    @Test func lengthsParse() {
        #expect(PeriodLength("6m") == PeriodLength(count: 6, unit: .months))
        #expect(PeriodLength("90d") == PeriodLength(count: 90, unit: .days))
        #expect(PeriodLength("2w") == PeriodLength(count: 2, unit: .weeks))
        #expect(PeriodLength("1y") == PeriodLength(count: 1, unit: .years))
        for text in ["", "m", "6", "0m", "-1d", "6 m", "6M", "1.5y", "101y", "99999999999999999999d"] {
            #expect(PeriodLength(text) == nil, "\(text)")
        }
        #expect(PeriodLength("100y") != nil)
    }

    @Test func monthsStepByTheCalendar() {
        #expect(PeriodLength("6m")!.before(date("2026-11-20")) == date("2026-05-20"))
        #expect(PeriodLength("1m")!.before(date("2026-03-31")) == date("2026-02-28"))
        #expect(PeriodLength("1m")!.before(date("2024-03-31")) == date("2024-02-29"))
        #expect(PeriodLength("11m")!.before(date("2026-11-30")) == date("2025-12-30"))
        #expect(PeriodLength("1y")!.before(date("2028-02-29")) == date("2027-02-28"))
        #expect(PeriodLength("2w")!.before(date("2026-01-10")) == date("2025-12-27"))
        #expect(PeriodLength("100y")!.before(date("2026-01-10")) == date("1926-01-10"))
    }

    @Test func monthsOfAPeriod() {
        let period = ReportPeriod(start: date("2025-11-30"), end: date("2026-02-01"))
        #expect(period.months == ["2025-11", "2025-12", "2026-01", "2026-02"])
        #expect(period.contains(date("2025-11-30")) && period.contains(date("2026-02-01")))
        #expect(!period.contains(date("2025-11-29")) && !period.contains(date("2026-02-02")))
    }

    @Test func spelledOut() {
        #expect(PeriodLength("6m")!.spelledOut == "6 months")
        #expect(PeriodLength("1y")!.spelledOut == "1 year")
    }

    @Test func statistics() {
        #expect(Statistics.median([]) == nil)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([9, 1, 4]) == 4)
        #expect(Statistics.median([1, 2, 3, 10]) == 2.5)
        #expect(Statistics.percentile(0.85, of: []) == nil)
        #expect(Statistics.percentile(0.85, of: [5]) == 5)
        // Twenty values 1...20: rank ⌈17⌉ = 17.
        #expect(Statistics.percentile(0.85, of: Array((1...20).reversed())) == 17)
        // Seven values: rank ⌈5.95⌉ = 6.
        #expect(Statistics.percentile(0.85, of: [10, 20, 30, 40, 50, 60, 70]) == 60)
    }
}
