extension PendleMarketMath {
    /// Executes a router-level swap of `amount` (the kind's ``SwapKind/amountField``) on `market`.
    ///
    /// - Exact output, and exact PT/YT input to SY: one trade (`swapSyForExactPt`: take `exactPtOut`;
    ///   `swapExactPtForSy`: give `exactPtIn`; `swapExactYtForSy`: the market sells `exactYtIn` PT to the
    ///   YT contract, which redeems `syToAssetUp(syOwed)` PT + YT for the market and the rest for the
    ///   account).
    /// - Exact input otherwise: the reference bisection's PT leg, whose cost fits while one more wei's does not
    ///   (feasibility is not monotone at the wei level; see `solveLargestLeg` and docs/pendle-market.md)
    ///   (`swapExactSyForPt`: SY paid;
    ///   `swapExactSyForYt`: `assetToSyUp(g) − SY from selling g PT`; `swapExactPtForYt`:
    ///   `g − syToAsset(SY from selling g PT)`; `swapExactYtForPt`: `syToAssetUp(SY owed for g PT)`), and
    ///   for `swapPtForExactSy` the smallest PT input whose proceeds reach `exactSyOut`.
    ///
    /// Throws the contract's reverts (``PendleError``), or ``SwapError`` for a negative amount or an
    /// exact output the market cannot pay.
    @inlinable
    public static func swap<S: PendleScalar>(
        _ kind: SwapKind, market: MarketState<S>, pyIndex: S, amount: S, blockTime: Int64
    ) throws -> SwapResult<S> {
        if amount.isNegative { throw SwapError.negativeAmount(field: kind.amountField) }
        switch kind {
        case .swapExactPtForSy:
            let trade = try executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: amount.negated(), blockTime: blockTime)
            return SwapResult(
                kind: kind, amountIn: amount, amountOut: trade.netSyToAccount, trade: trade,
                values: inline(trade.netSyToAccount, trade.netSyFee, trade.netSyToReserve), evaluations: 1, seedEvaluations: 0)
        case .swapSyForExactPt:
            let trade = try executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: amount, blockTime: blockTime)
            let netSyIn = try trade.netSyToAccount.negated()
            return SwapResult(
                kind: kind, amountIn: netSyIn, amountOut: amount, trade: trade,
                values: inline(netSyIn, trade.netSyFee, trade.netSyToReserve), evaluations: 1, seedEvaluations: 0)
        case .swapExactYtForSy:
            let trade = try executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: amount, blockTime: blockTime)
            let syOwed = try trade.netSyToAccount.negated()
            let pyForMarket = try syOwed.syToAssetUp(index: pyIndex)
            if amount < pyForMarket { throw PendleError.arithmeticOverflow }
            let netSyOut = try (amount - pyForMarket).assetToSy(index: pyIndex)
            return SwapResult(
                kind: kind, amountIn: amount, amountOut: netSyOut, trade: trade,
                values: inline(netSyOut, trade.netSyFee, trade.netSyToReserve, syOwed, pyForMarket), evaluations: 1, seedEvaluations: 0)
        case .swapExactSyForPt, .swapExactSyForYt, .swapExactPtForYt, .swapExactYtForPt, .swapPtForExactSy:
            return try searchedSwap(kind, market: market, pyIndex: pyIndex, amount: amount, blockTime: blockTime)
        }
    }

    @inlinable
    static func searchedSwap<S: PendleScalar>(
        _ kind: SwapKind, market: MarketState<S>, pyIndex: S, amount: S, blockTime: Int64
    ) throws -> SwapResult<S> {
        let comp = try getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        if kind == .swapPtForExactSy && amount.isZero {
            // Nothing to receive: nothing to sell.
            return SwapResult(
                kind: kind, amountIn: .zero, amountOut: .zero, trade: nil, values: inline(), evaluations: 0,
                seedEvaluations: 0)
        }
        let upper: S = kind.ptLegSign > 0 ? try market.totalPt - S(wei: 1) : try market.totalPt + comp.totalAsset
        // swapPtForExactSy: the largest PT input whose proceeds stay below exactSyOut, plus one wei.
        let budget = kind == .swapPtForExactSy ? try amount - S(wei: 1) : amount
        let solved = solveLargestLeg(kind, market, comp, pyIndex: pyIndex, blockTime: blockTime, budget: budget, upper: upper)
        var size = solved.size
        var found = solved.trade
        var evaluations = solved.evaluations
        let seedEvaluations = solved.seedEvaluations
        if kind == .swapPtForExactSy {
            // Exact: one wei past the largest input whose proceeds stay below the target. Double: the root
            // itself, accepted to working precision.
            let isExact = S.isExact
            if isExact { size = try size + S(wei: 1) }
            evaluations += 1
            let trade = try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: size.negated(), blockTime: blockTime)
            let reached =
                trade.map {
                    isExact
                        ? $0.netSyToAccount >= amount
                        : $0.netSyToAccount.doubleValue >= amount.doubleValue * (1 - 1e-12)
                } ?? false
            guard let trade, reached else {
                throw SwapError.cannotFillExactOutput(
                    requested: amount.revertValue,
                    maximum: (solved.trade?.netSyToAccount ?? .zero).revertValue)
            }
            found = trade
        }
        guard let trade = found else {
            // Not even one wei of the PT leg fits the budget: nothing trades.
            return SwapResult(
                kind: kind, amountIn: .zero, amountOut: .zero, trade: nil,
                values: inline(), evaluations: evaluations, seedEvaluations: seedEvaluations)
        }
        let fee = trade.netSyFee
        let reserve = trade.netSyToReserve
        switch kind {
        case .swapExactSyForPt:
            let netSyIn = try trade.netSyToAccount.negated()
            return SwapResult(
                kind: kind, amountIn: netSyIn, amountOut: size, trade: trade,
                values: inline(size, netSyIn, fee, reserve),
                evaluations: evaluations, seedEvaluations: seedEvaluations)
        case .swapExactSyForYt:
            let fromSale = trade.netSyToAccount
            let pulled = try size.assetToSyUp(index: pyIndex) - fromSale
            let ytMinted = try (amount + fromSale).syToAsset(index: pyIndex)
            // The router mints PT + YT from all the SY (the input and the sale's proceeds): the account
            // receives ytMinted YT, and the PT beyond the g it owes the market stays in the market.
            return SwapResult(
                kind: kind, amountIn: amount, amountOut: ytMinted, trade: trade,
                values: inline(size, fromSale, pulled, fee, reserve, ytMinted),
                evaluations: evaluations, seedEvaluations: seedEvaluations)
        case .swapExactPtForYt:
            let fromSale = trade.netSyToAccount
            let netYtOut = try fromSale.syToAsset(index: pyIndex)
            let ptPulled = try size - netYtOut
            return SwapResult(
                kind: kind, amountIn: ptPulled, amountOut: netYtOut, trade: trade,
                values: inline(netYtOut, size, fromSale, ptPulled, fee, reserve),
                evaluations: evaluations, seedEvaluations: seedEvaluations)
        case .swapExactYtForPt:
            let owed = try trade.netSyToAccount.negated()
            let ytPulled = try owed.syToAssetUp(index: pyIndex)
            let netPtOut = try size - ytPulled
            return SwapResult(
                kind: kind, amountIn: ytPulled, amountOut: netPtOut, trade: trade,
                values: inline(netPtOut, size, owed, ytPulled, fee, reserve),
                evaluations: evaluations, seedEvaluations: seedEvaluations)
        default:  // .swapPtForExactSy
            return SwapResult(
                kind: kind, amountIn: size, amountOut: trade.netSyToAccount, trade: trade,
                values: inline(size, trade.netSyToAccount, fee, reserve), evaluations: evaluations, seedEvaluations: seedEvaluations)
        }
    }

    /// Up to six amounts, zero-padded, for ``SwapResult/values``.
    @inlinable
    static func inline<S: PendleScalar>(
        _ a: S = .zero, _ b: S = .zero, _ c: S = .zero, _ d: S = .zero, _ e: S = .zero,
        _ f: S = .zero
    ) -> (S, S, S, S, S, S) {
        (a, b, c, d, e, f)
    }

    /// What a searched swap spends for a PT leg of `size`, in the budget's token:
    /// `spend = a · size + b · netSyToAccount(sign · size)` in real arithmetic, with the contract's
    /// rounding in the exact flavour.
    @inlinable
    static func legSpend<S: PendleScalar>(_ kind: SwapKind, size: S, netSyToAccount: S, pyIndex: S) throws(PendleError) -> S {
        switch kind {
        case .swapExactSyForPt: return try netSyToAccount.negated()
        case .swapExactSyForYt: return try size.assetToSyUp(index: pyIndex) - netSyToAccount
        case .swapExactPtForYt: return try size - netSyToAccount.syToAsset(index: pyIndex)
        case .swapExactYtForPt: return try netSyToAccount.negated().syToAssetUp(index: pyIndex)
        default: return netSyToAccount  // .swapPtForExactSy: proceeds, kept below the target
        }
    }

    /// d(spend)/d(size) in real arithmetic, from the curve's slope `d netSy/d netPt`.
    @inlinable
    static func legSpendSlope(_ kind: SwapKind, pyIndex: Double, netSySlope: Double) -> Double {
        switch kind {
        case .swapExactSyForPt: return -netSySlope
        case .swapExactSyForYt: return 1 / pyIndex + netSySlope
        case .swapExactPtForYt: return 1 + pyIndex * netSySlope
        case .swapExactYtForPt: return -pyIndex * netSySlope
        default: return -netSySlope
        }
    }

    /// The PT leg in `0...upper` whose spend fits `budget` while one more wei's does not: in ``Wad`` the leg the
    /// reference integer bisection returns (where rounding makes feasibility flicker, a larger leg may fit
    /// too: the bisection's is the defined answer), seeded by the same search run in `Double` on the converted
    /// state; in `Double` the root by Newton.
    ///
    /// The search evaluates `calcTrade` (the pool's new implied rate is not needed to price a size) and
    /// executes the full trade at the answer; in the rare case that the new-state step reverts there (a
    /// zero implied rate, a new rate below one), it searches again with full trades, so the answer is
    /// always the largest size whose whole trade succeeds.
    ///
    /// Where the market's own limit binds (the budget is larger than what the limit leg costs), the first
    /// size that reverts asks for the limit leg (``tradeLimit(_:_:pyIndex:blockTime:buyingPt:upper:)``: the
    /// analytic headroom of the checks that bind, a few headroom evaluations, the full trade at the limit
    /// and `calcTrade` one wei beyond), and the search jumps there instead of bisecting towards it: the
    /// `Double` root ends in two or three evaluations, and the exact replay of the reference bisection
    /// decides every midpoint from the limit (feasible at and below it, reverting above), evaluating the
    /// margin at the limit once; the limit's full trade is the answer's. The reported evaluations include
    /// the limit's; the answer is the reference bisection's either way (sizes above the limit revert for
    /// the full trade, which the answer must execute).
    @inlinable
    static func solveLargestLeg<S: PendleScalar>(
        _ kind: SwapKind, _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, blockTime: Int64,
        budget: S, upper: S, fullTrades: Bool = false
    ) -> (size: S, trade: ExecutedTrade<S>?, evaluations: Int, seedEvaluations: Int) {
        let sign = kind.ptLegSign
        let index = pyIndex.doubleValue
        func slope(at size: S, rate: Double) -> Double {
            let netPt = sign > 0 ? size : ((try? size.negated()) ?? size)
            let curve = marginalNetSyToAccount(
                market, comp, pyIndex: pyIndex, netPtToAccount: netPt, buyingPt: sign > 0,
                preFeeExchangeRate: rate)
            return -legSpendSlope(kind, pyIndex: index, netSySlope: curve)
        }
        var seed: (size: Double, slope: Double)? = nil
        var seedEvaluations = 0
        if !S.isExact {
            // Linear start from the marginal price of the first unit.
            let curve = marginalNetSyToAccount(market, comp, pyIndex: pyIndex, netPtToAccount: .zero, buyingPt: sign > 0)
            let initialSlope = -legSpendSlope(kind, pyIndex: index, netSySlope: curve)
            if initialSlope < 0 { seed = (budget.doubleValue / -initialSlope, initialSlope) }
        } else if let approxMarket = market.converted(to: Double.self),
            let approxComp = try? getMarketPreCompute(approxMarket, pyIndex: index, blockTime: blockTime)
        {
            let approx = solveLargestLeg(
                kind, approxMarket, approxComp, pyIndex: index, blockTime: blockTime,
                budget: budget.doubleValue, upper: upper.doubleValue)
            seedEvaluations = approx.evaluations + approx.seedEvaluations
            if let approxTrade = approx.trade {
                let curve = marginalNetSyToAccount(
                    approxMarket, approxComp, pyIndex: index,
                    netPtToAccount: approxTrade.netPtToAccount, buyingPt: sign > 0,
                    preFeeExchangeRate: approxTrade.preFeeExchangeRate)
                seed = (approx.size, -legSpendSlope(kind, pyIndex: index, netSySlope: curve))
            }
        }
        // The spend's rounding error spans under 4 wei when it is counted in SY (a few floor/ceil divisions
        // of at most one wei each, over an index ≥ 1); PT or YT spends convert SY back at the index, which
        // scales the SY error by up to the index.
        let spendInSy = kind == .swapExactSyForPt || kind == .swapExactSyForYt || kind == .swapPtForExactSy
        let indexWei = index.isFinite ? Swift.max(1, Swift.min(index.rounded(.up), 1e6)) : 1e6
        let noise = S(wei: spendInSy ? 4 : 4 + 3 * Int64(indexWei))
        // The market's limit (the largest leg whose full trade succeeds), asked at the first revert.
        var limitEvaluations = 0
        var limitSeedEvaluations = 0
        var limitTrade: (size: S, trade: ExecutedTrade<S>)? = nil
        let limit: (() -> S?)? = {
            guard let found = tradeLimit(market, comp, pyIndex: pyIndex, blockTime: blockTime, buyingPt: sign > 0, upper: upper)
            else { return nil }
            limitEvaluations += found.evaluations
            limitSeedEvaluations += found.seedEvaluations
            limitTrade = (found.size, found.trade)
            return found.size
        }
        let searched = S.largestFeasibleSize(lower: .zero, upper: upper, seed: seed, referenceNoise: noise, limit: limit) {
            size -> (margin: S, slope: Double, value: S)? in
            guard size.isPositive, let netPt = try? (sign > 0 ? size : size.negated()) else { return nil }
            let netSyToAccount: S
            let rate: S
            if fullTrades {
                guard let trade = try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: netPt, blockTime: blockTime)
                else { return nil }
                (netSyToAccount, rate) = (trade.netSyToAccount, trade.preFeeExchangeRate)
            } else {
                guard let (amounts, preFeeRate) = try? calcTrade(market, comp, pyIndex: pyIndex, netPtToAccount: netPt)
                else { return nil }
                (netSyToAccount, rate) = (amounts.netSyToAccount, preFeeRate)
            }
            guard let spend = try? legSpend(kind, size: size, netSyToAccount: netSyToAccount, pyIndex: pyIndex),
                let margin = try? budget - spend
            else { return nil }
            return (margin, !S.isExact ? slope(at: size, rate: rate.doubleValue) : 0, netSyToAccount)
        }
        let result = (size: searched.size, value: searched.value, evaluations: searched.evaluations + limitEvaluations)
        seedEvaluations += limitSeedEvaluations
        guard result.value != nil else { return (.zero, nil, result.evaluations, seedEvaluations) }
        // The limit's own full trade, when the answer is the limit.
        if let limitTrade, limitTrade.size == result.size {
            return (result.size, limitTrade.trade, result.evaluations, seedEvaluations)
        }
        let netPt = sign > 0 ? result.size : ((try? result.size.negated()) ?? result.size)
        if let trade = try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: netPt, blockTime: blockTime) {
            return (result.size, trade, result.evaluations + 1, seedEvaluations)
        }
        if fullTrades { return (.zero, nil, result.evaluations + 1, seedEvaluations) }
        let again = solveLargestLeg(
            kind, market, comp, pyIndex: pyIndex, blockTime: blockTime, budget: budget, upper: upper,
            fullTrades: true)
        return (again.size, again.trade, result.evaluations + 1 + again.evaluations, seedEvaluations + again.seedEvaluations)
    }
}
