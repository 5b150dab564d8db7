import Foundation

/// A Pendle market read at one block time: the numbers a desk looks at before trading.
///
/// Prices are in the accounting asset (for a stock token: shares). `impliedApy = expm1(lastLnImpliedRate)`;
/// `ptPerAsset = exp(lastLnImpliedRate · t / 365 d)`; `ptPriceInAsset = 1 / ptPerAsset`;
/// `ytPriceInAsset = 1 − ptPriceInAsset` (as `−expm1(−r·t)`, exact for small rates); `ytLeverage = 1 / ytPriceInAsset`;
/// `poolValueInAsset = totalAsset + totalPt · ptPriceInAsset` (PT at its spot price, SY at the PY index).
/// Exact amounts (the state, the pre-compute, the largest legs) are in the scalar `S`; analytics in `Double`.
public struct MarketSnapshot<S: PendleScalar>: Sendable {
    public var blockTime: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    /// The state read, and `getMarketPreCompute` at `blockTime`.
    public var market: MarketState<S>
    public var pyIndex: S
    public var preCompute: MarketPreCompute<S>
    public var lnImpliedRate: Double
    public var impliedApy: Double
    public var ptPerAsset: Double
    public var ptPriceInAsset: Double
    public var ytPriceInAsset: Double
    /// `1 / ytPriceInAsset`; nil at a zero rate (a free YT).
    public var ytLeverage: Double?
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
    /// `totalAsset + totalPt · ptPriceInAsset`, in asset.
    public var poolValueInAsset: Double
    /// The largest PT leg the pool sells (buy side) and buys (sell side) at this block, exact
    /// (``PendleMarketMath/largestPtLeg(_:pyIndex:blockTime:buyingPt:)``; zero when none executes).
    public var largestPtBuy: S
    public var largestPtSell: S
    /// First-order estimates of the PT that moves the implied APY by one basis point: bought
    /// (`ptPerBasisPointBuy`: buying PT lowers the APY) and sold (`ptPerBasisPointSell`: selling raises it).
    /// One basis point of APY, `1e-4 / (1 + APY)` of the ln rate, over the derivative of the implied rate
    /// after a trade with respect to its size at zero: `(1 − p (1 − a)) · |r'| / r · year / t`, the curve's
    /// slope `r'` at the current proportion `p`, corrected for the asset `a` the pool takes per PT bought (pays
    /// per PT sold, after fees and the reserve's share); capped at the largest leg each way. The exact trade
    /// of that size moves the APY by about one basis point, not exactly (the curve bends: see the tests).
    public var ptPerBasisPointBuy: Double
    public var ptPerBasisPointSell: Double
    /// The contract's wad forms of the stored rate (the exact flavour only).
    public var contractRates: ContractRateForms?
    /// Values in USD, given a stock price.
    public var usd: MarketSnapshotUsd?
}

/// A market's prices and size in USD at a stock price (USD per unit of asset).
public struct MarketSnapshotUsd: Hashable, Sendable {
    public var stockPrice: Double
    /// One SY: `pyIndex · stockPrice`.
    public var syPriceUsd: Double
    public var ptPriceUsd: Double
    public var ytPriceUsd: Double
    public var poolValueUsd: Double
}

