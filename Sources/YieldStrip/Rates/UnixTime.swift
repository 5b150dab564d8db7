/// Time as Unix seconds (`Int64`, seconds since 1970-01-01T00:00:00Z, no leap seconds), the unit of
/// a block timestamp. The library never reads a clock: every time is a parameter.
///
/// Text (``parse(_:)``), always resolved to UTC:
///
/// | text | meaning |
/// | --- | --- |
/// | `2026-12-31` | midnight UTC that day |
/// | `2026-12-31T08:00:00Z`, `2026-12-31T08:00Z` | UTC (`T`/`t`/space separator, `Z`/`z`) |
/// | `2026-12-31T10:00:00+02:00`, `…T03:00-05:00` | local time with its offset from UTC (`±hh:mm`, up to ±23:59) |
/// | `1798675200`, `-86400` | Unix seconds (all-digit text is always seconds, never a year or `YYYYMMDD`) |
///
/// Years are four digits (0000–9999, proleptic Gregorian); hours 00–23, minutes and seconds 00–59
/// (no leap second `60`, no `24:00`). Fractional seconds are rejected unless every fractional digit is
/// zero (`08:00:00.000Z`, as JavaScript writes it, is exact and accepted); a date-time without `Z` or an
/// offset is rejected (its zone is unknown).
///
/// ``format(_:)`` writes `2026-12-31T00:00:00Z` for any `Int64` (years outside 0000–9999 in ISO
/// 8601's expanded form, `+10000-01-01T00:00:00Z`, `-0001-12-31T00:00:00Z`, which ``parse(_:)``
/// does not read).
///
/// Calendar arithmetic is H. Hinnant's `days_from_civil` / `civil_from_days` (400-year eras of
/// 146,097 days, March-based years), exact for every `Int64` second.
public enum UnixTime {
    /// The text forms ``parse(_:)`` accepts, as written in error messages.
    public static let acceptedFormats =
        "YYYY-MM-DD (midnight UTC), YYYY-MM-DDThh:mm[:ss]Z, YYYY-MM-DDThh:mm[:ss]±hh:mm, "
        + "or Unix seconds (e.g. 1798675200)"

    static let secondsPerDay = RateConventions.secondsPerDay

    // MARK: Parsing

    /// The times text can name: 0000-01-01T00:00:00Z … 9999-12-31T23:59:59Z. Any two differ by far less
    /// than `Int64` can hold, so time differences never overflow.
    public static let supportedRange: ClosedRange<Int64> = -62_167_219_200...253_402_300_799

    /// Unix seconds of an ISO-8601 UTC date or date-time, or of plain Unix-seconds text (see ``UnixTime``).
    /// Leading and trailing whitespace is ignored.
    ///
    /// - Throws: ``RateError/invalidTimestamp(text:reason:)`` naming what is wrong (`month 13 is not
    ///   01–12`, `February 2026 has 28 days`, `no time zone`) and the accepted formats.
    public static func parse(_ text: String) throws(RateError) -> Int64 {
        let trimmed = text.trimmingWhitespace
        var scanner = TimestampScanner(bytes: Array(trimmed.utf8))
        func fail(_ reason: String) -> RateError { .invalidTimestamp(text: text, reason: reason) }

        if scanner.bytes.isEmpty { throw fail("empty text") }
        if scanner.bytes.allSatisfy({ $0.isDigit })
            || (scanner.bytes.first == .minus && scanner.bytes.count > 1
                && scanner.bytes.dropFirst().allSatisfy({ $0.isDigit }))
        {
            guard let seconds = Int64(trimmed), supportedRange.contains(seconds) else {
                throw fail("Unix seconds outside years 0000–9999 (\(supportedRange.lowerBound) … \(supportedRange.upperBound))")
            }
            return seconds
        }

        guard let year = scanner.digits(4), scanner.take(.minus),
            let month = scanner.digits(2), scanner.take(.minus),
            let day = scanner.digits(2)
        else {
            throw fail("not a date")
        }
        guard (1...12).contains(month) else { throw fail("month \(twoDigits(month)) is not 01–12") }
        let monthLength = daysInMonth(year: Int64(year), month: month)
        guard (1...monthLength).contains(day) else {
            throw fail("day \(twoDigits(day)) is not in \(monthNames[month - 1]) \(year) (\(monthLength) days)")
        }
        let midnight = daysFromCivil(year: Int64(year), month: month, day: day) * secondsPerDay
        if scanner.atEnd { return midnight }

        guard scanner.take(.upperT) || scanner.take(.lowerT) || scanner.take(.space) else {
            throw fail("unexpected text after the date")
        }
        guard let hour = scanner.digits(2), scanner.take(.colon), let minute = scanner.digits(2) else {
            throw fail("the time must be hh:mm or hh:mm:ss")
        }
        var second = 0
        if scanner.take(.colon) {
            guard let s = scanner.digits(2) else { throw fail("the seconds must be two digits") }
            second = s
            if scanner.take(.dot) {
                var sawDigit = false
                while let byte = scanner.peek, byte.isDigit {
                    guard byte == .zero else { throw fail("fractional seconds are not supported (whole seconds only)") }
                    sawDigit = true
                    scanner.index += 1
                }
                guard sawDigit else { throw fail("a fraction of a second needs digits after '.'") }
            }
        }
        guard hour <= 23 else { throw fail("hour \(twoDigits(hour)) is not 00–23") }
        guard minute <= 59 else { throw fail("minute \(twoDigits(minute)) is not 00–59") }
        guard second <= 59 else { throw fail("second \(twoDigits(second)) is not 00–59 (Unix time has no leap seconds)") }
        let local = midnight + Int64(hour * 3600 + minute * 60 + second)

        var offset: Int64 = 0
        if scanner.take(.upperZ) || scanner.take(.lowerZ) {
            offset = 0
        } else if let sign = scanner.peek, sign == .plus || sign == .minus {
            scanner.index += 1
            guard let offsetHours = scanner.digits(2), scanner.take(.colon), let offsetMinutes = scanner.digits(2) else {
                throw fail("the UTC offset must be ±hh:mm")
            }
            guard offsetHours <= 23, offsetMinutes <= 59 else {
                throw fail("UTC offset \(twoDigits(offsetHours)):\(twoDigits(offsetMinutes)) is not within ±23:59")
            }
            offset = Int64(offsetHours * 3600 + offsetMinutes * 60) * (sign == .minus ? -1 : 1)
        } else if scanner.atEnd {
            throw fail("no time zone; add Z for UTC or an offset such as +02:00")
        } else {
            throw fail("unexpected text after the time")
        }
        guard scanner.atEnd else { throw fail("unexpected text after the time zone") }
        let utc = local - offset
        guard supportedRange.contains(utc) else { throw fail("the time in UTC falls outside years 0000–9999") }
        return utc
    }

