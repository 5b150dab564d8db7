import Foundation
import Testing
import YieldStrip

/// Projection to maturity: closed forms, discounting, the dividend-timing effect and bad parameters.
@Suite struct TokenizationProjectionTests {
    func w(_ s: String) -> Wad { Wad(decimal: s)! }
    let t0: Int64 = 1_756_684_800  // 2025-09-01
    let oneYear: Int64 = 31_536_000
    let dayS: Int64 = 86_400

    func schedule(_ events: [(Int64, String, String)]) throws -> DividendSchedule {
        try DividendSchedule(actions: events.map { .dividend(DividendEvent(exDate: $0.0, amountPerShareUsd: w($0.1), reinvestPriceUsd: w($0.2))) })
    }

    /// One dividend d = 1, P = 100, w = 30 %: I_T = 1.007; PT = 1/1.007 shares, YT = 0.007 · 0.97 / 1.007.
    @Test func oneDividendTokenGrowth() throws {
        let p = try TokenProjectionModel.project(
            currentIndex: 1, valuationTime: t0, maturity: t0 + oneYear,
            dividends: .schedule(try schedule([(t0 + 100 * dayS, "1", "100")]), prices: .eventPricesOnly),
            interestFeeRate: 0.03, discounting: .tokenGrowth, stockPriceUsd: 230)
        #expect(abs(p.expectedIndexAtMaturity - 1.007) < 1e-15)
        #expect(abs(p.expectedUnderlyingApy - 0.007) < 1e-14)
        #expect(abs(p.ptFairPriceInShares - 0.99304865938431) < 1e-14)
        #expect(abs(p.ytFairPriceInShares - 0.006742800397219464) < 1e-15)
        #expect(abs(p.ytPayoffInShares - 0.007 * 0.97) < 1e-15)
        #expect(abs(p.ytInterestSyPerYT - (1 - 1 / 1.007) * 0.97) < 1e-15)
        #expect(abs(p.ptFairPriceUsd! - 230 * 0.99304865938431) < 1e-11)
        #expect(abs(p.ptFairImpliedApy - 0.007) < 1e-14)
        // PT + YT + the fee's present value = 1 share.
        #expect(abs(p.ptFairPriceInShares + p.ytFairPriceInShares + 0.007 * 0.03 / 1.007 - 1) < 1e-15)
        // In SY at an index of 1.25: prices in shares / 1.25.
        let q = try TokenProjectionModel.project(
            currentIndex: 1.25, valuationTime: t0, maturity: t0 + oneYear,
            dividends: .schedule(try schedule([(t0 + 100 * dayS, "1", "100")]), prices: .eventPricesOnly),
            interestFeeRate: 0.03, discounting: .tokenGrowth)
        #expect(abs(q.expectedIndexAtMaturity - 1.25 * 1.007) < 1e-15)
        #expect(abs(q.ptFairPriceInSy - 0.99304865938431 / 1.25) < 1e-15 && q.ptFairPriceUsd == nil)
    }

    /// Discounting at a PT implied APY of 5 % over one year: PT = 1/1.05, YT = 0.007 · 0.97 / 1.05.
    @Test func apyDiscounting() throws {
        let p = try TokenProjectionModel.project(
            currentIndex: 1, valuationTime: t0, maturity: t0 + oneYear,
            dividends: .schedule(try schedule([(t0 + 100 * dayS, "1", "100")]), prices: .eventPricesOnly),
            interestFeeRate: 0.03, discounting: .apy(0.05))
        #expect(abs(p.ptFairPriceInShares - 1 / 1.05) < 1e-15)
        #expect(abs(p.ytFairPriceInShares - 0.006466666666666667) < 1e-15)
        #expect(abs(p.ptFairImpliedApy - 0.05) < 1e-14)
    }

    /// A flat gross yield of 2 % at 30 % withholding over two years: I_T = e^{0.028}, APY = e^{0.014} − 1.
    @Test func flatYield() throws {
        let p = try TokenProjectionModel.project(
            currentIndex: 1, valuationTime: t0, maturity: t0 + 2 * oneYear,
            dividends: .flatYield(grossAnnualYield: 0.02), interestFeeRate: 0,
            discounting: .tokenGrowth)
        #expect(abs(p.expectedIndexAtMaturity - 1.028395684421425) < 1e-14)
        #expect(abs(p.expectedUnderlyingApy - 0.014098458938492264) < 1e-14)
        #expect(abs(p.ptFairPriceInShares + p.ytFairPriceInShares - 1) < 1e-15)  // no fee: PT + YT = 1
    }

