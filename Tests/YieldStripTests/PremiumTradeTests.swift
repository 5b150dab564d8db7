import Foundation
import Testing
import YieldStrip

/// The premium trade: mNAV, carry, break-even compression, liquidation lines, both sides, bad input.
@Suite struct PremiumTradeTests {
    static let company = TreasuryCompany(sharesOutstanding: 250_000_000, stockPrice: 400, coinHoldings: 500_000, coinPrice: 100_000, debtUsd: 8e9)

    @Test func mnav() throws {
        let r = try PremiumTrade.compute(
            PremiumTradeRequest(
                company: Self.company, capitalUsd: 1_000_000, ltv: 0.5, liquidationThreshold: 0.7,
                borrowRate: .fixed(apr: 0.05)))
        #expect(r.marketCapUsd == 1e11 && r.coinNavUsd == 5e10 && r.mnav == 2 && r.premium == 1)
        #expect(r.coinPerShare == 0.002 && r.navPerShareUsd == 200 && r.mnavEnterpriseValue == 2.16)
    }

    /// Short the premium: carry, the compression that breaks even, where the loan is liquidated.
    @Test func shortPremium() throws {
        let request = PremiumTradeRequest(
            company: Self.company, capitalUsd: 1_000_000, ltv: 0.5, liquidationThreshold: 0.7, borrowRate: .fixed(apr: 0.05),
            collateralApr: 0.01, proceedsApr: 0.04, fundingApr: 0.08, days: 182.5)
        let r = try PremiumTrade.compute(request)
        // Q = 500,000 of stock sold; carry = Q (4 % − 5 %) + K · 1 % + (K − Q) · 8 %.
        #expect(r.borrowedUsd == 500_000 && r.borrowedUnits == 1_250 && r.collateralUnits == 10)
        #expect(abs(r.carryUsdPerYear - (500_000 * (0.04 - 0.05) + 1_000_000 * 0.01 + 500_000 * 0.08)) < 1e-6)
        #expect(abs(r.carryUsd - r.carryUsdPerYear / 2) < 1e-6 && r.coinExposureUsd == 0 && r.coinHedgeUsd == 500_000)
        let breakEven = try #require(r.breakEvenMnav)
        #expect(abs(500_000 * (1 - breakEven / 2) + r.carryUsd) < 1e-6)
        // Positive carry here: the trade breaks even at a wider premium.
        #expect(breakEven > 2)
        // Liquidation: the stock rises with the coin unchanged until Q · S*/S₀ = 0.7 · K.
        let stock = try #require(r.liquidationStockPrice)
        #expect(abs(500_000 * stock / 400 - 0.7 * 1_000_000) < 1e-6 && abs((r.liquidationMnav ?? 0) - 2 * stock / 400) < 1e-12)
        #expect(abs(r.healthFactor - 1.4) < 1e-12)
        let flat = try #require(r.scenarios.first { $0.mnav == 2 })
        #expect(flat.premiumPnlUsd == 0 && flat.pnlUsd == r.carryUsd)
        let par = try #require(r.scenarios.first { $0.mnav == 1 })
        #expect(abs(par.premiumPnlUsd - 250_000) < 1e-6 && par.stockPrice == 200)
    }

    /// The reverse: long the premium, liquidated by the coin rising or the stock falling.
    @Test func longPremium() throws {
        let r = try PremiumTrade.compute(
            PremiumTradeRequest(
                company: Self.company, side: .long, capitalUsd: 1_000_000, ltv: 0.4, liquidationThreshold: 0.6,
                borrowRate: .fixed(apr: 0.01)))
        #expect(r.borrowedUnits == 4 && r.collateralUnits == 2_500 && r.coinExposureUsd == 600_000)
        let coin = try #require(r.liquidationCoinPrice)
        let stock = try #require(r.liquidationStockPrice)
        #expect(abs(400_000 * coin / 100_000 - 0.6 * 1_000_000) < 1e-6)
        #expect(abs(400_000 - 0.6 * 1_000_000 * stock / 400) < 1e-6)
        let breakEven = try #require(r.breakEvenMnav)
        #expect(abs(1_000_000 * (breakEven / 2 - 1) + r.carryUsd) < 1e-6 && breakEven > 2)
    }

    /// The stock lender's rate from a rate model at the utilization the loan leaves its pool at.
    @Test func lenderRateModel() throws {
        let model = LendingRateModel.aave(
            try AaveRateStrategy(
                optimalUsageRatioBps: 4_500, baseVariableBorrowRateBps: 0, variableRateSlope1Bps: 700,
                variableRateSlope2Bps: 30_000))
        let r = try PremiumTrade.compute(
            PremiumTradeRequest(
                company: Self.company, capitalUsd: 1_000_000, ltv: 0.5, liquidationThreshold: 0.7,
                borrowRate: .model(model, poolSupplied: 20_000, poolBorrowed: 100)))
        #expect(abs((r.poolUtilization ?? 0) - 1_350.0 / 20_000) < 1e-15 && abs(r.borrowApr - 0.07 * 0.0675 / 0.45) < 1e-15)
        #expect(throws: LendingError.self) {
            _ = try PremiumTrade.compute(
                PremiumTradeRequest(
                    company: Self.company, capitalUsd: 1_000_000, ltv: 0.5, liquidationThreshold: 0.7,
                    borrowRate: .model(model, poolSupplied: 1_000, poolBorrowed: 100)))
        }
    }

    @Test func badInput() {
        func name(_ request: PremiumTradeRequest) -> String? {
            do {
                _ = try PremiumTrade.compute(request)
                return nil
            } catch let error as LendingError { return error.errorName } catch { return "\(error)" }
        }
        let base = PremiumTradeRequest(company: Self.company, capitalUsd: 1_000, ltv: 0.5, liquidationThreshold: 0.7, borrowRate: .fixed(apr: 0.05))
        var request = base
        request.ltv = 0.7
        #expect(name(request) == "LtvNotBelowThreshold")
        request = base
        request.liquidationThreshold = 1.1
        #expect(name(request) == "ThresholdOutOfRange")
        request = base
        request.capitalUsd = -1
        #expect(name(request) == "NegativeAmount")
        request = base
        request.company.coinHoldings = 0
        #expect(name(request) == "InvalidParameter")
        request = base
        request.mnavScenarios = [1, -2]
        #expect(name(request) == "InvalidParameter")
    }
}
