#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The forms in which a Pendle implied rate is quoted; each is an input of ``ImpliedRateQuote``.
///
/// With `T = yearsToExpiry` and `r = lnImpliedRate`:
///
/// | form | definition | domain |
/// | --- | --- | --- |
/// | ``impliedApy`` | `(1 + APY) = e^r` (annual compounding) | [0, ∞) |
/// | ``lnImpliedRate`` | `r = ln(1 + APY)` (continuous compounding) | [0, ∞) |
/// | ``ptPriceInAsset`` | `e^(−r·T)` | (0, 1] |
/// | ``ytPriceInAsset`` | `1 − e^(−r·T)` | [0, 1) |
/// | ``ptPerAsset`` | `e^(r·T)`, Pendle's `exchangeRate` | [1, ∞) |
///
/// The raw value is the name used in error arguments (`"ptPriceInAsset"`).
public enum RateQuantity: String, Sendable, Hashable, CaseIterable {
    /// The annually compounded implied APY as a fraction (0.05 = 5 %).
    case impliedApy
    /// The continuously compounded annual rate `ln(1 + impliedApy)`, Pendle's `lnImpliedRate`.
    case lnImpliedRate
    /// The price of 1 PT in units of the accounting asset (PT redeems 1 asset at expiry).
    case ptPriceInAsset
    /// The price of 1 YT in units of the accounting asset, `1 − ptPriceInAsset`.
    case ytPriceInAsset
    /// PT received per unit of asset, Pendle's `exchangeRate` = `1 / ptPriceInAsset`.
    case ptPerAsset
}

/// Compounding conventions for quoting the same implied rate as an annual yield.
public enum Compounding: Sendable, Hashable, CaseIterable {
    /// `lnImpliedRate`: continuously compounded.
    case continuous
    /// `impliedApy`: compounded once a year (Pendle's displayed APY).
    case annual
    /// Compounded twice a year.
    case semiAnnual
    /// Compounded four times a year.
    case quarterly
    /// Compounded twelve times a year.
    case monthly
    /// Compounded 365 times a year.
    case daily
    /// Simple (money-market) yield over the remaining life: `(ptPerAsset − 1) / yearsToExpiry`.
    case simple

    /// Compounding periods per year; nil for ``continuous`` and ``simple``.
    public var periodsPerYear: Int? {
        switch self {
        case .continuous, .simple: return nil
        case .annual: return 1
        case .semiAnnual: return 2
        case .quarterly: return 4
        case .monthly: return 12
        case .daily: return 365
        }
    }
}

