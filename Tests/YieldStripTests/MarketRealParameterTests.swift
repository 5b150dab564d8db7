import Foundation
import Testing
import YieldStrip

/// Independent numbers from outside the code: Pendle's deployment examples (the parameter rule applied to
/// the official inputs) and a real on-chain market snapshot read with `readState`.
@Suite struct MarketRealParameterTests {
    static let year = Double(RateConventions.secondsPerYear)

    /// Pendle-Common-Pool-Deploy's example: rateMin 10 %, rateMax 20 %, fee 0.8 %, desired 15 %.
    @Test func commonPoolDeployExample() throws {
        let oneYear = try MarketDeployment.curveParameters(rateMin: 0.10, rateMax: 0.20, secondsToExpiry: RateConventions.secondsPerYear)
        #expect(abs(oneYear.initialAnchor - 1.15) < 1e-12)
        #expect(abs(oneYear.scalarRoot - 43.944) < 5e-4)
        #expect(abs(MarketDeployment.lnFeeRateRoot(annualFee: 0.008) - 0.0079682) < 1e-7)
        let p = try MarketDeployment.initialProportion(
            scalarRoot: oneYear.scalarRoot, rateAnchor: oneYear.initialAnchor,
            desiredImpliedApy: 0.15, secondsToExpiry: RateConventions.secondsPerYear)
        #expect(abs(p - 0.5) < 1e-12)
        let halfYear = try MarketDeployment.curveParameters(rateMin: 0.10, rateMax: 0.20, secondsToExpiry: RateConventions.secondsPerYear / 2)
        #expect(abs(halfYear.initialAnchor - 1.072127) < 1e-6)
        #expect(abs(halfYear.scalarRoot - 47.114) < 5e-4)
        let pHalf = try MarketDeployment.initialProportion(
            scalarRoot: halfYear.scalarRoot, rateAnchor: halfYear.initialAnchor,
            desiredImpliedApy: 0.15, secondsToExpiry: RateConventions.secondsPerYear / 2)
        #expect(abs(pHalf - 0.50597) < 1e-5)
    }

    /// market-deployment's apxETH/swETH example: minApy 1 %, maxApy 5 %, start 1689206400, end 1750896000.
    @Test func marketDeploymentExample() throws {
        let t: Int64 = 1_750_896_000 - 1_689_206_400
        #expect(abs(Double(t) / Self.year - 1.95616) < 1e-5)
        let curve = try MarketDeployment.curveParameters(rateMin: 0.01, rateMax: 0.05, secondsToExpiry: t)
        #expect(abs(curve.initialAnchor - 1.059900) < 1e-6)
        #expect(abs(curve.scalarRoot - 106.80) < 5e-3)
    }

    /// A seeded market prices the desired rate: its implied APY is the one it was seeded for.
    @Test func seededMarketPricesTheDesiredRate() throws {
        let now: Int64 = 1_780_000_000
        let expiry = now + RateConventions.secondsPerYear
        let market = try MarketDeployment.seededMarket(
            rateMin: 0.001, rateMax: 0.01, desiredImpliedApy: 0.0032, annualFee: 0.001,
            reserveFeePercent: 80, expiry: expiry, now: now,
            assetLiquidity: 2_000_000, pyIndex: 1.0123)
        #expect(abs(exp(market.lastLnImpliedRate) - 1 - 0.0032) < 1e-9)
        let snapshot = try PendleMarketMath.snapshot(market, pyIndex: 1.0123, blockTime: now)
        #expect(abs(snapshot.impliedApy - 0.0032) < 1e-9)
        #expect(snapshot.largestPtBuy > 0 && snapshot.largestPtSell > 0)
    }

    /// asdPENDLE / sdPENDLE (Ethereum, PendleMarketV3 0xbE570Be4…), block 24054540: the rounded state a
    /// third-party report read with readState, and the exchange rate, fee factor, total asset, proportion,
    /// rate scalar and anchor it reports or implies (inputs rounded to 4–10 decimals: ~1e-6 agreement).
    @Test func asdPendleSnapshot() throws {
        let blockTime: Int64 = 1_766_242_487
        let expiry: Int64 = 1_774_483_200
        let market = MarketState<Double>(
            totalPt: 168_324.7732, totalSy: 282_260.1990, totalLp: 200_000, scalarRoot: 10.7165715974,
            expiry: expiry, lnFeeRateRoot: 0.0028089610, reserveFeePercent: 80,
            lastLnImpliedRate: 0.2103754602)
        let index = 1.1590929262
        let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: index, blockTime: blockTime)
        #expect(abs(Double(expiry - blockTime) / 86_400 - 95.3786) < 1e-4)
        #expect(abs(comp.totalAsset - 327_165.80) < 0.01)
        #expect(abs(comp.rateScalar - 41.0108) < 1e-4)
        #expect(abs(comp.rateAnchor - 1.072717) < 1e-6)
        #expect(abs(comp.feeRate - 1.00073428) < 1e-8)
        let snapshot = try PendleMarketMath.snapshot(market, pyIndex: index, blockTime: blockTime)
        #expect(abs(snapshot.ptPerAsset - 1.05651260) < 1e-8)
        #expect(abs(snapshot.ptPriceInAsset - 0.94651) < 1e-5)
        #expect(abs(snapshot.proportion - 0.339713) < 1e-6)
        #expect(abs(snapshot.impliedApy - 0.2341) < 1e-4)
        // The exact flavour on the same state (converted to wei) agrees.
        let exactMarket = MarketState<Wad>(
            totalPt: Wad(decimal: "168324.7732")!, totalSy: Wad(decimal: "282260.199")!,
            totalLp: Wad(decimal: "200000")!, scalarRoot: Wad(decimal: "10.7165715974")!,
            expiry: expiry, lnFeeRateRoot: Wad(decimal: "0.002808961")!, reserveFeePercent: 80,
            lastLnImpliedRate: Wad(decimal: "0.2103754602")!)
        let exactComp = try PendleMarketMath.getMarketPreCompute(exactMarket, pyIndex: Wad(decimal: "1.1590929262")!, blockTime: blockTime)
        #expect(abs(exactComp.rateAnchor.doubleValue - comp.rateAnchor) < 1e-15)
    }
}
