import Foundation

/// Depth on any curve: the pool after PT trades of each fraction of the PT it holds, buying and selling, and
/// what it holds (``compute(curve:at:fractions:includesLimits:)``).
///
/// Each row trades an exact PT leg (``ImpliedYieldCurve/tradePt(netPtToAccount:at:)``: Pendle's
/// `executeTradeCore`, YieldSpace's `buyFYToken` / `sellFYToken`) of `fraction ·` ``ptReserve``:
/// ```
/// SY paid or received   |netSyToAccount|
/// effective PT price    SY · assetPerSy / PT                         (asset per PT, fee included)
/// effective APY         price^(−1/τ) − 1,  τ = seconds to expiry / 31,536,000
/// implied APY after     the pool's rate after the trade
/// ```
/// A side the venue refuses (Pendle: a proportion above 96 %, a rate below zero, more PT than it holds;
/// YieldSpace: a negative rate, more fyToken than it really holds, beyond the curve) has nil figures.
/// On Pendle the rows are ``PendleMarketMath/depth(_:pyIndex:blockTime:fractions:)``'s.
public struct MarketDepth<S: PendleScalar>: Sendable {
    public var curveName: String
    public var blockTime: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    /// The implied APY before any trade, and the fee as an annual rate (``ImpliedYieldCurve/annualFeeRate``).
    public var impliedApy: Double
    public var annualFeeRate: Double
    /// The PT and SY the pool holds (Pendle: `totalPt`, `totalSy`; YieldSpace: the real fyToken and the shares).
    public var ptReserve: S
    public var syReserve: S
    /// The pool's value in asset (nil when the venue cannot tell: a YieldSpace pool without its LP supply).
    public var poolValueInAsset: Double?
    /// The largest PT leg the pool executes each way (``ImpliedYieldCurve/largestPtLeg(buyingPt:at:)``); nil
    /// when not computed.
    public var largestPtBuy: S?
    public var largestPtSell: S?
    public var rows: [PendleMarketMath.DepthRow]

    /// The standard fractions of the pool's PT: 0.1 % … 50 %.
    public static var standardFractions: [Double] { [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5] }

    /// The depth of `curve` at `blockTime`; the largest legs too when `includesLimits` (they cost a search each).
    ///
    /// - Throws: the venue's errors when it cannot be read at `blockTime` (`MarketExpired`, `AfterMaturity`,
    ///   a bad state); `RateOutOfRange` for a fraction outside (0, 1).
    public static func compute<C: ImpliedYieldCurve>(
        curve: C, at blockTime: Int64, fractions: [Double] = standardFractions,
        includesLimits: Bool = true
    ) throws -> MarketDepth<C.Scalar> where C.Scalar == S {
        let spot = try curve.spot(at: blockTime)
        let value = try curve.poolValueInAsset(at: blockTime)
        for fraction in fractions where !(fraction > 0 && fraction < 1) {
            throw RateError.rateOutOfRange(quantity: "depth fraction (must be in (0, 1))", value: fraction)
        }
        let years = spot.yearsToExpiry
        let index = curve.assetPerSy.doubleValue
        let held = curve.ptReserve
        let rows = fractions.map { fraction in
            let size = S(approximating: held.doubleValue * fraction) ?? .zero
            func side(_ buying: Bool) -> (Double, Double, Double)? {
                guard let netPt = try? (buying ? size : size.negated()),
                    let trade = try? curve.tradePt(netPtToAccount: netPt, at: blockTime)
                else { return nil }
                let sy = Swift.abs(trade.netSyToAccount.doubleValue)
                let price = sy * index / size.doubleValue
                return (sy, trade.impliedApyAfter, Foundation.expm1(-Foundation.log(price) / years))
            }
            let buy = side(true)
            let sell = side(false)
            return PendleMarketMath.DepthRow(
                fraction: fraction, ptAmount: size.doubleValue, buySyPaid: buy?.0, buyImpliedApyAfter: buy?.1,
                buyEffectiveApy: buy?.2, sellSyReceived: sell?.0, sellImpliedApyAfter: sell?.1,
                sellEffectiveApy: sell?.2)
        }
        return MarketDepth(
            curveName: curve.curveName, blockTime: blockTime, secondsToExpiry: spot.secondsToExpiry, yearsToExpiry: years,
            impliedApy: spot.impliedApy, annualFeeRate: curve.annualFeeRate, ptReserve: held, syReserve: curve.syReserve,
            poolValueInAsset: value,
            largestPtBuy: includesLimits ? curve.largestPtLeg(buyingPt: true, at: blockTime) : nil,
            largestPtSell: includesLimits ? curve.largestPtLeg(buyingPt: false, at: blockTime) : nil, rows: rows)
    }
}

extension MarketDepth {
    /// A Pendle market's depth from its snapshot and rows (what ``PendleMarketMath/depth(_:pyIndex:blockTime:fractions:)``
    /// and ``PendleMarketMath/snapshot(_:pyIndex:blockTime:stockPrice:)`` give).
    public init(snapshot: MarketSnapshot<S>, rows: [PendleMarketMath.DepthRow]) {
        self.init(
            curveName: MarketFile.pendleCurve, blockTime: snapshot.blockTime, secondsToExpiry: snapshot.secondsToExpiry,
            yearsToExpiry: snapshot.yearsToExpiry, impliedApy: snapshot.impliedApy, annualFeeRate: snapshot.annualFeeRate,
            ptReserve: snapshot.market.totalPt, syReserve: snapshot.market.totalSy, poolValueInAsset: snapshot.poolValueInAsset,
            largestPtBuy: snapshot.largestPtBuy, largestPtSell: snapshot.largestPtSell, rows: rows)
    }
}
