import Foundation

/// The market's own limit on a PT leg, found from an analytic headroom instead of a search over trades.
///
/// `calcTrade` refuses a leg by the checks of `_getExchangeRate` and the post-fee rate. In one direction
/// one of them binds first, and its slack — the *headroom* — is a function of the pool's new proportion
/// `p = divDown(totalPt − netPtToAccount, totalPt + totalAsset)` alone:
///
/// - selling PT (`netPtToAccount < 0`) raises `p`: `MarketProportionTooHigh` binds,
///   headroom `0.96 − p` (linear in the leg up to `divDown`'s rounding);
/// - buying PT lowers `p` and the rate with it: `MarketExchangeRateBelowOne` binds,
///   headroom `divDown(rate, feeRate) − 1` with `rate = divDown(ln(p / (1 − p)), rateScalar) + rateAnchor`
///   (a post-fee rate ≥ 1 implies a pre-fee rate ≥ 1, since `feeRate ≥ 1`).
///
/// Computed with the same operations `calcTrade` runs, so in ``Wad`` a headroom ≥ 0 is exactly the
/// check passing. In real arithmetic the boundary has a closed form — selling `g* = 0.96 · (totalPt +
/// totalAsset) − totalPt`; buying `p* = 1 / (1 + exp(−rateScalar · (feeRate − rateAnchor)))`,
/// `g* = totalPt − p* · (totalPt + totalAsset)` — which starts the search.
extension PendleMarketMath {
    /// The headroom of `calcTrade`'s limit checks for a leg of `netPtToAccount` PT (see above): ≥ 0 when
    /// they pass, negative when one reverts. Throws where the proportion itself cannot be formed (more PT
    /// than the pool holds, a zero proportion when buying).
    @inlinable
    public static func limitHeadroom<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, netPtToAccount: S
    ) throws(PendleError) -> S {
        let numerator = try market.totalPt.subNoNeg(netPtToAccount)
        let proportion = try numerator.divDown(market.totalPt + comp.totalAsset)
        let maxProportion: S = maxMarketProportion()
        if !netPtToAccount.isPositive || proportion > maxProportion { return try maxProportion - proportion }
        return try buyingHeadroom(proportion: proportion, comp)
    }

    /// `divDown(rate(p), feeRate) − 1`: the post-fee rate's slack at proportion `p` (buying PT).
    @inlinable
    static func buyingHeadroom<S: PendleScalar>(proportion: S, _ comp: MarketPreCompute<S>) throws(PendleError) -> S {
        let rate = try logProportion(proportion).divDown(comp.rateScalar) + comp.rateAnchor
        return try rate.divDown(comp.feeRate) - S.one
    }

    /// The largest PT leg in `1...upper` whose full trade (`executeTrade`) succeeds in one direction,
    /// every larger one reverting; the executed trade; and the evaluations spent (headroom, `ln`,
    /// `calcTrade` and full trades alike). Nil when the headroom does not decide it (a pool already past
    /// the 96 % proportion, a trade that reverts for another reason at the boundary, a leg beyond
    /// `int256`), for the caller to search instead.
    ///
    /// The leg where `calcTrade`'s checks bind (``limitHeadroom(_:_:netPtToAccount:)``), and the full trade
    /// there. Where the new-state step refuses that leg first — buying PT, the pool's new implied rate,
    /// read at the new proportion, must stay ≥ 1 and its `ln` must not floor to zero (fee-free pools,
    /// pools close to expiry) — the same inversion for the new state's proportion, then the leg that
    /// reaches it (see ``exactTradeLimit(_:_:pyIndex:blockTime:buyingPt:upper:)``).
    ///
    /// ``Wad``: exact — the full trade succeeds at the answer and `calcTrade` or the full trade reverts one
    /// wei beyond it (or the answer is `upper`), all evaluated. `Double`: the boundary to working
    /// precision, the full trade succeeding there.
    @inlinable
    static func tradeLimit<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, blockTime: Int64, buyingPt: Bool, upper: S
    ) -> (size: S, trade: ExecutedTrade<S>, evaluations: Int, seedEvaluations: Int)? {
        if let market = market as? MarketState<Wad>, let comp = comp as? MarketPreCompute<Wad>, let index = pyIndex as? Wad,
            let upper = upper as? Wad
        {
            guard let limit = exactTradeLimit(market, comp, pyIndex: index, blockTime: blockTime, buyingPt: buyingPt, upper: upper.raw),
                let size = Wad(raw: limit.size) as? S, let trade = limit.trade as? ExecutedTrade<S>
            else { return nil }
            return (size, trade, limit.evaluations, limit.seedEvaluations)
        }
        if let market = market as? MarketState<Double>, let comp = comp as? MarketPreCompute<Double>, let index = pyIndex as? Double,
            let upper = upper as? Double
        {
            guard let limit = approximateTradeLimit(market, comp, pyIndex: index, blockTime: blockTime, buyingPt: buyingPt, upper: upper),
                let size = limit.size as? S, let trade = limit.trade as? ExecutedTrade<S>
            else { return nil }
            return (size, trade, limit.evaluations, 0)
        }
        return nil
    }

    /// The smallest proportion `p` (wei) at which the curve's rate `divDown(ln(divDown(p, 1 − p)),
    /// rateScalar) + rateAnchor` reaches `target`, and the `ln` evaluations spent.
    ///
    /// `rate ≥ target` ⇔ `divDown(lnLogit, rateScalar) ≥ c = target − rateAnchor` ⇔
    /// `lnLogit · 1e18 > (c − 1) · rateScalar` (truncation toward zero), i.e. `lnLogit ≥ ceil(c · rateScalar
    /// / 1e18)` for `c > 0`, else `floor((c − 1) · rateScalar / 1e18) + 1`. The smallest `p` whose ln-logit
    /// reaches that bound: `BoundarySearch.largestFeasible` over `q = 0.96e18 − p`, Newton from the closed
    /// form `p* = 1 / (1 + exp(−bound))` with the slope `1 / (p (1 − p))` (≥ 4 wei of ln-logit per wei of
    /// `p`: no flat steps, 3–6 evaluations).
    @inlinable
    static func smallestProportion(reachingRate target: Int256, _ comp: MarketPreCompute<Wad>) -> (p: Int256, evaluations: Int)? {
        guard let c = try? PMath.sub(target, comp.rateAnchor.raw) else { return nil }
        let rateScalar = comp.rateScalar.raw
        let smallestLn: Int256
        if c.isPositive {
            guard let ln = try? PMath.div(PMath.sub(PMath.add(PMath.mul(c, rateScalar), PMath.iOne), .one), PMath.iOne)
            else { return nil }
            smallestLn = ln
        } else {
            // floor(n / 1e18) for n = (c − 1) · rateScalar < 0: −ceil(−n / 1e18).
            guard let n = try? PMath.mul(c &- .one, rateScalar),
                let up = try? PMath.div(PMath.sub(PMath.add(n.negatedWrapping, PMath.iOne), .one), PMath.iOne)
            else { return nil }
            smallestLn = up.negatedWrapping &+ .one
        }
        let maxProportion = Int256(maxMarketProportionWei)
        let pStar = 1 / (1 + Foundation.exp(-smallestLn.doubleValue * 1e-18))
        let p = Swift.min(Swift.max(pStar, 1e-18), 0.96)
        let slope = -1 / (p * (1 - p))
        let search = BoundarySearch.largestFeasible(
            lower: .zero, upper: maxProportion &- .one, guess: Int256(rounding: (0.96 - pStar) * 1e18),
            slope: slope.isFinite && slope < 0 ? slope : nil
        ) { q -> (margin: Int256, value: Bool)? in
            guard let ln = try? logProportion(Wad(raw: maxProportion &- q)), let margin = try? PMath.sub(ln.raw, smallestLn)
            else { return nil }
            return (margin, true)
        }
        return (maxProportion &- search.size, search.evaluations)
    }

    /// The exact limit leg (see ``tradeLimit(_:_:pyIndex:blockTime:buyingPt:upper:)``).
    ///
    /// With `T = totalPt + totalAsset`: selling, the largest `g` with `floor((totalPt + g) · 1e18 / T) ≤
    /// 0.96e18`, in closed form `floor(((0.96e18 + 1) · T − 1) / 1e18) − totalPt`; buying, the smallest
    /// proportion whose post-fee rate reaches 1 (``smallestProportion(reachingRate:_:)`` with the fee rate),
    /// then the largest `g` with `floor((totalPt − g) · 1e18 / T) ≥ p`: `totalPt − ceil(p · T / 1e18)`.
    /// The full trade there, and `calcTrade` one wei beyond.
    ///
    /// Where the new state refuses that leg (buying): its rate must reach `R`, the smallest rate whose `ln`
    /// is ≥ `ceil(t / 365 d)` wei (so `lastLnImpliedRate` does not floor to zero; `R ≥ 1`), so its
    /// proportion must reach `p' = smallestProportion(reachingRate: R)`; the leg is the largest `g` with
    /// `F(g) = P' · 1e18 − p' · (P' + A') ≥ 0` (`P'`, `A'` the new pool's PT and asset, from `calcTrade`),
    /// by Newton on `F` (slope ≈ −1e18 per wei: no flat steps), and the full trade at it and one wei beyond.
    /// Buying, the `Double` limit on the converted state runs first (its evaluations are returned as
    /// `seedEvaluations`): where it finds the new state binding, the exact search goes there directly,
    /// from the `Double` leg. About 6 evaluations where `calcTrade` binds, 12–18 where the new state does.
    @inlinable
    static func exactTradeLimit(
        _ market: MarketState<Wad>, _ comp: MarketPreCompute<Wad>, pyIndex: Wad, blockTime: Int64, buyingPt: Bool, upper: Int256
    ) -> (size: Int256, trade: ExecutedTrade<Wad>, evaluations: Int, seedEvaluations: Int)? {
        let totalPt = market.totalPt.raw
        guard totalPt.isPositive, upper.isPositive, let total = try? PMath.add(totalPt, comp.totalAsset.raw), total.isPositive
        else { return nil }
        let maxProportion = Int256(maxMarketProportionWei)
        var evaluations = 0
        var seedEvaluations = 0
        // calcTrade's boundary, unverified: closed form selling; buying from the smallest proportion whose
        // post-fee rate reaches 1.
        func calcTradeBoundary() -> Int256? {
            var size: Int256
            if buyingPt {
                guard let found = smallestProportion(reachingRate: comp.feeRate.raw, comp) else { return nil }
                evaluations += found.evaluations
                guard let needed = try? PMath.rawDivUp(PMath.mul(found.p, total), PMath.iOne),
                    let g = try? PMath.sub(totalPt, needed)
                else { return nil }
                size = g
            } else {
                guard let top = try? PMath.div(PMath.sub(PMath.mul(maxProportion &+ .one, total), .one), PMath.iOne),
                    let g = try? PMath.sub(top, totalPt)
                else { return nil }
                size = g
            }
            if size > upper { size = upper }
            return size.isPositive ? size : nil
        }
        var boundary: Int256?? = nil  // computed once
        func knownBoundary() -> Int256? {
            if let boundary { return boundary }
            let found = calcTradeBoundary()
            boundary = .some(found)
            return found
        }
        // Buying: which check binds, from the Double limit.
        var approximate: (size: Double, newStateBinds: Bool)? = nil
        if buyingPt, let approxMarket = market.converted(to: Double.self),
            let approxComp = try? getMarketPreCompute(approxMarket, pyIndex: pyIndex.doubleValue, blockTime: blockTime),
            let found = approximateTradeLimit(
                approxMarket, approxComp, pyIndex: pyIndex.doubleValue, blockTime: blockTime,
                buyingPt: true, upper: upper.doubleValue * 1e-18)
        {
            seedEvaluations = found.evaluations
            approximate = (found.size, found.newStateBinds)
        }
        if let approximate, approximate.newStateBinds, let guess = Int256(rounding: approximate.size * 1e18), guess.isPositive,
            guess <= upper
        {
            let found = newStateLimit(
                market, comp, pyIndex: pyIndex, blockTime: blockTime, upper: upper, guess: guess,
                calcTradeBoundary: knownBoundary)
            evaluations += found.evaluations
            if let leg = found.leg { return (leg.size, leg.trade, evaluations, seedEvaluations) }
            // Not decided from the Double leg: from calcTrade's boundary below.
        }
        guard let size = knownBoundary() else { return nil }
        func execute(_ g: Int256) -> ExecutedTrade<Wad>? {
            evaluations += 1
            guard let netPt = buyingPt ? g : try? PMath.neg(g) else { return nil }
            return try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: Wad(raw: netPt), blockTime: blockTime)
        }
        if let trade = execute(size) {
            // One wei more must fail calcTrade's check (and so the trade).
            if size == upper { return (size, trade, evaluations, seedEvaluations) }
            evaluations += 1
            guard let netPt = buyingPt ? size &+ .one : try? PMath.neg(size &+ .one),
                (try? calcTrade(market, comp, pyIndex: pyIndex, netPtToAccount: Wad(raw: netPt))) == nil
            else { return nil }
            return (size, trade, evaluations, seedEvaluations)
        }
        guard buyingPt, size > .one else { return nil }
        let found = newStateLimit(
            market, comp, pyIndex: pyIndex, blockTime: blockTime, upper: size &- .one, guess: size &- .one,
            calcTradeBoundary: nil)
        guard let leg = found.leg else { return nil }
        return (leg.size, leg.trade, evaluations + found.evaluations, seedEvaluations)
    }

    /// The largest leg in `1...upper` the new-state step takes, buying (see
    /// ``exactTradeLimit(_:_:pyIndex:blockTime:buyingPt:upper:)``), searched from `guess`; a revert there
    /// (calcTrade's own check) asks `calcTradeBoundary` for calcTrade's largest leg.
    @inlinable
    static func newStateLimit(
        _ market: MarketState<Wad>, _ comp: MarketPreCompute<Wad>, pyIndex: Wad, blockTime: Int64, upper: Int256, guess: Int256,
        calcTradeBoundary: (() -> Int256?)?
    ) -> (leg: (size: Int256, trade: ExecutedTrade<Wad>)?, evaluations: Int) {
        var evaluations = 0
        // The new state binds first: its smallest rate R, its smallest proportion, the leg reaching it.
        guard let t = try? timeToExpiry(expiry: market.expiry, blockTime: blockTime), t > 0 else { return (nil, evaluations) }
        let year = impliedRateTime
        let neededLn = Int256((t / year) + (t % year == 0 ? 0 : 1))
        var rate = PMath.iOne &+ neededLn
        var reached = false
        for _ in 0..<8 {
            evaluations += 1
            guard let ln = try? LogExpMath.ln(rate) else { return (nil, evaluations) }
            if ln >= neededLn {
                reached = true
                break
            }
            rate = rate &+ .one
        }
        guard reached, let newState = smallestProportion(reachingRate: rate, comp) else { return (nil, evaluations) }
        evaluations += newState.evaluations
        let target = newState.p
        let search = BoundarySearch.largestFeasible(
            lower: .zero, upper: upper, guess: guess, slope: -1e18,
            limit: calcTradeBoundary, newtonSteps: 16
        ) {
            g -> (margin: Int256, value: Bool)? in
            guard g.isPositive,
                let (amounts, _) = try? calcTrade(market, comp, pyIndex: pyIndex, netPtToAccount: Wad(raw: g)),
                let newPt = try? market.totalPt.subNoNeg(Wad(raw: g)),
                let newSy = try? market.totalSy.subNoNeg(amounts.netSyToAccount + amounts.netSyToReserve),
                let newAsset = try? newSy.syToAsset(index: pyIndex),
                let newTotal = try? newPt + newAsset,
                let margin = try? PMath.sub(PMath.mul(newPt.raw, PMath.iOne), PMath.mul(target, newTotal.raw))
            else { return nil }
            return (margin, true)
        }
        evaluations += search.evaluations
        let leg = search.size
        // One wei more fails: the search's bracket holds F(leg + 1) < 0 (the new proportion below p', so the new
        // rate below R) or a calcTrade revert.
        evaluations += 1
        guard leg.isPositive,
            let trade = try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: Wad(raw: leg), blockTime: blockTime)
        else { return (nil, evaluations) }
        return ((leg, trade), evaluations)
    }

    /// The limit leg in `Double` (see ``tradeLimit(_:_:pyIndex:blockTime:buyingPt:upper:)``): the closed
    /// form of `calcTrade`'s boundary, polished by Newton on the headroom (buying), stepped down by a few
    /// ulps until the headroom is ≥ 0; where the full trade fails there (the new state, buying), secant
    /// steps on `F(g) = P' − p' · (P' + A')` with `p' = 1 / (1 + exp(−rateScalar · (1 − rateAnchor)))`, then
    /// a few ulps down until the full trade succeeds.
    @inlinable
    static func approximateTradeLimit(
        _ market: MarketState<Double>, _ comp: MarketPreCompute<Double>, pyIndex: Double, blockTime: Int64, buyingPt: Bool,
        upper: Double
    ) -> (size: Double, trade: ExecutedTrade<Double>, evaluations: Int, newStateBinds: Bool)? {
        let totalPt = market.totalPt
        let total = market.totalPt + comp.totalAsset
        guard totalPt > 0, total > 0, upper > 0 else { return nil }
        var evaluations = 0
        func headroom(_ g: Double) -> Double? {
            evaluations += 1
            return try? limitHeadroom(market, comp, netPtToAccount: buyingPt ? g : -g)
        }
        func execute(_ g: Double) -> ExecutedTrade<Double>? {
            evaluations += 1
            return try? executeTrade(market, comp, pyIndex: pyIndex, netPtToAccount: buyingPt ? g : -g, blockTime: blockTime)
        }
        var g: Double
        if buyingPt {
            let rateScalar = comp.rateScalar
            let feeRate = comp.feeRate
            let pStar = 1 / (1 + Foundation.exp(-rateScalar * (feeRate - comp.rateAnchor)))
            g = totalPt - pStar * total
            for _ in 0..<3 {
                guard g > 0, g < totalPt, let h = headroom(g) else { break }
                let p = (totalPt - g) / total
                let slope = -1 / (p * (1 - p) * rateScalar * feeRate * total)
                let step = -h / slope
                guard step.isFinite, abs(step) > 1e-15 * g else { break }
                g += step
            }
        } else {
            g = 0.96 * total - totalPt
        }
        g = Swift.min(g, upper)
        guard g.isFinite, g > 0 else { return nil }
        var back = Swift.max(g.ulp, total.ulp)
        var passes = false
        for _ in 0..<24 {
            if let h = headroom(g), h >= 0 {
                passes = true
                break
            }
            g -= back
            back *= 2
            guard g > 0 else { return nil }
        }
        guard passes else { return nil }
        if let trade = execute(g) { return (g, trade, evaluations, false) }
        guard buyingPt else { return nil }
        // The new state: its proportion must stay ≥ p' (a rate ≥ 1).
        let target = 1 / (1 + Foundation.exp(-comp.rateScalar * (1 - comp.rateAnchor)))
        func f(_ g: Double) -> Double? {
            evaluations += 1
            guard let (amounts, _) = try? calcTrade(market, comp, pyIndex: pyIndex, netPtToAccount: g) else { return nil }
            let newPt = totalPt - g
            let newAsset = (market.totalSy - amounts.netSyToAccount - amounts.netSyToReserve) * pyIndex
            return newPt - target * (newPt + newAsset)
        }
        var previous: (x: Double, f: Double)? = nil
        for _ in 0..<6 {
            guard let value = f(g) else { return nil }
            let slope = previous.map { (value - $0.f) / (g - $0.x) } ?? -1
            guard slope < 0, slope.isFinite else { break }
            let step = -value / slope
            previous = (g, value)
            guard step.isFinite, abs(step) > 1e-15 * g else { break }
            g = Swift.min(g + step, upper)
            guard g > 0 else { return nil }
        }
        back = Swift.max(g.ulp, total.ulp)
        for _ in 0..<24 {
            if let trade = execute(g) { return (g, trade, evaluations, true) }
            g -= back
            back *= 2
            guard g > 0 else { return nil }
        }
        return nil
    }
}
