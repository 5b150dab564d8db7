import Foundation
import Testing

@testable import YieldStrip

/// The market's limit from the analytic headroom: the same leg as a plain integer bisection over full
/// trades on every market tried, and the exact-input swaps where the limit binds in ≤ 20 exact evaluations.
@Suite struct MarketLimitTests {
    nonisolated(unsafe) static let cases: [VectorCase] = ((try? Vectors.load("market_trade")) ?? []).filter { $0.expectedError == nil }

    /// A market, its PY index and a block time.
    struct Sample {
        var name: String
        var market: MarketState<Wad>
        var index: Wad
        var time: Int64
    }

    /// Vector markets (distinct states), and built ones: the vector markets near expiry (a day, an hour,
    /// a minute before), scaled to tiny (1e-12 of the pool) and huge (1e9 times) pools, skewed to a 95 %
    /// proportion, and fee-free.
    static func samples(limit: Int = 60) -> [Sample] {
        var seen = Set<MarketState<Wad>>()
        var samples: [Sample] = []
        for c in cases {
            let market = c.market()
            guard seen.insert(market).inserted else { continue }
            samples.append(Sample(name: "vector \(samples.count)", market: market, index: c.wad("pyIndex"), time: c.int64("blockTime")))
            if samples.count == limit { break }
        }
        var built: [Sample] = []
        for (k, s) in samples.prefix(12).enumerated() {
            for before: Int64 in [86_400, 3_600, 60] {
                built.append(Sample(name: "\(s.name) \(before) s before expiry", market: s.market, index: s.index, time: s.market.expiry - before))
            }
            func scaled(_ factor: Double) -> MarketState<Wad>? {
                var m = s.market
                guard let pt = Wad(approximating: m.totalPt.doubleValue * factor), let sy = Wad(approximating: m.totalSy.doubleValue * factor),
                    let lp = Wad(approximating: m.totalLp.doubleValue * factor), pt.isPositive, sy.isPositive
                else { return nil }
                (m.totalPt, m.totalSy, m.totalLp) = (pt, sy, lp)
                return m
            }
            for factor in [1e-12, 1e-16, 1e9] {
                if let m = scaled(factor) { built.append(Sample(name: "\(s.name) × \(factor)", market: m, index: s.index, time: s.time)) }
            }
            var skewed = s.market
            if let pt = Wad(approximating: 19 * skewed.totalSy.doubleValue * s.index.doubleValue), k % 2 == 0 {
                skewed.totalPt = pt
                built.append(Sample(name: "\(s.name) at 95 %", market: skewed, index: s.index, time: s.time))
            }
            var free = s.market
            free.lnFeeRateRoot = .zero
            built.append(Sample(name: "\(s.name) fee-free", market: free, index: s.index, time: s.time))
        }
        return samples + built
    }

