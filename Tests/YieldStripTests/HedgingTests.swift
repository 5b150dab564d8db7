import Foundation
import Testing
import YieldStrip

/// Hedge ratios and scenarios against closed forms and finite differences of the full pricing.
@Suite struct HedgingTests {
    static let now = StrategyTests.now
    static func curve(apy: Double = 0.05, seconds: Int64 = RateConventions.secondsPerYear) throws -> PendleV2Curve<Wad> {
        try StrategyTests.curve(apy: apy, liquidity: 1_000_000, seconds: seconds)
    }
    func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test func positionsParse() throws {
        let position = try Position(parsing: "pt:1000, yt:-500,LP:10,sy:250.5")
        #expect(position.legs.map(\.token) == [.pt, .yt, .lp, .sy])
        #expect(position.amount(of: .yt) == (try Wad(units: 500).negated()) && position.amount(of: .sy) == Wad(decimal: "250.5"))
        #expect(position.description == "pt:1000,yt:-500,lp:10,sy:250.5")
        for (text, error) in [
            ("", PositionError.empty), ("pt", .malformed("pt")), ("xt:1", .unknownToken("xt")),
            ("pt:abc", .malformedAmount(token: "pt", text: "abc")), ("pt:1,pt:2", .duplicateToken("pt")),
            ("pt:1,", .malformed(""))
        ] {
            #expect(throws: error) { try Position(parsing: text) }
        }
    }

    /// PT and YT: the closed forms of value, DV01, duration and convexity, checked against finite differences
    /// of the price (1 + y)^(−τ); long PT has a negative DV01, short YT too.
    @Test func rateRiskClosedForms() throws {
        let curve = try Self.curve(apy: 0.05, seconds: 200 * 86_400)
        let position = try Position(parsing: "pt:1000,yt:-400,sy:100")
        let risk = try RateRisk.compute(position, curve: curve, at: Self.now, stockPrice: 200)
        let y = risk.impliedApy
        let tau = risk.yearsToExpiry
        let p = { (rate: Double) in pow(1 + rate, -tau) }
        let h = 1e-6
        let h2 = 1e-4
        let dp = (p(y + h) - p(y - h)) / (2 * h)
        let d2p = (p(y + h2) - 2 * p(y) + p(y - h2)) / (h2 * h2)
        let pt = risk.legs[0]
        let yt = risk.legs[1]
        let sy = risk.legs[2]
        #expect(relative(pt.valueInAsset, 1000 * p(y)) < 1e-12 && relative(yt.valueInAsset, -400 * (1 - p(y))) < 1e-12)
        #expect(relative(pt.dv01InAsset, 1000 * (-tau * p(y) / (1 + y)) * 1e-4) < 1e-12)
        #expect(relative(pt.dv01InAsset, 1000 * dp * 1e-4) < 1e-6 && relative(yt.dv01InAsset, 400 * dp * 1e-4) < 1e-6)
        #expect(pt.dv01InAsset < 0 && yt.dv01InAsset < 0)
        #expect(relative(try #require(pt.modifiedDuration), tau / (1 + y)) < 1e-12)
        #expect(relative(try #require(pt.convexity), tau * (tau + 1) / ((1 + y) * (1 + y))) < 1e-12)
        #expect(relative(try #require(pt.convexity), d2p / p(y)) < 1e-6)
        #expect(sy.dv01InAsset == 0 && relative(sy.valueInAsset, 100 * curve.pyIndex.doubleValue) < 1e-15)
        let total = risk.total
        #expect(relative(total.valueInAsset, pt.valueInAsset + yt.valueInAsset + sy.valueInAsset) < 1e-15)
        #expect(relative(total.dv01InAsset, pt.dv01InAsset + yt.dv01InAsset) < 1e-15)
        #expect(relative(try #require(total.modifiedDuration), -(total.dv01InAsset / 1e-4) / total.valueInAsset) < 1e-12)
        #expect(relative(try #require(total.dv01Usd), total.dv01InAsset * 200) < 1e-15)
    }

