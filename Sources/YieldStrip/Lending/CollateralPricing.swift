import Foundation

/// How a lending market prices a PT: PT in asset (one share per PT at maturity), 18 decimals.
///
/// ```
/// market          ONE.divDown(exp(⌊lnImpliedRate · t / 365 d⌋))          the market's stored rate (duration 0)
/// twap(apy)       the same at lnImpliedRate = ln(1 + apy)                 a TWAP of the rate, held at an APY
/// linearDiscount  ONE − ⌊t · baseDiscountPerYear / 365 d⌋                 t = seconds to maturity (0 after)
/// fixed(price)    the price given
/// ```
/// `market` and `twap` are Pendle's `PendlePYOracleLib.getPtToAssetRateRaw` (`LogExpMath.ln`, `exp`, `divDown`;
/// exactly 1 at or after expiry); `linearDiscount` is `PendleSparkLinearDiscountOracle.latestRoundData`
/// (`baseDiscountPerYear ≤ 1e18`). Lenders price the asset in USD with their own feed: here the stock price.
///
/// Sources: pendle-finance/pendle-core-v2-public `contracts/oracles/PtYtLpOracle/PendlePYOracleLib.sol`,
/// `contracts/oracles/internal/PendleSparkLinearDiscountOracle.sol`.
public enum PtOracle: Hashable, Sendable {
    /// The market's own implied rate now (Pendle's oracle at a zero TWAP duration).
    case market
    /// A TWAP of the market's implied rate, at this APY (a wad: 0.08 for 8 %).
    case twap(apy: Wad)
    /// Pendle's linear-discount oracle at `baseDiscountPerYear` (a wad, ≤ 1).
    case linearDiscount(baseDiscountPerYear: Wad)
    /// A fixed price in asset per PT.
    case fixed(price: Wad)

    /// `market`, `twap`, `linear-discount`, `fixed`: as the option spells it.
    public var name: String {
        switch self {
        case .market: return "market"
        case .twap: return "twap"
        case .linearDiscount: return "linear-discount"
        case .fixed: return "fixed"
        }
    }

    /// The choices, as options spell them.
    public static let names = ["market", "linear-discount", "twap", "fixed"]

    /// Checks the oracle's parameter (a discount in [0, 1], a TWAP APY above −100 %, a positive price).
    public func check() throws(LendingError) {
        switch self {
        case .market: break
        case .twap(let apy):
            guard apy > Wad(raw: PMath.iOne.negatedWrapping) else {
                throw .invalidParameter(field: "twapApy", value: apy.description, reason: "give the TWAP's implied APY, above −100% (e.g. 8%)")
            }
        case .linearDiscount(let discount):
            guard !discount.isNegative, discount <= .one else {
                throw .invalidParameter(
                    field: "discount", value: discount.description,
                    reason: "the linear-discount oracle takes a discount per year in [0, 100%] (e.g. 18%)")
            }
        case .fixed(let price):
            guard price.isPositive else {
                throw .invalidParameter(field: "price", value: price.description, reason: "a PT price is positive (asset per PT)")
            }
        }
    }

    /// The PT price in asset at `time` for a PT maturing at `expiry`; `marketLnImpliedRate` is the market's
    /// stored rate (for `market`).
    public func price(marketLnImpliedRate: Wad, expiry: Int64, at time: Int64) throws -> Wad {
        switch self {
        case .market:
            return try ImpliedRateMath.ptPriceInAsset(fromLnImpliedRate: marketLnImpliedRate, expiry: expiry, now: time)
        case .twap(let apy):
            return try ImpliedRateMath.ptPriceInAsset(fromLnImpliedRate: Self.lnImpliedRate(apy: apy), expiry: expiry, now: time)
        case .linearDiscount(let discount):
            return try Self.linearDiscountPrice(baseDiscountPerYear: discount, secondsToExpiry: Swift.max(0, expiry - time))
        case .fixed(let price):
            return price
        }
    }

    /// `ln(1 + apy)` with Pendle's `LogExpMath.ln`: the implied rate a TWAP at `apy` holds.
    public static func lnImpliedRate(apy: Wad) throws(PendleError) -> Wad {
        try (try apy + .one).ln()
    }

    /// `PendleSparkLinearDiscountOracle`: `1e18 − ⌊timeLeft · baseDiscountPerYear / 31,536,000⌋`.
    public static func linearDiscountPrice(baseDiscountPerYear: Wad, secondsToExpiry: Int64) throws -> Wad {
        let discount = try PMath.div(
            PMath.mul(UInt256(UInt64(Swift.max(0, secondsToExpiry))), baseDiscountPerYear.raw.bits),
            UInt256(UInt64(RateConventions.secondsPerYear)))
        guard !(PMath.one < discount) else {
            throw LendingError.invalidParameter(
                field: "discount", value: baseDiscountPerYear.description,
                reason: "the discount to maturity exceeds 100 % (the oracle's 'discount overflow'): give a smaller discount")
        }
        return Wad(raw: try PMath.toInt(PMath.sub(PMath.one, discount)))
    }

