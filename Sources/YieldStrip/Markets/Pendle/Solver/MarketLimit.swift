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

    /// The largest PT leg in `1...upper` whose `calcTrade` passes in one direction, and the evaluations
    /// spent (headroom and `calcTrade` alike); nil when the headroom does not decide it (a pool already
    /// past the 96 % proportion, a `calcTrade` that reverts for another reason at the boundary, a leg
    /// beyond `int256`), for the caller to search instead.
    ///
    /// ``Wad``: exact — `calcTrade` passes at the answer and reverts one wei beyond it (or the answer is
    /// `upper`), both evaluated. `Double`: the boundary to working precision, `calcTrade` passing there.
    @inlinable
    static func calcTradeLimit<S: PendleScalar>(
        _ market: MarketState<S>, _ comp: MarketPreCompute<S>, pyIndex: S, buyingPt: Bool, upper: S
    ) -> (size: S, evaluations: Int)? {
        if let market = market as? MarketState<Wad>, let comp = comp as? MarketPreCompute<Wad>, let index = pyIndex as? Wad,
           let upper = upper as? Wad {
            guard let limit = exactCalcTradeLimit(market, comp, pyIndex: index, buyingPt: buyingPt, upper: upper.raw),
                  let size = Wad(raw: limit.size) as? S else { return nil }
            return (size, limit.evaluations)
        }
        if let market = market as? MarketState<Double>, let comp = comp as? MarketPreCompute<Double>, let index = pyIndex as? Double,
           let upper = upper as? Double {
            guard let limit = approximateCalcTradeLimit(market, comp, pyIndex: index, buyingPt: buyingPt, upper: upper),
                  let size = limit.size as? S else { return nil }
            return (size, limit.evaluations)
        }
        return nil
    }

    /// The exact limit leg (see ``calcTradeLimit(_:_:pyIndex:buyingPt:upper:)``).
    ///
    /// Selling: the largest `g` with `floor((totalPt + g) · 1e18 / T) ≤ 0.96e18` (`T = totalPt + totalAsset`)
    /// in closed form, `floor(((0.96e18 + 1) · T − 1) / 1e18) − totalPt`. Buying: the smallest proportion `p`
    /// (in wei) whose headroom is ≥ 0, by `BoundarySearch.largestFeasible` over `q = 0.96e18 − p` from the
    /// closed-form `p*` with the headroom's slope `1 / (p (1 − p) · rateScalar · feeRate)` (a few headroom
    /// evaluations: each is one `ln`, no trade), then the largest `g` with
    /// `floor((totalPt − g) · 1e18 / T) ≥ p`: `totalPt − ceil(p · T / 1e18)`. Then `calcTrade` at the answer
    /// and one wei beyond it confirm it.
    @inlinable
    static func exactCalcTradeLimit(
        _ market: MarketState<Wad>, _ comp: MarketPreCompute<Wad>, pyIndex: Wad, buyingPt: Bool, upper: Int256
    ) -> (size: Int256, evaluations: Int)? {
        let totalPt = market.totalPt.raw
        guard totalPt.isPositive, upper.isPositive, let total = try? PMath.add(totalPt, comp.totalAsset.raw), total.isPositive
        else { return nil }
        let maxProportion = Int256(maxMarketProportionWei)
        var evaluations = 0
        var size: Int256
        if buyingPt {
            let rateScalar = comp.rateScalar.doubleValue, feeRate = comp.feeRate.doubleValue
            let pStar = 1 / (1 + Foundation.exp(-rateScalar * (feeRate - comp.rateAnchor.doubleValue)))
            let p = Swift.min(Swift.max(pStar, 1e-18), 0.96)
            let slope = -1 / (p * (1 - p) * rateScalar * feeRate)
            let search = BoundarySearch.largestFeasible(
                lower: .zero, upper: maxProportion &- .one, guess: Int256(rounding: (0.96 - pStar) * 1e18),
                slope: slope.isFinite && slope < 0 ? slope : nil
            ) { q -> (margin: Int256, value: Bool)? in
                guard let headroom = try? buyingHeadroom(proportion: Wad(raw: maxProportion &- q), comp) else { return nil }
                return (headroom.raw, true)
            }
            evaluations += search.evaluations
            let smallestProportion = maxProportion &- search.size
            guard let needed = try? PMath.rawDivUp(PMath.mul(smallestProportion, total), PMath.iOne),
                  let g = try? PMath.sub(totalPt, needed) else { return nil }
            size = g
        } else {
            guard let top = try? PMath.div(PMath.sub(PMath.mul(maxProportion &+ .one, total), .one), PMath.iOne),
                  let g = try? PMath.sub(top, totalPt) else { return nil }
            size = g
        }
        if size > upper { size = upper }
        guard size.isPositive else { return nil }
        func passes(_ g: Int256) -> Bool {
            evaluations += 1
            guard let netPt = buyingPt ? g : try? PMath.neg(g) else { return false }
            return (try? calcTrade(market, comp, pyIndex: pyIndex, netPtToAccount: Wad(raw: netPt))) != nil
        }
        guard passes(size), size == upper || !passes(size &+ .one) else { return nil }
        return (size, evaluations)
    }

    /// The limit leg in `Double` (see ``calcTradeLimit(_:_:pyIndex:buyingPt:upper:)``): the closed form,
    /// polished by Newton on the headroom (buying), then stepped down by a few ulps until the headroom is
    /// ≥ 0 and `calcTrade` passes.
    @inlinable
    static func approximateCalcTradeLimit(
        _ market: MarketState<Double>, _ comp: MarketPreCompute<Double>, pyIndex: Double, buyingPt: Bool, upper: Double
    ) -> (size: Double, evaluations: Int)? {
        let totalPt = market.totalPt, total = market.totalPt + comp.totalAsset
        guard totalPt > 0, total > 0, upper > 0 else { return nil }
        var evaluations = 0
        func headroom(_ g: Double) -> Double? {
            evaluations += 1
            return try? limitHeadroom(market, comp, netPtToAccount: buyingPt ? g : -g)
        }
        var g: Double
        if buyingPt {
            let rateScalar = comp.rateScalar, feeRate = comp.feeRate
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
        for _ in 0..<24 {
            if let h = headroom(g), h >= 0 {
                evaluations += 1
                guard (try? calcTrade(market, comp, pyIndex: pyIndex, netPtToAccount: buyingPt ? g : -g)) != nil else { return nil }
                return (g, evaluations)
            }
            g -= back
            back *= 2
            guard g > 0 else { return nil }
        }
        return nil
    }
}
