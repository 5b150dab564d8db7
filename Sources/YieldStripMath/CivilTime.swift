/// UTC calendar dates of Unix seconds and their ISO-8601 text, for messages at every layer (`UnixTime`
/// in the `YieldStrip` library is the public face: it also parses).
package enum CivilTime {
    static let secondsPerDay: Int64 = 86_400

    /// ISO-8601 UTC text of Unix seconds: `2026-12-31T00:00:00Z`. Total for every `Int64` (years outside
    /// 0000–9999 are written `+10000-…` / `-0001-…`).
    package static func format(_ unixSeconds: Int64) -> String {
        let c = civil(unixSeconds)
        return "\(yearText(c.year))-\(twoDigits(c.month))-\(twoDigits(c.day))"
            + "T\(twoDigits(c.hour)):\(twoDigits(c.minute)):\(twoDigits(c.second))Z"
    }

    /// `YYYY-MM-DD` of the UTC day of Unix seconds, followed by `THH:MM:SSZ` only when the time is not
    /// midnight.
    package static func formatDate(_ unixSeconds: Int64) -> String {
        let c = civil(unixSeconds)
        let date = "\(yearText(c.year))-\(twoDigits(c.month))-\(twoDigits(c.day))"
        if c.hour == 0 && c.minute == 0 && c.second == 0 { return date }
        return date + "T\(twoDigits(c.hour)):\(twoDigits(c.minute)):\(twoDigits(c.second))Z"
    }

    /// The UTC calendar date and time of Unix seconds (proleptic Gregorian). Total for every `Int64`.
    package static func civil(_ unixSeconds: Int64) -> (year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        // Floor division without forming days · 86400 (which overflows near Int64.min).
        var days = unixSeconds / secondsPerDay
        var secondOfDay = unixSeconds % secondsPerDay
        if secondOfDay < 0 {
            secondOfDay += secondsPerDay
            days -= 1
        }
        let date = civilFromDays(days)
        let s = Int(secondOfDay)
        return (date.year, date.month, date.day, s / 3600, s / 60 % 60, s % 60)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (before it when negative). Exact for every
    /// day of an `Int64` second (|days| < 1.1e14).
    package static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097  // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365  // [0, 399]
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // [0, 365]
        let mp = (5 * dayOfYear + 2) / 153  // [0, 11]
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    package static func twoDigits(_ value: Int) -> String { (0..<10).contains(value) ? "0\(value)" : "\(value)" }

    package static func yearText(_ year: Int64) -> String {
        let digits = String(year.magnitude)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        if year < 0 { return "-" + padded }
        return year > 9999 ? "+" + padded : padded
    }
}
