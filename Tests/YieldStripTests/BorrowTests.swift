import Foundation
import Testing
import YieldStrip

/// Borrowing against the stock token or its PT: the oracles to the wei, Morpho's incentive factor, health factor,
/// liquidation prices and dates, the penalty, and bad input.
@Suite struct BorrowTests {
    static let marketPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/markets/aapl-like.json").path

    static func wad(_ text: String) -> Wad { Wad(decimal: text) ?? .zero }
    static let day: Int64 = 86_400

    /// Pendle's linear-discount oracle at 18 %/yr with 90 days left; its PT oracle at an 8 % TWAP with 90 days left.
    @Test func oraclesToTheWei() throws {
        #expect(
            try PtOracle.linearDiscountPrice(baseDiscountPerYear: Self.wad("0.18"), secondsToExpiry: 90 * Self.day).description
                == "0.955616438356164384")
        let now: Int64 = 1_800_000_000
        let twap = try PtOracle.twap(apy: Self.wad("0.08")).price(marketLnImpliedRate: .zero, expiry: now + 90 * Self.day, at: now)
        #expect(twap.description == "0.981202228821037394")
        // 1 / exp(ln 1.08 · 90/365) with Pendle's ln, exp and divDown, step by step.
        let ln = try Self.wad("1.08").ln()
        let exponent = try ln.unsignedScaled(by: 90 * 86_400, dividedBy: 31_536_000)
        #expect(try Wad.one.divDown(exponent.exp()) == twap)
        #expect(abs(twap.doubleValue - 1 / pow(1.08, 90.0 / 365)) < 1e-15)
        // At or after maturity both are one share.
        #expect(try PtOracle.linearDiscountPrice(baseDiscountPerYear: Self.wad("0.18"), secondsToExpiry: 0) == .one)
        #expect(try PtOracle.twap(apy: Self.wad("0.08")).price(marketLnImpliedRate: .zero, expiry: now, at: now) == .one)
    }

    /// Morpho's liquidation incentive factor min(1.15, 1/(1 − 0.3 · (1 − LLTV))): 1.0438 at 86 %, capped at 1.15.
    @Test func morphoIncentiveFactor() throws {
        let factor = try LiquidationTerms.morphoIncentiveFactor(lltv: Self.wad("0.86"))
        #expect(String(format: "%.4f", factor.doubleValue) == "1.0438")
        #expect(factor.description == "1.043841336116910229")
        #expect(try LiquidationTerms.morphoIncentiveFactor(lltv: Self.wad("0.385")).description == "1.15")
        for (lltv, expected) in [
            ("0.625", "1.1268"), ("0.77", "1.0741"), ("0.915", "1.0262"), ("0.945", "1.0168"), ("0.965", "1.0106"), ("0.98", "1.0060")
        ] {
            #expect(String(format: "%.4f", try LiquidationTerms.morphoIncentiveFactor(lltv: Self.wad(lltv)).doubleValue) == expected, "\(lltv)")
        }
    }

    /// A PT loan: health factor, liquidation stock price, the PT price and implied APY that liquidate it, penalty.
    @Test func ptLoan() throws {
        let file = try MarketFile.load(path: Self.marketPath)
        let at = try #require(file.blockTime)
        let request = BorrowRequest(
            collateral: .pt, amount: .units(Wad(units: 1_000)), oracle: .linearDiscount(baseDiscountPerYear: Self.wad("0.18")),
            terms: .aave(maxLtv: 0.8, liquidationThreshold: 0.85, liquidationBonus: 0.05), debt: 500, borrowApr: 0.05, stockPrice: 230)
        let r = try Borrow.compute(request, curve: file.curve, at: at)
        let seconds = file.market.expiry - at
        #expect(r.oraclePrice == (try PtOracle.linearDiscountPrice(baseDiscountPerYear: Self.wad("0.18"), secondsToExpiry: seconds)))
        let p = r.oraclePrice.doubleValue
        #expect(abs((r.collateralValueUsd ?? 0) - 1_000 * p * 230) < 1e-8)
        #expect(abs((r.healthFactor ?? 0) - 1_000 * p * 230 * 0.85 / 500) < 1e-9)
        let critical = try #require(r.liquidationStockPrice)
        #expect(abs(critical - 500 / (1_000 * p * 0.85)) < 1e-12)
        #expect(abs((r.distanceToLiquidation ?? 0) - (1 - critical / 230)) < 1e-15)
        // The PT price and the market's implied APY at which the loan is liquidated (stock price 230).
        let ptStar = try #require(r.liquidationPtPrice)
        #expect(abs(ptStar - 500.0 / 230 / (1_000 * 0.85)) < 1e-15)
        let tau = Double(seconds) / 31_536_000
        #expect(abs((r.liquidationImpliedApy ?? 0) - (pow(ptStar, -1 / tau) - 1)) < 1e-9)
        #expect(abs((r.borrowCapacityUsd ?? 0) - (1_000 * p * 230 * 0.8 - 500)) < 1e-8)
        // Aave: half the debt repaid at a health factor just below 1, a 5 % bonus on it.
        #expect(abs((r.liquidationPenaltyUsd ?? 0) - 500 * 0.5 * 0.05) < 1e-9)
        #expect(r.liquidationDate == nil)  // an 18 % discount accretes faster than 5 % interest
        #expect(r.projection.last?.time == file.market.expiry && r.projection.last?.collateralPrice == 1)
    }

    /// A linear-discount PT whose debt's interest outruns the oracle's accretion: the date the health factor
    /// reaches 1, to the second.
    @Test func liquidationDate() throws {
        let file = try MarketFile.load(path: Self.marketPath)
        let at = try #require(file.blockTime)
        let terms = LiquidationTerms.morpho(lltv: Self.wad("0.86"))
        let oracle = PtOracle.linearDiscount(baseDiscountPerYear: Self.wad("0.02"))
        let price = try oracle.price(marketLnImpliedRate: .zero, expiry: file.market.expiry, at: at).doubleValue
        let debt = 1_000 * price * 230 * 0.86 * 0.97  // health factor 1 / 0.97
        let r = try Borrow.compute(
            BorrowRequest(
                collateral: .pt, amount: .units(Wad(units: 1_000)), oracle: oracle, terms: terms, debt: debt,
                borrowApr: 0.12, stockPrice: 230), curve: file.curve, at: at)
        let date = try #require(r.liquidationDate)
        #expect(date > at && date < file.market.expiry)
        func margin(_ time: Int64) -> Double {
            let left = Double(file.market.expiry - time) / 31_536_000
            return 1_000 * (1 - 0.02 * left) * 230 * 0.86 - debt * exp(0.12 * Double(time - at) / 31_536_000)
        }
        #expect(margin(date) <= 0 && margin(date - 1) > 0)
        // Morpho: the liquidator may repay all the debt and receives the incentive factor on it.
        #expect(r.closeFactor == 1 && abs((r.liquidationPenaltyUsd ?? 0) - debt * (r.liquidationIncentiveFactor - 1)) < 1e-6)
        #expect(r.maxLtv == 0.86 && r.liquidationThreshold == 0.86)
    }

    /// The token as collateral: its exchange rate × the stock price; reinvested dividends raise its value.
    @Test func tokenLoan() throws {
        let rate = Self.wad("1.0123")
        let request = BorrowRequest(
            collateral: .token, amount: .size(.usd(Wad(units: 23_000))),
            terms: .aave(maxLtv: 0.7, liquidationThreshold: 0.75, liquidationBonus: 0.1), debt: 10_000, borrowApr: 0.05,
            stockPrice: 230, tokenApy: 0.004)
        let r = try Borrow.compute(request, exchangeRate: rate, at: 1_800_000_000)
        // 23,000 USD = 100 shares = 100 / 1.0123 tokens.
        #expect(r.collateralAmount == (try Wad(units: 100).assetToSy(index: rate)) && r.oraclePrice == rate)
        #expect(abs((r.collateralValueUsd ?? 0) - r.collateralAmount.doubleValue * 1.0123 * 230) < 1e-9)
        #expect(abs((r.liquidationStockPrice ?? 0) - 10_000 / (r.collateralAmount.doubleValue * 1.0123 * 0.75)) < 1e-9)
        let year = try #require(r.projection.first { $0.days == 365 })
        #expect(abs(year.collateralPrice - 1.0123 * 1.004) < 1e-12)
        #expect(abs((year.debtUsd ?? 0) - 10_000 * exp(0.05)) < 1e-8)
        #expect(r.tokenApyBasis == "given")
        // A token debt moves with the stock: no liquidation price.
        let tokenDebt = try Borrow.compute(
            BorrowRequest(
                collateral: .token, amount: .units(Wad(units: 100)), terms: .morpho(lltv: Self.wad("0.77")),
                debt: 50, debtAsset: .token, borrowApr: 0.01), exchangeRate: rate, at: 1_800_000_000)
        #expect(tokenDebt.liquidationStockPrice == nil && abs((tokenDebt.healthFactor ?? 0) - 0.77 * 100 / 50) < 1e-12)
    }

    /// A PT budget buys the collateral on the market: the exact lock-in purchase.
    @Test func ptBoughtWithABudget() throws {
        let file = try MarketFile.load(path: Self.marketPath)
        let at = try #require(file.blockTime)
        let r = try Borrow.compute(
            BorrowRequest(
                collateral: .pt, amount: .size(.usd(Wad(units: 10_000))), terms: .morpho(lltv: Self.wad("0.915")),
                debt: 5_000, stockPrice: 230), curve: file.curve, at: at)
        let lockIn = try LockIn.compute(LockInRequest(size: .usd(Wad(units: 10_000)), stockPrice: 230), curve: file.curve, at: at)
        #expect(r.collateralAmount == lockIn.ptOut && r.purchase?.amountOut == lockIn.ptOut)
        // The market oracle is Pendle's PT oracle at the stored rate.
        #expect(
            r.oraclePrice
                == (try ImpliedRateMath.ptPriceInAsset(fromLnImpliedRate: file.market.lastLnImpliedRate, expiry: file.market.expiry, now: at)))
        #expect(r.tokenApyBasis == "the market's implied APY")
    }

    /// Bad input: each a named error.
    @Test func badInput() throws {
        let file = try MarketFile.load(path: Self.marketPath)
        let at = try #require(file.blockTime)
        func name(_ request: BorrowRequest, at time: Int64? = nil) -> String? {
            do {
                _ = try Borrow.compute(request, curve: file.curve, at: time ?? at)
                return nil
            } catch let error as any DomainError { return error.errorName } catch { return "\(error)" }
        }
        let aave = LiquidationTerms.aave(maxLtv: 0.8, liquidationThreshold: 0.85, liquidationBonus: 0.05)
        func pt(_ terms: LiquidationTerms = aave, debt: Double = 500, oracle: PtOracle = .market) -> BorrowRequest {
            BorrowRequest(collateral: .pt, amount: .units(Wad(units: 1_000)), oracle: oracle, terms: terms, debt: debt, stockPrice: 230)
        }
        #expect(name(pt(.aave(maxLtv: 0.85, liquidationThreshold: 0.85, liquidationBonus: 0.05))) == "LtvNotBelowThreshold")
        #expect(name(pt(.aave(maxLtv: 0.9, liquidationThreshold: 0.85, liquidationBonus: 0.05))) == "LtvNotBelowThreshold")
        #expect(name(pt(.aave(maxLtv: 0.8, liquidationThreshold: 1.2, liquidationBonus: 0.05))) == "ThresholdOutOfRange")
        #expect(name(pt(.aave(maxLtv: 0.8, liquidationThreshold: 0.95, liquidationBonus: 0.1))) == "InvalidReserveParams")
        #expect(name(pt(.morpho(lltv: .one))) == "MaxLltvExceeded")
        #expect(name(pt(debt: -1)) == "NegativeAmount")
        #expect(name(pt(), at: file.market.expiry) == "PtMatured")
        #expect(name(pt(oracle: .linearDiscount(baseDiscountPerYear: Self.wad("1.5")))) == "InvalidParameter")
        #expect(name(BorrowRequest(collateral: .pt, amount: .units(Wad(units: -5)), terms: aave, debt: 1, stockPrice: 230)) == "NegativeAmount")
        #expect(name(BorrowRequest(collateral: .pt, amount: .units(Wad(units: 5)), terms: aave, debt: 1)) == "MissingStockPrice")
        // Over the maximum LTV: answered, with a warning.
        let over = try Borrow.compute(pt(debt: 1_000 * 0.997 * 230 * 0.82), curve: file.curve, at: at)
        #expect(over.warnings.count == 1 && (over.healthFactor ?? 0) > 1)
    }
}
