/// A rate, price or time input outside its domain, or a `Double` result that does not fit.
///
/// Raised by the `Double` rate conventions (``ImpliedRateQuote``, ``RateConventions``) and by
/// timestamp parsing (``UnixTime``). The exact wad path (``ImpliedRateMath``) raises the contract's
/// own reverts (``PendleError``) instead.
///
/// | ``errorName`` | case | ``errorArgs`` |
/// | --- | --- | --- |
/// | `MaturityExpired` | ``maturityExpired(secondsToExpiry:expiry:now:)`` | secondsToExpiry |
/// | `PriceOutOfRange` | ``priceOutOfRange(quantity:value:)`` | quantity, value |
/// | `RateOutOfRange` | ``rateOutOfRange(quantity:value:)`` | quantity, value |
/// | `NotFinite` | ``notFinite(quantity:value:)`` | quantity, value |
/// | `Overflow` | ``overflow(quantity:)`` | quantity |
/// | `InvalidTimestamp` | ``invalidTimestamp(text:reason:)`` | text |
public enum RateError: TimedError, Hashable {
    /// `MaturityExpired`: the time to expiry is zero or negative (expiry ≤ now). `expiry` and `now`
    /// are the Unix seconds when the caller gave them (``RateConventions/secondsToExpiry(expiry:now:)``).
    case maturityExpired(secondsToExpiry: Int64, expiry: Int64?, now: Int64?)
    /// `PriceOutOfRange`: a PT price outside (0, 1], a YT price outside [0, 1), or PT per asset below 1.
    /// `quantity` is the input's name (`RateQuantity.rawValue`).
    case priceOutOfRange(quantity: String, value: Double)
    /// `RateOutOfRange`: a negative implied APY or `lnImpliedRate` (an APY ≤ −100 % has no logarithm;
    /// one in (−100 %, 0) is a negative rate, outside Pendle's domain).
    case rateOutOfRange(quantity: String, value: Double)
    /// `NotFinite`: an input is NaN or ±∞.
    case notFinite(quantity: String, value: Double)
    /// `Overflow`: a result does not fit its type (a `Double` above ~1.8e308, or `expiry − now`
    /// outside `Int64`).
    case overflow(quantity: String)
    /// `InvalidTimestamp`: text that is neither an ISO-8601 UTC date/time nor Unix seconds.
    case invalidTimestamp(text: String, reason: String)

    public var errorName: String {
        switch self {
        case .maturityExpired: return "MaturityExpired"
        case .priceOutOfRange: return "PriceOutOfRange"
        case .rateOutOfRange: return "RateOutOfRange"
        case .notFinite: return "NotFinite"
        case .overflow: return "Overflow"
        case .invalidTimestamp: return "InvalidTimestamp"
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .maturityExpired(let seconds, _, _): return [String(seconds)]
        case .priceOutOfRange(let quantity, let value), .rateOutOfRange(let quantity, let value),
            .notFinite(let quantity, let value):
            return [quantity, value.description]
        case .overflow(let quantity): return [quantity]
        case .invalidTimestamp(let text, _): return [text]
        }
    }

    public var message: String { message(source: nil) }

    /// The message with the source of `now` beside it, for `MaturityExpired`.
    public func message(timeSource source: TimeSource) -> String { message(source: source) }

    private func message(source: TimeSource?) -> String {
        switch self {
        case .maturityExpired(let seconds, let expiry?, let now?):
            return "MaturityExpired: expiry \(UnixTime.format(expiry)) is not after now \(UnixTime.format(now))\(TimeSource.suffix(source)), "
                + "\(seconds) s to expiry; use a valuation time before expiry"
        case .maturityExpired(let seconds, _, _):
            return "MaturityExpired: time to expiry is \(seconds) s; it must be at least 1 s (expiry after now)"
        case .priceOutOfRange(let quantity, let value):
            return "PriceOutOfRange: \(quantity) \(value) is outside \(Self.domain(of: quantity)); "
                + Self.advice(for: quantity)
        case .rateOutOfRange(let quantity, let value):
            if quantity == RateQuantity.impliedApy.rawValue, value <= -1 {
                return "RateOutOfRange: impliedApy \(value) is at or below −100 %, where ln(1 + APY) is undefined; "
                    + "give an APY ≥ 0 (0.05 means 5 %)"
            }
            return "RateOutOfRange: \(quantity) \(value) is negative; Pendle rates are ≥ 0 "
                + "(a negative rate would price PT above 1 asset), give a value ≥ 0"
        case .notFinite(let quantity, let value):
            return "NotFinite: \(quantity) is \(value); give a finite number"
        case .overflow(let quantity):
            if quantity == "secondsToExpiry" {
                return "Overflow: expiry − now does not fit in 64-bit seconds; check both timestamps"
            }
            if quantity == RateQuantity.impliedApy.rawValue {
                return "Overflow: impliedApy exceeds the Double range (~1.8e308), lnImpliedRate is above 709.78; "
                    + "check the input: a price far from 1 this close to expiry annualizes to such a rate"
            }
            return "Overflow: \(quantity) exceeds the Double range (~1.8e308), rate × years to expiry is above "
                + "709.78; use a lower rate or a shorter time to expiry"
        case .invalidTimestamp(let text, let reason):
            return "InvalidTimestamp: \"\(text)\": \(reason); expected \(UnixTime.acceptedFormats)"
        }
    }

    static func domain(of quantity: String) -> String {
        switch RateQuantity(rawValue: quantity) {
        case .ptPriceInAsset: return "(0, 1]"
        case .ytPriceInAsset: return "[0, 1)"
        case .ptPerAsset: return "[1, ∞)"
        case .impliedApy, .lnImpliedRate: return "[0, ∞)"
        case nil: return "its domain"
        }
    }

    static func advice(for quantity: String) -> String {
        switch RateQuantity(rawValue: quantity) {
        case .ptPriceInAsset:
            return "before expiry 1 PT is worth more than 0 and at most 1 asset (1 = zero rate)"
        case .ytPriceInAsset:
            return "before expiry 1 YT is worth at least 0 (zero rate) and less than 1 asset"
        case .ptPerAsset:
            return "1 asset buys at least 1 PT before expiry (1 = zero rate)"
        default:
            return "give a value inside it"
        }
    }
}
