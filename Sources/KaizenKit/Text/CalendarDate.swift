import Foundation

/// A day in the proleptic Gregorian calendar, as records write it: `YYYY-MM-DD`.
///
/// Records compare days, never instants, so this type carries no time zone and
/// does its arithmetic on a day count.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Encodable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Why a text is not a valid date, phrased for a diagnostic.
    public enum ParseError: Error, Sendable, Equatable {
        case notISOFormat
        case monthOutOfRange(Int)
        case dayOutOfRange(day: Int, month: Int, year: Int, daysInMonth: Int)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` with a real month and day.
    public static func parse(_ text: String) -> Result<CalendarDate, ParseError> {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return .failure(.notISOFormat)
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return .failure(.notISOFormat)
        }
        guard (1...12).contains(month) else { return .failure(.monthOutOfRange(month)) }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            return .failure(.dayOutOfRange(day: day, month: month, year: year, daysInMonth: length))
        }
        return .success(CalendarDate(uncheckedYear: year, month: month, day: day))
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (civil-from-days).
    public init(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Whole days from `self` to `other`; negative when `other` is earlier.
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Seconds since the epoch at the midnight (UTC) that ends this day: an
    /// ongoing period measured to a given today runs to it, so its whole days
    /// agree with the calendar days `list` counts.
    public var endInSeconds: Int64 {
        Int64(dayNumber + 1) * 86_400
    }

    /// The moment ongoing periods run to: the end of `day` when one is given
    /// (`--today`), else now.
    public static func moment(endOf day: CalendarDate?, now: Date = Date()) -> Int64 {
        day?.endInSeconds ?? Int64(now.timeIntervalSince1970)
    }

    /// Today in the machine's time zone.
    public static func today(calendar: Calendar = .current, now: Date = Date()) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(uncheckedYear: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate.ParseError {
    /// What is wrong with the text, and how to write it instead.
    public func message(for text: String) -> String {
        switch self {
        case .notISOFormat:
            return "'\(text)' is not a date: write dates as YYYY-MM-DD, e.g. 2026-03-31"
        case .monthOutOfRange(let month):
            return "'\(text)' is not a date: there is no month \(month)"
        case .dayOutOfRange(let day, let month, let year, let length):
            return "'\(text)' is not a date: \(CalendarDate.monthNames[month - 1]) \(year) has \(length) days, not \(day)"
        }
    }
}