/// A swap with the numbers a trader reads: exact amounts, prices, implied APYs, fees, price impact and the
/// market's limit.
///
/// Effective implied APY follows Pendle's definitions per pair (`ptExchangeRate^(1/years) − 1`, with
/// `ptExchangeRate` = PT / asset for PT ↔ token, `1 / (1 − asset / YT)` for YT ↔ token, `1 + PT / YT` for
/// PT ↔ YT). Price impact is measured on the price of the token traded — PT for PT trades, YT for YT
/// trades (in asset, or in PT for PT ↔ YT) — against its spot price, fees included, and signed so that
/// positive is a cost to the account (paid more when buying, received less when selling).
public struct SwapQuote<S: PendleScalar>: Sendable {
    public var kind: SwapKind
    /// The router swap's exact result (its named amounts, the market leg, the new state).
    public var result: SwapResult<S>
    public var secondsToExpiry: Int64
    /// The amount given (the kind's ``SwapKind/amountField``), exact.
    public var amountGiven: S
    /// The part of an exact input the trade does not use (rounding dust): `amountGiven − amountIn`; zero
    /// for an exact output.
    public var unspentInput: S
    /// `syToAsset(pyIndex, netSyFee)`: the fee in asset, exact.
    public var netAssetFee: S
    /// The largest amount of the given token the market takes in this direction, exact
    /// (``PendleMarketMath/largestAmount(_:market:pyIndex:blockTime:largestLeg:)``; nil when no trade
    /// executes that way). Selling YT, or buying PT with YT, the trade of that size returns nothing (the PT
    /// it buys back costs a full asset each there): see ``largestUsefulAmount``.
    public var largestAmount: S?
    /// The largest amount of the given token worth giving in this direction: the input at which what the
    /// account receives peaks, so that giving more gets less
    /// (``PendleMarketMath/largestUsefulAmount(_:market:pyIndex:blockTime:largest:)``). ``largestAmount``
    /// where the output grows all the way to the market's limit; nil when no trade executes that way.
    public var largestUsefulAmount: S?
    /// amountIn / amountOut, in the two tokens' units (NaN when nothing comes out).
    public var effectivePrice: Double
    /// The market's PT leg (positive: the account took PT from the pool).
    public var ptLeg: Double
    /// Asset per PT paid or received on the PT leg, fees included.
    public var effectivePtPriceInAsset: Double
    /// Asset per YT paid or received (YT ↔ token trades; PT per YT for PT ↔ YT); nil for PT trades.
    public var effectiveYtPrice: Double?
    /// The implied APY of the trade's effective price (see above).
    public var effectiveImpliedApy: Double
    public var impliedApyBefore: Double
    public var impliedApyAfter: Double
    public var ptPriceInAssetBefore: Double
    public var ptPriceInAssetAfter: Double
    public var ytPriceInAssetBefore: Double
    public var ytPriceInAssetAfter: Double
    /// The traded token's effective price against its spot price, fees included (see above).
    public var priceImpact: Double
    /// The PT leg's slippage on the curve alone: its pre-fee price against the spot PT price, signed the
    /// same way.
    public var priceImpactBeforeFees: Double
    public var netSyFee: Double
    public var netSyToReserve: Double
    /// Values in USD at a stock price: SY marked at `pyIndex` asset, PT and YT at their prices before the trade.
    public var usd: SwapQuoteUsd?

    public var amountIn: S { result.amountIn }
    public var amountOut: S { result.amountOut }
    public var evaluations: Int { result.evaluations }
}

/// A quote's amounts in USD.
public struct SwapQuoteUsd: Hashable, Sendable {
    public var stockPrice: Double
    public var amountInUsd: Double
    public var amountOutUsd: Double
    public var feeUsd: Double
}

