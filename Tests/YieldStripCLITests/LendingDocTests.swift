import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// The worked examples of `docs/lending.md`, number by number, from the library; each number written on the page.
@Suite struct LendingDocTests {
    static func page() throws -> String {
        try String(contentsOf: TokenizationCLITesting.repositoryRoot.appendingPathComponent("docs/lending.md"), encoding: .utf8)
    }

    static func percent(_ value: Double?, _ digits: Int = 4) -> String {
        TableFormat.percent(value, digits: digits).replacingOccurrences(of: "%", with: " %")
    }
    static func usd(_ value: Double?) -> String {
        let text = TableFormat.fixed(value, digits: 2)
        guard let point = text.firstIndex(of: ".") else { return text }
        var whole = String(text[..<point])
        var grouped = ""
        let negative = whole.hasPrefix("-")
        if negative { whole.removeFirst() }
        for (i, digit) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + String(grouped.reversed()) + String(text[point...])
    }

    static func wad(_ text: String) -> Wad { Wad(decimal: text) ?? .zero }

    /// Expects the page to contain each text.
    static func onPage(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let page = try page()
        for text in texts { #expect(page.contains(text), "docs/lending.md lacks '\(text)'", sourceLocation: sourceLocation) }
    }

    @Test func rates() throws {
        let usdc = LendingRateModel.aave(
            try AaveRateStrategy(
                optimalUsageRatioBps: 9_200, baseVariableBorrowRateBps: 0, variableRateSlope1Bps: 1_250,
                variableRateSlope2Bps: 3_500))
        var texts: [String] = []
        for u in ["0.5", "0.92", "0.96", "1"] {
            let r = try LendingRates.compute(LendingRatesRequest(model: usdc, utilization: Self.wad(u)))
            texts.append("| \(u == "1" ? "1.0" : u) | \(Self.percent(r.borrowRate)) |")
        }
        let supply = try LendingRates.compute(LendingRatesRequest(model: usdc, utilization: Self.wad("0.5"), reserveFactor: Self.wad("0.1")))
        texts += ["**\(Self.percent(supply.supplyRate))** APR", "ray: \(supply.borrowRateRay?.description ?? "")"]
        let morpho = LendingRateModel.morpho(rateAtTarget: Self.wad("0.04"))
        for u in ["0", "0.5", "0.9", "1"] {
            texts.append(
                "| \(u) | \(Self.percent(try LendingRates.compute(LendingRatesRequest(model: morpho, utilization: Self.wad(u))).borrowRate)) |")
        }
        let day = try LendingRates.compute(LendingRatesRequest(model: morpho, utilization: .one, seconds: 86_400))
        texts += [
            "**\(Self.percent(day.continuousRateAtTargetEnd))**", "**\(Self.percent(day.continuousBorrowRate, 3))**",
            "**\(Self.percent(day.rateAtTargetEnd))**", "**\(Self.percent(day.borrowRate, 3))**",
            "4 × 4.5855 % = \(Self.percent(day.borrowRateEnd, 3))"
        ]
        #expect(MorphoAdaptiveCurveIrm.initialRateAtTarget.description == "1268391679")
        // The idle stock-token market and the inverse question.
        let volatile = LendingRateModel.aave(
            try AaveRateStrategy(
                optimalUsageRatioBps: 4_500, baseVariableBorrowRateBps: 0, variableRateSlope1Bps: 700,
                variableRateSlope2Bps: 30_000))
        let idle = try LendingRates.compute(
            LendingRatesRequest(
                model: volatile, utilization: try Wad(units: 5_000).divDown(Wad(units: 5_000_000)),
                reserveFactor: Self.wad("0.2"), targetSupplyApy: 0.01))
        texts += [
            "pays borrowers \(Self.percent(idle.borrowRate)) and suppliers **\(Self.percent(idle.supplyApy, 6))**",
            "**\(Self.percent(idle.target?.utilization))**", "at \(Self.percent(idle.target?.borrowRate)) APR"
        ]
        try Self.onPage(texts)
    }

    @Test func borrow() throws {
        let file = try MarketExamples.load(MarketExamples.aapl)
        let at = try #require(file.blockTime)
        #expect(
            try PtOracle.linearDiscountPrice(baseDiscountPerYear: Self.wad("0.18"), secondsToExpiry: 90 * 86_400).description
                == "0.955616438356164384")
        #expect(
            try PtOracle.twap(apy: Self.wad("0.08")).price(marketLnImpliedRate: .zero, expiry: 90 * 86_400, at: 0).description
                == "0.981202228821037394")
        var texts = ["**0.955616438356164384**", "**0.981202228821037394**"]
        for (lltv, shown) in [
            ("0.625", "1.1268"), ("0.77", "1.0741"), ("0.86", "**1.0438**"), ("0.915", "1.0262"), ("0.945", "1.0168"), ("0.965", "1.0106"),
            ("0.98", "1.0060")
        ] {
            let factor = try LiquidationTerms.morphoIncentiveFactor(lltv: Self.wad(lltv))
            #expect(shown.contains(String(format: "%.4f", factor.doubleValue)), "\(lltv)")
            texts.append(shown)
        }
        texts.append("exactly \(try LiquidationTerms.morphoIncentiveFactor(lltv: Self.wad("0.86")))")
        let pt = try Borrow.compute(
            BorrowRequest(
                collateral: .pt, amount: .units(Wad(units: 1_000)), oracle: .linearDiscount(baseDiscountPerYear: Self.wad("0.18")),
                terms: .aave(maxLtv: 0.8, liquidationThreshold: 0.85, liquidationBonus: 0.05), debt: 150_000,
                borrowApr: 0.05, stockPrice: 230), curve: file.curve, at: at)
        #expect(file.market.expiry - at == 31_656_600 && pt.liquidationDate == nil)
        texts += [
            "| \(pt.oraclePrice) |", "| \(Self.usd(pt.collateralValueUsd)) USD |", "| \(TableFormat.fixed(pt.healthFactor, digits: 4)) |",
            "| \(Self.usd(pt.liquidationStockPrice)) USD (\(Self.percent(pt.distanceToLiquidation, 2)) below) |",
            "= \(TableFormat.fixed(pt.liquidationPtPrice, digits: 5))", "| \(Self.percent(pt.liquidationImpliedApy)) |",
            "| \(Self.usd(pt.liquidationPenaltyUsd)) USD |"
        ]
        let token = try Borrow.compute(
            BorrowRequest(
                collateral: .token, amount: .size(.tokens(Wad(units: 100))),
                terms: .aave(maxLtv: 0.7, liquidationThreshold: 0.75, liquidationBonus: 0.1), debt: 10_000, borrowApr: 0.05,
                stockPrice: 230), curve: file.curve, at: at)
        let year = try #require(token.projection.first { $0.days == 365 })
        texts += [
            "**\(TableFormat.fixed(token.healthFactor, digits: 4))**", "**\(Self.usd(token.liquidationStockPrice))** USD",
            "**\(TableFormat.fixed(year.healthFactor, digits: 4))**"
        ]
        try Self.onPage(texts)
    }

    @Test func loop() throws {
        let file = try MarketExamples.load(MarketExamples.aapl)
        let at = try #require(file.blockTime)
        let r = try PtLoop.compute(
            PtLoopRequest(
                size: .tokens(Wad(units: 100)), borrow: .token, terms: .morpho(lltv: Self.wad("0.915")), loops: 8,
                borrowRate: .fixed(apr: 0.0005), stockPrice: 230, tokenApy: 0.001), curve: file.curve, at: at)
        let usd = try PtLoop.compute(
            PtLoopRequest(
                size: .usd(Wad(units: 10_000)), borrow: .usd, terms: .aave(maxLtv: 0.7, liquidationThreshold: 0.75, liquidationBonus: 0.05),
                loops: 3, borrowRate: .fixed(apr: 0.05), stockPrice: 230), curve: file.curve, at: at)
        try Self.onPage([
            "| PT held | \(r.ptHeld) |", "| debt (tokens) | \(r.debt) |",
            "| \(TableFormat.fixed(r.leverage, digits: 3)), \(Self.percent(r.ltv, 2)), \(TableFormat.fixed(r.healthFactor, digits: 4)) |",
            "| \(Self.percent(r.unleveredFixedApy)), \(Self.percent(r.fixedApy)) |",
            "**\(Self.percent(r.netApy))** (≈ \(TableFormat.fixed(r.leverage, digits: 3))",
            "| **\(Self.percent(r.breakEvenBorrowApr))** |", "| \(Self.percent(r.liquidationImpliedApy)) |", "**\(Self.percent(usd.netApy))**"
        ])
        #expect(abs(r.netApy - (r.leverage * r.fixedApy - (r.leverage - 1) * 0.0015)) < 1e-5)
    }

    @Test func premiumTrade() throws {
        let line = try #require(
            try String(
                contentsOf: TokenizationCLITesting.repositoryRoot.appendingPathComponent("examples/data/treasury-company-illustrative.jsonl"),
                encoding: .utf8
            ).split(separator: "\n").first.map(String.init))
        let answer = try JSONOutput.batchAnswer(line)
        let number = { (key: String) in answer.number(key) }
        try Self.onPage([
            "| \(TableFormat.fixed(number("mnav"), digits: 4)), \(Self.percent(number("premium"), 2)) |", "| \(Self.percent(number("borrowApr"))) |",
            "| \(Self.usd(number("carryUsdPerYear"))) USD a year |", "| \(TableFormat.fixed(number("breakEvenMnav"), digits: 4)) |",
            "| \(Self.usd(number("liquidationStockPrice"))) USD (mNAV \(TableFormat.fixed(number("liquidationMnav"), digits: 4))) |"
        ])
    }

    /// The page shows the commands its examples run, and docs/cli.md each lending command's help page.
    @Test func commandsAndHelpPages() throws {
        let cli = try String(contentsOf: TokenizationCLITesting.repositoryRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        for command in ["rates", "borrow", "loop", "mnav"] {
            let help = yieldstrip(command, "--help").stdout
            #expect(cli.contains(help), "docs/cli.md lacks the help page of \(command)")
        }
        let batch = try String(contentsOf: TokenizationCLITesting.repositoryRoot.appendingPathComponent("docs/batch.md"), encoding: .utf8)
        for op in ["rates", "borrow", "loop", "mnav"] { #expect(batch.contains("### `\(op)`"), "docs/batch.md lacks the op \(op)") }
    }
}
