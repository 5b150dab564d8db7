import Testing
import YieldStrip

/// Unix-seconds parsing and formatting. Expected seconds are from Python's `datetime` (an independent
/// calendar implementation): `int(datetime.fromisoformat(text).timestamp())`.
@Suite struct TimeTests {
    @Test(arguments: [
        ("2026-12-31", Int64(1_798_675_200)),
        ("2026-12-31T00:00:00Z", 1_798_675_200),
        ("2026-12-31T08:00:00Z", 1_798_704_000),
        ("2026-12-31T08:00Z", 1_798_704_000),
        ("2026-12-31t08:00:00z", 1_798_704_000),
        ("2026-12-31 08:00:00Z", 1_798_704_000),
        ("2026-12-31T10:00:00+02:00", 1_798_704_000),
        ("2026-12-31T03:00-05:00", 1_798_704_000),
        ("2026-01-01T00:30:00+05:30", 1_767_207_600),
        ("2026-12-31T08:00:00-00:00", 1_798_704_000),
        ("2026-12-31T08:00:00.000Z", 1_798_704_000),
        ("  2026-12-31T08:00:00Z\n", 1_798_704_000),
        ("1970-01-01", 0),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59Z", -1),
        ("2000-02-29", 951_782_400),
        ("2024-02-29T12:34:56Z", 1_709_210_096),
        ("2100-03-01", 4_107_542_400),
        ("1900-03-01", -2_203_891_200),
        ("0001-01-01", -62_135_596_800),
        ("0000-01-01", -62_167_219_200),
        ("9999-12-31T23:59:59Z", 253_402_300_799),
        ("1798675200", 1_798_675_200),
        ("0", 0),
        ("-86400", -86_400),
        ("20261231", 20_261_231)
    ])
    func parses(text: String, expected: Int64) throws {
        #expect(try UnixTime.parse(text) == expected)
    }