    // MARK: Formatting

    /// ISO-8601 UTC text of Unix seconds: `2026-12-31T00:00:00Z`. Total for every `Int64` (years outside
    /// 0000–9999 are written `+10000-…` / `-0001-…`).
    public static func format(_ unixSeconds: Int64) -> String { CivilTime.format(unixSeconds) }

    /// `YYYY-MM-DD` of the UTC day of Unix seconds, followed by `THH:MM:SSZ` only when the time is not
    /// midnight: compact dates for schedules and reports (`2025-08-11`).
    public static func formatDate(_ unixSeconds: Int64) -> String { CivilTime.formatDate(unixSeconds) }

    /// The UTC calendar date and time of Unix seconds (proleptic Gregorian). Total for every `Int64`.
    public static func civil(_ unixSeconds: Int64)
        -> (year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    { CivilTime.civil(unixSeconds) }

    /// Unix seconds of a UTC calendar date and time, validating every field (year 0000–9999).
    ///
    /// - Throws: ``RateError/invalidTimestamp(text:reason:)`` for a field out of range (`2026-02-30`).
    public static func unixSeconds(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0,
        second: Int = 0
    ) throws(RateError) -> Int64 {
        let text = "\(yearText(Int64(year)))-\(twoDigits(month))-\(twoDigits(day))T\(twoDigits(hour)):\(twoDigits(minute)):\(twoDigits(second))Z"
        func fail(_ reason: String) -> RateError { .invalidTimestamp(text: text, reason: reason) }
        guard (0...9999).contains(year) else { throw fail("year \(year) is not 0000–9999") }
        guard (1...12).contains(month) else { throw fail("month \(month) is not 1–12") }
        let monthLength = daysInMonth(year: Int64(year), month: month)
        guard (1...monthLength).contains(day) else {
            throw fail("day \(day) is not in \(monthNames[month - 1]) \(year) (\(monthLength) days)")
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw fail("the time of day must be 00:00:00–23:59:59")
        }
        return daysFromCivil(year: Int64(year), month: month, day: day) * secondsPerDay
            + Int64(hour * 3600 + minute * 60 + second)
    }

    // MARK: Calendar

    /// Gregorian leap year: divisible by 4, except centuries not divisible by 400 (2000 is, 2100 is not).
    public static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1–12) of `year`; 0 for a month outside 1–12.
    public static func daysInMonth(year: Int64, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Days from 1970-01-01 to a valid proleptic Gregorian date (negative before 1970).
    /// Domain: |year| < 10^12, month 1–12, day 1–31.
    static func daysFromCivil(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400  // [0, 399]
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1  // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // [0, 146096]
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (before it when negative).
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int, day: Int) { CivilTime.civilFromDays(days) }

    // MARK: Text helpers

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"
    ]

    static func twoDigits(_ value: Int) -> String { CivilTime.twoDigits(value) }

    static func yearText(_ year: Int64) -> String { CivilTime.yearText(year) }
}

// MARK: - Byte scanning

extension UInt8 {
    fileprivate static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9"), minus = UInt8(ascii: "-"),
        plus = UInt8(ascii: "+"), colon = UInt8(ascii: ":"), dot = UInt8(ascii: "."),
        space = UInt8(ascii: " "), upperT = UInt8(ascii: "T"), lowerT = UInt8(ascii: "t"),
        upperZ = UInt8(ascii: "Z"), lowerZ = UInt8(ascii: "z")
    fileprivate var isDigit: Bool { self >= .zero && self <= .nine }
}

private struct TimestampScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Exactly `count` decimal digits as a number, consumed; nil (consuming nothing) otherwise.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard byte.isDigit else { return nil }
            value = value * 10 + Int(byte - .zero)
        }
        index += count
        return value
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