extension PendleMarketMath {
    /// The market at `blockTime`, with its largest trades, its depth and, given a stock price (USD per unit
    /// of asset), its prices in USD.
    public static func snapshot<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64,
        stockPrice: Double? = nil
    ) throws -> MarketSnapshot<S> {
        let comp = try getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        let t = try timeToExpiry(expiry: market.expiry, blockTime: blockTime)
        let years = Double(t) / Double(impliedRateTime)
        let lnRate = market.lastLnImpliedRate.doubleValue
        let ptPerAsset = Foundation.exp(lnRate * years)
        let ptPrice = Foundation.exp(-lnRate * years)
        let ytPrice = -Foundation.expm1(-lnRate * years)
        let pt = market.totalPt.doubleValue
        let asset = comp.totalAsset.doubleValue
        let buy = largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: true)
        let sell = largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: false)
        // First order in the trade's size n: the new implied rate is the new pool's at n = 0,
        // ln r(p') · year / t with p' = (P − n) / (P + A − n + a·n), where a is the asset the pool takes per PT
        // bought (the pre-fee price 1 / r times the fee factor, less the reserve's share of the fee), or pays
        // per PT sold. So d ln r / dn = (1 − p (1 − a)) · |r'| / r, and one basis point of APY is
        // 1e-4 / (1 + APY) of ln(1 + APY).
        let (rate0, rateSlope) = exchangeRateAndSlope(market, comp, netPtToAccount: S.zero)
        let feeFactor = comp.feeRate.doubleValue
        let reserveShare = Double(market.reserveFeePercent) / 100
        let assetPerPtBought = (feeFactor - (feeFactor - 1) * reserveShare) / rate0
        let assetPerPtSold = (1 + (feeFactor - 1) * reserveShare) / (feeFactor * rate0)
        let p0 = pt / (pt + asset)
        let apy = Foundation.expm1(lnRate)
        let basisPointInLn = 1e-4 / (1 + apy)
        func ptPerBasisPoint(assetPerPt: Double) -> Double {
            basisPointInLn / ((1 - p0 * (1 - assetPerPt)) * Swift.abs(rateSlope) / rate0 / years)
        }
        let poolValue = asset + pt * ptPrice
        let index = pyIndex.doubleValue
        let usd = stockPrice.map {
            MarketSnapshotUsd(
                stockPrice: $0, syPriceUsd: index * $0, ptPriceUsd: ptPrice * $0, ytPriceUsd: ytPrice * $0,
                poolValueUsd: poolValue * $0)
        }
        return MarketSnapshot(
            blockTime: blockTime, secondsToExpiry: t, yearsToExpiry: years, market: market, pyIndex: pyIndex, preCompute: comp,
            lnImpliedRate: lnRate, impliedApy: apy, ptPerAsset: ptPerAsset, ptPriceInAsset: ptPrice, ytPriceInAsset: ytPrice,
            ytLeverage: ytPrice > 0 ? 1 / ytPrice : nil, proportion: pt / (pt + asset), rateScalar: comp.rateScalar.doubleValue,
            rateAnchor: comp.rateAnchor.doubleValue, feeRate: comp.feeRate.doubleValue,
            annualFeeRate: Foundation.expm1(market.lnFeeRateRoot.doubleValue), totalPt: pt,
            totalSy: market.totalSy.doubleValue, totalAsset: asset, totalLp: market.totalLp.doubleValue,
            poolValueInAsset: poolValue, largestPtBuy: buy, largestPtSell: sell,
            ptPerBasisPointBuy: min(ptPerBasisPoint(assetPerPt: assetPerPtBought), buy.doubleValue),
            ptPerBasisPointSell: min(ptPerBasisPoint(assetPerPt: assetPerPtSold), sell.doubleValue),
            contractRates: (market.lastLnImpliedRate as? Wad).map { ImpliedRateMath.contractForms(lnImpliedRate: $0, secondsToExpiry: t) },
            usd: usd)
    }

    /// The largest PT leg the market executes in one direction at `blockTime` (taking PT from the pool
    /// when `buyingPt`, else selling PT to it): the largest size whose `executeTradeCore` succeeds.
    /// Zero when no trade succeeds; exact to the wei in ``Wad``.
    ///
    /// From the analytic headroom of the checks that bind (`tradeLimit`:
    /// the 96 % proportion selling; buying, the post-fee rate of one, or where the new state refuses
    /// first, its rate and `ln`): the leg where the full trade succeeds and one wei more reverts, in 2
    /// evaluations selling (a closed form, then the trade and `calcTrade` one wei beyond), about 8 buying
    /// (Newton over the proportion), 15–20 where the new state binds. Where the headroom does not decide
    /// it (a pool already past the proportion cap, a revert of another kind at the boundary), a search over
    /// full trades (`searchedLargestPtLeg`, a bisection of ~60).
    public static func largestPtLeg<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64, buyingPt: Bool
    ) -> S {
        countedLargestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: buyingPt).size
    }

    /// ``largestPtLeg(_:pyIndex:blockTime:buyingPt:)`` and the evaluations it spent (headroom,
    /// `calcTrade` and full trades alike).
    static func countedLargestPtLeg<S: PendleScalar>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64, buyingPt: Bool
    ) -> (size: S, evaluations: Int) {
        guard let comp = try? getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime),
            let upper = try? (buyingPt ? market.totalPt - S(wei: 1) : market.totalPt + comp.totalAsset)
        else { return (.zero, 0) }
        if let limit = tradeLimit(market, comp, pyIndex: pyIndex, blockTime: blockTime, buyingPt: buyingPt, upper: upper) {
            return (limit.size, limit.evaluations)
        }
        return searchedLargestPtLeg(market, comp, pyIndex: pyIndex, blockTime: blockTime, buyingPt: buyingPt, upper: upper)
    }

    /// The largest PT leg in `0...upper` whose full trade succeeds, by a search with no slope (a bisection,
    /// exact ones seeded by the `Double` leg): for the markets the headroom does not decide.
    static func searchedLargestPtLeg<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, blockTime: Int64, buyingPt: Bool, upper: S
    ) -> (size: S, evaluations: Int) {
        var seed: (size: Double, slope: Double)? = nil
        if S.isExact, let approx = market.converted(to: Double.self) {
            let size = largestPtLeg(approx, pyIndex: pyIndex.doubleValue, blockTime: blockTime, buyingPt: buyingPt)
            seed = (Swift.min(size, upper.doubleValue) * (1 - 1e-12), 0)
        }
        let one = S.one
        let found = S.largestFeasibleSize(lower: .zero, upper: upper, seed: seed, referenceNoise: nil) {
            size -> (margin: S, slope: Double, value: Bool)? in
            guard size.isPositive, let netPt = try? (buyingPt ? size : size.negated()),
                (try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: netPt, blockTime: blockTime)) != nil
            else { return nil }
            return (one, 0, true)
        }
        return (found.size, found.evaluations)
    }

    /// The largest amount of `kind`'s given token (``SwapKind/amountField``) the market takes at `blockTime`:
    /// what the largest executable PT leg costs (exact inputs) or pays (exact outputs). Exact to the wei in
    /// ``Wad``; nil when no trade executes in that direction.
    public static func largestAmount<S: PendleScalar>(
        _ kind: SwapKind, market: MarketState<S>, pyIndex: S, blockTime: Int64, largestLeg: S? = nil
    ) -> S? {
        let leg = largestLeg ?? largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: kind.ptLegSign > 0)
        guard leg.isPositive,
            let netPt = try? (kind.ptLegSign > 0 ? leg : leg.negated()),
            let trade = try? executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: netPt, blockTime: blockTime)
        else { return nil }
        switch kind {
        case .swapSyForExactPt, .swapExactPtForSy, .swapExactYtForSy: return leg
        case .swapPtForExactSy: return trade.netSyToAccount
        default: return try? legSpend(kind, size: leg, netSyToAccount: trade.netSyToAccount, pyIndex: pyIndex)
        }
    }

    /// The largest amount of `kind`'s given token worth giving at `blockTime`: the input at which the amount
    /// the account receives peaks. Each trade is priced at the curve's rate at its end, so the YT sales
    /// (`swapExactYtForSy`, `swapExactYtForPt`: `g · (1 − feeRate / r(g))` asset for a PT leg `g` bought back)
    /// return less and less as the leg nears the market's limit, where the PT costs a full asset and they
    /// return nothing; a PT sale does too on a curve steep enough. The peak is searched on the curve in
    /// `Double` (golden section over the PT leg, to about 1e-8 relative: the output is flat there), and its
    /// leg's input is returned exactly (the input of that leg, as ``largestAmount(_:market:pyIndex:blockTime:largestLeg:)``
    /// gives it). Where the output still grows at the limit — the exact outputs, SY → PT and SY → YT (whose
    /// output is the leg itself, or minted from all the SY), and the PT sales on usual curves — it is
    /// `largest` (``largestAmount(_:market:pyIndex:blockTime:largestLeg:)``, computed when not given). Nil
    /// when no trade executes that way.
    public static func largestUsefulAmount<S: PendleScalar>(
        _ kind: SwapKind, market: MarketState<S>, pyIndex: S, blockTime: Int64, largest: S? = nil
    ) -> S? {
        guard let largest = largest ?? largestAmount(kind, market: market, pyIndex: pyIndex, blockTime: blockTime) else { return nil }
        switch kind {
        case .swapSyForExactPt, .swapPtForExactSy, .swapExactSyForPt, .swapExactSyForYt: return largest
        case .swapExactPtForSy, .swapExactYtForSy, .swapExactPtForYt, .swapExactYtForPt: break
        }
        let index = pyIndex.doubleValue
        guard let curve = market.converted(to: Double.self),
            let comp = try? getMarketPreCompute(curve, pyIndex: index, blockTime: blockTime)
        else { return largest }
        // The largest PT leg: the given amount itself for the two sales of exactly that much PT.
        let limit =
            kind == .swapExactPtForSy || kind == .swapExactYtForSy
            ? largest.doubleValue
            : largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: kind.ptLegSign > 0).doubleValue
        /// What the account receives for a PT leg of `leg`, in the output token's units.
        func output(_ leg: Double) -> Double {
            guard leg > 0, let (amounts, _) = try? calcTrade(curve, comp, pyIndex: index, netPtToAccount: kind.ptLegSign > 0 ? leg : -leg)
            else { return -.infinity }
            let netSy = amounts.netSyToAccount
            switch kind {
            case .swapExactPtForSy: return netSy
            case .swapExactYtForSy: return (leg + netSy * index) / index
            case .swapExactPtForYt: return netSy * index
            default: return leg + netSy * index  // .swapExactYtForPt
            }
        }
        let top = limit * (1 - 1e-9)
        guard top > 0, top.isFinite else { return largest }
        // Still rising at the limit: nothing beats the largest amount.
        if output(top) >= output(top * (1 - 1e-6)) { return largest }
        var lo = 0.0
        var hi = top
        let ratio = (5.0.squareRoot() - 1) / 2
        var x1 = hi - ratio * (hi - lo)
        var x2 = lo + ratio * (hi - lo)
        var f1 = output(x1)
        var f2 = output(x2)
        while hi - lo > 1e-10 * top {
            if f1 < f2 {
                lo = x1
                x1 = x2
                f1 = f2
                x2 = lo + ratio * (hi - lo)
                f2 = output(x2)
            } else {
                hi = x2
                x2 = x1
                f2 = f1
                x1 = hi - ratio * (hi - lo)
                f1 = output(x1)
            }
        }
        guard let leg = S(approximating: (lo + hi) / 2), leg.isPositive,
            let amount = largestAmount(kind, market: market, pyIndex: pyIndex, blockTime: blockTime, largestLeg: leg)
        else { return largest }
        return Swift.min(amount, largest)
    }

    /// ``swap(_:market:pyIndex:amount:blockTime:)`` refusing what the market contract or the router would
    /// refuse: a zero amount (``SwapError/zeroAmount(field:)``), a trade whose LP fee rounds to zero
    /// (``PendleError/marketZeroNetLPFee``, as `PendleMarketV7` checks on every swap; off with
    /// `refusesZeroLpFee: false`, for counterfactual pricing on a fee-free copy of the market), and an exact input larger than the market can take in that direction
    /// (``SwapError/exceedsMarketLimit(given:largest:)`` with the exact largest amount: the optimal answer
    /// would stop at the market's limit and leave the rest unused — or, buying YT, give the extra PT to the
    /// market). Returns the result and, with `reportsLargestAmount`, the largest amount (one search, shared
    /// with the caller); without it, the market's limit is searched only when the trade reached it (the next
    /// wei of its PT leg does not execute), which is the only case it can bind.
    public static func checkedSwap<S: PendleScalar>(
        _ kind: SwapKind, market: MarketState<S>, pyIndex: S, amount: S, blockTime: Int64, refusesZeroLpFee: Bool = true,
        reportsLargestAmount: Bool = true
    ) throws -> (result: SwapResult<S>, largestAmount: S?) {
        if amount.isZero { throw SwapError.zeroAmount(field: kind.amountField) }
        let result = try swap(kind, market: market, pyIndex: pyIndex, amount: amount, blockTime: blockTime)
        if refusesZeroLpFee, result.zeroNetLpFee(pyIndex: pyIndex) {
            throw PendleError.marketZeroNetLPFee
        }
        var largest: S? = nil
        if reportsLargestAmount {
            let limitLeg = largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: kind.ptLegSign > 0)
            largest = largestAmount(kind, market: market, pyIndex: pyIndex, blockTime: blockTime, largestLeg: limitLeg)
        } else if kind.isSearchedExactInput, let leg = result.trade?.netPtToAccount, !leg.isZero {
            // The next size up: one wei, or in Double a relative 1e-9 (beyond the solver's tolerance).
            let size = leg.isNegative ? try leg.negated() : leg
            let step = S.isExact ? S(wei: 1) : (S(approximating: size.doubleValue * 1e-9) ?? S(wei: 1))
            let next = try size + step
            let nextLeg = kind.ptLegSign > 0 ? next : try next.negated()
            if (try? executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: nextLeg, blockTime: blockTime)) == nil {
                // The trade stopped at the market's limit: the largest amount is what that leg spends.
                largest = largestAmount(
                    kind, market: market, pyIndex: pyIndex, blockTime: blockTime,
                    largestLeg: largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: kind.ptLegSign > 0))
            }
        }
        // A searched exact input above what the largest executable leg uses would stop at the market's limit.
        if kind.isSearchedExactInput, let largest, amount > largest {
            throw SwapError.exceedsMarketLimit(given: amount.revertValue, largest: largest.revertValue)
        }
        return (result, largest)
    }

    /// ``checkedSwap(_:market:pyIndex:amount:blockTime:refusesZeroLpFee:reportsLargestAmount:)`` with its analytics and, given a
    /// stock price (USD per unit of asset), its amounts in USD.
    public static func quote<S: PendleScalar>(
        _ kind: SwapKind, market: MarketState<S>, pyIndex: S, amount: S, blockTime: Int64, stockPrice: Double? = nil
    ) throws -> SwapQuote<S> {
        let (result, largest) = try checkedSwap(kind, market: market, pyIndex: pyIndex, amount: amount, blockTime: blockTime)
        let t = try timeToExpiry(expiry: market.expiry, blockTime: blockTime)
        let years = Double(t) / Double(impliedRateTime)
        let index = pyIndex.doubleValue
        let lnBefore = market.lastLnImpliedRate.doubleValue
        let after = result.trade?.market ?? market
        let lnAfter = after.lastLnImpliedRate.doubleValue
        let ptBefore = Foundation.exp(-lnBefore * years)
        let ytBefore = -Foundation.expm1(-lnBefore * years)
        let ptAfter = Foundation.exp(-lnAfter * years)
        let ytAfter = -Foundation.expm1(-lnAfter * years)
        let leg = result.trade?.netPtToAccount.doubleValue ?? 0
        let legAsset = abs(result.trade?.netSyToAccount.doubleValue ?? 0) * index
        let effectivePt = leg == 0 ? ptBefore : legAsset / abs(leg)
        let preFeePt = result.trade.map { 1 / $0.preFeeExchangeRate.doubleValue } ?? ptBefore
        let legSign: Double = leg >= 0 ? 1 : -1
        let fee = result.netSyFee.doubleValue
        let amountIn = result.amountIn.doubleValue
        let amountOut = result.amountOut.doubleValue

        // Pendle's effective exchange rate per pair, and the traded token's effective and spot prices.
        let exchangeRate: Double
        let effective: Double
        let spot: Double
        let buying: Bool
        var effectiveYt: Double? = nil
        switch kind.tokens {
        case (.sy, .yt), (.yt, .sy):
            buying = kind.tokens.output == .yt
            let ytAmount = buying ? amountOut : amountIn
            let underlying = (buying ? amountIn : amountOut) * index
            effective = underlying / ytAmount
            spot = ytBefore
            exchangeRate = 1 / (1 - effective)
            effectiveYt = effective
        case (.pt, .yt), (.yt, .pt):
            buying = kind.tokens.output == .yt
            let ytAmount = buying ? amountOut : amountIn
            let ptAmount = buying ? amountIn : amountOut
            effective = ptAmount / ytAmount
            spot = ytBefore / ptBefore
            exchangeRate = 1 + effective
            effectiveYt = effective
        default:
            buying = leg >= 0
            effective = effectivePt
            spot = ptBefore
            exchangeRate = 1 / effectivePt
        }
        let netAssetFee = try result.netSyFee.syToAsset(index: pyIndex)
        // SY in asset as the contracts count it (syToAsset), PT and YT at their prices before the trade.
        func assetValue(_ token: Token, _ amount: S) -> Double {
            switch token {
            case .sy: return (try? amount.syToAsset(index: pyIndex))?.doubleValue ?? amount.doubleValue * index
            case .pt: return amount.doubleValue * ptBefore
            case .yt: return amount.doubleValue * ytBefore
            }
        }
        let usd = stockPrice.map {
            SwapQuoteUsd(
                stockPrice: $0, amountInUsd: assetValue(kind.tokens.input, result.amountIn) * $0,
                amountOutUsd: assetValue(kind.tokens.output, result.amountOut) * $0, feeUsd: netAssetFee.doubleValue * $0)
        }
        return SwapQuote(
            kind: kind, result: result, secondsToExpiry: t, amountGiven: amount,
            unspentInput: kind.isExactInput ? try amount - result.amountIn : .zero, netAssetFee: netAssetFee,
            largestAmount: largest,
            largestUsefulAmount: largest.flatMap { largestUsefulAmount(kind, market: market, pyIndex: pyIndex, blockTime: blockTime, largest: $0) },
            effectivePrice: result.amountOut.isZero ? .nan : amountIn / amountOut,
            ptLeg: leg, effectivePtPriceInAsset: effectivePt, effectiveYtPrice: effectiveYt,
            effectiveImpliedApy: Foundation.expm1(Foundation.log(exchangeRate) / years),
            impliedApyBefore: Foundation.expm1(lnBefore), impliedApyAfter: Foundation.expm1(lnAfter),
            ptPriceInAssetBefore: ptBefore, ptPriceInAssetAfter: ptAfter, ytPriceInAssetBefore: ytBefore, ytPriceInAssetAfter: ytAfter,
            priceImpact: (buying ? 1 : -1) * (effective / spot - 1), priceImpactBeforeFees: legSign * (preFeePt / ptBefore - 1),
            netSyFee: fee, netSyToReserve: result.netSyToReserve.doubleValue, usd: usd)
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
        for fraction in fractions where !(fraction > 0 && fraction < 1) {
            throw RateError.rateOutOfRange(quantity: "depth fraction (must be in (0, 1))", value: fraction)
        }
        let years = Double(try timeToExpiry(expiry: market.expiry, blockTime: blockTime)) / Double(impliedRateTime)
        let index = pyIndex.doubleValue
        return fractions.map { fraction in
            let size = S(approximating: market.totalPt.doubleValue * fraction) ?? .zero
            func side(_ buying: Bool) -> (Double, Double, Double)? {
                guard let netPt = try? (buying ? size : size.negated()),
                    let trade = try? executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: netPt, blockTime: blockTime)
                else { return nil }
                let sy = abs(trade.netSyToAccount.doubleValue)
                let price = sy * index / size.doubleValue
                return (sy, Foundation.expm1(trade.market.lastLnImpliedRate.doubleValue), Foundation.expm1(-Foundation.log(price) / years))
            }
            let buy = side(true)
            let sell = side(false)
            return DepthRow(
                fraction: fraction, ptAmount: size.doubleValue, buySyPaid: buy?.0, buyImpliedApyAfter: buy?.1,
                buyEffectiveApy: buy?.2, sellSyReceived: sell?.0, sellImpliedApyAfter: sell?.1,
                sellEffectiveApy: sell?.2)
        }
    }
}
