/// The five forms an implied rate can be given in, named as the `rate` batch op's fields (`apy`,
/// `ptPrice`, …): the input vocabulary of ``RateQuantity``.
public enum RateForm: String, CaseIterable, Sendable {
    case apy, ptPrice, ytPrice, lnRate, ptPerAsset

    /// The quantity the form gives.
    public var quantity: RateQuantity {
        switch self {
        case .apy: return .impliedApy
        case .ptPrice: return .ptPriceInAsset
        case .ytPrice: return .ytPriceInAsset
        case .lnRate: return .lnImpliedRate
        case .ptPerAsset: return .ptPerAsset
        }
    }

    /// Whether the form is a rate, and so may be written with a unit (`5%`, `500bp`); prices are plain
    /// numbers.
    public var isRate: Bool { self == .apy || self == .lnRate }
}

/// The time to expiry of a rate: from an expiry and a valuation time (with where the valuation time came
/// from, echoed), or given in seconds.
public enum RateTime: Sendable, Hashable {
    case untilExpiry(expiry: Int64, now: Int64, nowSource: TimeSource)
    case seconds(Int64)

    /// Whole seconds to expiry; `MaturityExpired` (with both times) when the expiry is not after now.
    /// Given seconds are returned as given (``ImpliedRateQuote`` checks them).
    public func secondsToExpiry() throws(RateError) -> Int64 {
        switch self {
        case .untilExpiry(let expiry, let now, _): return try RateConventions.secondsToExpiry(expiry: expiry, now: now)
        case .seconds(let seconds): return seconds
        }
    }
}

extension ImpliedRateQuote {
    /// The quote of `value` given in `form` at `time` (``RateTime/secondsToExpiry()``).
    public init(_ form: RateForm, _ value: Double, time: RateTime) throws(RateError) {
        try self.init(form.quantity, value, secondsToExpiry: time.secondsToExpiry())
    }
}
