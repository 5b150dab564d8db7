import Foundation

/// A Pendle market read at one block time: the numbers a desk looks at before trading.
///
/// Prices are in the accounting asset (for a stock token: shares). `impliedApy = exp(lastLnImpliedRate) − 1`;
/// `ptPerAsset = exp(lastLnImpliedRate · t / 365 d)`; `ptPriceInAsset = 1 / ptPerAsset`;
/// `ytPriceInAsset = 1 − ptPriceInAsset`; `ytLeverage = 1 / ytPriceInAsset`.
public struct MarketSnapshot: Sendable {
    public var blockTime: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    public var lnImpliedRate: Double
    public var impliedApy: Double
    public var ptPerAsset: Double
    public var ptPriceInAsset: Double
    public var ytPriceInAsset: Double
    public var ytLeverage: Double
    /// PT / (PT + asset) in the pool.
    public var proportion: Double
    public var rateScalar: Double
    public var rateAnchor: Double
    /// exp(lnFeeRateRoot · t / 365 d): the factor applied to the exchange rate on each trade.
    public var feeRate: Double
    /// The annual fee rate, exp(lnFeeRateRoot) − 1.
    public var annualFeeRate: Double
    public var totalPt: Double
    public var totalSy: Double
    public var totalAsset: Double
    public var totalLp: Double
    public var pyIndex: Double
    /// The largest PT the pool sells (buy side) and buys (sell side) at this block.
    public var largestPtBuy: Double
    public var largestPtSell: Double
    /// PT that moves the implied APY by one basis point, buying and selling.
    public var ptPerBasisPointBuy: Double
    public var ptPerBasisPointSell: Double
}

/// A swap with the numbers a trader reads: prices, implied APYs, fees, price impact and the market's limit.
public struct SwapQuote: Sendable {
    public var kind: SwapKind
    public var secondsToExpiry: Int64
    public var amountIn: Double
    public var amountOut: Double
    /// amountIn / amountOut, in the two tokens' units.
    public var effectivePrice: Double
    /// The market's PT leg (positive: the account took PT from the pool).
    public var ptLeg: Double
    /// Asset per PT actually paid or received on the PT leg, fees included.
    public var effectivePtPriceInAsset: Double
    /// The implied APY the account locks in on the PT leg (Pendle's effective implied APY:
    /// `(1 / effectivePtPrice)^(1 / years) − 1`).
    public var effectiveImpliedApy: Double
    public var impliedApyBefore: Double
    public var impliedApyAfter: Double
    public var ptPriceInAssetBefore: Double
    public var ptPriceInAssetAfter: Double
    /// Effective PT price against the spot PT price, fees included, signed so that positive is a cost to
    /// the account (paid more when buying, received less when selling).
    public var priceImpact: Double
    /// The same without fees: the curve's slippage alone.
    public var priceImpactBeforeFees: Double
    public var netSyFee: Double
    public var netAssetFee: Double
    public var netSyToReserve: Double
    /// The largest amount of the given token the market takes in this direction (nil when it cannot be
    /// priced).
    public var largestAmount: Double?
    public var evaluations: Int
}

