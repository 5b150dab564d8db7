/// Pendle V2's exact conversions between `lnImpliedRate`, the exchange rate (PT per asset) and the PT
/// and YT prices, on 18-decimal fixed point, to the wei, with the contract's reverts.
///
/// ```
/// exchangeRate(lnImpliedRate, t) = LogExpMath.exp( ⌊lnImpliedRate · t / 31,536,000⌋ )
///                                  MarketMathCore._getExchangeRateFromImpliedRate
/// lnImpliedRate(exchangeRate, t) = ⌊ Uint(LogExpMath.ln(exchangeRate)) · 31,536,000 / t ⌋
///                                  MarketMathCore._getLnImpliedRate (its last step)
/// ptPriceInAsset(exchangeRate)   = ⌊ 1e18 · 1e18 / Uint(exchangeRate) ⌋       (PMath.ONE.divDown)
/// ytPriceInAsset(exchangeRate)   = 1e18 − ptPriceInAsset                      (checked)
///                                  PendlePYOracleLib.getPtToAssetRateRaw / getYtToAssetRateRaw
/// ```
/// All operands are unsigned (`uint256`) in the contract; every division floors. Rounding directions:
/// the exponent `rt` and the `lnImpliedRate` are floored (down), so the exchange rate is at most one
/// exponent-wei low and the PT price is floored (PT is never overpriced by the rounding); the YT price,
/// `1e18 − PT price`, is therefore rounded *up* by the same wei. `LogExpMath` itself truncates toward
/// zero inside (ln within a few wei of the truth, exp within ~1e-18 relative).
///
/// Arguments the contract holds as `uint256` are `Wad`/`Int64` here: a negative `lnImpliedRate` or
/// exchange rate is what `PMath.Uint` rejects (`Revert()`), and a negative `secondsToExpiry` is what
/// the contract's `expiry − blockTime` underflows on (`Panic(0x11)`).
///
/// Source: pendle-finance/pendle-core-v2-public (e8c2cca4) `contracts/core/Market/MarketMathCore.sol`,
/// `contracts/oracles/PtYtLpOracle/PendlePYOracleLib.sol`.
public enum ImpliedRateMath {
    /// `IMPLIED_RATE_TIME` = 365 days = 31,536,000 s.
    public static let impliedRateTime = UInt256(UInt64(PendleMarketMath.impliedRateTime))

    /// `_getExchangeRateFromImpliedRate(lnImpliedRate, timeToExpiry)`: PT per asset,
    /// `LogExpMath.exp(⌊lnImpliedRate · secondsToExpiry / 31,536,000⌋)`, ≥ 1e18 wei.
    ///
    /// `secondsToExpiry = 0` gives exactly 1 (the contract does not reject it; markets check expiry first).
    ///
    /// - Throws: ``PendleError``: `Revert()` for a negative `lnImpliedRate` (not a `uint256`);
    ///   `Panic(0x11)` for a negative `secondsToExpiry` (`expiry − blockTime` underflow) or when
    ///   `lnImpliedRate · secondsToExpiry` exceeds 2^256; `Invalid exponent` when the exponent exceeds
    ///   130e18 (e.g. 100 % APY, ln 2 = 0.693…, over more than 187 years).
    public static func exchangeRate(
        fromLnImpliedRate lnImpliedRate: Wad,
        secondsToExpiry: Int64
    ) throws(PendleError) -> Wad {
        try PendleMarketMath.getExchangeRateFromImpliedRate(lnImpliedRate, timeToExpiry: secondsToExpiry)
    }

    /// The last step of `_getLnImpliedRate`: `⌊Uint(ln(exchangeRate)) · 31,536,000 / secondsToExpiry⌋`.
    ///
    /// The floor of a product of `ln` (itself a few wei from the truth) amplifies its error by
    /// `31,536,000 / secondsToExpiry`: ~1e-10 absolute at one second, a few wei at one year.
    ///
    /// - Throws: ``PendleError``: `out of bounds` for an exchange rate ≤ 0 (ln's domain);
    ///   `Revert()` for an exchange rate below 1 (its ln is negative, `PMath.Uint` rejects it);
    ///   `Panic(0x11)` for a negative `secondsToExpiry`; `Panic(0x12)` for `secondsToExpiry = 0`.
    public static func lnImpliedRate(
        fromExchangeRate exchangeRate: Wad,
        secondsToExpiry: Int64
    ) throws(PendleError) -> Wad {
        // `_getLnImpliedRate`'s last step: ln(rate) as uint (`Revert()` below 1), · year / t, floor.
        guard secondsToExpiry >= 0 else { throw .arithmeticOverflow }
        return try exchangeRate.ln().unsignedScaled(by: PendleMarketMath.impliedRateTime, dividedBy: secondsToExpiry)
    }

