import Foundation

/// A YieldSpace pool read at one block time: its rate on both years, prices, parameters, reserves, value and
/// limits (what `market show` prints for a pool, and the tear sheet's market section).
///
/// ```
/// impliedApy          expm1(ts · ln(y/(μz)) · 31,536,000)          (YieldStrip's 365-day year)
/// yieldApy            calcInterestRate: (y/(μz))^(1/tsYears) − 1   (Yield's 365.25-day year, 64 digits)
/// ptPriceInAsset      (μz/y)^(ts·T)  fee-free;  ptBuy… with g1, ptSell… with g2 in the exponent
/// annualFeeRate       expm1((1 − g1) · ln-rate)                    (a share of the yield)
/// poolValueInAsset    z · c + (y − s) · ptPriceInAsset             (s: the LP supply; nil without it)
/// ```
public struct YieldSpaceSnapshot: Sendable {
    public var pool: YieldSpacePool
    public var blockTime: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    public var impliedApy: Double
    public var lnImpliedRate: Double
    /// Yield's own quote, exactly (64 significant digits) and as a `Double`.
    public var yieldApyExact: YieldDecimal
    public var yieldApy: Double
    /// fyToken's fee-free price in base, and the marginal prices to buy (`g1`) and to sell (`g2`).
    public var ptPriceInAsset: Double
    public var ptBuyPriceInAsset: Double
    public var ptSellPriceInAsset: Double
    /// `1 − ptPriceInAsset`: what a YT would cost if the pool traded one (it does not).
    public var syntheticYtPriceInAsset: Double
    public var c: Double
    public var mu: Double
    /// The time stretch in Yield years (365.25 days).
    public var tsYears: Double
    public var g1: Double
    public var g2: Double
    public var annualFeeRate: Double
    /// The seconds from maturity where `a = 1 − g2·ts·T` reaches zero; nil when beyond any time.
    public var longestTimeToMaturity: Int64?
    /// The reserves in token units: shares, virtual fyToken, real fyToken and the LP supply (nil without it).
    public var sharesReserves: Double
    public var fyTokenReserves: Double
    public var realFyTokenReserves: Double?
    public var totalSupply: Double?
    public var poolValueInAsset: Double?
    public var lpValueInAsset: Double?
    /// Yield's previews of the limits, in base units (nil where the preview fails).
    public var maxBaseIn: UInt256?
    public var maxFyTokenOut: UInt256?
    public var maxFyTokenIn: UInt256?
    /// The largest `sellBase` the pool accepts (shares in), the fyToken it pays, and the largest `sellFYToken`
    /// (wad; nil when no trade executes that way).
    public var largestSharesIn: Wad?
    public var largestPtBuy: Wad?
    public var largestPtSell: Wad?
    /// USD figures at a stock price (USD per base).
    public var stockPrice: Double?
    public var sharePriceUsd: Double?
    public var ptPriceUsd: Double?
    public var poolValueUsd: Double?
}

extension YieldSpacePool {
    /// The pool at `blockTime`, and in USD at `stockPrice` (USD per base).
    ///
    /// - Throws: ``YieldSpaceError`` (`AfterMaturity` at or after maturity; a rate the previews cannot compute).
    public func snapshot(at blockTime: Int64, stockPrice: Double? = nil) throws -> YieldSpaceSnapshot {
        let curve = YieldSpaceCurve<Wad>(pool: self)
        let spot = try curve.spot(at: blockTime)
        let time = spot.secondsToExpiry
        let yieldApy = try YieldSpaceMath.calcInterestRate(sharesReserves: sharesReserves, fyTokenReserves: fyTokenReserves, ts: ts, mu: mu)
        let T = Double(time)
        let tsValue = ts.doubleValue
        let ratio = mu.doubleValue * sharesUnits / fyTokenUnits
        let real = totalSupplyUnits.map { fyTokenUnits - $0 }
        let value = real.map { sharesUnits * c.doubleValue + $0 * spot.ptPriceInAsset }
        let s = YieldSpacePool.powerOfTen(18 - decimals)
        func native(_ value: Int256?) -> UInt256? { value.map { $0.isNegative ? .zero : $0.magnitude.quotientAndRemainder(dividingBy: s).quotient } }
        let (z18, y18) = (sharesReserves &* s, fyTokenReserves &* s)
        let largestIn = curve.largestInput(.buyPtWithSy, at: blockTime)
        let largestBuy = try largestIn.map { try curve.trade(.buyPtWithSy, exactIn: $0, at: blockTime).amountOut }
        return YieldSpaceSnapshot(
            pool: self, blockTime: blockTime, secondsToExpiry: time, yearsToExpiry: spot.yearsToExpiry, impliedApy: spot.impliedApy,
            lnImpliedRate: spot.lnImpliedRate, yieldApyExact: yieldApy, yieldApy: yieldApy.doubleValue, ptPriceInAsset: spot.ptPriceInAsset,
            ptBuyPriceInAsset: Foundation.pow(ratio, Double(g1Fee) / 10_000 * tsValue * T),
            ptSellPriceInAsset: Foundation.pow(ratio, 10_000 / Double(g1Fee) * tsValue * T),
            syntheticYtPriceInAsset: spot.ytPriceInAsset, c: c.doubleValue, mu: mu.doubleValue, tsYears: ts.timeStretchYears,
            g1: Double(g1Fee) / 10_000, g2: 10_000 / Double(g1Fee), annualFeeRate: curve.annualFeeRate,
            longestTimeToMaturity: Int64(YieldSpaceMath.longestTime(g: 10_000 / Double(g1Fee), ts: tsValue)),
            sharesReserves: sharesUnits, fyTokenReserves: fyTokenUnits, realFyTokenReserves: real, totalSupply: totalSupplyUnits,
            poolValueInAsset: value, lpValueInAsset: value.flatMap { v in totalSupplyUnits.map { v / $0 } },
            maxBaseIn: native(
                try? YieldSpaceMath.maxBaseIn(
                    sharesReserves: z18, fyTokenReserves: y18, timeTillMaturity: time, ts: ts, g1: g1,
                    decimals: 18, c: c, mu: mu)),
            maxFyTokenOut: native(
                try? YieldSpaceMath.maxFyTokenOut(
                    sharesReserves: z18, fyTokenReserves: y18, timeTillMaturity: time, ts: ts, g1: g1,
                    decimals: 18, c: c, mu: mu)),
            maxFyTokenIn: native(
                try? YieldSpaceMath.maxFyTokenIn(
                    sharesReserves: z18, fyTokenReserves: y18, timeTillMaturity: time, ts: ts, g2: g2,
                    decimals: 18, c: c, mu: mu)),
            largestSharesIn: largestIn, largestPtBuy: largestBuy, largestPtSell: curve.largestInput(.sellPtForSy, at: blockTime),
            stockPrice: stockPrice, sharePriceUsd: stockPrice.map { $0 * c.doubleValue }, ptPriceUsd: stockPrice.map { $0 * spot.ptPriceInAsset },
            poolValueUsd: stockPrice.flatMap { p in value.map { p * $0 } })
    }
}