    /// A dividend the day before maturity reaches YT; the day after (or on maturity) it pays the treasury.
    @Test func dividendJustBeforeVersusAfterMaturity() throws {
        let maturity = t0 + oneYear / 2
        func project(_ exDate: Int64) throws -> TokenProjection {
            try TokenProjectionModel.project(
                currentIndex: 1, valuationTime: t0, maturity: maturity,
                dividends: .schedule(try schedule([(exDate, "1", "100")]), prices: .eventPricesOnly),
                interestFeeRate: 0.03, discounting: .apy(0.04), stockPriceUsd: 100)
        }
        let before = try project(maturity - dayS)
        let after = try project(maturity + dayS)
        let onMaturity = try project(maturity)
        let df = pow(1.04, -0.5)
        #expect(abs(before.ytFairPriceInShares - 0.007 * 0.97 * df) < 1e-15)
        #expect(before.dividendsBeforeMaturity.count == 1 && before.treasurySharesPerPT == 0)
        #expect(after.ytFairPriceInShares == 0 && after.expectedIndexAtMaturity == 1)
        #expect(after.dividendsAfterMaturity.count == 1 && abs(after.treasurySharesPerPT - 0.007) < 1e-15)
        #expect(onMaturity.ytFairPriceInShares == 0 && onMaturity.dividendsAfterMaturity.count == 1)
        // PT is worth the same either way when discounted at a given APY: only YT loses the dividend.
        #expect(before.ptFairPriceInShares == after.ptFairPriceInShares)
        #expect(abs(before.ytFairPriceUsd! - after.ytFairPriceUsd! - 100 * 0.007 * 0.97 * df) < 1e-12)
    }

    /// Dividends dated at or before the valuation time are already in the current index.
    @Test func pastDividendsIgnored() throws {
        let p = try TokenProjectionModel.project(
            currentIndex: 1.1, valuationTime: t0, maturity: t0 + oneYear,
            dividends: .schedule(try schedule([(t0 - dayS, "5", "100"), (t0, "5", "100"), (t0 + dayS, "1", "100")]), prices: .eventPricesOnly),
            withholding: .exempt, interestFeeRate: 0, discounting: .tokenGrowth)
        #expect(abs(p.expectedGrowth - 1.01) < 1e-15)
        // Prices from the assumption when the rows have none.
        let noPrice = try DividendSchedule(actions: [.dividend(DividendEvent(exDate: t0 + dayS, amountPerShareUsd: w("1")))])
        let flat = try TokenProjectionModel.project(
            currentIndex: 1, valuationTime: t0, maturity: t0 + oneYear,
            dividends: .schedule(noPrice, prices: .flat(usdPerShare: w("50"))),
            withholding: .exempt, interestFeeRate: 0, discounting: .tokenGrowth)
        #expect(abs(flat.expectedGrowth - 1.02) < 1e-15)
        let growing = try TokenProjectionModel.project(
            currentIndex: 1, valuationTime: t0, maturity: t0 + 2 * oneYear,
            dividends: .schedule(
                try DividendSchedule(actions: [.dividend(DividendEvent(exDate: t0 + oneYear, amountPerShareUsd: w("1")))]),
                prices: .growing(usdPerShare: w("100"), from: t0, annualGrowth: 0.25)),
            withholding: .exempt, interestFeeRate: 0, discounting: .tokenGrowth)
        #expect(abs(growing.expectedGrowth - 1.008) < 1e-15)  // price 125 after one year
    }

    @Test func badParameters() {
        let forward = ForwardDividends.flatYield(grossAnnualYield: 0.01)
        #expect(throws: TokenizationError.invalidDateRange(what: "projection (valuation time → maturity)", start: "2025-09-01", end: "2025-09-01")) {
            try TokenProjectionModel.project(
                currentIndex: 1, valuationTime: t0, maturity: t0, dividends: forward, interestFeeRate: 0,
                discounting: .tokenGrowth)
        }
        #expect(throws: TokenizationError.negativeAmount(line: 0, field: "grossAnnualYield", value: "-0.01")) {
            try TokenProjectionModel.project(
                currentIndex: 1, valuationTime: t0, maturity: t0 + oneYear,
                dividends: .flatYield(grossAnnualYield: -0.01), interestFeeRate: 0, discounting: .tokenGrowth)
        }
        #expect(throws: TokenizationError.nonPositiveExchangeRate(line: 0, field: "currentIndex", value: "0.0")) {
            try TokenProjectionModel.project(
                currentIndex: 0, valuationTime: t0, maturity: t0 + oneYear, dividends: forward,
                interestFeeRate: 0, discounting: .tokenGrowth)
        }
        #expect(throws: TokenizationError.invalidFeeRate(value: "1.5")) {
            try TokenProjectionModel.project(
                currentIndex: 1, valuationTime: t0, maturity: t0 + oneYear, dividends: forward,
                interestFeeRate: 1.5, discounting: .tokenGrowth)
        }
        #expect(throws: TokenizationError.self) {
            try TokenProjectionModel.project(
                currentIndex: 1, valuationTime: t0, maturity: t0 + oneYear, dividends: forward,
                interestFeeRate: 0, discounting: .apy(-1))
        }
        #expect(throws: TokenizationError.nonPositivePrice(line: 0, field: "stockPriceUsd", value: "0.0")) {
            try TokenProjectionModel.project(
                currentIndex: 1, valuationTime: t0, maturity: t0 + oneYear, dividends: forward,
                interestFeeRate: 0, discounting: .tokenGrowth, stockPriceUsd: 0)
        }
    }
}
