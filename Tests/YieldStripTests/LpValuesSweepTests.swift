import Foundation
import Testing
import YieldStrip

/// `PendleV2Curve.lpValues`, whose secants run side by side on `calcTradeSweep`, against the one-APY-at-a-time secant
/// on the scalar `executeTradeCore` (kept here as the reference): the same numbers, to the bit, and the same errors.
@Suite struct LpValuesSweepTests {
    /// The secant of `lpValue` one APY at a time, each trial trade a scalar `executeTradeCore` in `Double`.
    /// The fields of an ``LpValuation``, in its order.
    typealias Fields = [Double]
    static func fields(_ v: LpValuation) -> Fields {
        [v.impliedApy, v.arbitragePt, v.ptPerLp, v.syPerLp, v.ptPriceInAsset, v.assetPerSy, v.valueInAsset, v.reachedPoolLimit ? 1 : 0]
    }

    static func reference(_ curve: PendleV2Curve<Wad>, impliedApy: Double, at blockTime: Int64, assetPerSy: Double?) throws -> Fields {
        guard impliedApy.isFinite, impliedApy > -1 else { throw StrategyError.invalidInput(field: "impliedApy", value: "\(impliedApy)", reason: "") }
        if curve.market.isExpired(at: blockTime) { throw PendleError.marketExpired(expiry: curve.market.expiry, blockTime: blockTime) }
        guard let state = curve.market.converted(to: Double.self) else { throw StrategyError.notFinite(quantity: "market state") }
        let index = assetPerSy ?? curve.pyIndex.doubleValue
        let comp = try PendleMarketMath.getMarketPreCompute(state, pyIndex: index, blockTime: blockTime)
        let tau = RateConventions.years(from: blockTime, to: curve.market.expiry)
        let lnTarget = Foundation.log1p(impliedApy)
        let logit = (Foundation.exp(lnTarget * tau) - comp.rateAnchor) * comp.rateScalar
        let total = state.totalPt + comp.totalAsset
        let floorLogit = (1 - comp.rateAnchor) * comp.rateScalar
        let ceilingLogit = Foundation.log(0.96 / 0.04)
        let margin = 1e-9 * Swift.max(1, abs(floorLogit))
        let limit = logit > ceilingLogit - 1e-9 || logit < floorLogit - margin
        let reached = Swift.min(Swift.max(logit, floorLogit + margin), ceilingLogit - 1e-9)
        let proportion = 1 / (1 + Foundation.exp(-reached))
        var trade = state.totalPt - proportion * total
        var after = state
        if abs(trade) > 1e-12 * total {
            func miss(_ n: Double) -> (error: Double, state: MarketState<Double>)? {
                guard let next = try? PendleMarketMath.executeTradeCore(state, pyIndex: index, netPtToAccount: n, blockTime: blockTime).market
                else { return nil }
                return (next.totalPt / (next.totalPt + next.totalSy * index) - proportion, next)
            }
            func attempt(from start: Double, step: Double) -> (n: Double, error: Double, state: MarketState<Double>)? {
                var step = step
                for _ in 0..<60 {
                    if let result = miss(start + step) { return (start + step, result.error, result.state) }
                    step /= 2
                }
                return nil
            }
            guard var current = attempt(from: 0, step: trade) else { throw StrategyError.notFinite(quantity: "the LP's arbitrage trade") }
            var previous = (n: 0.0, error: state.totalPt / (state.totalPt + comp.totalAsset) - proportion)
            for _ in 0..<12 where abs(current.error) > 1e-15 {
                let slope = (current.error - previous.error) / (current.n - previous.n)
                guard slope.isFinite, slope != 0, let next = attempt(from: current.n, step: -current.error / slope) else { break }
                previous = (current.n, current.error)
                current = next
            }
            trade = current.n
            after = current.state
        }
        let ptPrice = Foundation.exp(-lnTarget * tau)
        let ptPerLp = after.totalPt / state.totalLp
        let syPerLp = after.totalSy / state.totalLp
        return [impliedApy, trade, ptPerLp, syPerLp, ptPrice, index, ptPerLp * ptPrice + syPerLp * index, limit ? 1 : 0]
    }

    @Test func sameAsOneAtATime() throws {
        // Pools at several rates and times, APYs from 0 past either limit, the curve's own index and a grown one.
        let apys = (0...200).map { Double($0) * 0.0025 } + [1e-9, 0.0499999, 0.05, 2, 5]
        var compared = 0
        var atLimit = 0
        for (apy, seconds) in [(0.05, RateConventions.secondsPerYear), (0.12, 30 * 86_400), (0.02, 3 * RateConventions.secondsPerYear), (0.3, 86_400)]
        {
            let curve = try StrategyTests.curve(apy: apy, liquidity: 1_000_000, seconds: seconds)
            for index in [nil, curve.pyIndex.doubleValue * 1.01] {
                let batch = try curve.lpValues(impliedApys: apys, at: StrategyTests.now, assetPerSy: index)
                #expect(batch.count == apys.count)
                for (y, got) in zip(apys, batch) {
                    let expected = try Self.reference(curve, impliedApy: y, at: StrategyTests.now, assetPerSy: index)
                    #expect(Self.fields(got) == expected, "pool \(apy) \(seconds) s, y \(y): \(got) vs \(expected)")
                    // One at a time through lpValue: the same too.
                    #expect(Self.fields(try curve.lpValue(impliedApy: y, at: StrategyTests.now, assetPerSy: index)) == expected)
                    compared += 1
                    if got.reachedPoolLimit { atLimit += 1 }
                }
            }
        }
        #expect(compared > 1_000 && atLimit > 0)
    }

    @Test func firstFailingApyThrows() throws {
        let curve = try StrategyTests.curve(apy: 0.05, liquidity: 1_000_000, seconds: RateConventions.secondsPerYear)
        #expect(try curve.lpValues(impliedApys: [], at: StrategyTests.now, assetPerSy: nil).isEmpty)
        #expect(throws: StrategyError.self) { try curve.lpValues(impliedApys: [0.05, .nan, 0.04], at: StrategyTests.now, assetPerSy: nil) }
        #expect(throws: StrategyError.self) { try curve.lpValues(impliedApys: [-1.5, 0.05], at: StrategyTests.now, assetPerSy: nil) }
        // The market's own error before a later APY's.
        #expect(throws: PendleError.marketExpired(expiry: curve.market.expiry, blockTime: curve.market.expiry + 1)) {
            try curve.lpValues(impliedApys: [0.05, .nan], at: curve.market.expiry + 1, assetPerSy: nil)
        }
    }
}
