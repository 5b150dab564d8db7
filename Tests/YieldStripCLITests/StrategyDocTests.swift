import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// The worked example of `docs/strategies.md`, number by number, from the library on the example file.
@Suite struct StrategyDocTests {
    static func setup() throws -> (file: MarketFile, at: Int64, tau: Double) {
        let file = try MarketExamples.load(MarketExamples.aapl)
        let at = try #require(file.blockTime)
        return (file, at, Double(file.market.expiry - at) / 31_536_000)
    }

    static func percent(_ value: Double?, _ digits: Int = 4) -> String { TableFormat.percent(value, digits: digits) }

    @Test func lockInExample() throws {
        let (file, at, tau) = try Self.setup()
        #expect(file.pyIndex.description == "1.003214142718150519" && file.stockPrice == 230 && abs(tau - 1.0038242009) < 1e-10)
        let request = LockInRequest(
            size: .usd(Wad(units: 10_000)), stockPrice: 230,
            dollarHedge: DollarHedgeRequest(instrument: .perp(fundingApr: 0.05)))
        let r = try LockIn.compute(request, curve: file.curve, at: at)
        #expect(try Wad(units: 10_000).divDown(Wad(units: 230)).description == "43.478260869565217391")
        #expect(r.size.sy.description == "43.338963256402458524")
        #expect(r.ptOut.description == "43.565208721012192")
        #expect(Self.percent(r.fixedApy) == "0.1992%" && Self.percent(r.fixedApyWithoutFee) == "0.2994%")
        #expect(Self.percent(r.feeApy) == "0.1002%" && Self.percent(r.impactApy) == "0.0006%")
        #expect(Self.percent(r.feeShareOfSpotApy, 1) == "33.4%")
        #expect(String(format: "%.2f", r.usdAtMaturity ?? 0) == "10020.00")
        let hedge = try #require(r.dollarHedge)
        #expect(String(format: "%.2f", hedge.usdAtMaturity) == "10522.91" && Self.percent(hedge.dollarApy) == "5.2087%")
        #expect(String(format: "%.2f", hedge.initialMarginUsd) == "2004.00" && Self.percent(hedge.dollarApyOnCapital) == "4.3392%")
        // The closed forms behind the table.
        let ratio = r.ptOut.doubleValue / (r.size.sy.doubleValue * file.pyIndex.doubleValue)
        #expect(abs(r.fixedApy - (pow(ratio, 1 / tau) - 1)) < 1e-12)
        #expect(abs(hedge.usdAtMaturity - r.sharesAtMaturity * 230 * (1 + 0.05 * tau)) < 1e-9)
    }

    @Test func tokenHolderExample() throws {
        let (file, at, tau) = try Self.setup()
        let r = try ShortYT.compute(ShortYTRequest(size: .position(.shares(Wad(units: 1_000))), stockPrice: 230), curve: file.curve, at: at)
        #expect(r.ytSold == Wad(units: 1_000) && r.syToMint.description == "996.796154897256546074")
        #expect(r.syReceived.description == "1.859534094302162849")
        #expect(String(format: "%.7f", r.premiumShares) == "1.8655109" && String(format: "%.2f", r.premiumUsd ?? 0) == "429.07")
        #expect(String(format: "%.7f", r.effectiveYtPrice) == "0.0018655" && String(format: "%.7f", r.spotYtPriceInAsset) == "0.0030024")
        #expect(Self.percent(r.effectiveShortApy) == "0.1862%" && r.breakEvenApy == r.effectiveShortApy)
        #expect(Self.percent(r.breakEvenGrossDividendYield) == "0.2660%")
        #expect(String(format: "%.7f", r.pnl[0].pnlShares) == "1.8655109")
        let atSpot = try #require(r.pnl.first { $0.realizedApy == 0.003 })
        #expect(String(format: "%.10f", atSpot.growth) == "1.0030114899" && String(format: "%.7f", atSpot.pnlShares) == "-1.1403610")
        #expect(String(format: "%.2f", atSpot.pnlUsd ?? 0) == "-262.28")
        #expect(abs(r.effectiveShortApy - (pow(1 - r.effectiveYtPrice, -1 / tau) - 1)) < 1e-12)
    }

    @Test func stockHolderExample() throws {
        let (file, at, tau) = try Self.setup()
        let r = try ShortYT.compute(
            ShortYTRequest(
                size: .position(.shares(Wad(units: 1_000))), heldAs: .stock, holderWithholding: .treaty,
                borrowFeeApr: 0.001), curve: file.curve, at: at)
        #expect(String(format: "%.7f", r.incomeHedgeRatio) == "1.2142857")
        #expect(r.ytSold.description == "1214.285714285714285714" && r.loanSy.description == "1210.39533094666866309")
        #expect(String(format: "%.7f", r.premiumShares) == "2.2290191" && String(format: "%.7f", r.borrowCostShares) == "1.2189294")
        #expect(Self.percent(r.breakEvenApy) == "0.0830%")
        let sold = r.ytSold.doubleValue
        #expect(abs((r.breakEvenApy ?? 0) - (pow((1 - 0.001 * tau) / (1 - r.premiumShares / sold), 1 / tau) - 1)) < 1e-12)
    }
}
