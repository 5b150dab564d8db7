import Foundation

/// The year and time conventions of every rate in YieldStrip, Pendle V2's own.
///
/// - A year is exactly 365 days = 31,536,000 s (`IMPLIED_RATE_TIME` in `MarketMathCore.sol`), with
///   no leap-year adjustment: rates are ACT/365F on Unix seconds.
/// - Time is Unix seconds (`Int64`, UTC, no leap seconds); see ``UnixTime``.
/// - `yearsToExpiry = secondsToExpiry / 31,536,000`, `daysToExpiry = secondsToExpiry / 86,400`.
public enum RateConventions {
    /// Seconds in a rate year: 365 · 86,400 = 31,536,000 (Pendle's `IMPLIED_RATE_TIME`).
    public static let secondsPerYear: Int64 = 31_536_000
    /// Seconds in a day: 86,400.
    public static let secondsPerDay: Int64 = 86_400
    /// Days in a rate year: 365.
    public static let daysPerYear: Int64 = 365

    /// `secondsToExpiry / 31,536,000` (one rounding, relative error ≤ 2^-53).
    public static func yearsToExpiry(secondsToExpiry: Int64) -> Double {
        Double(secondsToExpiry) / Double(secondsPerYear)
    }

    /// Years from `start` to `end` (negative when `end` is earlier), computed in `Double` so that no pair of
    /// `Int64` times can overflow (exact to 2^-53 relative for any span under ~285 million years).
    public static func years(from start: Int64, to end: Int64) -> Double {
        (Double(end) - Double(start)) / Double(secondsPerYear)
    }

    /// `secondsToExpiry / 86,400` (one rounding, relative error ≤ 2^-53).
    public static func daysToExpiry(secondsToExpiry: Int64) -> Double {
        Double(secondsToExpiry) / Double(secondsPerDay)
    }

    /// Time to expiry `expiry − now` in seconds, which must be at least 1 s.
    ///
    /// - Parameters:
    ///   - expiry: The maturity as Unix seconds.
    ///   - now: The valuation time (a block timestamp) as Unix seconds.
    /// - Throws: ``RateError/maturityExpired(secondsToExpiry:expiry:now:)`` when `expiry ≤ now` (at
    ///   expiry the market is closed, as `MarketExpired` is raised on chain for `expiry ≤ blockTime`);
    ///   ``RateError/overflow(quantity:)`` (`secondsToExpiry`) when the difference does not fit `Int64`.
    public static func secondsToExpiry(expiry: Int64, now: Int64) throws(RateError) -> Int64 {
        let (seconds, overflow) = expiry.subtractingReportingOverflow(now)
        if overflow { throw .overflow(quantity: "secondsToExpiry") }
        guard seconds > 0 else { throw .maturityExpired(secondsToExpiry: seconds, expiry: expiry, now: now) }
        return seconds
    }

    /// `growth^(1 / years) − 1`: the annual rate (annually compounded) of a growth factor over `years` (> 0).
    public static func annualizedRate(growth: Double, years: Double) -> Double { Foundation.pow(growth, 1 / years) - 1 }

    /// `(1 + apy)^(−years)`: the discount factor of an annually compounded rate.
    public static func discountFactor(apy: Double, years: Double) -> Double { Foundation.pow(1 + apy, -years) }
}