    /// The reference: integer bisection over `0...upper` on full trades (`mid = (lo + hi + 1) / 2`).
    static func bisectedLeg(_ market: MarketState<Wad>, index: Wad, time: Int64, buyingPt: Bool) -> Wad {
        guard let comp = try? PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: time),
            let upper = try? (buyingPt ? market.totalPt - Wad(wei: 1) : market.totalPt + comp.totalAsset)
        else { return .zero }
        var lo = Int256.zero
        var hi = upper.raw
        while lo < hi {
            let mid = (lo &+ hi &+ .one).divided(byPositive: 2)
            let net = buyingPt ? mid : mid.negatedWrapping
            if (try? PendleMarketMath.executeTrade(market, comp, pyIndex: index, netPtToAccount: Wad(raw: net), blockTime: time)) != nil {
                lo = mid
            } else {
                hi = mid &- .one
            }
        }
        return Wad(raw: lo)
    }

    @Test func largestPtLegMatchesIntegerBisection() throws {
        var compared = 0
        var worstEvaluations = 0
        var fallbacks = 0
        for s in Self.samples() {
            for buying in [true, false] {
                let reference = Self.bisectedLeg(s.market, index: s.index, time: s.time, buyingPt: buying)
                let found = PendleMarketMath.countedLargestPtLeg(s.market, pyIndex: s.index, blockTime: s.time, buyingPt: buying)
                #expect(found.size == reference, "\(s.name) buying \(buying): headroom \(found.size), bisection \(reference)")
                guard let comp = try? PendleMarketMath.getMarketPreCompute(s.market, pyIndex: s.index, blockTime: s.time) else { continue }
                let upper = buying ? try s.market.totalPt - Wad(wei: 1) : try s.market.totalPt + comp.totalAsset
                // Today's search (bisection with no slope) agrees too.
                let searched = PendleMarketMath.searchedLargestPtLeg(
                    s.market, comp, pyIndex: s.index, blockTime: s.time,
                    buyingPt: buying, upper: upper)
                #expect(searched.size == reference, "\(s.name) buying \(buying): search \(searched.size), bisection \(reference)")
                compared += 1
                if PendleMarketMath.tradeLimit(s.market, comp, pyIndex: s.index, blockTime: s.time, buyingPt: buying, upper: upper) == nil {
                    fallbacks += 1
                } else {
                    worstEvaluations = max(worstEvaluations, found.evaluations)
                }
            }
        }
        #expect(compared > 150)
        // The headroom decides nearly every market; where it does, a handful of evaluations.
        #expect(fallbacks * 10 < compared, "\(fallbacks) of \(compared) searched")
        #expect(worstEvaluations <= 20, "\(worstEvaluations) evaluations")
    }

    /// The `Double` leg tracks the exact one as closely as the `Double` search did: within 1e-9 relative,
    /// or near expiry (a rate scalar of 1e7 a minute before, where the curve's own error is amplified by
    /// it) within a few times the search's own distance; in a handful of evaluations.
    @Test func doubleLargestPtLegTracksExact() throws {
        var worstEvaluations = 0
        var worstName = ""
        for s in Self.samples(limit: 40) {
            guard let approx = s.market.converted(to: Double.self),
                let comp = try? PendleMarketMath.getMarketPreCompute(approx, pyIndex: s.index.doubleValue, blockTime: s.time)
            else { continue }
            for buying in [true, false] {
                let exact = PendleMarketMath.largestPtLeg(s.market, pyIndex: s.index, blockTime: s.time, buyingPt: buying).doubleValue
                let found = PendleMarketMath.countedLargestPtLeg(approx, pyIndex: s.index.doubleValue, blockTime: s.time, buyingPt: buying)
                let upper = buying ? approx.totalPt - 1e-18 : approx.totalPt + comp.totalAsset
                let searched = PendleMarketMath.searchedLargestPtLeg(
                    approx, comp, pyIndex: s.index.doubleValue, blockTime: s.time,
                    buyingPt: buying, upper: upper)
                #expect(
                    abs(found.size - exact) <= 1e-9 * exact + 1e-12 + 8 * abs(searched.size - exact),
                    "\(s.name) buying \(buying): Double \(found.size), search \(searched.size), exact \(exact)")
                // (Where nothing trades that way the Double search still bisects down to zero.)
                if exact > 0, found.evaluations > worstEvaluations {
                    (worstEvaluations, worstName) = (found.evaluations, "\(s.name) buying \(buying)")
                }
            }
        }
        #expect(worstEvaluations <= 30, "\(worstEvaluations) evaluations (\(worstName))")
    }

    /// The reference answer of an exact-input swap: integer bisection over the PT leg on `calcTrade`'s spend.
    /// Where the full trade fails at that leg (the new-state step), the same bisection on full trades (the
    /// solver's second pass).
    static func referenceLeg(
        _ kind: SwapKind, _ market: MarketState<Wad>, index: Wad, time: Int64, budget: Wad,
        fullTrades: Bool = false
    ) throws -> Wad {
        let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: time)
        let upper = kind.ptLegSign > 0 ? try market.totalPt - Wad(wei: 1) : try market.totalPt + comp.totalAsset
        var lo = Int256.zero
        var hi = upper.raw
        while lo < hi {
            let mid = (lo &+ hi &+ .one).divided(byPositive: 2)
            let size = Wad(raw: mid)
            var fits = false
            if let net = try? (kind.ptLegSign > 0 ? size : size.negated()),
                let (amounts, _) = try? PendleMarketMath.calcTrade(market, comp, pyIndex: index, netPtToAccount: net),
                !fullTrades || (try? PendleMarketMath.executeTrade(market, comp, pyIndex: index, netPtToAccount: net, blockTime: time)) != nil,
                let spend = try? PendleMarketMath.legSpend(kind, size: size, netSyToAccount: amounts.netSyToAccount, pyIndex: index)
            {
                fits = spend <= budget
            }
            if fits { lo = mid } else { hi = mid &- .one }
        }
        if !fullTrades, lo.isPositive,
            (try? PendleMarketMath.executeTrade(
                market, comp, pyIndex: index, netPtToAccount: Wad(raw: kind.ptLegSign > 0 ? lo : lo.negatedWrapping),
                blockTime: time)) == nil
        {
            return try referenceLeg(kind, market, index: index, time: time, budget: budget, fullTrades: true)
        }
        return Wad(raw: lo)
    }

    static let limitKinds: [SwapKind] = [.swapExactSyForPt, .swapExactSyForYt, .swapExactPtForYt, .swapExactYtForPt]

    /// Where the market's limit binds (a budget twice what the limit leg costs), the four searched exact
    /// inputs reach the reference bisection's leg in ≤ 20 exact evaluations (headroom included), with a
    /// handful of `Double` ones for the seed.
    @Test func limitBindingSwapsTakeAtMostTwentyExactEvaluations() throws {
        var runs = 0
        var worst = 0
        var worstSeed = 0
        for s in Self.samples(limit: 16).prefix(40) {
            for kind in Self.limitKinds {
                let leg = PendleMarketMath.largestPtLeg(s.market, pyIndex: s.index, blockTime: s.time, buyingPt: kind.ptLegSign > 0)
                guard let largest = PendleMarketMath.largestAmount(kind, market: s.market, pyIndex: s.index, blockTime: s.time, largestLeg: leg),
                    largest.isPositive, let budget = try? largest + largest
                else { continue }
                guard let result = try? PendleMarketMath.swap(kind, market: s.market, pyIndex: s.index, amount: budget, blockTime: s.time)
                else { continue }
                let reference = try Self.referenceLeg(kind, s.market, index: s.index, time: s.time, budget: budget)
                let size = result.trade.map { $0.netPtToAccount.isNegative ? $0.netPtToAccount.raw.negatedWrapping : $0.netPtToAccount.raw }
                #expect(size.map { Wad(raw: $0) } == reference, "\(s.name) \(kind): leg \(String(describing: size)), reference \(reference)")
                #expect(result.evaluations <= 20, "\(s.name) \(kind): \(result.evaluations) exact evaluations")
                runs += 1
                worst = max(worst, result.evaluations)
                worstSeed = max(worstSeed, result.seedEvaluations)
            }
        }
        #expect(runs > 60)
        #expect(worst <= 18, "\(worst)")
        // The Double seed: the root meets the limit at once (headroom and a couple of trades).
        #expect(worstSeed <= 60, "\(worstSeed) Double evaluations")
    }
}

