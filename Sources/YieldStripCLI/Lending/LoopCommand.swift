import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip loop`: PT looping on the market's curve (batch op `loop`).
struct LoopCommand: JobCommand {
    let name = "loop"
    let abstract = "Loop PT: borrow and buy again; net APY, health, break-even."
    let discussion = """
        Buys PT with the capital (--sy, --tokens, --shares or --usd), posts it, borrows
        (--borrow token: the stock token, one SY each; usd: a stablecoin that buys the
        token at the stock price) up to --target-ltv of its value (default the maximum
        LTV), buys more PT on the pool the previous purchases left (the router's exact
        swapExactSyForPt each time) and repeats --loops times, or until the LTV after
        a purchase is within 0.1% of the target. The debt costs --borrow-apr, or a rate
        model (--model with its parameters, --pool-supplied, --pool-borrowed) at the
        utilization it leaves the pool at. Per round and in total: PT held, debt,
        leverage, the health factor, the net APY at maturity, and the borrow APR at
        which the loop only ties with the capital's own lock-in. Borrowing the token
        carries no stock-price liquidation risk; borrowing USD is a leveraged long
        stock, shown across --price-range and fixed in dollars by --hedge perp
        (--funding, --initial-margin, as lockin's). --svg FILE draws the net APY and
        the health factor against the leverage. --json prints the answer of the batch
        op 'loop'.
        """
    /// The market, the size, the loop's terms, oracle, borrow rate and dollar hedge, the chart and the output.
    struct Options: DoorOptions {
        static var specs: [OptionSpec] {
            MarketFileOptions.specs + StrategyInputs.sizeOptions + [
                .value("borrow", valueName: "asset", help: "What is borrowed: token (the stock token) or usd (a stablecoin).", default: "token")
            ] + LendingInputs.termsOptions + LendingInputs.oracleOptions + [
                .value("target-ltv", valueName: "rate", help: "Each round borrows up to this LTV (default: the maximum LTV)."),
                .value("loops", valueName: "n", help: "Borrow-and-buy rounds after the first purchase (default: until the target LTV).")
            ] + LendingInputs.borrowRateOptions + [
                StrategyInputs.stockPriceOption,
                .value("token-apy", valueName: "apy", help: "The token's APY, which a token debt also owes (default: the market's implied APY)."),
                .value("price-range", valueName: "range", help: "USD loop: stock prices at maturity (200..260:20) or moves (-30%..30%:10%)."),
                .value("hedge", valueName: "kind", help: "USD loop: none, or perp (short the shares the PT redeems for).", default: "none"),
                .value("funding", valueName: "apr", help: "With --hedge perp: the funding the short receives per year (default 0)."),
                .value("initial-margin", valueName: "rate", help: "With --hedge perp: the margin, a share of the short's notional.", default: "20%")
            ] + ChartOptions.specs + OutputOptions.specs
        }

        let market: MarketInput
        let sizing: SizeOptions
        /// The loop, at `--stock-price` until it is priced at the market's.
        let request: PtLoopRequest
        let chart: ChartOptions
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            market = try MarketInput(fields)
            sizing = try SizeOptions(fields)
            request = try LoopOptions.request(fields, size: sizing.required(fields), stockPrice: sizing.stockPriceUsd)
            chart = try ChartOptions(fields)
            output = try OutputOptions(fields)
        }
    }

    static let opName = "loop"
    static let opSummary =
        "market, pyIndex, blockTime, sy|tokens|shares|usd, borrow?, protocol, ltv+liquidationThreshold|lltv, ptOracle?, targetLtv?, loops?, borrowApr|model+poolSupplied, … → rounds, leverage, health factor, net APY, break-even borrow APR (as 'loop --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let (context, title, chartSubject) = try options.market.pendleContext(stockPriceUsd: options.sizing.stockPriceUsd)
        var request = options.request
        request.stockPrice = context.stockPrice
        let result = try PtLoop.compute(request, curve: StrategyInputs.curve(context), at: context.blockTime)
        let answer = try LoopAnswer.build(result, context: context)
        return JobAnswer(
            report: answer.report, tableText: answer.tableText(title: title ?? ""), warnings: result.warnings,
            chart: { JobCharts.ptLoop(result, subject: chartSubject ?? "") })
    }
}

/// The loop's request from the command's options or the batch op's fields (the market context, `sy`|`tokens`|
/// `shares` (wei)|`usd`, `borrow`, `protocol`, `ltv`, `liquidationThreshold`, `liquidationBonus`, `lltv`,
/// `ptOracle`, `discount`, `twapApy`, `price`, `targetLtv`, `loops`, `borrowApr` | `model` with its parameters,
/// `poolSupplied`, `poolBorrowed`, `tokenApy`, `priceRange`, `hedge`, `funding`, `initialMargin`).
enum LoopOptions {
    static func request(_ source: DoorFields, size: PositionSize, stockPrice: Double?) throws -> PtLoopRequest {
        let borrow = DebtAsset(rawValue: try source.choice("borrow", ["token", "usd"], default: "token")) ?? .token
        let hedge = try source.choice("hedge", ["none", "perp"], default: "none")
        for field in ["funding", "initialMargin"] where hedge == "none" && source.given(field) {
            throw source.conflict("\(source.name(field)) applies to the dollar hedge (\(source.name("hedge")) perp)", field: field)
        }
        if borrow == .token, let stray = ["hedge", "priceRange"].first(where: source.given) {
            throw source.conflict(
                "\(source.name(stray)) is for a USD loop (\(source.name("borrow")) usd): a token loop's result does not depend on the stock price",
                field: stray)
        }
        var request = PtLoopRequest(
            size: size, borrow: borrow, terms: try LendingInputs.terms(source), oracle: try LendingInputs.oracle(source),
            targetLtv: try source.rate("targetLtv"), loops: try source.integer("loops"),
            borrowRate: try LendingInputs.borrowRate(source), stockPrice: stockPrice, tokenApy: try source.rate("tokenApy"))
        if let prices = try source.list("priceRange") {
            request.priceScenarios = prices.unit == .fraction ? .prices(prices.values) : .moves(prices.values)
        }
        if hedge == "perp" {
            request.dollarHedge = DollarHedgeRequest(
                instrument: .perp(fundingApr: try source.rate("funding") ?? 0), initialMargin: try source.rate("initialMargin") ?? 0.2)
        }
        return request
    }
}

/// The answer of `loop` and the batch op `loop`.
///
/// Fields, in order (exact amounts as wei strings, analytics as JSON numbers, `null` where they do not apply):
/// `curve`; `blockTime`, `blockTimeISO`, `blockTimeSource`; `expiry`, `expiryISO`, `secondsToExpiry`,
/// `yearsToExpiry`; `borrow`; `sizeUnit`, `sizeAmount`, `conversion`, `syIn` (wei), `sharesIn`, `usdIn`,
/// `stockPrice`; `oracle`, `oracleDescription`, `protocol`, `maxLtv`, `liquidationThreshold`, `targetLtv`;
/// `rounds` (rows `round`, `borrowed`, `syIn`, `ptOut`, `ptHeld`, `debt` (wei), `roundFixedApy`,
/// `impliedApyAfter`, `oraclePrice` (wei), `collateralValueAsset`, `debtValueAsset`, `ltv`, `leverage`,
/// `healthFactor`, `borrowApr`, `netApy`, `liquidationStockPrice`, `liquidationImpliedApy`); `ptHeld`,
/// `debt`, `sySpent` (wei); `leverage`, `ltv`, `healthFactor`; `spotApy`, `fixedApy`, `unleveredFixedApy`,
/// `impliedApyAfter`; `borrowApr`, `poolUtilization`; `tokenApy`, `tokenApyBasis`; `ptAtMaturityShares`,
/// `debtAtMaturityShares`, `netAtMaturityShares`, `netApy`, `breakEvenBorrowApr`, `netAtMaturityUsd`;
/// `liquidationStockPrice`, `liquidationImpliedApy`; `priceScenarios` (rows `stockPrice`, `priceChange`,
/// `usdAtMaturity`, `usdApy`, `hedgedUsdAtMaturity`); `dollarHedge` (as lockin's, or null),
/// `hedgedUsdAtMaturity`, `hedgedUsdApy`; `notes`, `warnings`, `assumptions`.
struct LoopAnswer {
    let report: Report
    let result: PtLoopResult

    static func build(_ r: PtLoopResult, context: MarketContext) throws -> LoopAnswer {
        var answer = AnswerBuilder()
        let percent = { (value: Double) in LendingInputs.percent(value) }
        let real = { (value: Double) in LendingInputs.real(value) }
        let usd = { (value: Double) in LendingInputs.usd(value) }
        try answer.jobHeader(
            curveName: r.curveName, context: context, expiry: r.expiry, expiryLabel: "expiry (PT redeems one share)",
            secondsToExpiry: r.secondsToExpiry, yearsToExpiry: r.yearsToExpiry)
        answer.text("borrow", r.borrow.rawValue, label: "borrowing", display: r.borrow == .usd ? "USD (a stablecoin)" : "the stock token")
        answer.text("sizeUnit", r.size.given.unit, label: "size unit")
        answer.text("sizeAmount", r.size.given.amount.description, label: "size given")
        answer.text("conversion", r.size.description, label: "capital")
        answer.withReport { $0.hiddenInTable.formUnion(["sizeUnit", "sizeAmount"]) }
        answer.wad("syIn", r.size.sy, label: "capital in SY")
        try answer.number("sharesIn", r.size.shares, label: "capital in shares", display: real)
        try answer.number("usdIn", r.usdIn, label: "capital in USD", display: usd)
        try answer.number("stockPrice", r.size.stockPrice, label: "stock price (USD)", display: usd)
        answer.text("oracle", r.oracle, label: "price source")
        answer.text("oracleDescription", r.oracleDescription, label: "PT priced by")
        answer.withReport { $0.hiddenInTable.insert("oracle") }
        answer.text("protocol", r.protocolName, label: "rules")
        try answer.number("maxLtv", r.maxLtv, label: "maximum LTV") { LendingInputs.percent($0, 2) }
        try answer.number("liquidationThreshold", r.liquidationThreshold, label: "liquidation threshold") { LendingInputs.percent($0, 2) }
        try answer.number("targetLtv", r.targetLtv, label: "target LTV") { LendingInputs.percent($0, 2) }
        answer.hiddenMember(
            "rounds",
            .array(
                try r.rounds.map { round in
                    var object = JSONObject()
                    object.append("round", .number(JSONNumber(round.round)))
                    object.append("borrowed", .wei(round.borrowed.raw))
                    object.append("syIn", .wei(round.syIn.raw))
                    object.append("ptOut", .wei(round.purchase.amountOut.raw))
                    object.append("ptHeld", .wei(round.ptHeld.raw))
                    object.append("debt", .wei(round.debt.raw))
                    try object.append("roundFixedApy", finite: round.roundFixedApy)
                    try object.append("impliedApyAfter", finite: round.impliedApyAfter)
                    object.append("oraclePrice", .wei(round.oraclePrice.raw))
                    try object.append("collateralValueAsset", finite: round.collateralValueAsset)
                    try object.append("debtValueAsset", finite: round.debtValueAsset)
                    try object.append("ltv", finite: round.ltv)
                    try object.append("leverage", finite: round.leverage)
                    object.append("healthFactor", analytic: round.healthFactor)
                    try object.append("borrowApr", finite: round.borrowApr)
                    try object.append("netApy", finite: round.netApy)
                    object.append("liquidationStockPrice", analytic: round.liquidationStockPrice)
                    object.append("liquidationImpliedApy", analytic: round.liquidationImpliedApy)
                    return .object(object)
                }))
        answer.wad("ptHeld", r.ptHeld, label: "PT held")
        answer.wad("debt", r.debt, label: r.borrow == .usd ? "debt (USD)" : "debt (tokens)")
        answer.wad("sySpent", r.sySpent, label: "SY spent on PT")
        try answer.number("leverage", r.leverage, label: "leverage (asset in PT per unit of capital)") { TableFormat.fixed($0, digits: 4) }
        try answer.number("ltv", r.ltv, label: "loan-to-value", display: percent)
        try answer.number("healthFactor", r.healthFactor, label: "health factor") { TableFormat.fixed($0, digits: 4) }
        try answer.number("spotApy", r.spotApy, label: "spot implied APY", display: percent)
        try answer.number("fixedApy", r.fixedApy, label: "fixed APY of all the PT bought", display: percent)
        try answer.number("unleveredFixedApy", r.unleveredFixedApy, label: "fixed APY of the capital alone", display: percent)
        try answer.number("impliedApyAfter", r.impliedApyAfter, label: "implied APY after the loop", display: percent)
        try answer.number("borrowApr", r.borrowApr, label: "borrow APR", display: percent)
        try answer.number("poolUtilization", r.poolUtilization, label: "lending pool utilization after", display: percent)
        try answer.number("tokenApy", r.tokenApy, label: "token APY", display: percent)
        answer.text("tokenApyBasis", r.tokenApyBasis, label: "token APY from")
        if r.borrow == .usd {
            answer.hideInTable("tokenApy")
            answer.hideInTable("tokenApyBasis")
        }
        try answer.number("ptAtMaturityShares", r.ptAtMaturityShares, label: "PT at maturity (shares)", display: real)
        try answer.number("debtAtMaturityShares", r.debtAtMaturityShares, label: "debt at maturity (shares)", display: real)
        try answer.number("netAtMaturityShares", r.netAtMaturityShares, label: "net at maturity (shares)", display: real)
        try answer.number("netApy", r.netApy, label: "net APY on the capital", display: percent)
        try answer.number("breakEvenBorrowApr", r.breakEvenBorrowApr, label: "break-even borrow APR", display: percent)
        try answer.number("netAtMaturityUsd", r.netAtMaturityUsd, label: "net at maturity (USD, today's price)", display: usd)
        try answer.number("liquidationStockPrice", r.liquidationStockPrice, label: "stock price that liquidates (USD)", display: usd)
        try answer.number("liquidationImpliedApy", r.liquidationImpliedApy, label: "market implied APY that liquidates", display: percent)
        answer.hiddenMember(
            "priceScenarios",
            .array(
                try r.priceScenarios.map { row in
                    var object = JSONObject()
                    try object.append("stockPrice", finite: row.stockPrice)
                    try object.append("priceChange", finite: row.priceChange)
                    try object.append("usdAtMaturity", finite: row.usdAtMaturity)
                    try object.append("usdApy", finite: row.usdApy)
                    object.append("hedgedUsdAtMaturity", analytic: row.hedgedUsdAtMaturity)
                    return .object(object)
                }))
        answer.nested("dollarHedge", try r.dollarHedge.map(LockInAnswer.hedgeObject))
        try answer.number("hedgedUsdAtMaturity", r.hedgedUsdAtMaturity, label: "hedged net at maturity (USD, any price)", display: usd)
        try answer.number("hedgedUsdApy", r.hedgedUsdApy, label: "hedged USD APY on the capital", display: percent)
        answer.texts("notes", r.notes, label: "notes")
        answer.texts("warnings", r.warnings, label: "warnings")
        answer.texts("assumptions", r.assumptions, label: "assumptions")
        answer.withReport { $0.hiddenInTable.formUnion(["notes", "warnings", "assumptions"]) }
        return LoopAnswer(report: answer.report, result: r)
    }

    func tableText(title: String) -> String {
        let r = result
        var rounds = TextTable(
            header: [
                "round", r.borrow == .usd ? "borrowed (USD)" : "borrowed (tokens)", "PT bought", "its fixed APY", "PT held", "leverage",
                "LTV", "health", "net APY"
            ] + (r.borrow == .usd ? ["liq. price (USD)"] : ["liq. implied APY"]))
        for round in r.rounds {
            rounds.rows.append(
                [
                    String(round.round), TableFormat.significant(round.borrowed.doubleValue, digits: 8),
                    TableFormat.significant(round.purchase.amountOut.doubleValue, digits: 8), LendingInputs.percent(round.roundFixedApy),
                    TableFormat.significant(round.ptHeld.doubleValue, digits: 8), TableFormat.fixed(round.leverage, digits: 3),
                    LendingInputs.percent(round.ltv, 2), TableFormat.fixed(round.healthFactor, digits: 4), LendingInputs.percent(round.netApy)
                ]
                    + (r.borrow == .usd ? [LendingInputs.usd(round.liquidationStockPrice)] : [LendingInputs.percent(round.liquidationImpliedApy, 2)]))
        }
        var blocks = ["round by round (round 0: the capital's own purchase)\n" + rounds.render(indent: 2)]
        if !r.priceScenarios.isEmpty {
            var table = TextTable(
                header: ["stock at maturity", "change", "net USD at maturity", "USD APY"] + (r.dollarHedge == nil ? [] : ["hedged USD"]))
            for row in r.priceScenarios {
                table.rows.append(
                    [
                        LendingInputs.usd(row.stockPrice), LendingInputs.percent(row.priceChange, 1), LendingInputs.usd(row.usdAtMaturity),
                        LendingInputs.percent(row.usdApy, 2)
                    ] + (r.dollarHedge == nil ? [] : [LendingInputs.usd(row.hedgedUsdAtMaturity)]))
            }
            blocks.append("net USD at maturity by the stock price then (a USD loop is a leveraged long stock)\n" + table.render(indent: 2))
        }
        return JobTable.render(title: title, summary: summary, report: report, tables: blocks, assumptions: r.assumptions)
    }

    var summary: [String] {
        let r = result
        var lines = [
            "\(r.rounds.count - 1) round\(r.rounds.count == 2 ? "" : "s") of borrowing \(r.borrow == .usd ? "USD" : "the token") at \(LendingInputs.percent(r.borrowApr)) APR: "
                + "\(r.ptHeld) PT held, leverage \(TableFormat.fixed(r.leverage, digits: 3)), LTV \(LendingInputs.percent(r.ltv, 2))"
                + (r.healthFactor.map { ", health factor \(TableFormat.fixed($0, digits: 4))." } ?? ".")
        ]
        lines.append(
            "Net APY \(LendingInputs.percent(r.netApy)) on the capital against \(LendingInputs.percent(r.unleveredFixedApy)) for the capital's own lock-in"
                + (r.breakEvenBorrowApr.map { "; the loop pays while borrowing costs less than \(LendingInputs.percent($0)) a year." } ?? "."))
        return lines + r.notes.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    }
}