    /// The PT price in `Double` at `seconds` to maturity, the implied rate held where the oracle reads one
    /// (`marketApy`: the market's implied APY, held constant), for projections.
    func projectedPrice(secondsToExpiry seconds: Int64, marketApy: Double) -> Double {
        let years = RateConventions.yearsToExpiry(secondsToExpiry: Swift.max(0, seconds))
        switch self {
        case .market: return Foundation.exp(-Foundation.log1p(marketApy) * years)
        case .twap(let apy): return Foundation.exp(-Foundation.log1p(apy.doubleValue) * years)
        case .linearDiscount(let discount): return 1 - discount.doubleValue * years
        case .fixed(let price): return price.doubleValue
        }
    }

    /// In words, for the answers.
    public func description(marketApy: Double?) -> String {
        switch self {
        case .market:
            return
                "the market's implied rate now (Pendle's PT oracle at a zero TWAP duration\(marketApy.map { String(format: ": %.4f %% APY", $0 * 100) } ?? ""))"
        case .twap(let apy): return String(format: "a TWAP of the market's implied rate at %.4f %% APY (Pendle's PT oracle)", apy.doubleValue * 100)
        case .linearDiscount(let discount):
            return String(format: "Pendle's linear-discount oracle at %.4f %% a year (1 − discount · time to maturity)", discount.doubleValue * 100)
        case .fixed(let price): return "a fixed price of \(price) asset per PT"
        }
    }
}

/// The liquidation rules of a lending market.
///
/// - `aave`: a maximum LTV to borrow, a liquidation threshold (health factor = collateral · threshold / debt),
///   a liquidation bonus paid to the liquidator on the collateral seized, and Aave v3's close factor: half the
///   debt at a health factor above 0.95, all of it below (`CLOSE_FACTOR_HF_THRESHOLD`).
/// - `morpho`: one LLTV for both (borrow up to it, liquidated past it), and the liquidation incentive factor
///   `min(1.15, 1 / (1 − 0.3 · (1 − LLTV)))` (`Morpho.liquidate`, WAD: `WAD.wDivDown(WAD −
///   0.3.wMulDown(WAD − lltv))`); no close factor.
public enum LiquidationTerms: Hashable, Sendable {
    case aave(maxLtv: Double, liquidationThreshold: Double, liquidationBonus: Double)
    case morpho(lltv: Wad)

    /// `aave` or `morpho`.
    public var protocolName: String {
        if case .morpho = self { return "morpho" }
        return "aave"
    }

    /// Checks the terms as the protocols would: thresholds in (0, 1], the LTV below the threshold, Aave's
    /// threshold · (1 + bonus) ≤ 1, Morpho's LLTV below 100 %.
    public func check() throws(LendingError) {
        switch self {
        case .aave(let ltv, let threshold, let bonus):
            try LendingChecks.threshold(ltv, "ltv")
            try LendingChecks.threshold(threshold, "liquidationThreshold")
            guard ltv < threshold else { throw .ltvNotBelowThreshold(ltv: Self.percent(ltv), threshold: Self.percent(threshold)) }
            guard bonus.isFinite, bonus >= 0 else {
                throw .invalidParameter(field: "liquidationBonus", value: "\(bonus)", reason: "the liquidator's bonus is 0 or more (e.g. 5%)")
            }
            guard threshold * (1 + bonus) <= 1 + 1e-12 else {
                throw .invalidReserveParams(threshold: Self.percent(threshold), bonus: Self.percent(bonus))
            }
        case .morpho(let lltv):
            guard lltv.isPositive else { throw .thresholdOutOfRange(field: "lltv", value: lltv.description) }
            guard lltv < .one else { throw .maxLltvExceeded(lltv: lltv.description) }
        }
    }

    static func percent(_ value: Double) -> String { String(format: "%g%%", value * 100) }

    /// The highest loan-to-value a new loan may have.
    public var maxLtv: Double {
        switch self {
        case .aave(let ltv, _, _): return ltv
        case .morpho(let lltv): return lltv.doubleValue
        }
    }

    /// Health factor 1 at this loan-to-value.
    public var liquidationThreshold: Double {
        switch self {
        case .aave(_, let threshold, _): return threshold
        case .morpho(let lltv): return lltv.doubleValue
        }
    }

    /// What a liquidator receives per unit of debt repaid, in collateral value: 1 + bonus (Aave), the
    /// incentive factor (Morpho).
    public var incentiveFactor: Double {
        switch self {
        case .aave(_, _, let bonus): return 1 + bonus
        case .morpho(let lltv): return (try? Self.morphoIncentiveFactor(lltv: lltv).doubleValue) ?? 1
        }
    }

    /// The liquidator's bonus on the debt repaid: Aave's bonus, Morpho's incentive factor − 1.
    public var liquidationBonus: Double {
        switch self {
        case .aave(_, _, let bonus): return bonus
        case .morpho: return incentiveFactor - 1
        }
    }

    /// The share of the debt one liquidation may repay at a health factor just below 1.
    public var closeFactor: Double {
        if case .morpho = self { return 1 }
        return 0.5
    }

    /// Morpho's liquidation incentive factor, to the wei: `min(1.15e18, WAD.wDivDown(WAD − 0.3e18.wMulDown(WAD − lltv)))`.
    public static func morphoIncentiveFactor(lltv: Wad) throws(PendleError) -> Wad {
        let cursor = Wad(raw: Int256(300_000_000_000_000_000))
        let cap = Wad(raw: Int256(1_150_000_000_000_000_000))
        let factor = try Wad.one.divDown(Wad.one - cursor.mulDown(Wad.one - lltv))
        return factor < cap ? factor : cap
    }
}