extension MarketLimitTests {
    /// The exact headroom is ≥ 0 exactly where calcTrade's limit checks pass: at the limit and a few wei
    /// either side, both directions.
    @Test func headroomSignIsCalcTradesCheck() throws {
        var checked = 0
        for s in Self.samples(limit: 30) {
            guard let comp = try? PendleMarketMath.getMarketPreCompute(s.market, pyIndex: s.index, blockTime: s.time) else { continue }
            for buying in [true, false] {
                let limit = PendleMarketMath.largestPtLeg(s.market, pyIndex: s.index, blockTime: s.time, buyingPt: buying)
                guard limit.isPositive else { continue }
                for offset: Int64 in [-3, -1, 0, 1, 2, 5] {
                    guard let size = try? limit + Wad(wei: offset), size.isPositive,
                        let net = try? (buying ? size : size.negated())
                    else { continue }
                    let passes = (try? PendleMarketMath.calcTrade(s.market, comp, pyIndex: s.index, netPtToAccount: net)) != nil
                    guard let headroom = try? PendleMarketMath.limitHeadroom(s.market, comp, netPtToAccount: net) else {
                        #expect(!passes, "\(s.name) buying \(buying) \(offset): headroom throws, calcTrade passes")
                        continue
                    }
                    #expect(!headroom.isNegative == passes, "\(s.name) buying \(buying) \(offset): headroom \(headroom), calcTrade \(passes)")
                    checked += 1
                }
            }
        }
        #expect(checked > 200)
    }