    @Test(arguments: [
        (Int64(1_798_675_200), "2026-12-31T00:00:00Z"),
        (1_798_704_000, "2026-12-31T08:00:00Z"),
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (951_868_799, "2000-02-29T23:59:59Z"),
        (4_107_542_399, "2100-02-28T23:59:59Z"),
        (4_107_542_400, "2100-03-01T00:00:00Z"),
        (1_709_210_096, "2024-02-29T12:34:56Z"),
        (-62_167_219_200, "0000-01-01T00:00:00Z"),
        (-62_167_219_201, "-0001-12-31T23:59:59Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
        (253_402_300_800, "+10000-01-01T00:00:00Z")
    ])
    func formats(seconds: Int64, expected: String) {
        #expect(UnixTime.format(seconds) == expected)
    }

    /// Every day from 1600-01-01 to 2400-12-31 (two full 400-year cycles): the calendar steps one day
    /// at a time, with 97 leap days per 400 years; from 1900 to 2100 format-then-parse is the identity.
    @Test func everyDayRoundTrips() throws {
        let start = try UnixTime.parse("1600-01-01")
        let end = try UnixTime.parse("2401-01-01")
        #expect((end - start) / 86_400 == 292_560)  // 2 · 146,097 days (1600–2399) + 366 (2400)
        var previous = UnixTime.civil(start - 86_400)
        var seconds = start
        var leapDays = 0
        var failures: [String] = []
        while seconds < end {
            let c = UnixTime.civil(seconds)
            let text = c.year >= 1900 && c.year <= 2100 ? UnixTime.format(seconds) : ""
            if c.year >= 1900, c.year <= 2100, (try? UnixTime.parse(text)) != seconds || (try? UnixTime.parse(String(text.prefix(10)))) != seconds {
                failures.append(text)
            }
            if c.month == 2, c.day == 29 { leapDays += 1 }
            let steps =
                c.day == 1
                ? previous.day == UnixTime.daysInMonth(year: previous.year, month: previous.month)
                    && c.month == previous.month % 12 + 1 && c.year == previous.year + (c.month == 1 ? 1 : 0)
                : c.day == previous.day + 1 && c.month == previous.month && c.year == previous.year
            if !steps || c.hour != 0 || c.minute != 0 || c.second != 0 { failures.append("step to \(c)") }
            previous = c
            seconds += 86_400
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // 97 leap days per 400 years; 1600–2399 has 194, plus 2400 itself.
        #expect(leapDays == 195)
    }

    @Test func leapYears() {
        #expect(UnixTime.isLeapYear(2000))
        #expect(!UnixTime.isLeapYear(2100))
        #expect(!UnixTime.isLeapYear(1900))
        #expect(UnixTime.isLeapYear(2024))
        #expect(!UnixTime.isLeapYear(2026))
        #expect(UnixTime.isLeapYear(0))
        #expect(UnixTime.isLeapYear(-4))
        #expect(UnixTime.daysInMonth(year: 2100, month: 2) == 28)
        #expect(UnixTime.daysInMonth(year: 2000, month: 2) == 29)
        #expect(UnixTime.daysInMonth(year: 2026, month: 13) == 0)
    }

    @Test func formatIsTotal() {
        for seconds in [Int64.min, Int64.min + 1, -1, Int64.max - 1, Int64.max] {
            let text = UnixTime.format(seconds)
            #expect(text.hasSuffix("Z"))
        }
        #expect(UnixTime.format(.max) == "+292277026596-12-04T15:30:07Z")
        #expect(UnixTime.format(.min) == "-292277022657-01-27T08:29:52Z")
    }

    @Test func unixSecondsFromFields() throws {
        #expect(try UnixTime.unixSeconds(year: 2026, month: 12, day: 31, hour: 8) == 1_798_704_000)
        #expect(try UnixTime.unixSeconds(year: 2000, month: 2, day: 29) == 951_782_400)
        let error = #expect(throws: RateError.self) { try UnixTime.unixSeconds(year: 2100, month: 2, day: 29) }
        #expect(error?.errorName == "InvalidTimestamp")
        #expect(error?.message.contains("February 2100 (28 days)") == true)
    }

    @Test(arguments: [
        ("2026-02-30", "day 30 is not in February 2026 (28 days)"),
        ("2100-02-29", "day 29 is not in February 2100 (28 days)"),
        ("2026-04-31", "day 31 is not in April 2026 (30 days)"),
        ("2026-13-01", "month 13 is not 01–12"),
        ("2026-00-10", "month 00 is not 01–12"),
        ("2026-12-00", "day 00 is not in December 2026"),
        ("2026-12-31T24:00:00Z", "hour 24 is not 00–23"),
        ("2026-12-31T08:60Z", "minute 60 is not 00–59"),
        ("2026-12-31T23:59:60Z", "no leap seconds"),
        ("2026-12-31T08:00:00.5Z", "fractional seconds are not supported"),
        ("2026-12-31T08:00:00.Z", "needs digits after '.'"),
        ("2026-12-31T08:00:00", "no time zone"),
        ("2026-12-31T08:00:00+24:00", "is not within ±23:59"),
        ("2026-12-31T08:00:00+0200", "the UTC offset must be ±hh:mm"),
        ("2026-12-31T08", "the time must be hh:mm"),
        ("2026-12-31T08:00:00ZZ", "unexpected text after the time zone"),
        ("2026-12-31X", "unexpected text after the date"),
        ("26-12-31", "not a date"),
        ("2026/12/31", "not a date"),
        ("garbage", "not a date"),
        ("", "empty text"),
        ("   ", "empty text"),
        ("99999999999999999999", "outside years 0000–9999"), ("253402300800", "outside years 0000–9999"), ("-62167219201", "outside years 0000–9999"),
        ("+1798675200", "not a date"),
        ("1.5", "not a date")
    ])
    func rejects(text: String, reason: String) {
        let error = #expect(throws: RateError.self) { try UnixTime.parse(text) }
        #expect(error?.errorName == "InvalidTimestamp")
        #expect(error?.errorArgs == [text])
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("expected YYYY-MM-DD") == true)
    }
}