    /// The LP's DV01 by central differences agrees with a finer finite difference of the same valuation, and an
    /// LP holds PT: its value falls as the APY rises.
    @Test func lpRisk() throws {
        let curve = try Self.curve(apy: 0.05)
        let risk = try RateRisk.compute(try Position(parsing: "lp:10"), curve: curve, at: Self.now)
        let leg = risk.legs[0]
        let value = { (rate: Double) in try curve.lpValue(impliedApy: rate, at: Self.now, assetPerSy: nil).valueInAsset }
        let y = risk.impliedApy
        let h = 1e-6
        let fine = (try value(y + h) - value(y - h)) / (2 * h)
        #expect(relative(leg.dv01InAsset, 10 * fine * 1e-4) < 1e-3 && leg.dv01InAsset < 0)
        // At the spot APY the pool trades nothing: the LP holds its share of today's balances.
        let spot = try curve.lpValue(impliedApy: y, at: Self.now, assetPerSy: nil)
        let state = try #require(curve.market.converted(to: Double.self))
        #expect(relative(spot.ptPerLp, state.totalPt / state.totalLp) < 1e-9 && relative(spot.syPerLp, state.totalSy / state.totalLp) < 1e-9)
        // The pool moved to y + 1 % really prices y + 1 %: its new implied rate is the target.
        let moved = try curve.lpValue(impliedApy: y + 0.01, at: Self.now, assetPerSy: nil)
        let trade = try PendleMarketMath.executeTradeCore(
            state, pyIndex: curve.pyIndex.doubleValue, netPtToAccount: moved.arbitragePt, blockTime: Self.now)
        #expect(abs(expm1(trade.market.lastLnImpliedRate) - (y + 0.01)) < 1e-9)
        #expect(moved.arbitragePt < 0 && !moved.reachedPoolLimit)
    }

    /// A DV01-neutral hedge in another market: the position's DV01 plus the hedge's is zero.
    @Test func rateHedge() throws {
        let long = try Self.curve(apy: 0.05)
        let short = try Self.curve(apy: 0.04, seconds: RateConventions.secondsPerYear / 4)
        let risk = try RateRisk.compute(
            try Position(parsing: "pt:1000"), curve: long, at: Self.now,
            hedgeWith: RateHedgeInstrument(curve: short, token: .yt))
        let hedge = try #require(risk.hedge)
        #expect(abs(risk.total.dv01InAsset + hedge.hedgeDv01InAsset) < 1e-12 * abs(risk.total.dv01InAsset))
        // Long PT (rate risk negative) is hedged by buying YT (rate risk positive).
        #expect(hedge.hedgeAmount > 0 && hedge.dv01PerTokenInAsset > 0)
        let sp = try short.spot(at: Self.now)
        let perYt = sp.yearsToExpiry * pow(1 + sp.impliedApy, -sp.yearsToExpiry) / (1 + sp.impliedApy) * 1e-4
        #expect(relative(hedge.dv01PerTokenInAsset, perYt) < 1e-12)
    }

    /// Delta: the value in shares now; at maturity PT is one share, YT its interest net of the fee, SY grown.
    @Test func stockDelta() throws {
        let curve = try Self.curve(apy: 0.05)
        let position = try Position(parsing: "pt:100,yt:50,sy:10,lp:2")
        let delta = try StockDelta.compute(position, curve: curve, at: Self.now, stockPrice: 250, realizedYield: .apy(0.04), ytInterestFee: 0.05)
        let risk = try RateRisk.compute(position, curve: curve, at: Self.now)
        #expect(relative(delta.deltaShares, risk.total.valueInAsset) < 1e-14 && delta.hedgeShares == -delta.deltaShares)
        #expect(relative(try #require(delta.hedgeUsd), -delta.deltaShares * 250) < 1e-15)
        let g = pow(1.04, delta.yearsToExpiry)
        let index = curve.pyIndex.doubleValue
        #expect(delta.legs[0].deltaSharesAtMaturity == 100)
        #expect(relative(delta.legs[1].deltaSharesAtMaturity, 50 * (g - 1) * 0.95) < 1e-12)
        #expect(relative(delta.legs[2].deltaSharesAtMaturity, 10 * index * g) < 1e-14)
        let lp = try curve.lpValue(impliedApy: delta.impliedApy, at: Self.now, assetPerSy: nil)
        #expect(relative(delta.legs[3].deltaSharesAtMaturity, 2 * (lp.ptPerLp + lp.syPerLp * index * g)) < 1e-12)
    }

