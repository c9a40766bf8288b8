@testable import KaizenKit
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesRealDates() throws {
        #expect(try CalendarDate.parse("2026-02-28").get() == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(try CalendarDate.parse("2024-02-29").get() == CalendarDate(year: 2024, month: 2, day: 29))
    }

    @Test(arguments: [
        ("2026-02-30", "'2026-02-30' is not a date: February 2026 has 28 days, not 30"),
        ("2025-04-31", "'2025-04-31' is not a date: April 2025 has 30 days, not 31"),
        ("2100-02-29", "'2100-02-29' is not a date: February 2100 has 28 days, not 29"),
        ("2026-13-01", "'2026-13-01' is not a date: there is no month 13"),
        ("2026-3-1", "'2026-3-1' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
        ("2026-03-01T10:00", "'2026-03-01T10:00' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
        ("next friday", "'next friday' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"),
    ])
    func rejectsImpossibleAndMalformedDates(text: String, message: String) {
        guard case .failure(let error) = CalendarDate.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(error.message(for: text) == message)
    }

    @Test func dayNumbersRoundTripAcrossCenturies() {
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: dayNumber).dayNumber == dayNumber)
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2026, month: 11, day: 20)!.dayNumber == 20_777)
    }

    @Test func arithmeticCrossesMonthsAndLeapDays() {
        let date = CalendarDate(year: 2024, month: 2, day: 28)!
        #expect(date.adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: 2).description == "2024-03-01")
        #expect(date.days(until: CalendarDate(year: 2025, month: 2, day: 28)!) == 366)
        #expect(CalendarDate(year: 2026, month: 12, day: 31)!.adding(days: 1).description == "2027-01-01")
    }
}
