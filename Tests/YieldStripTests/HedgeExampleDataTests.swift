import Foundation
import Testing
import YieldStrip
import _TestSupport

/// The synthetic pair of `examples/data/` (`synthetic-stock-token.csv`, `synthetic-index-etf.csv`): every
/// row regenerated from the generator `examples/data/README.md` describes, and the worked example of
/// `docs/hedging.md` ("Minimum-variance hedge ratio") number by number.
@Suite struct HedgeExampleDataTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tokenPath = root.appendingPathComponent("examples/data/synthetic-stock-token.csv").path
    static let etfPath = root.appendingPathComponent("examples/data/synthetic-index-etf.csv").path

    /// The lines of a file that are neither comments nor the header.
    static func dataLines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && $0 != "date,close" }
    }

    @Test func filesAreTheGeneratorsOutput() throws {
        let (token, etf) = SyntheticHedgePair.rows()
        #expect(try Self.dataLines(Self.tokenPath) == token)
        #expect(try Self.dataLines(Self.etfPath) == etf)
        #expect(token.count == 361 && etf.count == 250)
    }

    @Test func workedExample() throws {
        let spot = try DatedSeries.load(path: Self.tokenPath)
        let hedge = try DatedSeries.load(path: Self.etfPath)
        let result = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge)
        let r = result.regression
        func f(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        #expect(spot.count == 361 && hedge.count == 250 && result.joinedDates == 246 && r.observations == 245)
        #expect(result.unmatched.spotOnly.count == 115 && result.unmatched.hedgeOnly.count == 4)
        #expect(result.unmatched.hedgeOnly.map(UnixTime.formatDate) == ["2024-08-14", "2024-10-23", "2025-02-26", "2025-05-13"])
        #expect(
            result.unmatched.spotOnly.prefix(5).map(UnixTime.formatDate) == ["2024-07-04", "2024-07-06", "2024-07-07", "2024-07-13", "2024-07-14"])
        #expect(f(r.hedgeRatio, 4) == "0.5757" && f(r.standardError, 4) == "0.0292" && f(r.tStatistic ?? 0, 2) == "19.70")
        #expect(f(r.rSquared, 4) == "0.6149" && f(r.correlation, 4) == "0.7842" && f(r.intercept, 4) == "0.0918")
        #expect(f(r.spotStandardDeviation, 4) == "4.1047" && f(r.hedgeStandardDeviation, 4) == "5.5913")
        // The worked example's arithmetic: h* = ρ·s_S/s_F, SE = (s_S/s_F)·sqrt((1 − R²)/(n − 2)), the hedged
        // standard deviation s_S·sqrt(1 − R²), and the returns ratio in ETF shares at the last closes.
        #expect(f(0.7842 * 4.1047 / 5.5913, 4) == "0.5757")
        let ratio = r.spotStandardDeviation / r.hedgeStandardDeviation
        #expect(f(ratio, 4) == "0.7341" && f(1 - r.rSquared, 4) == "0.3851" && f(((1 - r.rSquared) / 243).squareRoot(), 5) == "0.03981")
        #expect(f(ratio * ((1 - r.rSquared) / 243).squareRoot(), 4) == "0.0292" && f(r.hedgeRatio / r.standardError, 1) == "19.7")
        #expect(f((1 - r.rSquared).squareRoot(), 4) == "0.6205" && f(r.spotStandardDeviation * (1 - r.rSquared).squareRoot(), 3) == "2.547")
        #expect(f(1 - (1 - r.rSquared).squareRoot(), 2) == "0.38" && f(r.standardError / r.hedgeRatio, 3) == "0.051")
        #expect(spot.values.last?.value == 267.69 && hedge.values.last?.value == 528.80)
        // The other modes of the table in docs/hedging.md.
        let rows: [(HedgeChangeMode, String, String, String)] = [
            (.levels, "0.6622", "0.0425", "0.4993"), (.returns, "1.1194", "0.0568", "0.6149"),
            (.logReturns, "1.1200", "0.0567", "0.6162")
        ]
        for (mode, h, se, r2) in rows {
            let m = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: mode).regression
            #expect(f(m.hedgeRatio, 4) == h && f(m.standardError, 4) == se && f(m.rSquared, 4) == r2, "\(mode)")
            if mode == .returns { #expect(f(m.hedgeRatio * 267.69 / 528.80, 3) == "0.567") }
        }
    }
}

/// The synthetic pair of `examples/data/`: a stock token's daily close (every calendar day) and an index
/// ETF's close (exchange trading days), generated as `examples/data/README.md` describes.
enum SyntheticHedgePair {
    static let seed: UInt64 = 20_240_701
    static let firstDay = "2024-07-01", lastDay = "2025-06-30"
    /// Exchange holidays in the window (weekdays without an ETF close).
    static let holidays: Set<String> = [
        "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25", "2025-01-01", "2025-01-09",
        "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19"
    ]
    /// Weekdays the token's price feed missed (no token row; the ETF has one).
    static let outages: Set<String> = ["2024-08-14", "2024-10-23", "2025-02-26", "2025-05-13"]

    /// The data lines (without comments or header) of the token file and the ETF file.
    static func rows() -> (token: [String], etf: [String]) {
        var random = SplitMix64(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) * 0x1p-53 }
        func normal() -> Double {
            var sum = 0.0
            for _ in 0..<12 { sum += uniform() }
            return sum - 6
        }
        func cents(_ x: Double) -> String {
            let c = Int64((x * 100).rounded(.toNearestOrAwayFromZero))
            let tail = c % 100
            return "\(c / 100)." + (tail < 10 ? "0\(tail)" : "\(tail)")
        }
        var etf = 479.50
        var stock = 216.75
        var tokenRows: [String] = []
        var etfRows: [String] = []
        let start = (try? UnixTime.parse(firstDay)) ?? 0
        let end = (try? UnixTime.parse(lastDay)) ?? 0
        var day = start
        while day <= end {
            let date = UnixTime.formatDate(day)
            // 1970-01-01 was a Thursday: day index mod 7 = 2 is a Saturday, 3 a Sunday.
            let weekday = ((day / 86_400) % 7 + 7) % 7
            let trading = weekday != 2 && weekday != 3 && !holidays.contains(date)
            let zm = normal()
            let zi = normal()
            let zb = normal()
            if trading {
                let rm = 0.0004 + 0.0110 * zm
                etf = etf * (1 + rm)
                stock = stock * (1 + 1.15 * rm + 0.0080 * zi)
                etfRows.append("\(date),\(cents(etf))")
            } else {
                stock = stock * (1 + 0.0040 * zi)
            }
            let token = stock * (1 + 0.0012 * zb)
            if !outages.contains(date) { tokenRows.append("\(date),\(cents(token))") }
            day += 86_400
        }
        return (tokenRows, etfRows)
    }
}
