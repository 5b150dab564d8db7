import Foundation

/// A Pendle V2 market behind the strategies' curve interface: the state as `readState` returns it and the
/// PY index at the block (asset per SY).
///
/// Trades are the router's, solved optimally (``PendleMarketMath/checkedSwap(_:market:pyIndex:amount:blockTime:refusesZeroLpFee:reportsLargestAmount:)``):
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
        if market.isExpired(at: blockTime) { throw PendleError.marketExpired(expiry: market.expiry, blockTime: blockTime) }
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

    public var lnImpliedRate: S { market.lastLnImpliedRate }

    public func trade(_ kind: CurveTradeKind, exactIn amount: S, at blockTime: Int64) throws -> CurveTrade<S> {
        try tradeAndUpdate(kind, exactIn: amount, at: blockTime).trade
    }

    /// The router swap of `kind`, and the market after it (`executeTradeCore`'s new state: the balances net of
    /// the reserve's fee, `lastLnImpliedRate` at the new proportion).
    public func tradeAndUpdate(_ kind: CurveTradeKind, exactIn amount: S, at blockTime: Int64) throws -> (
        trade: CurveTrade<S>, after: PendleV2Curve<S>
    ) {
        if market.isExpired(at: blockTime) { throw PendleError.marketExpired(expiry: market.expiry, blockTime: blockTime) }
        let swap = Self.swapKind(kind)
        let (result, _) = try PendleMarketMath.checkedSwap(
            swap, market: market, pyIndex: pyIndex, amount: amount, blockTime: blockTime,
            refusesZeroLpFee: refusesZeroLpFee, reportsLargestAmount: false)
        let afterState = result.trade?.market ?? market
        let trade = CurveTrade(
            kind: kind, amountGiven: amount, amountIn: result.amountIn, amountOut: result.amountOut,
            unspentInput: try amount - result.amountIn, ptLeg: result.trade?.netPtToAccount ?? .zero,
            feeSy: result.netSyFee, feeSyToReserve: result.netSyToReserve,
            impliedApyBefore: Foundation.expm1(market.lastLnImpliedRate.doubleValue),
            impliedApyAfter: Foundation.expm1(afterState.lastLnImpliedRate.doubleValue),
            venueFields: result.fields, venueTrade: swap.rawValue, evaluations: result.evaluations)
        var after = self
        after.market = afterState
        return (trade, after)
    }

    /// The largest input worth giving: where what the trade pays out peaks (``PendleMarketMath/largestUsefulAmount(_:market:pyIndex:blockTime:largest:)``;
    /// below the market's own limit when selling YT, whose output falls to nothing at that limit).
    public func largestInput(_ kind: CurveTradeKind, at blockTime: Int64) -> S? {
        PendleMarketMath.largestUsefulAmount(Self.swapKind(kind), market: market, pyIndex: pyIndex, blockTime: blockTime)
    }

    public var ptReserve: S { market.totalPt }
    public var syReserve: S { market.totalSy }

    /// `totalAsset + totalPt · PT price` at the stored rate (``MarketSnapshot/poolValueInAsset``).
    public func poolValueInAsset(at blockTime: Int64) throws -> Double? {
        let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        let t = try PendleMarketMath.timeToExpiry(expiry: market.expiry, blockTime: blockTime)
        let years = Double(t) / Double(PendleMarketMath.impliedRateTime)
        return comp.totalAsset.doubleValue + market.totalPt.doubleValue * Foundation.exp(-market.lastLnImpliedRate.doubleValue * years)
    }

    /// `executeTradeCore` (the market's own checks, no router search).
    public func tradePt(netPtToAccount: S, at blockTime: Int64) throws -> CurvePtTrade<S> {
        let trade = try PendleMarketMath.executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: netPtToAccount, blockTime: blockTime)
        return CurvePtTrade(
            netPtToAccount: netPtToAccount, netSyToAccount: trade.netSyToAccount, feeSy: trade.netSyFee,
            impliedApyAfter: Foundation.expm1(trade.market.lastLnImpliedRate.doubleValue), venueTrade: "executeTradeCore")
    }

    /// ``PendleMarketMath/largestPtLeg(_:pyIndex:blockTime:buyingPt:)``.
    public func largestPtLeg(buyingPt: Bool, at blockTime: Int64) -> S {
        PendleMarketMath.largestPtLeg(market, pyIndex: pyIndex, blockTime: blockTime, buyingPt: buyingPt)
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

extension PendleV2Curve {
    /// Pendle's LP after an arbitrage trade to `impliedApy` (``ImpliedYieldCurve/lpValue(impliedApy:at:assetPerSy:)``).
    ///
    /// The pool quotes `r = logit(p)/rateScalar + rateAnchor` at its PT proportion `p`; the APY is reached at
    /// `r* = (1 + impliedApy)^τ`, i.e. `p* = 1/(1 + e^{−(r* − rateAnchor)·rateScalar})`. The trade starts at
    /// `n = totalPt − p* (totalPt + totalAsset)` and a few secant steps make the proportion after the trade
    /// (`executeTradeCore` in `Double`, the fee's LP share staying in the pool) equal `p*`; the LP is valued on
    /// the new balances. (Pendle's LP oracle,
    /// `PendleLpOracleLib._getLpToAssetRateRaw`, makes the same hypothetical trade to its TWAP rate.)
    public func lpValue(impliedApy: Double, at blockTime: Int64, assetPerSy: Double? = nil) throws -> LpValuation {
        try lpValues(impliedApys: [impliedApy], at: blockTime, assetPerSy: assetPerSy)[0]
    }

    /// ``lpValue(impliedApy:at:assetPerSy:)`` at each of `impliedApys`, the same numbers (and, for a failing APY, the
    /// error the first failing one throws): the secants of all the APYs run side by side, each round's trial
    /// trades priced together by ``PendleMarketMath/calcTradeSweep(_:_:pyIndex:netPtToAccount:into:)`` on the
    /// one pre-computed market, the new state then set as `executeTradeCore` sets it.
    public func lpValues(impliedApys: [Double], at blockTime: Int64, assetPerSy: Double? = nil) throws -> [LpValuation] {
        guard let first = impliedApys.first else { return [] }
        func checkApy(_ impliedApy: Double) throws {
            guard impliedApy.isFinite, impliedApy > -1 else {
                throw StrategyError.invalidInput(
                    field: "impliedApy", value: "\(impliedApy)", reason: "an implied APY above −100 % is needed to value the LP")
            }
        }
        try checkApy(first)
        if market.isExpired(at: blockTime) { throw PendleError.marketExpired(expiry: market.expiry, blockTime: blockTime) }
        guard let state = market.converted(to: Double.self) else { throw StrategyError.notFinite(quantity: "market state") }
        let index = assetPerSy ?? pyIndex.doubleValue
        guard index.isFinite, index > 0 else {
            throw StrategyError.invalidInput(field: "assetPerSy", value: "\(index)", reason: "asset per SY must be positive")
        }
        guard state.totalLp > 0 else {
            throw StrategyError.invalidInput(field: "totalLp", value: "0", reason: "a pool without LP has no LP to value")
        }
        let comp = try PendleMarketMath.getMarketPreCompute(state, pyIndex: index, blockTime: blockTime)
        let tau = RateConventions.years(from: blockTime, to: market.expiry)
        let total = state.totalPt + comp.totalAsset
        // The pool trades at most to a 96 % PT proportion, and not to an exchange rate below 1 (a zero APY).
        // (Both a hair inside, so that Double rounding cannot put the trade past them.)
        let floorLogit = (1 - comp.rateAnchor) * comp.rateScalar
        let ceilingLogit = Foundation.log(0.96 / 0.04)
        let margin = 1e-9 * Swift.max(1, abs(floorLogit))

        var searches: [LpArbitrageSearch] = []
        searches.reserveCapacity(impliedApys.count)
        for (i, impliedApy) in impliedApys.enumerated() {
            if i > 0 {
                do { try checkApy(impliedApy) } catch {
                    searches.append(LpArbitrageSearch(proportion: 0, limit: false, lnTarget: 0, trade: 0, after: state, error: error))
                    continue
                }
            }
            let lnTarget = Foundation.log1p(impliedApy)
            let logit = (Foundation.exp(lnTarget * tau) - comp.rateAnchor) * comp.rateScalar
            let limit = logit > ceilingLogit - 1e-9 || logit < floorLogit - margin
            let reached = Swift.min(Swift.max(logit, floorLogit + margin), ceilingLogit - 1e-9)
            let proportion = 1 / (1 + Foundation.exp(-reached))
            var search = LpArbitrageSearch(
                proportion: proportion, limit: limit, lnTarget: lnTarget, trade: state.totalPt - proportion * total, after: state)
            if abs(search.trade) > 1e-12 * total {
                search.pending = true
                search.step = search.trade
            }
            searches.append(search)
        }

        /// `executeTradeCore`'s new state after a trade of `n` priced by the sweep (nil where it reverts); where
        /// the sweep refuses the size, the scalar trade decides.
        func executed(_ n: Double, _ point: PendleMarketMath.TradeSweepPoint) -> MarketState<Double>? {
            guard point.isValid else {
                return try? PendleMarketMath.executeTradeCore(state, pyIndex: index, netPtToAccount: n, blockTime: blockTime).market
            }
            if state.totalPt <= n { return nil }
            let amounts = TradeAmounts(netSyToAccount: point.netSyToAccount, netSyFee: point.netSyFee, netSyToReserve: point.netSyToReserve)
            return try? PendleMarketMath.setNewMarketStateTrade(
                state, comp, pyIndex: index, netPtToAccount: n, amounts: amounts,
                blockTime: blockTime)
        }
        /// After a trade is found: the next secant step, or the end of the search.
        func nextStep(_ search: inout LpArbitrageSearch) {
            guard search.secantSteps < 12, abs(search.current.error) > 1e-15 else {
                search.pending = false
                return
            }
            let slope = (search.current.error - search.previous.error) / (search.current.n - search.previous.n)
            guard slope.isFinite, slope != 0 else {
                search.pending = false
                return
            }
            search.secantSteps += 1
            (search.start, search.step, search.tries) = (search.current.n, -search.current.error / slope, 0)
        }

        var sizes: [Double] = []
        var owners: [Int] = []
        while true {
            sizes.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            for (i, search) in searches.enumerated() where search.pending {
                sizes.append(search.start + search.step)
                owners.append(i)
            }
            if sizes.isEmpty { break }
            let points = PendleMarketMath.calcTradeSweep(state, comp, pyIndex: index, netPtToAccount: sizes)
            for (k, i) in owners.enumerated() {
                let n = sizes[k]
                if let next = executed(n, points[k]) {
                    let error = next.totalPt / (next.totalPt + next.totalSy * index) - searches[i].proportion
                    if searches[i].started {
                        searches[i].previous = (searches[i].current.n, searches[i].current.error)
                    } else {
                        searches[i].started = true
                        searches[i].previous = (0, state.totalPt / (state.totalPt + comp.totalAsset) - searches[i].proportion)
                    }
                    searches[i].current = (n, error, next)
                    nextStep(&searches[i])
                } else {
                    searches[i].step /= 2
                    searches[i].tries += 1
                    if searches[i].tries == 60 {
                        searches[i].pending = false
                        if !searches[i].started { searches[i].error = StrategyError.notFinite(quantity: "the LP's arbitrage trade") }
                    }
                }
            }
        }

        return try searches.indices.map { i in
            let search = searches[i]
            if let error = search.error { throw error }
            var (trade, after) = (search.trade, search.after)
            if let found = search.current.state { (trade, after) = (search.current.n, found) }
            let ptPrice = Foundation.exp(-search.lnTarget * tau)
            let ptPerLp = after.totalPt / state.totalLp
            let syPerLp = after.totalSy / state.totalLp
            return LpValuation(
                impliedApy: impliedApys[i], arbitragePt: trade,
                ptPerLp: ptPerLp, syPerLp: syPerLp, ptPriceInAsset: ptPrice, assetPerSy: index,
                valueInAsset: ptPerLp * ptPrice + syPerLp * index, reachedPoolLimit: search.limit)
        }
    }
}

/// One APY's search: the trade at the pre-trade totals, then a secant on the post-trade proportion (the new
/// rate is read on the new balances, whose asset grew by what the trade paid in). Each trial trade is
/// `start + step`, the step halved until the trade executes (no trade always does), at most 60 times.
private struct LpArbitrageSearch {
    var proportion: Double, limit: Bool, lnTarget: Double
    var trade: Double, after: MarketState<Double>
    var error: (any Error)? = nil
    /// Waiting for a trial trade's price; false once the search is over.
    var pending = false
    var start = 0.0, step = 0.0, tries = 0
    /// The first trade found (the secant starts from it), and the secant steps taken.
    var started = false, secantSteps = 0
    var current = (n: 0.0, error: 0.0, state: MarketState<Double>?.none)
    var previous = (n: 0.0, error: 0.0)
}

extension MarketFile {
    /// The file's market behind the strategies' curve interface.
    public var curve: PendleV2Curve<Wad> { PendleV2Curve(market: market, pyIndex: pyIndex) }
}