    /// Scenarios: a zero-shift, zero-day cell has zero PnL; a zero-shift 30-day cell is the roll-down of the
    /// closed form; a price move scales USD; a shift below zero is floored and flagged.
    @Test func scenarioGrid() throws {
        let curve = try Self.curve(apy: 0.05)
        let position = try Position(parsing: "pt:1000,yt:-200,sy:50")
        let request = ScenarioRequest(
            position: position, apyShifts: [-0.06, -0.005, 0, 0.005], priceShifts: [-0.1, 0, 0.1], days: 0,
            stockPrice: 100)
        let today = try Scenario.compute(request, curve: curve, at: Self.now)
        #expect(today.cells.count == 12)
        let zero = try #require(today.cells.first { $0.apyShiftBp == 0 && $0.priceShift == 0 })
        #expect(zero.pnlUsd == 0)
        let clamped = try #require(today.cells.first { $0.apyShiftBp == -600 })
        #expect(clamped.clamped && clamped.impliedApy == 0)
        // At y = 0: PT 1, YT 0; SY at the index.
        #expect(relative(clamped.valueShares, 1000 + 50 * curve.pyIndex.doubleValue) < 1e-12)
        let up = try #require(today.cells.first { $0.apyShiftBp == 0 && $0.priceShift == 0.1 })
        #expect(relative(up.valueUsd, 1.1 * zero.valueUsd) < 1e-15)
        var later = request
        later.days = 30
        later.realizedYield = .apy(0.03)
        let month = try Scenario.compute(later, curve: curve, at: Self.now)
        let cell = try #require(month.cells.first { $0.apyShiftBp == 0 && $0.priceShift == 0 })
        let y = month.impliedApy
        let tau = month.yearsToExpiryAtHorizon
        let g = pow(1.03, 30.0 / 365)
        let expected = 1000 * pow(1 + y, -tau) - 200 * (1 - pow(1 + y, -tau) + (g - 1) * 0.97) + 50 * curve.pyIndex.doubleValue * g
        #expect(relative(cell.valueShares, expected) < 1e-12)
        #expect(abs(tau - (month.yearsToExpiry - 30.0 / 365)) < 1e-12)
        // The PT accretes even when the APY holds: long PT gains from the roll-down.
        #expect(cell.pnlUsd > 0)
        #expect(throws: StrategyError.self) {
            var past = request
            past.days = 400
            return try Scenario.compute(past, curve: curve, at: Self.now)
        }
    }

    /// The income hedge: one function for `hedge income` and `short-yt`.
    @Test func incomeHedgeIsShortYts() throws {
        let curve = try Self.curve(apy: 0.01)
        let shares = Wad(decimal: "777.7")!
        let alone = try IncomeHedge.compute(shares: shares, heldAs: .stock, holderWithholding: .treaty)
        let withMarket = try IncomeHedge.compute(shares: shares, heldAs: .stock, holderWithholding: .treaty, market: (curve, Self.now))
        let short = try ShortYT.compute(
            ShortYTRequest(size: .position(.shares(shares)), heldAs: .stock, holderWithholding: .treaty),
            curve: curve, at: Self.now)
        #expect(alone.ytToSell == short.ytSold && withMarket.ytToSell == short.ytSold && alone.shortYt == nil)
        #expect(withMarket.shortYt?.syReceived == short.syReceived && relative(alone.incomeHedgeRatio, 0.85 / 0.7) < 1e-15)
    }
}
