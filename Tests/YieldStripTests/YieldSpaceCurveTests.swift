import Foundation
import Testing
import YieldStrip

/// A YieldSpace pool behind the curve interface: its spot, trades and limits against the previews, and the
/// strategy jobs (lock-in, rate risk) running on it unchanged.
@Suite struct YieldSpaceCurveTests {
    static let now: Int64 = 1_780_000_000
    static let year = RateConventions.secondsPerYear

    /// A pool one year (or `seconds`) from maturity at `apy` (365-day year): 1,000,000 shares at c = 1.02,
    /// μ = 1, a 10-year time stretch, the LP supply equal to the shares, `decimals` decimals.
    static func pool(apy: Double = 0.05, g1Fee: Int = 9500, seconds: Int64 = year, decimals: Int = 18) throws -> YieldSpacePool {
        let ts = try Fixed64x64.timeStretch(years: 10)
        let ratio = Foundation.exp(Foundation.log1p(apy) / (ts.doubleValue * Double(year)))
        let unit = Foundation.pow(10, Double(decimals))
        let z = try #require(UInt256(rounding: 1_000_000 * unit))
        return try YieldSpacePool(
            sharesReserves: z, fyTokenReserves: try #require(UInt256(rounding: 1_000_000 * ratio * unit)), totalSupply: z,
            c: try #require(Fixed64x64(rounding: 1.02)), mu: .one, ts: ts, g1Fee: g1Fee, maturity: now + seconds,
            decimals: decimals)
    }

    /// Two purchases on the updated pool cost what one purchase of their sum costs (the fee-free invariant
    /// is path-independent), and the pool after them holds the shares paid in and the fyToken paid out.
    @Test func tradeAndUpdateIsASequenceOfTradesOnOnePool() throws {
        let curve = YieldSpaceCurve<Double>(pool: try Self.pool()).withoutFee()
        let (first, afterFirst) = try curve.tradeAndUpdate(.buyPtWithSy, exactIn: 20_000, at: Self.now)
        let (second, afterSecond) = try afterFirst.tradeAndUpdate(.buyPtWithSy, exactIn: 30_000, at: Self.now)
        let whole = try curve.trade(.buyPtWithSy, exactIn: 50_000, at: Self.now)
        #expect(abs((first.amountOut + second.amountOut) / whole.amountOut - 1) < 1e-12)
        #expect(abs(afterSecond.pool.sharesUnits - (curve.pool.sharesUnits + 50_000)) < 1e-6)
        #expect(abs(afterSecond.pool.fyTokenUnits - (curve.pool.fyTokenUnits - first.amountOut - second.amountOut)) < 1e-6)
        #expect(abs(afterSecond.lnImpliedRate - Foundation.log1p(whole.impliedApyAfter)) < 1e-12)
        // Exact: the reserves move by the trade's wei.
        let exact = YieldSpaceCurve<Wad>(pool: try Self.pool())
        let thousand = try #require(Wad(rounding: 1_000))
        let (trade, after) = try exact.tradeAndUpdate(.sellPtForSy, exactIn: thousand, at: Self.now)
        #expect(after.pool.fyTokenReserves == exact.pool.fyTokenReserves &+ thousand.raw.magnitude)
        #expect(after.pool.sharesReserves == exact.pool.sharesReserves &- trade.amountOut.raw.magnitude)
        #expect(trade.amountOut.isPositive)
    }

