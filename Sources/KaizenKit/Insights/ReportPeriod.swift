/// The days a report looks back over, both ends included.
public struct ReportPeriod: Sendable, Equatable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// The `length` before `end`: `6m` from 2026-11-20 starts on 2026-05-20.
    public init(length: PeriodLength, endingOn end: CalendarDate) {
        self.init(start: length.before(end), end: end)
    }

    /// The period a report is asked for, ending `today`: from `since`, else
    /// `window` back (six months unless given), with the name `kaizen
    /// report` and the site's dashboard give it ("since 2026-06-01", "6 months").
    public static func requested(since: CalendarDate? = nil, window: PeriodLength? = nil, today: CalendarDate)
        -> (period: ReportPeriod, name: String) {
        if let since { return (ReportPeriod(start: since, end: today), "since \(since)") }
        let window = window ?? .defaultWindow
        return (ReportPeriod(length: window, endingOn: today), window.spelledOut)
    }

    public func contains(_ date: CalendarDate) -> Bool {
        date >= start && date <= end
    }

    /// Each calendar month the period touches, oldest first, as `YYYY-MM`.
    public var months: [String] {
        var months: [String] = []
        var year = start.year, month = start.month
        while (year, month) <= (end.year, end.month) {
            months.append(Self.month(year: year, month: month))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return months
    }

    static func month(of date: CalendarDate) -> String {
        month(year: date.year, month: date.month)
    }

    private static func month(year: Int, month: Int) -> String {
        String(CalendarDate(year: year, month: month, day: 1)!.description.prefix(7))
    }
}

/// A length of time written as a count and a unit: `90d`, `2w`, `6m`, `1y`.
public struct PeriodLength: Sendable, Equatable, CustomStringConvertible {
    /// How far back a report looks unless told: the window of DESIGN.md's adoption rate.
    static let defaultWindow = PeriodLength(count: 6, unit: .months)

    public enum Unit: Character, Sendable, CaseIterable {
        case days = "d", weeks = "w", months = "m", years = "y"
    }

    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Nil unless the text is a whole number from 1 followed by d, w, m or
    /// y, spanning at most a hundred years.
    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: last), let count = Int(text.dropLast()), count > 0 else { return nil }
        let limit = switch unit {
        case .days: 36_525
        case .weeks: 5_218
        case .months: 1_200
        case .years: 100
        }
        guard count <= limit else { return nil }
        self.init(count: count, unit: unit)
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// The day this long before `date`. Months and years step by the calendar,
    /// keeping the day of the month where the month has it (2026-03-31 less a
    /// month is 2026-02-28).
    public func before(_ date: CalendarDate) -> CalendarDate {
        switch unit {
        case .days: return date.adding(days: -count)
        case .weeks: return date.adding(days: -7 * count)
        case .months, .years:
            let months = date.year * 12 + (date.month - 1) - (unit == .years ? 12 * count : count)
            let year = months / 12, month = months % 12 + 1
            return CalendarDate(year: year, month: month, day: min(date.day, CalendarDate.daysIn(month: month, year: year)))!
        }
    }

    /// "6 months", "90 days".
    public var spelledOut: String {
        let noun = switch unit {
        case .days: "day"
        case .weeks: "week"
        case .months: "month"
        case .years: "year"
        }
        return pluralized(count, noun)
    }
}