    /// Budgets at the limit leg's cost and a wei either side: the margin there is within the rounding
    /// noise, so the replay evaluates the uncertain midpoints (a wide zone a minute before expiry, where the
    /// spend barely moves per wei: up to ~40 evaluations); the answer is still the reference's.
    @Test func budgetsAtTheLimitsCostMatchTheReference() throws {
        var runs = 0
        for s in Self.samples(limit: 12).prefix(24) {
            for kind in Self.limitKinds {
                let leg = PendleMarketMath.largestPtLeg(s.market, pyIndex: s.index, blockTime: s.time, buyingPt: kind.ptLegSign > 0)
                guard let largest = PendleMarketMath.largestAmount(kind, market: s.market, pyIndex: s.index, blockTime: s.time, largestLeg: leg),
                    largest.isPositive
                else { continue }
                for offset: Int64 in [-1, 0, 1] {
                    guard let budget = try? largest + Wad(wei: offset), budget.isPositive,
                        let result = try? PendleMarketMath.swap(kind, market: s.market, pyIndex: s.index, amount: budget, blockTime: s.time)
                    else { continue }
                    let reference = try Self.referenceLeg(kind, s.market, index: s.index, time: s.time, budget: budget)
                    let size = result.trade.map { $0.netPtToAccount.isNegative ? $0.netPtToAccount.raw.negatedWrapping : $0.netPtToAccount.raw }
                    #expect(
                        size.map { Wad(raw: $0) } ?? .zero == reference,
                        "\(s.name) \(kind) \(offset): leg \(String(describing: size)), reference \(reference)")
                    #expect(result.evaluations <= 40, "\(s.name) \(kind) \(offset): \(result.evaluations)")
                    runs += 1
                }
            }
        }
        #expect(runs > 100)
    }
}

/// The three solvers on the same inputs: YieldStrip's optimal search, the router's `MarketApproxLibV2`
/// replica and the current on-chain approximation (`MarketApproxLibOnchain`).
@Suite struct RouterSolverCountTests {
    /// Budget-binding (a budget of 1e-3 of the pool's SY): the on-chain answer is within its eps (5e-5)
    /// below ours and never above it, V2's within 1e-4; where the limit binds (twice what the limit leg
    /// costs) both routers revert, ours answers the limit leg in ≤ 20 exact evaluations.
    @Test func routersBesideTheOptimalSearch() throws {
        var compared = 0
        for s in MarketLimitTests.samples(limit: 20).prefix(20) {
            for kind in [SwapKind.swapExactSyForPt, .swapExactSyForYt] {
                guard let budget = Wad(approximating: s.market.totalSy.doubleValue * 1e-3), budget.isPositive,
                    let ours = try? PendleMarketMath.swap(kind, market: s.market, pyIndex: s.index, amount: budget, blockTime: s.time),
                    let trade = ours.trade
                else { continue }
                let leg = trade.netPtToAccount.isNegative ? try trade.netPtToAccount.negated() : trade.netPtToAccount
                let onchain =
                    kind == .swapExactSyForPt
                    ? RouterOnchainApproximation.swapExactSyForPt(s.market, pyIndex: s.index, exactSyIn: budget, blockTime: s.time)
                    : RouterOnchainApproximation.swapExactSyForYt(s.market, pyIndex: s.index, exactSyIn: budget, blockTime: s.time)
                let v2 = RouterApproximation.run(kind, s.market, pyIndex: s.index, exactSyIn: budget, blockTime: s.time)
                if let answer = onchain.answer {
                    #expect(
                        answer.amountOut <= leg && answer.amountOut.doubleValue >= leg.doubleValue * (1 - 6e-5),
                        "\(s.name) \(kind): on-chain \(answer.amountOut), ours \(leg)")
                    #expect(onchain.evaluations <= 30)
                }
                if let answer = v2.answer {
                    #expect(answer.amountOut <= leg && answer.amountOut.doubleValue >= leg.doubleValue * (1 - 1.1e-4))
                }
                compared += 1
            }
        }
        #expect(compared > 20)
    }

    @Test func whereTheLimitBindsTheRoutersRevert() throws {
        var compared = 0
        for s in MarketLimitTests.samples(limit: 20).prefix(20) {
            for kind in [SwapKind.swapExactSyForPt, .swapExactSyForYt] {
                let leg = PendleMarketMath.largestPtLeg(s.market, pyIndex: s.index, blockTime: s.time, buyingPt: kind.ptLegSign > 0)
                guard let largest = PendleMarketMath.largestAmount(kind, market: s.market, pyIndex: s.index, blockTime: s.time, largestLeg: leg),
                    largest.isPositive, let budget = try? largest + largest,
                    let ours = try? PendleMarketMath.swap(kind, market: s.market, pyIndex: s.index, amount: budget, blockTime: s.time)
                else { continue }
                #expect(ours.evaluations <= 20)
                let onchain =
                    kind == .swapExactSyForPt
                    ? RouterOnchainApproximation.swapExactSyForPt(s.market, pyIndex: s.index, exactSyIn: budget, blockTime: s.time)
                    : RouterOnchainApproximation.swapExactSyForYt(s.market, pyIndex: s.index, exactSyIn: budget, blockTime: s.time)
                #expect(onchain.answer == nil && onchain.evaluations <= 30, "\(s.name) \(kind): \(String(describing: onchain.failure))")
                compared += 1
            }
        }
        #expect(compared > 20)
    }
}