    @Test func spotIsThePoolsRateOnThe365DayYear() throws {
        let pool = try Self.pool()
        let curve = YieldSpaceCurve<Wad>(pool: pool)
        let spot = try curve.spot(at: Self.now)
        #expect(abs(spot.impliedApy - 0.05) < 1e-9)
        // fyToken's price in base: (μz/y)^(ts·T).
        let price = Foundation.pow(pool.sharesUnits / pool.fyTokenUnits, pool.ts.doubleValue * Double(Self.year))
        #expect(abs(spot.ptPriceInAsset - price) < 1e-12)
        // Yield's own quote is the same rate on 365.25 days, and calcInterestRate agrees.
        #expect(abs(Foundation.log1p(pool.yieldApy) / Foundation.log1p(spot.impliedApy) - 31_557_600.0 / 31_536_000) < 1e-12)
        let quoted = try YieldSpaceMath.calcInterestRate(sharesReserves: pool.sharesReserves, fyTokenReserves: pool.fyTokenReserves, ts: pool.ts)
        #expect(abs(quoted.doubleValue - pool.yieldApy) < 1e-9)
        #expect(curve.curveName == "yieldspace" && !curve.tradesYieldToken && curve.expiry == Self.now + Self.year)
        #expect(abs(curve.assetPerSy.doubleValue - 1.02) < 1e-15)
        // The fee takes 5 % of the ln-rate when buying fyToken.
        #expect(abs(curve.annualFeeRate - Foundation.expm1(0.05 * Foundation.log1p(0.05))) < 1e-12)
        #expect(throws: YieldSpaceError.afterMaturity(timeTillMaturity: "0", maturity: Self.now + Self.year, blockTime: Self.now + Self.year)) {
            try curve.spot(at: Self.now + Self.year)
        }
    }

    @Test func tradesAreThePreviews() throws {
        let pool = try Self.pool()
        let curve = YieldSpaceCurve<Wad>(pool: pool)
        let time = Self.year
        let amount = Wad(units: 10_000)
        let buy = try curve.trade(.buyPtWithSy, exactIn: amount, at: Self.now)
        let preview = try YieldSpaceMath.sellBase(
            sharesReserves: pool.sharesReserves, fyTokenReserves: pool.fyTokenReserves, sharesIn: amount.raw.bits,
            timeTillMaturity: time, ts: pool.ts, g1: pool.g1, decimals: 18, c: pool.c, mu: pool.mu)
        #expect(buy.amountOut.raw == preview && buy.amountIn == amount && buy.unspentInput == .zero && buy.ptLeg == buy.amountOut)
        #expect(buy.venueTrade == "sellBase" && buy.feeSy.isPositive && buy.feeSyToReserve == .zero)
        #expect(buy.impliedApyAfter < buy.impliedApyBefore)
        // The fee: 10,000 shares less what the fee-free curve charges for the same fyToken (≈ 5 % of the yield).
        let feeFree = try YieldSpaceMath.buyFYToken(
            sharesReserves: pool.sharesReserves, fyTokenReserves: pool.fyTokenReserves,
            fyTokenOut: buy.amountOut.raw.bits, timeTillMaturity: time, ts: pool.ts, g1: .one, decimals: 18,
            c: pool.c, mu: pool.mu)
        #expect(buy.feeSy.raw == (try PMath.sub(amount.raw, feeFree)))
        let yieldInShares = buy.amountOut.doubleValue / 1.02 - 10_000
        #expect(abs(buy.feeSy.doubleValue / (yieldInShares * 0.05) - 1) < 0.05)

        let sell = try curve.trade(.sellPtForSy, exactIn: amount, at: Self.now)
        let sellPreview = try YieldSpaceMath.sellFYToken(
            sharesReserves: pool.sharesReserves, fyTokenReserves: pool.fyTokenReserves,
            fyTokenIn: amount.raw.bits, timeTillMaturity: time, ts: pool.ts, g2: pool.g2, decimals: 18,
            c: pool.c, mu: pool.mu)
        let negated = try amount.negated()
        #expect(sell.amountOut.raw == sellPreview && sell.ptLeg == negated && sell.venueTrade == "sellFYToken")
        #expect(sell.impliedApyAfter > sell.impliedApyBefore && sell.feeSy.isPositive)

        // The Double flavour agrees (up to the exact flavour's 1e12-wei precision fee).
        let analytic = YieldSpaceCurve<Double>(pool: pool)
        let buyD = try analytic.trade(.buyPtWithSy, exactIn: 10_000, at: Self.now)
        #expect(abs(buyD.amountOut - buy.amountOut.doubleValue) < 1e-5)
        #expect(abs(buyD.feeSy - buy.feeSy.doubleValue) < 1e-5)
    }

    @Test func noYieldToken() throws {
        let curve = YieldSpaceCurve<Wad>(pool: try Self.pool())
        for kind in [CurveTradeKind.buyYtWithSy, .sellYtForSy] {
            #expect(throws: StrategyError.noYieldToken(curve: "yieldspace")) { try curve.trade(kind, exactIn: Wad(units: 1), at: Self.now) }
            #expect(curve.largestInput(kind, at: Self.now) == nil)
        }
    }

    /// The largest purchase is where the pool's zero-rate check bites: it executes, one wei more does not.
    @Test(arguments: [18, 6])
    func largestInputsAreThePoolsLimits(decimals: Int) throws {
        let pool = try Self.pool(apy: 0.03, seconds: 90 * 86_400, decimals: decimals)
        let curve = YieldSpaceCurve<Wad>(pool: pool)
        let step = decimals == 18 ? Wad(wei: 1) : Wad(wei: 1_000_000_000_000)
        let largestBuy = try #require(curve.largestInput(.buyPtWithSy, at: Self.now))
        let trade = try curve.trade(.buyPtWithSy, exactIn: largestBuy, at: Self.now)
        #expect(trade.impliedApyAfter >= 0 && trade.impliedApyAfter < 1e-9)
        #expect(throws: YieldSpaceError.self) { try curve.trade(.buyPtWithSy, exactIn: try largestBuy + step, at: Self.now) }
        let largestSell = try #require(curve.largestInput(.sellPtForSy, at: Self.now))
        let sell = try curve.trade(.sellPtForSy, exactIn: largestSell, at: Self.now)
        // Nearly every share leaves the pool.
        #expect(sell.amountOut.doubleValue > 0.999_999 * pool.sharesUnits)

        let analytic = YieldSpaceCurve<Double>(pool: pool)
        let largestD = try #require(analytic.largestInput(.buyPtWithSy, at: Self.now))
        #expect(abs(largestD / largestBuy.doubleValue - 1) < 1e-9)
        _ = try analytic.trade(.buyPtWithSy, exactIn: largestD, at: Self.now)
    }

    @Test func withoutFeeIsTheFeeFreeCurve() throws {
        let curve = YieldSpaceCurve<Wad>(pool: try Self.pool())
        let free = curve.withoutFee()
        #expect(free.pool.g1Fee == 10_000 && free.annualFeeRate == 0)
        let withFee = try curve.trade(.buyPtWithSy, exactIn: Wad(units: 1_000), at: Self.now)
        let without = try free.trade(.buyPtWithSy, exactIn: Wad(units: 1_000), at: Self.now)
        #expect(without.amountOut > withFee.amountOut && without.feeSy.doubleValue < 1e-6)
    }

    /// The lock-in job runs unchanged: the fixed APY sits just below the spot, the fee takes about 5 % of it
    /// (g1 = 0.95), the impact grows with size; the Double curve agrees.
    @Test func lockInRunsOnYieldSpace() throws {
        let pool = try Self.pool()
        let curve = YieldSpaceCurve<Wad>(pool: pool)
        let small = try LockIn.compute(LockInRequest(size: .sy(Wad(units: 100))), curve: curve, at: Self.now)
        #expect(small.curveName == "yieldspace" && small.purchase.venueTrade == "sellBase")
        #expect(abs(small.spotApy - 0.05) < 1e-9)
        #expect(small.fixedApy < small.spotApy && small.fixedApy > 0.047)
        #expect(abs(small.feeApy / small.spotApy - 0.05) < 0.005)
        #expect(small.impactApy >= 0 && small.impactApy < 1e-5)
        let large = try LockIn.compute(LockInRequest(size: .shares(Wad(units: 100_000)), stockPrice: 230), curve: curve, at: Self.now)
        #expect(large.impactApy > small.impactApy && large.fixedApy < small.fixedApy)
        #expect(abs(large.size.shares - 100_000) < 1e-6 && large.usdIn != nil)
        // SY here is the pool's shares at c = 1.02 base each.
        #expect(abs(large.size.sy.doubleValue - 100_000 / 1.02) < 1e-9)
        let analytic = try LockIn.compute(LockInRequest(size: .sy(Wad(units: 100))), curve: YieldSpaceCurve<Double>(pool: pool), at: Self.now)
        #expect(abs(analytic.fixedApy - small.fixedApy) < 1e-8)
    }

    /// Rate risk runs unchanged: PT's DV01 is the closed form's, the LP is valued after the pool's own trade.
    @Test func rateRiskRunsOnYieldSpace() throws {
        let pool = try Self.pool()
        let curve = YieldSpaceCurve<Wad>(pool: pool)
        let risk = try RateRisk.compute(try Position(parsing: "pt:1000,lp:10"), curve: curve, at: Self.now, stockPrice: 230)
        #expect(risk.curveName == "yieldspace")
        let pt = risk.legs[0]
        let lp = risk.legs[1]
        #expect(pt.dv01InAsset < 0 && abs(pt.priceInAsset - Foundation.pow(1.05, -1)) < 1e-9)
        // One LP holds 1 share (at 1.02) and 0.629 real fyToken (at the PT price): about 1.62 base.
        let real = (pool.fyTokenUnits - pool.sharesUnits) / pool.sharesUnits
        #expect(abs(lp.priceInAsset - (1.02 + real / 1.05)) < 1e-6)
        #expect(lp.dv01InAsset < 0 && lp.dv01InAsset > 10 * real * pt.dv01InAsset / 1000)
        // A hedge in the same pool's PT makes the position's DV01 zero.
        let hedge = try RateRisk.compute(
            try Position(parsing: "lp:10"), curve: curve, at: Self.now,
            hedgeWith: RateHedgeInstrument(curve: curve, token: .pt))
        let amount = try #require(hedge.hedge?.hedgeAmount)
        #expect(abs(amount * pt.dv01InAsset / 1000 + hedge.total.dv01InAsset) < 1e-12)
        // YT has no market here.
        #expect(throws: StrategyError.noYieldToken(curve: "yieldspace")) {
            try RateRisk.compute(try Position(parsing: "pt:1"), curve: curve, at: Self.now, hedgeWith: RateHedgeInstrument(curve: curve, token: .yt))
        }
    }

    /// A YT short needs a yield token: the job says so. A scenario grid on PT and LP runs.
    @Test func otherJobs() throws {
        let curve = YieldSpaceCurve<Wad>(pool: try Self.pool())
        #expect(throws: StrategyError.noYieldToken(curve: "yieldspace")) {
            try ShortYT.compute(ShortYTRequest(size: .yieldTokens(Wad(units: 10))), curve: curve, at: Self.now)
        }
        let grid = try Scenario.compute(
            ScenarioRequest(
                position: try Position(parsing: "pt:100,lp:1"), apyShifts: [-0.01, 0, 0.01],
                priceShifts: [0], days: 30, stockPrice: 230), curve: curve, at: Self.now)
        #expect(grid.cells.count == 3 && grid.curveName == "yieldspace")
    }

    @Test func lpValueAfterThePoolsOwnTrade() throws {
        let pool = try Self.pool()
        let curve = YieldSpaceCurve<Wad>(pool: pool)
        let here = try curve.lpValue(impliedApy: 0.05, at: Self.now, assetPerSy: nil)
        #expect(abs(here.arbitragePt) < 1e-6 && !here.reachedPoolLimit)
        let up = try curve.lpValue(impliedApy: 0.06, at: Self.now, assetPerSy: nil)
        let down = try curve.lpValue(impliedApy: 0.04, at: Self.now, assetPerSy: nil)
        // A higher rate: arbitrageurs sell fyToken into the pool; a lower one, they buy it.
        #expect(up.arbitragePt < 0 && down.arbitragePt > 0)
        #expect(up.valueInAsset < here.valueInAsset && down.valueInAsset > here.valueInAsset)
        // The new reserves quote the target rate.
        let zNew = up.syPerLp * pool.sharesUnits
        let yNew = (up.ptPerLp + 1) * pool.sharesUnits
        let apyNew = Foundation.expm1(pool.ts.doubleValue * Double(Self.year) * Foundation.log(yNew / zNew))
        #expect(abs(apyNew - 0.06) < 1e-9)
        // A negative rate is out of reach: the pool stops at zero.
        #expect(try curve.lpValue(impliedApy: -0.01, at: Self.now, assetPerSy: nil).reachedPoolLimit)
        var noSupply = pool
        noSupply.totalSupply = nil
        #expect(throws: StrategyError.self) { try YieldSpaceCurve<Wad>(pool: noSupply).lpValue(impliedApy: 0.05, at: Self.now, assetPerSy: nil) }
    }

    @Test func poolChecks() throws {
        let ts = try Fixed64x64.timeStretch(years: 10)
        #expect(throws: YieldSpaceError.invalidFee(g1Fee: "0")) {
            try YieldSpacePool(
                sharesReserves: UInt256(1000), fyTokenReserves: UInt256(1100), c: .one, mu: .one, ts: ts, g1Fee: 0, maturity: 1, decimals: 18)
        }
        #expect(throws: YieldSpaceError.self) {
            try YieldSpacePool(
                sharesReserves: UInt256(1000), fyTokenReserves: UInt256(1100), totalSupply: UInt256(2000), c: .one, mu: .one, ts: ts,
                g1Fee: 9500, maturity: 1, decimals: 18)
        }
        let fromReal = try YieldSpacePool(
            sharesReserves: UInt256(1000), realFyTokenReserves: UInt256(100), totalSupply: UInt256(1000), c: .one,
            mu: .one, ts: ts, g1Fee: 9500, maturity: 1, decimals: 18)
        #expect(fromReal.fyTokenReserves == UInt256(1100) && fromReal.realFyTokenReserves == UInt256(100))
    }
}
