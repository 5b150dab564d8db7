import Foundation

/// A Pendle V2 market behind the strategies' curve interface: the state as `readState` returns it and the
/// PY index at the block (asset per SY).
///
/// Trades are the router's, solved optimally (``PendleMarketMath/checkedSwap(_:market:pyIndex:amount:blockTime:refusesZeroLpFee:)``):
/// `buyPtWithSy` = `swapExactSyForPt`, `sellPtForSy` = `swapExactPtForSy`, `buyYtWithSy` =
/// `swapExactSyForYt`, `sellYtForSy` = `swapExactYtForSy`, with the market's refusals (`ZeroAmount`,
/// `MarketZeroNetLPFee`, `ExceedsMarketLimit`, `MarketExpired`, the curve's own reverts).
public struct PendleV2Curve<S: PendleScalar>: ImpliedYieldCurve, Hashable {
    public var market: MarketState<S>
    public var pyIndex: S
    /// Whether trades whose LP fee rounds to zero are refused (`MarketZeroNetLPFee`), as the market
    /// contract does; false only on the fee-free copy of ``withoutFee()``.
    public var refusesZeroLpFee: Bool

    public init(market: MarketState<S>, pyIndex: S) {
        self.market = market
        self.pyIndex = pyIndex
        refusesZeroLpFee = true
    }

    public var curveName: String { MarketFile.pendleCurve }
    public var expiry: Int64 { market.expiry }
    public var assetPerSy: S { pyIndex }
    public var annualFeeRate: Double { Foundation.expm1(market.lnFeeRateRoot.doubleValue) }
    public var tradesYieldToken: Bool { true }

    public func spot(at blockTime: Int64) throws -> CurveSpot {
        if market.isExpired(at: blockTime) { throw PendleError.marketExpired }
        let seconds = try PendleMarketMath.timeToExpiry(expiry: market.expiry, blockTime: blockTime)
        return CurveSpot(blockTime: blockTime, secondsToExpiry: seconds, lnImpliedRate: market.lastLnImpliedRate.doubleValue)
    }

    /// The router swap of each trade kind.
    public static func swapKind(_ kind: CurveTradeKind) -> SwapKind {
        switch kind {
        case .buyPtWithSy: return .swapExactSyForPt
        case .sellPtForSy: return .swapExactPtForSy
        case .buyYtWithSy: return .swapExactSyForYt
        case .sellYtForSy: return .swapExactYtForSy
        }
    }

    public func trade(_ kind: CurveTradeKind, exactIn amount: S, at blockTime: Int64) throws -> CurveTrade<S> {
        if market.isExpired(at: blockTime) { throw PendleError.marketExpired }
        let swap = Self.swapKind(kind)
        let (result, _) = try PendleMarketMath.checkedSwap(swap, market: market, pyIndex: pyIndex, amount: amount, blockTime: blockTime,
                                                           refusesZeroLpFee: refusesZeroLpFee, reportsLargestAmount: false)
        let after = result.trade?.market.lastLnImpliedRate ?? market.lastLnImpliedRate
        return CurveTrade(kind: kind, amountGiven: amount, amountIn: result.amountIn, amountOut: result.amountOut,
                          unspentInput: try amount - result.amountIn, ptLeg: result.trade?.netPtToAccount ?? .zero,
                          feeSy: result.netSyFee, feeSyToReserve: result.netSyToReserve,
                          impliedApyBefore: Foundation.expm1(market.lastLnImpliedRate.doubleValue),
                          impliedApyAfter: Foundation.expm1(after.doubleValue),
                          venueFields: result.fields, venueTrade: swap.rawValue, evaluations: result.evaluations)
    }

    public func largestInput(_ kind: CurveTradeKind, at blockTime: Int64) -> S? {
        PendleMarketMath.largestAmount(Self.swapKind(kind), market: market, pyIndex: pyIndex, blockTime: blockTime)
    }

    /// The market with `lnFeeRateRoot = 0` (the pre-fee curve is unchanged: the rate anchor keeps the last
    /// implied rate whatever the fee), refusing no dust trade.
    public func withoutFee() -> PendleV2Curve<S> {
        var copy = self
        copy.market.lnFeeRateRoot = .zero
        copy.refusesZeroLpFee = false
        return copy
    }
}

extension MarketFile {
    /// The file's market behind the strategies' curve interface.
    public var curve: PendleV2Curve<Wad> { PendleV2Curve(market: market, pyIndex: pyIndex) }
}
