import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// The worked examples of `docs/hedging.md`, from the library on the example file.
@Suite struct HedgingDocTests {
    static func fixed(_ value: Double?, _ digits: Int) -> String { String(format: "%.\(digits)f", value ?? .nan) }

    @Test func examples() throws {
        let file = try MarketExamples.load(MarketExamples.aapl)
        let at = try #require(file.blockTime)
        let tau = Double(file.market.expiry - at) / 31_536_000

        let income = try IncomeHedge.compute(shares: Wad(units: 1_000), heldAs: .stock, holderWithholding: .treaty)
        #expect(Self.fixed(income.incomeHedgeRatio, 7) == "1.2142857" && income.ytToSell.description == "1214.285714285714285714")

        let position = try Position(parsing: "pt:1000,yt:-500,lp:10,sy:250")
        let risk = try RateRisk.compute(position, curve: file.curve, at: at, stockPrice: 230)
        let p = pow(1.003, -tau)
        #expect(Self.fixed(risk.legs[0].priceInAsset, 8) == "0.99699755" && abs(risk.legs[0].priceInAsset - p) < 1e-15)
        #expect(Self.fixed(risk.legs[0].dv01InAsset, 7) == "-0.0997817" && abs(risk.legs[0].dv01InAsset + 1000 * tau * p / 1.003 * 1e-4) < 1e-15)
        #expect(Self.fixed(risk.legs[0].modifiedDuration, 4) == "1.0008" && Self.fixed(risk.legs[1].valueInAsset, 5) == "-1.50122")
        #expect(Self.fixed(risk.legs[1].dv01InAsset, 7) == "-0.0498908" && Self.fixed(risk.legs[1].modifiedDuration, 2) == "-332.33")
        #expect(Self.fixed(risk.legs[2].priceInAsset, 7) == "2.3864272" && Self.fixed(risk.legs[2].dv01InAsset, 8) == "-0.00054232")
        #expect(Self.fixed(risk.total.valueInAsset, 4) == "1270.1641" && Self.fixed(risk.total.valueUsd, 2) == "292137.75")
        #expect(Self.fixed(risk.total.dv01InAsset, 7) == "-0.1502148" && Self.fixed(risk.total.dv01Usd, 2) == "-34.55")
        #expect(Self.fixed(risk.total.modifiedDuration, 4) == "1.1826")
        let spy = try MarketExamples.load(MarketExamples.nearExpiry)
        let hedged = try RateRisk.compute(
            try Position(parsing: "pt:1000"), curve: file.curve, at: at, stockPrice: file.stockPrice,
            hedgeWith: RateHedgeInstrument(curve: spy.curve, token: .pt, stockPrice: spy.stockPrice))
        #expect(Self.fixed(hedged.hedge?.hedgeAmount, 2) == "-1089.47" && hedged.hedge?.matchedIn == "usd")
        #expect(abs((hedged.hedge?.hedgeDv01Usd ?? 0) + (hedged.total.dv01Usd ?? 0)) < 1e-9)

        let delta = try StockDelta.compute(position, curve: file.curve, at: at, stockPrice: 230)
        #expect(Self.fixed(delta.deltaShares, 4) == "1270.1641" && Self.fixed(delta.deltaSharesAtMaturity, 4) == "1274.0344")

        let grid = try Scenario.compute(
            ScenarioRequest(
                position: try Position(parsing: "pt:1000,yt:-500,sy:250"), apyShifts: [-0.005, 0, 0.005],
                priceShifts: [-0.1, 0, 0.1], days: 30, stockPrice: 230), curve: file.curve, at: at)
        #expect(Self.fixed(grid.baseValueShares, 4) == "1246.2999" && Self.fixed(grid.baseValueUsd, 2) == "286648.97")
        #expect(Self.fixed(grid.cells[4].pnlUsd, 2) == "71.43" && grid.cells[1].clamped && Self.fixed(grid.cells[7].pnlUsd, 2) == "-1501.72")
    }
}