/// One implied rate at one time to expiry, readable in every form a fixed-income desk quotes it: implied
/// APY, Pendle's `lnImpliedRate`, PT and YT prices in asset, PT per asset (Pendle's `exchangeRate`),
/// YT leverage, yields under any compounding, duration and convexity. `Double` analytics (1.0 = 1e18 wei).
///
/// ## Definitions (ACT/365F, `T = secondsToExpiry / 31,536,000`)
/// ```
/// lnImpliedRate  r = ln(1 + impliedApy)                      MarketMathCore: lastLnImpliedRate
/// lnPtPerAsset     = r · T                                   MarketMathCore._getExchangeRateFromImpliedRate: rt
/// ptPerAsset       = e^(r·T)  = (1 + impliedApy)^T           the contract's exchangeRate
/// ptPriceInAsset   = e^(−r·T) = 1 / ptPerAsset               PendlePYOracleLib.getPtToAssetRateRaw
/// ytPriceInAsset   = 1 − ptPriceInAsset = −expm1(−r·T)       PendlePYOracleLib.getYtToAssetRateRaw
/// ytLeverage       = 1 / ytPriceInAsset                      Pendle docs: "YT price 5 % → 20×"
/// impliedApy       = (1 + ytPrice / ptPrice)^(365 / days) − 1   Pendle docs (Glossary), the same number
/// ```
/// Rates are never negative here: on chain `lnImpliedRate` is unsigned and an exchange rate below 1
/// reverts (`MarketExchangeRateBelowOne`), so PT costs at most 1 asset. A zero rate is legal
/// (PT price 1, YT price 0, YT leverage undefined).
///
/// ## Numerics
/// The quote stores `lnImpliedRate` and `lnPtPerAsset`, both computed once from the input; every
/// other form is one `exp`, `expm1`, `log` or `log1p` away, so nothing is lost to cancellation for tiny
/// rates or short times (`ytPriceInAsset = −expm1(−r·T)`, `impliedApy = expm1(r)`,
/// `r = log1p(impliedApy)`, `r·T = −log1p(−ytPriceInAsset)`). With `u = 2^-53` and libm's `exp`/`log`
/// family within 1 ulp, every form differs from the exact value for the exact input by a relative error
///
///     ≤ (6 + 4·x) · u,   x = max(lnImpliedRate, lnPtPerAsset),
///
/// i.e. ≤ 1.0e-15 for rates up to 100 % over up to a year (x ≤ 0.7), ≤ 1.8e-15 for 1000 % over a year,
/// ≤ 2.8e-15 for 1000 % over two years.
/// `ytLeverage` adds one rounding. Time is exact (whole seconds, `Double(secondsToExpiry)` exact
/// below 2^53 s).
public struct ImpliedRateQuote: Sendable, Hashable {
    /// Pendle's `lnImpliedRate`: the continuously compounded annual rate `ln(1 + impliedApy)`, ≥ 0.
    public let lnImpliedRate: Double
    /// `ln(ptPerAsset) = lnImpliedRate · yearsToExpiry`: the continuously compounded return of PT to
    /// expiry, not annualized (the contract's `rt`), ≥ 0.
    public let lnPtPerAsset: Double
    /// Time to expiry in seconds, ≥ 1.
    public let secondsToExpiry: Int64

    // MARK: Construction

    /// A quote from any one form of the rate.
    ///
    /// - Parameters:
    ///   - quantity: Which form `value` is (see ``RateQuantity`` for the domains).
    ///   - value: The rate or price, a fraction (0.05 = 5 %) or asset units per token.
    ///   - secondsToExpiry: Time to expiry, at least 1 s.
    /// - Throws: ``RateError``: `MaturityExpired` (secondsToExpiry ≤ 0), `NotFinite` (NaN, ±∞),
    ///   `RateOutOfRange` (APY or lnImpliedRate < 0; an APY ≤ −100 % has no logarithm),
    ///   `PriceOutOfRange` (PT price outside (0, 1] — 1 is allowed, a zero rate —, YT price outside
    ///   [0, 1), PT per asset below 1), `Overflow` (``ptPerAsset`` or ``impliedApy`` above the `Double`
    ///   range, e.g. PT price 0.5 one second before expiry).
    public init(_ quantity: RateQuantity, _ value: Double, secondsToExpiry: Int64) throws(RateError) {
        guard secondsToExpiry > 0 else {
            throw .maturityExpired(secondsToExpiry: secondsToExpiry, expiry: nil, now: nil)
        }
        guard value.isFinite else { throw .notFinite(quantity: quantity.rawValue, value: value) }
        let seconds = Double(secondsToExpiry)
        let year = Double(RateConventions.secondsPerYear)
        let lnRate: Double
        let lnPtPerAsset: Double
        switch quantity {
        case .impliedApy:
            guard value >= 0 else { throw .rateOutOfRange(quantity: quantity.rawValue, value: value) }
            lnRate = log1p(value)
            lnPtPerAsset = lnRate * seconds / year
        case .lnImpliedRate:
            guard value >= 0 else { throw .rateOutOfRange(quantity: quantity.rawValue, value: value) }
            lnRate = value
            lnPtPerAsset = lnRate * seconds / year
        case .ptPriceInAsset:
            guard value > 0, value <= 1 else { throw .priceOutOfRange(quantity: quantity.rawValue, value: value) }
            lnPtPerAsset = -log(value)
            lnRate = lnPtPerAsset * year / seconds
        case .ytPriceInAsset:
            guard value >= 0, value < 1 else { throw .priceOutOfRange(quantity: quantity.rawValue, value: value) }
            lnPtPerAsset = -log1p(-value)
            lnRate = lnPtPerAsset * year / seconds
        case .ptPerAsset:
            guard value >= 1 else { throw .priceOutOfRange(quantity: quantity.rawValue, value: value) }
            lnPtPerAsset = log(value)
            lnRate = lnPtPerAsset * year / seconds
        }
        guard expm1(lnRate).isFinite else { throw .overflow(quantity: RateQuantity.impliedApy.rawValue) }
        guard exp(lnPtPerAsset).isFinite else { throw .overflow(quantity: RateQuantity.ptPerAsset.rawValue) }
        // `+ 0` turns a −0 (from −log(1) or −log1p(−0)) into +0.
        self.lnImpliedRate = lnRate + 0
        self.lnPtPerAsset = lnPtPerAsset + 0
        self.secondsToExpiry = secondsToExpiry
    }

