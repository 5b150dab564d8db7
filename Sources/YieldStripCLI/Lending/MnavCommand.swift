import YieldStrip
import YieldStripJSON

/// `yieldstrip mnav`: a treasury company's premium and the trade on it (batch op `mnav`).
struct MnavCommand: JobCommand {
    let name = "mnav"
    let abstract = "The premium trade: a treasury company's mNAV, short or long."
    let discussion = """
        mNAV = market cap / (coin holdings x coin price), from plain numbers
        (--shares-outstanding, --stock-price, --coin-holdings, --coin-price,
        --company-debt for the enterprise value). --side short (default): post
        --capital in coin, borrow the tokenized stock up to --ltv and sell it, the coin
        the collateral leaves long shorted with a perp (--hedge-coin perp|none,
        --funding); --side long, the reverse: the stock token posted, the coin borrowed
        and sold. The borrowed asset costs --borrow-apr, or the lender's rate from a
        rate model (--model ... --pool-supplied, --pool-borrowed, in tokens or coins);
        the collateral earns --collateral-apr, the sale proceeds --proceeds-apr.
        Reports the carry by part, the mNAV at which the trade breaks even over
        --days, where the loan is liquidated (in stock, coin and mNAV terms) and the
        PnL at the horizon for --mnav-range (default today's -50% ... +50% and 1).
        --json prints the answer of the batch op 'mnav'.
        """
    /// The company, the side and size of the premium trade, its financing and hedge, the output.
    struct Options: DoorOptions {
        static var specs: [OptionSpec] {
            [
                .value("shares-outstanding", valueName: "n", help: "The company's shares outstanding.", required: true),
                .value("stock-price", valueName: "usd", help: "USD per share.", required: true),
                .value("coin-holdings", valueName: "n", help: "Coins the company holds.", required: true),
                .value("coin-price", valueName: "usd", help: "USD per coin.", required: true),
                .value("company-debt", valueName: "usd", help: "The company's debt, for the enterprise value.", default: "0"),
                .value(
                    "side", valueName: "side", help: "short (coin collateral, the stock borrowed and sold) or long (the reverse).", default: "short"),
                .value("capital", valueName: "usd", help: "The collateral posted, in USD.", required: true),
                .value("ltv", valueName: "rate", help: "What is borrowed, a share of the collateral's value (e.g. 50%).", required: true),
                .value("liquidation-threshold", valueName: "rate", help: "The LTV at which the loan is liquidated (e.g. 70%).", required: true)
            ] + LendingInputs.borrowRateOptions + [
                .value("collateral-apr", valueName: "apr", help: "What the collateral earns per year (default 0)."),
                .value("proceeds-apr", valueName: "apr", help: "What the sale proceeds earn as stablecoins per year (default 0)."),
                .value("hedge-coin", valueName: "kind", help: "A short: perp (short the coin the collateral leaves long) or none.", default: "perp"),
                .value("funding", valueName: "apr", help: "The funding the coin perp short receives per year (default 0)."),
                .value("days", valueName: "days", help: "The horizon for the carry and the break-even.", default: "365"),
                .value("mnav-range", valueName: "list", help: "mNAVs at the horizon for the PnL rows (1,1.5,2 or 1..3:0.25).")
            ] + OutputOptions.specs
        }

        let request: PremiumTradeRequest
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            request = try MnavOptions.request(fields)
            output = try OutputOptions(fields)
        }
    }

    static let opName = "mnav"
    static let opSummary =
        "sharesOutstanding, stockPrice, coinHoldings, coinPrice, companyDebt?, side?, capital, ltv, liquidationThreshold, borrowApr|model+poolSupplied, … → mNAV, premium, carry, break-even mNAV, liquidation, scenarios (as 'mnav --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let answer = try MnavAnswer.build(PremiumTrade.compute(options.request))
        return JobAnswer(report: answer.report, tableText: answer.tableText)
    }
}

/// The premium trade's request from the command's options or the batch op's fields.
enum MnavOptions {
    static func request(_ source: DoorFields) throws -> PremiumTradeRequest {
        func required(_ field: String, _ what: String) throws -> Double {
            try source.required(field, what) { ValueText.double($0, expecting: TokenizationValues.numberExpectation) }
        }
        let company = TreasuryCompany(
            sharesOutstanding: try required("sharesOutstanding", "the shares outstanding"),
            stockPrice: try required("stockPrice", "USD per share"),
            coinHoldings: try required("coinHoldings", "the coins held"), coinPrice: try required("coinPrice", "USD per coin"),
            debtUsd: try source.number("companyDebt") ?? 0)
        let side = PremiumSide(rawValue: try source.choice("side", ["short", "long"], default: "short")) ?? .short
        let hedge = try source.choice("hedgeCoin", ["perp", "none"], default: "perp")
        if side == .long, let stray = ["hedgeCoin", "funding"].first(where: source.given) {
            throw source.conflict("\(source.name(stray)) applies to a short of the premium (\(source.name("side")) short)", field: stray)
        }
        if hedge == "none" && source.given("funding") {
            throw source.conflict(
                "\(source.name("funding")) is the coin perp's: leave it out with \(source.name("hedgeCoin")) none", field: "funding")
        }
        let ltv = try source.required("ltv", "what is borrowed, a share of the collateral, e.g. 50%", RateText.double)
        let threshold = try source.required("liquidationThreshold", "the liquidation threshold, e.g. 70%", RateText.double)
        return PremiumTradeRequest(
            company: company, side: side, capitalUsd: try required("capital", "the collateral posted, in USD"), ltv: ltv,
            liquidationThreshold: threshold, borrowRate: try LendingInputs.borrowRate(source),
            collateralApr: try source.rate("collateralApr") ?? 0, proceedsApr: try source.rate("proceedsApr") ?? 0,
            hedgeCoin: hedge == "perp", fundingApr: try source.rate("funding") ?? 0, days: try source.number("days") ?? 365,
            mnavScenarios: try source.list("mnavRange")?.values)
    }
}

