import Foundation
import Testing

@testable import YieldStrip

/// ``VenueComparison`` on the bundled pair (the AAPL-like token on Pendle and on a YieldSpace pool), against a
/// second computation (the lock-in job, the venues' own trades and previews) and closed forms.
@Suite struct VenueComparisonTests {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/markets").appendingPathComponent(name).path
    }

    static func pair() throws -> (pendle: MarketFile, pool: YieldSpaceMarketFile, at: Int64) {
        let pendle = try MarketFile.load(path: path("aapl-like.json"))
        let pool = try YieldSpaceMarketFile.load(path: path("yieldspace-aapl-like.json"))
        return (pendle, pool, try #require(pendle.blockTime))
    }

    static func usd(_ values: [Int64]) -> [Wad] { values.map { Wad(units: $0) } }

    /// Buying, each venue's fill is the lock-in of the same budget: the same SY, PT, fixed APY, fee and impact.
    @Test func buyingIsTheLockIn() throws {
        let (pendle, pool, at) = try Self.pair()
        let request = VenueComparisonRequest(side: .buyPt, unit: .usd, sizes: Self.usd([10_000]), stockPrice: 230)
        let result = try VenueComparison.compute(request, venueA: pendle.curve, venueB: pool.curve, at: at)
        let fills = result.rows[0].outcomes.compactMap(\.fill)
        #expect(fills.count == 2)
        let lockIns = [
            try LockIn.compute(LockInRequest(size: .usd(Wad(units: 10_000)), stockPrice: 230), curve: pendle.curve, at: at),
            try LockIn.compute(LockInRequest(size: .usd(Wad(units: 10_000)), stockPrice: 230), curve: pool.curve, at: at)
        ]
        for (fill, lockIn) in zip(fills, lockIns) {
            #expect(fill.amountGiven == lockIn.size.sy && fill.amountOut == lockIn.ptOut && fill.effectiveApy == lockIn.fixedApy)
            #expect(fill.feeApy == lockIn.feeApy && fill.impactApy == lockIn.impactApy && fill.impliedApyAfter == lockIn.impliedApyAfter)
            #expect(fill.sharesIn == lockIn.size.shares && fill.conversion == lockIn.size.description)
        }
        // YieldSpace fills better: its fee is 5 % of the rate, Pendle's 0.1 %/yr.
        #expect(result.rows[0].better == 1)
        #expect(abs((result.rows[0].advantageBp ?? 0) - (lockIns[1].fixedApy - lockIns[0].fixedApy) * 1e4) < 1e-12)
        // The same shares paid on both (up to a wei's rounding): the advantage is the extra PT.
        let extra = (lockIns[1].ptOut.doubleValue - lockIns[0].ptOut.doubleValue)
        #expect(abs((result.rows[0].advantageShares ?? 0) - extra) < 1e-12)
        #expect(abs((result.rows[0].advantageUsd ?? 0) - extra * 230) < 1e-9)
        #expect(result.venues[0].curveName == "pendle-v2" && result.venues[1].curveName == "yieldspace")
    }

    /// Selling, the fill is the venue's own sale: Pendle's swapExactPtForSy, YieldSpace's sellFYToken preview.
    @Test func sellingIsTheVenuesSale() throws {
        let (pendle, pool, at) = try Self.pair()
        let request = VenueComparisonRequest(side: .sellPt, unit: .pt, sizes: [Wad(units: 500)])
        let result = try VenueComparison.compute(request, venueA: pendle.curve, venueB: pool.curve, at: at)
        let fills = result.rows[0].outcomes.compactMap(\.fill)
        let swap = try PendleMarketMath.swap(
            .swapExactPtForSy, market: pendle.market, pyIndex: pendle.pyIndex, amount: Wad(units: 500), blockTime: at)
        #expect(fills[0].amountOut == swap.amountOut)
        let p = pool.pool
        let preview = try YieldSpaceMath.sellFYToken(
            sharesReserves: p.sharesReserves, fyTokenReserves: p.fyTokenReserves,
            fyTokenIn: UInt256(500) &* UInt256(1_000_000_000_000_000_000), timeTillMaturity: p.maturity - at,
            ts: p.ts, g2: p.g2, decimals: 18, c: p.c, mu: p.mu)
        #expect(fills[1].amountOut == Wad(raw: preview))
        let tau = Double(pendle.market.expiry - at) / 31_536_000
        for (fill, index) in zip(fills, [pendle.pyIndex.doubleValue, p.c.doubleValue]) {
            #expect(abs(fill.fillShares - fill.amountOut.doubleValue * index) < 1e-12 * fill.fillShares)
            #expect(abs(fill.effectiveApy - (Foundation.pow(500 / fill.fillShares, 1 / tau) - 1)) < 1e-12)
            // Selling costs: the APY sold at is above the spot by the fee and the impact.
            #expect(abs(fill.effectiveApy - 0.003 - ((fill.feeApy ?? 0) + (fill.impactApy ?? 0))) < 1e-12)
        }
        // The better seller's APY is the lower.
        let better = try #require(result.rows[0].better)
        #expect(fills[better].effectiveApy < fills[1 - better].effectiveApy)
    }

    /// Small trades: Pendle locks `ln(1 + apy) − lnFeeRateRoot`, YieldSpace the marginal price `(μz/y)^(g1·ts·T)`
    /// (on the pool, `2·E(n) − E(2n)` takes out the first-order impact; what remains is the previews' 1e12-wei
    /// precision fee over n).
    @Test func smallTradesMatchTheClosedForms() throws {
        let (pendle, pool, at) = try Self.pair()
        func effective(_ shares: Int64) throws -> [Double] {
            let request = VenueComparisonRequest(side: .buyPt, unit: .shares, sizes: [Wad(units: shares)])
            let result = try VenueComparison.compute(request, venueA: pendle.curve, venueB: pool.curve, at: at)
            return result.rows[0].outcomes.compactMap(\.fill?.effectiveApy)
        }
        let pendleApy = Foundation.expm1(pendle.market.lastLnImpliedRate.doubleValue - pendle.market.lnFeeRateRoot.doubleValue)
        #expect(abs(try effective(1)[0] - pendleApy) < 2e-7)
        let p = pool.pool
        let T = Double(p.maturity - at)
        let tau = T / 31_536_000
        let price = Foundation.pow(p.mu.doubleValue * p.sharesUnits / p.fyTokenUnits, 0.95 * p.ts.doubleValue * T)
        let marginal = Foundation.expm1(-Foundation.log(price) / tau)
        #expect(abs(2 * (try effective(20)[1]) - (try effective(40)[1]) - marginal) < 2e-7)
    }

    /// The table across sizes, and the flip bisected between 100,000 and 1,000,000 USD: YieldSpace below it, Pendle
    /// above, the bracket within 0.01 %, and the ends on the right sides (checked one size at a time).
    @Test func theFlipIsBracketed() throws {
        let (pendle, pool, at) = try Self.pair()
        let request = VenueComparisonRequest(side: .buyPt, unit: .usd, sizes: Self.usd([1_000_000, 1_000, 100_000, 10_000]), stockPrice: 230)
        let result = try VenueComparison.compute(request, venueA: pendle.curve, venueB: pool.curve, at: at)
        #expect(result.rows.map(\.size) == Self.usd([1_000, 10_000, 100_000, 1_000_000]))
        #expect(result.rows.map(\.better) == [1, 1, 1, 0])
        // 1,000,000 USD: the pool refuses (its rate would go below zero); only Pendle fills.
        guard case .refused(let name, _, _) = result.rows[3].outcomes[1] else {
            Issue.record("the pool filled 1,000,000 USD")
            return
        }
        #expect(name == "NegativeInterestRatesNotAllowed" && result.rows[3].advantageBp == nil)
        let flip = try #require(result.flips.first)
        #expect(result.flips.count == 1 && flip.betterBelow == 1 && flip.betterAbove == 0 && flip.cause == "rates")
        #expect(flip.flipSizeHigh / flip.flipSizeLow - 1 <= 1e-4 && flip.flipSizeLow < flip.flipSize && flip.flipSize < flip.flipSizeHigh)
        // docs/curves.md brackets it between 200,000 and 210,000 USD.
        #expect(flip.flipSize > 200_000 && flip.flipSize < 210_000)
        for (size, winner) in [(flip.flipSizeLow, 1), (flip.flipSizeHigh, 0)] {
            let one = VenueComparisonRequest(side: .buyPt, unit: .usd, sizes: [try #require(Wad.shortestDecimal(size))], stockPrice: 230)
            #expect(try VenueComparison.compute(one, venueA: pendle.curve, venueB: pool.curve, at: at).rows[0].better == winner)
        }
    }

    /// Against a Pendle market with a 1 % fee the pool is better at every size it fills: the flip is where it
    /// stops filling, its largest purchase.
    @Test func aFlipByRefusal() throws {
        let (_, pool, at) = try Self.pair()
        let costly = try MarketDeployment.newMarket(
            impliedApy: 0.003, expiry: pool.pool.maturity, blockTime: at, liquidityUsd: 20_000_000,
            stockPrice: 230, annualFee: 0.01, apyBand: ApyBand(min: 0.001, max: 0.01),
            pyIndex: Wad(decimal: "1.003214142718150519") ?? .one)
        let request = VenueComparisonRequest(side: .buyPt, unit: .usd, sizes: Self.usd([100_000, 1_000_000]), stockPrice: 230)
        let result = try VenueComparison.compute(request, venueA: pool.curve, venueB: costly.file.curve, at: at)
        let flip = try #require(result.flips.first)
        #expect(flip.betterBelow == 0 && flip.betterAbove == 1 && flip.cause == "refusal")
        let largest = try #require(result.venues[0].largestInputUsd)
        #expect(abs(flip.flipSize / largest - 1) < 2e-4)
    }

    /// Venues maturing apart compare in APY only; USD sizes need a price; the units must fit the side.
    @Test func differentMaturitiesAndBadRequests() throws {
        let (pendle, pool, at) = try Self.pair()
        let spy = try MarketFile.load(path: Self.path("spy-like-near-expiry.json"))
        let result = try VenueComparison.compute(
            VenueComparisonRequest(side: .buyPt, unit: .shares, sizes: [Wad(units: 10)]),
            venueA: pendle.curve, venueB: spy.curve, at: at)
        #expect(result.rows[0].advantageBp != nil && result.rows[0].advantageShares == nil)
        #expect(result.assumptions.contains { $0.contains("mature at different times") })
        func fails(_ request: VenueComparisonRequest, _ name: String) {
            #expect {
                try VenueComparison.compute(request, venueA: pendle.curve, venueB: pool.curve, at: at)
            } throws: { ($0 as? StrategyError)?.errorName == name }
        }
        fails(VenueComparisonRequest(side: .sellPt, unit: .sy, sizes: [Wad(units: 1)]), "InvalidInput")
        fails(VenueComparisonRequest(side: .buyPt, unit: .pt, sizes: [Wad(units: 1)]), "InvalidInput")
        fails(VenueComparisonRequest(side: .buyPt, unit: .usd, sizes: [Wad(units: 1)]), "MissingStockPrice")
        fails(VenueComparisonRequest(side: .buyPt, unit: .sy, sizes: [.zero]), "NonPositiveSize")
        fails(VenueComparisonRequest(side: .buyPt, unit: .sy, sizes: []), "InvalidInput")
        fails(VenueComparisonRequest(side: .buyPt, unit: .sy, sizes: (1...101).map { Wad(units: Int64($0)) }), "InvalidInput")
        #expect(throws: PendleError.self) {
            try VenueComparison.compute(
                VenueComparisonRequest(side: .buyPt, unit: .sy, sizes: [Wad(units: 1)]),
                venueA: pendle.curve, venueB: pool.curve, at: pendle.market.expiry)
        }
    }

    /// The chart's sweep: log-spaced sizes with the ones asked among them; a venue's APY is nil where it refuses.
    @Test func sweep() throws {
        let (pendle, pool, at) = try Self.pair()
        let request = VenueComparisonRequest(side: .buyPt, unit: .usd, sizes: Self.usd([1_000, 1_000_000]), stockPrice: 230)
        let points = try VenueComparison.sweep(request, venueA: pendle.curve, venueB: pool.curve, at: at, from: 1_000, to: 1_000_000)
        #expect(points.count == 49 && points.first?.size == 1_000 && abs((points.last?.size ?? 0) - 1_000_000) < 1e-6)
        #expect(points.allSatisfy { $0.effectiveApy[0] != nil })
        #expect(points.last?.effectiveApy[1] == nil && points.first?.effectiveApy[1] != nil)
    }
}