    /// `PMath.ONE.divDown(exchangeRate.Uint())`: the PT price in asset, `⌊1e36 / exchangeRate⌋` wei.
    ///
    /// - Throws: ``PendleError``: `Revert()` for a negative exchange rate, `Panic(0x12)` for zero.
    public static func ptPriceInAsset(fromExchangeRate exchangeRate: Wad) throws(PendleError) -> Wad {
        let rate = try PMath.toUint(exchangeRate.raw)
        return try Wad(raw: PMath.toInt(PMath.divDown(PMath.one, rate)))
    }

    /// `PMath.ONE − ptPriceInAsset(exchangeRate)`: the YT price in asset (checked subtraction).
    ///
    /// - Throws: ``PendleError``: as ``ptPriceInAsset(fromExchangeRate:)``; `Panic(0x11)` when the
    ///   exchange rate is below 1 (the PT price exceeds 1 asset).
    public static func ytPriceInAsset(fromExchangeRate exchangeRate: Wad) throws(PendleError) -> Wad {
        let ptPrice = try ptPriceInAsset(fromExchangeRate: exchangeRate)
        return try Wad(raw: PMath.toInt(PMath.sub(PMath.one, ptPrice.raw.bits)))
    }

    /// `PendlePYOracleLib.getPtToAssetRateRaw` for a given `lnImpliedRate` (the market's stored rate or
    /// a TWAP): exactly 1e18 when `expiry ≤ now`, else `ONE.divDown(exchangeRate(lnImpliedRate,
    /// expiry − now))`.
    ///
    /// - Throws: ``PendleError``: as ``exchangeRate(fromLnImpliedRate:secondsToExpiry:)`` (except the
    ///   negative time, which this function maps to expiry).
    public static func ptPriceInAsset(
        fromLnImpliedRate lnImpliedRate: Wad, expiry: Int64,
        now: Int64
    ) throws(PendleError) -> Wad {
        if expiry <= now { return .one }
        let rate = try PMath.toUint(lnImpliedRate.raw)
        // expiry > now, so the 256-bit difference is positive (and below 2^64).
        let timeToExpiry = (Int256(expiry) &- Int256(now)).bits
        let exchange = try exchangeRate(lnImpliedRate: rate, timeToExpiry: timeToExpiry)
        return try ptPriceInAsset(fromExchangeRate: exchange)
    }

    /// `PendlePYOracleLib.getYtToAssetRateRaw`: `PMath.ONE − ` the PT price above (0 at or after expiry).
    ///
    /// - Throws: ``PendleError``: as ``ptPriceInAsset(fromLnImpliedRate:expiry:now:)``.
    public static func ytPriceInAsset(
        fromLnImpliedRate lnImpliedRate: Wad, expiry: Int64,
        now: Int64
    ) throws(PendleError) -> Wad {
        let ptPrice = try ptPriceInAsset(fromLnImpliedRate: lnImpliedRate, expiry: expiry, now: now)
        return try Wad(raw: PMath.toInt(PMath.sub(PMath.one, ptPrice.raw.bits)))
    }

    /// `_getExchangeRateFromImpliedRate` on the contract's unsigned operands.
    static func exchangeRate(lnImpliedRate: UInt256, timeToExpiry: UInt256) throws(PendleError) -> Wad {
        let rt = try PMath.div(PMath.mul(lnImpliedRate, timeToExpiry), impliedRateTime)
        return try Wad(raw: LogExpMath.exp(PMath.toInt(rt)))
    }

    /// The contract's exact forms of one stored `lnImpliedRate` at a time to expiry: PT per asset
    /// (``exchangeRate(fromLnImpliedRate:secondsToExpiry:)``) and the oracle's PT and YT prices; each nil
    /// where the contract's math reverts (an exponent above 130, say).
    public static func contractForms(lnImpliedRate: Wad, secondsToExpiry: Int64) -> ContractRateForms {
        let rate = try? exchangeRate(fromLnImpliedRate: lnImpliedRate, secondsToExpiry: secondsToExpiry)
        return ContractRateForms(
            lnImpliedRate: lnImpliedRate, ptPerAsset: rate,
            ptPriceInAsset: rate.flatMap { try? ptPriceInAsset(fromExchangeRate: $0) },
            ytPriceInAsset: rate.flatMap { try? ytPriceInAsset(fromExchangeRate: $0) })
    }
}

/// One implied rate as the contracts hold it, in wad: `lnImpliedRate` and, at a time to expiry, PT per
/// asset and the PT and YT prices (nil where the contract reverts).
public struct ContractRateForms: Hashable, Sendable {
    public var lnImpliedRate: Wad
    public var ptPerAsset: Wad?
    public var ptPriceInAsset: Wad?
    public var ytPriceInAsset: Wad?
}