    /// A quote from any one form of the rate, at `now` for a maturity at `expiry` (Unix seconds).
    ///
    /// - Throws: as ``init(_:_:secondsToExpiry:)``; `MaturityExpired` when `expiry ≤ now`.
    public init(_ quantity: RateQuantity, _ value: Double, expiry: Int64, now: Int64) throws(RateError) {
        try self.init(quantity, value, secondsToExpiry: RateConventions.secondsToExpiry(expiry: expiry, now: now))
    }

    /// From the annually compounded implied APY (0.05 = 5 %), ≥ 0: `lnImpliedRate = log1p(impliedApy)`.
    public init(impliedApy: Double, secondsToExpiry: Int64) throws(RateError) {
        try self.init(.impliedApy, impliedApy, secondsToExpiry: secondsToExpiry)
    }

    /// From Pendle's `lnImpliedRate` (continuously compounded annual rate), ≥ 0.
    public init(lnImpliedRate: Double, secondsToExpiry: Int64) throws(RateError) {
        try self.init(.lnImpliedRate, lnImpliedRate, secondsToExpiry: secondsToExpiry)
    }

    /// From the PT price in asset, in (0, 1]: `lnPtPerAsset = −ln(ptPriceInAsset)`.
    public init(ptPriceInAsset: Double, secondsToExpiry: Int64) throws(RateError) {
        try self.init(.ptPriceInAsset, ptPriceInAsset, secondsToExpiry: secondsToExpiry)
    }

    /// From the YT price in asset, in [0, 1): `lnPtPerAsset = −log1p(−ytPriceInAsset)`.
    public init(ytPriceInAsset: Double, secondsToExpiry: Int64) throws(RateError) {
        try self.init(.ytPriceInAsset, ytPriceInAsset, secondsToExpiry: secondsToExpiry)
    }

    /// From PT per asset (Pendle's `exchangeRate`), ≥ 1: `lnPtPerAsset = ln(ptPerAsset)`.
    public init(ptPerAsset: Double, secondsToExpiry: Int64) throws(RateError) {
        try self.init(.ptPerAsset, ptPerAsset, secondsToExpiry: secondsToExpiry)
    }

    // MARK: Time

    /// `secondsToExpiry / 31,536,000` (365-day years).
    public var yearsToExpiry: Double { RateConventions.yearsToExpiry(secondsToExpiry: secondsToExpiry) }

    /// `secondsToExpiry / 86,400`.
    public var daysToExpiry: Double { RateConventions.daysToExpiry(secondsToExpiry: secondsToExpiry) }

    // MARK: Rate forms