extension PendleMarketMath {
    /// The market at `blockTime`, with its largest trades and its depth.
    public static func snapshot<S: PendleScalar>(_ market: MarketState<S>, pyIndex: S, blockTime: Int64) throws -> MarketSnapshot {
        let comp = try getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        let t = market.expiry - blockTime
        let years = Double(t) / Double(impliedRateTime)
        let lnRate = market.lastLnImpliedRate.doubleValue
        let ptPerAsset = Foundation.exp(lnRate * years)
        let pt = market.totalPt.doubleValue, asset = comp.totalAsset.doubleValue
        let buy = largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: true).doubleValue
        let sell = largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: false).doubleValue
        // d(ln rate)/dn from the marginal exchange rate: ln r(n) · year / t moves by
        // r'(n) / r · year / t per PT; one basis point of APY is 1e-4 / (1 + APY) of ln(1 + APY).
        let rate0 = comp.rateAnchor.doubleValue + Foundation.log(pt / asset) / comp.rateScalar.doubleValue
        let rateSlope = 1 / (comp.rateScalar.doubleValue * (pt + asset) * (pt / (pt + asset)) * (asset / (pt + asset)))
        let lnRatePerPt = rateSlope / rate0 / years
        let apy = Foundation.exp(lnRate) - 1
        let basisPointInLn = 1e-4 / (1 + apy)
        return MarketSnapshot(
            blockTime: blockTime, secondsToExpiry: t, yearsToExpiry: years, lnImpliedRate: lnRate, impliedApy: apy,
            ptPerAsset: ptPerAsset, ptPriceInAsset: 1 / ptPerAsset, ytPriceInAsset: 1 - 1 / ptPerAsset,
            ytLeverage: 1 / (1 - 1 / ptPerAsset), proportion: pt / (pt + asset), rateScalar: comp.rateScalar.doubleValue,
            rateAnchor: comp.rateAnchor.doubleValue, feeRate: comp.feeRate.doubleValue,
            annualFeeRate: Foundation.exp(market.lnFeeRateRoot.doubleValue) - 1, totalPt: pt,
            totalSy: market.totalSy.doubleValue, totalAsset: asset, totalLp: market.totalLp.doubleValue,
            pyIndex: pyIndex.doubleValue, largestPtBuy: buy, largestPtSell: sell,
            ptPerBasisPointBuy: min(basisPointInLn / lnRatePerPt, buy), ptPerBasisPointSell: min(basisPointInLn / lnRatePerPt, sell))
    }

    /// The largest PT leg the market executes in one direction at `blockTime` (taking PT from the pool
    /// when `buyingPt`, else selling PT to it): the largest size whose `executeTradeCore` succeeds.
    /// Zero when no trade succeeds; exact to the wei in ``Wad``.
    public static func largestPtLeg<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64, buyingPt: Bool
    ) -> S {
        guard let comp = try? getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime),
              let upper = try? (buyingPt ? market.totalPt - S(wei: 1) : market.totalPt + comp.totalAsset) else { return .zero }
        var seed: (size: Double, slope: Double)? = nil
        if S.self != Double.self, let approx = market.converted(to: Double.self) {
            let size = largestPtLeg(approx, pyIndex: pyIndex.doubleValue, blockTime: blockTime, buyingPt: buyingPt)
            seed = (size * (1 - 1e-12), 0)
        }
        let one = S.one
        return S.largestFeasibleSize(lower: .zero, upper: upper, seed: seed, referenceNoise: nil) { size -> (margin: S, slope: Double, value: Bool)? in
            guard size.isPositive, let netPt = try? (buyingPt ? size : size.negated()),
                  (try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: netPt, blockTime: blockTime)) != nil
            else { return nil }
            return (one, 0, true)
        }.size
    }

    /// ``swap(_:market:pyIndex:amount:blockTime:)`` with its analytics.
    public static func quote<S: PendleScalar>(
        _ kind: SwapKind, market: MarketState<S>, pyIndex: S, amount: S, blockTime: Int64
    ) throws -> (result: SwapResult<S>, quote: SwapQuote) {
        let result = try swap(kind, market: market, pyIndex: pyIndex, amount: amount, blockTime: blockTime)
        let t = market.expiry - blockTime
        let years = Double(t) / Double(impliedRateTime)
        let index = pyIndex.doubleValue
        let apyBefore = Foundation.exp(market.lastLnImpliedRate.doubleValue) - 1
        let ptBefore = Foundation.exp(-market.lastLnImpliedRate.doubleValue * years)
        let after = result.trade?.market ?? market
        let apyAfter = Foundation.exp(after.lastLnImpliedRate.doubleValue) - 1
        let ptAfter = Foundation.exp(-after.lastLnImpliedRate.doubleValue * years)
        let leg = result.trade?.netPtToAccount.doubleValue ?? 0
        let legAsset = abs(result.trade?.netSyToAccount.doubleValue ?? 0) * index
        let effectivePt = leg == 0 ? ptBefore : legAsset / abs(leg)
        let preFeePt = result.trade.map { 1 / $0.preFeeExchangeRate.doubleValue } ?? ptBefore
        let sign: Double = leg >= 0 ? 1 : -1
        let fee = result.netSyFee.doubleValue
        let largestLeg = largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: kind.ptLegSign > 0)
        let largest: Double?
        if largestLeg.isPositive,
           let legTrade = try? executeTradeCore(market, pyIndex: pyIndex,
                                                netPtToAccount: kind.ptLegSign > 0 ? largestLeg : largestLeg.negated(),
                                                blockTime: blockTime) {
            switch kind {
            case .swapSyForExactPt, .swapExactPtForSy, .swapPtForExactSy, .swapExactYtForSy:
                largest = kind == .swapPtForExactSy ? legTrade.netSyToAccount.doubleValue : largestLeg.doubleValue
            default:
                largest = (try? legSpend(kind, size: largestLeg, netSyToAccount: legTrade.netSyToAccount, pyIndex: pyIndex))?.doubleValue
            }
        } else {
            largest = nil
        }
        let quote = SwapQuote(
            kind: kind, secondsToExpiry: t, amountIn: result.amountIn.doubleValue, amountOut: result.amountOut.doubleValue,
            effectivePrice: result.amountOut.isZero ? .nan : result.amountIn.doubleValue / result.amountOut.doubleValue,
            ptLeg: leg, effectivePtPriceInAsset: effectivePt,
            effectiveImpliedApy: Foundation.exp(-Foundation.log(effectivePt) / years) - 1,
            impliedApyBefore: apyBefore, impliedApyAfter: apyAfter, ptPriceInAssetBefore: ptBefore, ptPriceInAssetAfter: ptAfter,
            priceImpact: sign * (effectivePt / ptBefore - 1), priceImpactBeforeFees: sign * (preFeePt / ptBefore - 1),
            netSyFee: fee, netAssetFee: fee * index, netSyToReserve: result.netSyToReserve.doubleValue,
            largestAmount: largest, evaluations: result.evaluations)
        return (result, quote)
    }

    /// Depth: the market after PT trades of each `fraction` of `totalPt`, both directions.
    public struct DepthRow: Sendable {
        public var fraction: Double
        public var ptAmount: Double
        /// Buying PT: SY paid, implied APY after, effective implied APY (nil when the market refuses it).
        public var buySyPaid: Double?
        public var buyImpliedApyAfter: Double?
        public var buyEffectiveApy: Double?
        /// Selling PT: SY received, implied APY after, effective implied APY.
        public var sellSyReceived: Double?
        public var sellImpliedApyAfter: Double?
        public var sellEffectiveApy: Double?
    }

    /// Depth rows for the standard fractions 0.1 % … 50 % of the pool's PT (or the given ones).
    public static func depth<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64,
        fractions: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5]
    ) throws -> [DepthRow] {
        _ = try getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        let years = Double(market.expiry - blockTime) / Double(impliedRateTime)
        let index = pyIndex.doubleValue
        return fractions.map { fraction in
            let size = S(approximating: market.totalPt.doubleValue * fraction) ?? .zero
            func side(_ buying: Bool) -> (Double, Double, Double)? {
                guard let netPt = try? (buying ? size : size.negated()),
                      let trade = try? executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: netPt, blockTime: blockTime)
                else { return nil }
                let sy = abs(trade.netSyToAccount.doubleValue)
                let price = sy * index / size.doubleValue
                return (sy, Foundation.exp(trade.market.lastLnImpliedRate.doubleValue) - 1, Foundation.exp(-Foundation.log(price) / years) - 1)
            }
            let buy = side(true), sell = side(false)
            return DepthRow(fraction: fraction, ptAmount: size.doubleValue, buySyPaid: buy?.0, buyImpliedApyAfter: buy?.1,
                            buyEffectiveApy: buy?.2, sellSyReceived: sell?.0, sellImpliedApyAfter: sell?.1,
                            sellEffectiveApy: sell?.2)
        }
    }
}