/// The answer of `mnav` and the batch op `mnav`.
///
/// Fields, in order (JSON numbers, `null` where they do not apply): `sharesOutstanding`, `stockPrice`,
/// `coinHoldings`, `coinPrice`, `companyDebt`; `marketCapUsd`, `coinNavUsd`, `mnav`, `premium`, `coinPerShare`,
/// `navPerShareUsd`, `enterpriseValueUsd`, `mnavEnterpriseValue`; `side`, `capitalUsd`, `collateralUnits`,
/// `borrowedUnits`, `borrowedUsd`, `ltv`, `liquidationThreshold`, `healthFactor`; `borrowApr`,
/// `poolUtilization`; `borrowCostUsd`, `proceedsIncomeUsd`, `collateralIncomeUsd`, `fundingUsd`,
/// `carryUsdPerYear`, `carryApr`; `coinHedgeUsd`, `coinExposureUsd`, `premiumExposureUsd`; `days`,
/// `carryUsd`, `breakEvenMnav`, `breakEvenMnavChange`; `liquidationStockPrice`, `liquidationCoinPrice`,
/// `liquidationMnav`; `scenarios` (rows `mnav`, `stockPrice`, `premiumPnlUsd`, `carryUsd`, `pnlUsd`,
/// `returnOnCapital`); `notes`, `assumptions`.
struct MnavAnswer {
    let report: Report
    let result: PremiumTradeResult