    /// The annually compounded implied APY, `expm1(lnImpliedRate)`; equal to Pendle's documented
    /// `(1 + ytPrice/ptPrice)^(365/daysToExpiry) − 1`.
    public var impliedApy: Double { expm1(lnImpliedRate) }

    /// PT per asset, Pendle's `exchangeRate`: `exp(lnPtPerAsset) = (1 + impliedApy)^yearsToExpiry`, ≥ 1.
    public var ptPerAsset: Double { exp(lnPtPerAsset) }

    /// The price of 1 PT in asset: `exp(−lnPtPerAsset) = 1 / ptPerAsset`, in (0, 1].
    public var ptPriceInAsset: Double { exp(-lnPtPerAsset) }

    /// The price of 1 YT in asset: `1 − ptPriceInAsset`, computed as `−expm1(−lnPtPerAsset)` (full
    /// relative precision for tiny rates and short times), in [0, 1).
    public var ytPriceInAsset: Double { -expm1(-lnPtPerAsset) }

    /// Units of yield exposure (YT) per unit of asset spent: `1 / ytPriceInAsset`. Nil at a zero rate
    /// (YT is free) or when the quotient exceeds the `Double` range.
    public var ytLeverage: Double? {
        let leverage = 1 / ytPriceInAsset
        return leverage.isFinite ? leverage : nil
    }

    /// The return of holding PT to expiry, not annualized: `ptPerAsset − 1 = expm1(lnPtPerAsset)`.
    public var ptReturnToExpiry: Double { expm1(lnPtPerAsset) }

    /// The value of one form.
    public func value(of quantity: RateQuantity) -> Double {
        switch quantity {
        case .impliedApy: return impliedApy
        case .lnImpliedRate: return lnImpliedRate
        case .ptPriceInAsset: return ptPriceInAsset
        case .ytPriceInAsset: return ytPriceInAsset
        case .ptPerAsset: return ptPerAsset
        }
    }

    /// The same rate as an annual yield under `compounding`:
    /// continuous `lnImpliedRate`; `n` periods a year `n · expm1(lnImpliedRate / n)` (annual = impliedApy);
    /// simple `expm1(lnPtPerAsset) / yearsToExpiry` (money-market yield, linear in time).
    public func yield(_ compounding: Compounding) -> Double {
        switch compounding {
        case .continuous: return lnImpliedRate
        case .simple: return ptReturnToExpiry / yearsToExpiry
        default:
            let n = Double(compounding.periodsPerYear ?? 1)
            return n * expm1(lnImpliedRate / n)
        }
    }

    // MARK: Rate sensitivity (PT as a zero-coupon bond paying 1 asset at expiry)

    /// Modified duration in years with respect to the implied APY: `−(∂P/∂APY) / P = T / (1 + APY)`,
    /// computed as `T · exp(−lnImpliedRate)`. (With respect to `lnImpliedRate` the duration is `T`.)
    public var modifiedDuration: Double { yearsToExpiry * exp(-lnImpliedRate) }

    /// Convexity with respect to the implied APY: `(∂²P/∂APY²) / P = T (T + 1) / (1 + APY)²`.
    /// (With respect to `lnImpliedRate` it is `T²`.)
    public var convexity: Double {
        let years = yearsToExpiry
        return years * (years + 1) * exp(-2 * lnImpliedRate)
    }

    /// First-order change of the PT price (asset per PT) for a rise of the implied APY by one basis
    /// point: `−ptPriceInAsset · modifiedDuration · 1e-4`, ≤ 0 (PT loses when rates rise).
    public var ptPriceChangePerBasisPoint: Double { -ptPriceInAsset * modifiedDuration * 1e-4 }

    /// First-order change of the YT price (asset per YT) for a rise of the implied APY by one basis
    /// point: the opposite of ``ptPriceChangePerBasisPoint`` (PT + YT = 1 asset), ≥ 0.
    public var ytPriceChangePerBasisPoint: Double { ptPriceInAsset * modifiedDuration * 1e-4 }
}