    static func build(_ r: PremiumTradeResult) throws -> MnavAnswer {
        var answer = AnswerBuilder()
        let percent = { (value: Double) in LendingInputs.percent(value) }
        let usd = { (value: Double) in LendingInputs.usd(value) }
        let real = { (value: Double) in LendingInputs.real(value) }
        let c = r.company
        try answer.number("sharesOutstanding", c.sharesOutstanding, label: "shares outstanding", display: real)
        try answer.number("stockPrice", c.stockPrice, label: "stock price (USD)", display: usd)
        try answer.number("coinHoldings", c.coinHoldings, label: "coins held", display: real)
        try answer.number("coinPrice", c.coinPrice, label: "coin price (USD)", display: usd)
        try answer.number("companyDebt", c.debtUsd, label: "company debt (USD)", display: usd)
        try answer.number("marketCapUsd", r.marketCapUsd, label: "market cap (USD)", display: usd)
        try answer.number("coinNavUsd", r.coinNavUsd, label: "coin NAV (USD)", display: usd)
        try answer.number("mnav", r.mnav, label: "mNAV") { TableFormat.fixed($0, digits: 4) }
        try answer.number("premium", r.premium, label: "premium over NAV", display: percent)
        try answer.number("coinPerShare", r.coinPerShare, label: "coin per share", display: real)
        try answer.number("navPerShareUsd", r.navPerShareUsd, label: "NAV per share (USD)", display: usd)
        try answer.number("enterpriseValueUsd", r.enterpriseValueUsd, label: "enterprise value (USD)", display: usd)
        try answer.number("mnavEnterpriseValue", r.mnavEnterpriseValue, label: "EV / coin NAV") { TableFormat.fixed($0, digits: 4) }
        answer.text(
            "side", r.side.rawValue, label: "side",
            display: r.side == .short
                ? "short the premium: coin posted, stock token borrowed and sold"
                : "long the premium: stock token posted, coin borrowed and sold")
        try answer.number("capitalUsd", r.capitalUsd, label: "collateral (USD)", display: usd)
        try answer.number(
            "collateralUnits", r.collateralUnits, label: r.side == .short ? "collateral (coins)" : "collateral (stock tokens)", display: real)
        try answer.number(
            "borrowedUnits", r.borrowedUnits, label: r.side == .short ? "borrowed and sold (stock tokens)" : "borrowed and sold (coins)",
            display: real)
        try answer.number("borrowedUsd", r.borrowedUsd, label: "borrowed and sold (USD)", display: usd)
        try answer.number("ltv", r.ltv, label: "loan-to-value") { LendingInputs.percent($0, 2) }
        try answer.number("liquidationThreshold", r.liquidationThreshold, label: "liquidation threshold") { LendingInputs.percent($0, 2) }
        try answer.number("healthFactor", r.healthFactor, label: "health factor") { TableFormat.fixed($0, digits: 4) }
        try answer.number("borrowApr", r.borrowApr, label: "borrow APR", display: percent)
        try answer.number("poolUtilization", r.poolUtilization, label: "lender's pool utilization after", display: percent)
        try answer.number("borrowCostUsd", r.borrowCostUsd, label: "borrow cost (USD a year)", display: usd)
        try answer.number("proceedsIncomeUsd", r.proceedsIncomeUsd, label: "proceeds income (USD a year)", display: usd)
        try answer.number("collateralIncomeUsd", r.collateralIncomeUsd, label: "collateral income (USD a year)", display: usd)
        try answer.number("fundingUsd", r.fundingUsd, label: "coin perp funding (USD a year)", display: usd)
        try answer.number("carryUsdPerYear", r.carryUsdPerYear, label: "carry (USD a year)", display: usd)
        try answer.number("carryApr", r.carryApr, label: "carry on the capital (APR)", display: percent)
        try answer.number("coinHedgeUsd", r.coinHedgeUsd, label: "coin perp short (USD)", display: usd)
        try answer.number("coinExposureUsd", r.coinExposureUsd, label: "net coin exposure at a constant mNAV (USD)", display: usd)
        try answer.number("premiumExposureUsd", r.premiumExposureUsd, label: "premium exposure (USD per 100 % move of mNAV)", display: usd)
        try answer.number("days", r.days, label: "horizon (days)") { TableFormat.significant($0, digits: 8) }
        try answer.number("carryUsd", r.carryUsd, label: "carry to the horizon (USD)", display: usd)
        try answer.number("breakEvenMnav", r.breakEvenMnav, label: "mNAV at the horizon that breaks even") { TableFormat.fixed($0, digits: 4) }
        try answer.number("breakEvenMnavChange", r.breakEvenMnavChange, label: "its change from today's mNAV") { TableFormat.fixed($0, digits: 4) }
        try answer.number(
            "liquidationStockPrice", r.liquidationStockPrice,
            label: r.side == .short
                ? "stock price that liquidates, coin unchanged (USD)"
                : "stock price that liquidates, coin unchanged (USD)", display: usd)
        try answer.number("liquidationCoinPrice", r.liquidationCoinPrice, label: "coin price that liquidates, stock unchanged (USD)", display: usd)
        try answer.number("liquidationMnav", r.liquidationMnav, label: "mNAV that liquidates (coin unchanged)") { TableFormat.fixed($0, digits: 4) }
        answer.hiddenMember(
            "scenarios",
            .array(
                try r.scenarios.map { row in
                    var object = JSONObject()
                    try object.append("mnav", finite: row.mnav)
                    try object.append("stockPrice", finite: row.stockPrice)
                    try object.append("premiumPnlUsd", finite: row.premiumPnlUsd)
                    try object.append("carryUsd", finite: row.carryUsd)
                    try object.append("pnlUsd", finite: row.pnlUsd)
                    try object.append("returnOnCapital", finite: row.returnOnCapital)
                    return .object(object)
                }))
        answer.texts("notes", r.notes, label: "notes")
        answer.texts("assumptions", r.assumptions, label: "assumptions")
        answer.withReport { $0.hiddenInTable.formUnion(["notes", "assumptions"]) }
        return MnavAnswer(report: answer.report, result: r)
    }

    var tableText: String {
        let r = result
        var table = TextTable(header: ["mNAV then", "stock (USD)", "premium PnL", "carry", "PnL (USD)", "on capital"])
        for row in r.scenarios {
            table.rows.append([
                TableFormat.fixed(row.mnav, digits: 4), LendingInputs.usd(row.stockPrice), LendingInputs.usd(row.premiumPnlUsd),
                LendingInputs.usd(row.carryUsd), LendingInputs.usd(row.pnlUsd), LendingInputs.percent(row.returnOnCapital, 2)
            ])
        }
        let horizon =
            "PnL after \(TableFormat.significant(r.days, digits: 8)) days by the mNAV then (the coin price unchanged)\n" + table.render(indent: 2)
        return JobTable.render(title: "", summary: summary, report: report, tables: [horizon], assumptions: r.assumptions)
    }

    var summary: [String] {
        let r = result
        var lines = [
            "mNAV \(TableFormat.fixed(r.mnav, digits: 4)): the stock trades at \(LendingInputs.percent(r.premium, 2)) "
                + (r.premium >= 0 ? "above" : "below") + " the coin it holds per share (\(LendingInputs.usd(r.navPerShareUsd)) USD)."
        ]
        lines.append(
            "Carry \(LendingInputs.usd(r.carryUsdPerYear)) USD a year (\(LendingInputs.percent(r.carryApr, 2)) on the capital)"
                + (r.breakEvenMnav.map {
                    "; over \(TableFormat.significant(r.days, digits: 8)) days the trade breaks even at an mNAV of \(TableFormat.fixed($0, digits: 4))."
                } ?? "."))
        return lines + r.notes.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    }
}
