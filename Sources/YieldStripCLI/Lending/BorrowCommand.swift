import YieldStrip
import YieldStripJSON

/// `yieldstrip borrow`: a loan against the stock token or its PT (batch op `borrow`).
struct BorrowCommand: JobCommand {
    let name = "borrow"
    let abstract = "Borrow against the token or its PT: health, liquidation."
    let discussion = """
        Posts --collateral token (worth its exchange rate x the stock price) or pt
        (priced by --pt-oracle: market, linear-discount --discount 18%, twap --twap-apy
        8% or fixed --price 0.97, in shares per PT; PT needs --market), sized by
        --amount (the collateral's own units) or --sy, --tokens, --shares, --usd (for
        PT a budget that buys it on the market). Borrows --debt (USD, or tokens with
        --debt-asset token) at --borrow-apr under Aave-style rules (--ltv,
        --liquidation-threshold, --liquidation-bonus) or Morpho's (--protocol morpho
        --lltv 86%: incentive min(1.15, 1/(1 - 0.3 (1 - LLTV)))). Reports the health
        factor, the stock price that liquidates, for PT the price and implied APY that
        do and, with a linear-discount oracle, the date the debt's interest overtakes
        the oracle's accretion; the capacity left, the penalty of a liquidation, and
        the position at --horizons days (the token's value growing with its dividends,
        --token-apy, default the market's implied APY). --json prints the answer of
        the batch op 'borrow'.
        """
    /// The collateral (kind and amount, or a size), its market or exchange rate, the oracle and the loan's
    /// terms, the debt, the rates, the output.
    struct Options: DoorOptions {
        static var specs: [OptionSpec] {
            [
                .value("market", valueName: "file", help: "The market file (PT collateral; for the token, its PY index and stock price)."),
                MarketOptions.at,
                .value("collateral", valueName: "kind", help: "What is posted: token or pt.", default: "token"),
                .value("amount", valueName: "amount", help: "The collateral in its own units (tokens or PT), instead of a size.")
            ] + StrategyInputs.sizeOptions + [
                .value("exchange-rate", valueName: "shares", help: "The token's shares per token without a market file (default 1).")
            ] + LendingInputs.oracleOptions + LendingInputs.termsOptions + [
                .value("debt", valueName: "amount", help: "The debt: USD, or tokens with --debt-asset token.", default: "0"),
                .value("debt-asset", valueName: "asset", help: "What is borrowed: usd (a stablecoin) or token.", default: "usd"),
                .value("borrow-apr", valueName: "apr", help: "The loan's borrow rate, APR.", default: "0"),
                StrategyInputs.stockPriceOption,
                .value("token-apy", valueName: "apy", help: "The token's APY, its dividends reinvested (default: the market's implied APY, else 0)."),
                .value("horizons", valueName: "days", help: "Days ahead for the projection rows (default 30,90,180,365).")
            ] + OutputOptions.specs
        }

        /// The market, when given (PT collateral needs one): `--market FILE` and `--at`; in batch `market` and
        /// `pyIndex` with `blockTime`.
        let market: MarketInput?
        /// Without a market: `--at` (else the wall clock) on the command line, `blockTime` in batch.
        let at: Int64?
        let sizing: SizeOptions
        let amount: Wad?
        let exchangeRate: Wad?
        /// The loan, at `--stock-price` until it is priced at the market's.
        let request: BorrowRequest
        let output: OutputOptions
        let fields: DoorFields

        init(_ fields: DoorFields) throws {
            self.fields = fields
            let hasMarket = fields.given("market")
            switch fields.door {
            case .command(let invocation): at = try MarketOptions.blockTime(invocation)
            case .batch(let request): at = hasMarket ? nil : try MarketFields.blockTime(request)
            }
            sizing = try SizeOptions(fields, others: ["amount"])
            amount = try fields.job.amount("amount")
            market = hasMarket ? try MarketInput(fields) : nil
            var stockPrice = sizing.stockPriceUsd
            if case .batch(let request) = fields.door, !hasMarket { stockPrice = try MarketFields.stockPrice(request) }
            request = try BorrowOptions.request(fields, size: sizing.size, amount: amount, stockPrice: stockPrice, hasMarket: hasMarket)
            exchangeRate = try fields.decimal("exchangeRate")
            output = try OutputOptions(fields)
        }
    }

    static let opName = "borrow"
    static let opSummary =
        "collateral, amount|sy|tokens|shares|usd, market context? (market, pyIndex), blockTime, ptOracle?, protocol, ltv+liquidationThreshold|lltv, debt, debtAsset?, borrowApr?, stockPrice?, … → health factor, liquidation price, APY and date, capacity, penalty (as 'borrow --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let priced = try options.market.map { try $0.pendleContext(stockPriceUsd: options.sizing.stockPriceUsd) }
        let context = priced?.context
        let time: Int64
        let timeSource: TimeSource
        if let context {
            (time, timeSource) = (context.blockTime, context.blockTimeSource)
        } else if let invocation = options.fields.invocation {
            (time, timeSource) = BlockTimeChoice.resolve(options.at)
            invocation.noteTimeSource(timeSource)
        } else {
            (time, timeSource) = (options.at ?? 0, .given)
        }
        var request = options.request
        if let context { request.stockPrice = context.stockPrice }
        let result = try BorrowOptions.compute(request, context: context, exchangeRate: options.exchangeRate, at: time)
        let answer = try BorrowAnswer.build(result, blockTimeSource: timeSource)
        return JobAnswer(report: answer.report, tableText: answer.tableText(title: priced?.title ?? ""), warnings: result.warnings)
    }
}

extension BlockTimeChoice {
    /// `--at`, else the wall clock (for a command without a market file).
    static func resolve(_ at: Int64?) -> (Int64, TimeSource) {
        at.map { ($0, .given) } ?? (WallClock.now(), .wallClock)
    }
}

/// The `borrow` request from the command's options or the batch op's fields (`collateral`, `amount` (wei) |
/// `sy`|`tokens`|`shares` (wei) | `usd`, `exchangeRate`, `ptOracle`, `discount`, `twapApy`, `price`, `protocol`, `ltv`,
/// `liquidationThreshold`, `liquidationBonus`, `lltv`, `debt`, `debtAsset`, `borrowApr`, `stockPrice`, `tokenApy`,
/// `horizons`; with a market: `market`, `pyIndex`, `blockTime`).
enum BorrowOptions {
    static func request(_ source: DoorFields, size: PositionSize?, amount: Wad?, stockPrice: Double?, hasMarket: Bool) throws -> BorrowRequest {
        let collateral = CollateralKind(rawValue: try source.choice("collateral", ["token", "pt"], default: "token")) ?? .token
        let debtAsset = DebtAsset(rawValue: try source.choice("debtAsset", ["usd", "token"], default: "usd")) ?? .usd
        if collateral == .token, let stray = ["ptOracle", "discount", "twapApy", "price"].first(where: source.given) {
            throw source.conflict("\(source.name(stray)) prices a PT: give \(source.name("collateral")) pt with it", field: stray)
        }
        if source.given("exchangeRate") && hasMarket {
            throw source.conflict(
                "\(source.name("exchangeRate")) is the market's PY index when a market is given: leave it out", field: "exchangeRate")
        }
        if collateral == .pt && !hasMarket {
            throw source.conflict(
                "PT collateral is priced from its market: give \(source.isBatch ? "'market' and 'pyIndex'" : "'--market <file>'")", field: "market")
        }
        if collateral == .pt && source.given("exchangeRate") {
            throw source.conflict("\(source.name("exchangeRate")) is the token's: PT is priced by its oracle", field: "exchangeRate")
        }
        let collateralAmount: CollateralAmount
        if let amount {
            collateralAmount = .units(amount)
        } else if let size {
            collateralAmount = .size(size)
        } else {
            throw source.missing("amount", "the collateral: \(source.name("amount")) or a size in sy, tokens, shares or usd")
        }
        let oracle = collateral == .pt ? try LendingInputs.oracle(source) : .market
        let debt = try source.number("debt") ?? 0
        let horizons = try source.list("horizons")
        return BorrowRequest(
            collateral: collateral, amount: collateralAmount, oracle: oracle, terms: try LendingInputs.terms(source), debt: debt,
            debtAsset: debtAsset, borrowApr: try source.rate("borrowApr") ?? 0, stockPrice: stockPrice,
            tokenApy: try source.rate("tokenApy"), horizonsDays: horizons?.values)
    }

    static func compute(_ request: BorrowRequest, context: MarketContext?, exchangeRate: Wad?, at time: Int64) throws -> BorrowResult {
        if let context {
            return try Borrow.compute(request, curve: StrategyInputs.curve(context), at: time)
        }
        return try Borrow.compute(request, exchangeRate: exchangeRate ?? .one, at: time)
    }
}

/// The answer of `borrow` and the batch op `borrow`.
///
/// Fields, in order (exact amounts and prices as wei strings, the rest JSON numbers, `null` where they do not
/// apply): `blockTime`, `blockTimeISO`, `blockTimeSource`; `collateral`; `sizeUnit`, `sizeAmount`,
/// `conversion`; `collateralAmount` (wei); `purchase` (a PT budget's router swap, else null); `expiry`,
/// `expiryISO`, `yearsToExpiry`; `oracle`, `oracleDescription`, `oraclePrice` (wei: shares per unit of
/// collateral), `exchangeRate` (wei), `stockPrice`, `spotImpliedApy`; `collateralValueAsset`,
/// `collateralValueUsd`; `debtAsset`, `debt`, `debtValueAsset`, `debtUsd`, `borrowApr`; `protocol`, `maxLtv`,
/// `liquidationThreshold`, `liquidationBonus`, `liquidationIncentiveFactor`, `morphoIncentiveFactor` (wei),
/// `closeFactor`; `ltv`, `healthFactor`, `maxBorrowUsd`, `borrowCapacityUsd`, `maxBorrowAsset`,
/// `borrowCapacityAsset`; `liquidationStockPrice`, `distanceToLiquidation`, `liquidationPtPrice`,
/// `liquidationImpliedApy`, `liquidationDate`, `liquidationDateISO`; `liquidationRepaidAsset`,
/// `liquidationPenaltyAsset`, `liquidationPenaltyUsd`; `tokenApy`, `tokenApyBasis`; `projection` (rows `days`,
/// `time`, `collateralPrice`, `collateralValueAsset`, `collateralValueUsd`, `debtValueAsset`, `debtUsd`,
/// `healthFactor`, `liquidationStockPrice`); `notes`, `warnings`, `assumptions`.
struct BorrowAnswer {
    let report: Report
    let result: BorrowResult

    static func build(_ r: BorrowResult, blockTimeSource: TimeSource) throws -> BorrowAnswer {
        var answer = AnswerBuilder()
        let percent = { (value: Double) in LendingInputs.percent(value) }
        let usd = { (value: Double) in LendingInputs.usd(value) }
        let real = { (value: Double) in LendingInputs.real(value) }
        answer.time("blockTime", r.blockTime, source: blockTimeSource, label: "block time")
        answer.text("collateral", r.collateral.rawValue, label: "collateral", display: r.collateral == .pt ? "PT" : "stock token")
        answer.text("sizeUnit", r.size?.given.unit, label: "size unit")
        answer.text("sizeAmount", r.size?.given.amount.description, label: "size given")
        answer.text("conversion", r.size?.description, label: "size")
        answer.withReport { $0.hiddenInTable.formUnion(["sizeUnit", "sizeAmount"]) }
        answer.wad("collateralAmount", r.collateralAmount, label: r.collateral == .pt ? "PT posted" : "tokens posted")
        answer.nested("purchase", r.purchase.map(AnswerBuilder.venueTrade))
        answer.time("expiry", r.expiry, label: "PT maturity")
        try answer.number("yearsToExpiry", r.yearsToExpiry, label: "years to maturity") { TableFormat.fixed($0, digits: 6) }
        answer.text("oracle", r.oracle, label: "price source")
        answer.text("oracleDescription", r.oracleDescription, label: "priced by")
        answer.withReport { $0.hiddenInTable.insert("oracle") }
        answer.wad("oraclePrice", r.oraclePrice, label: r.collateral == .pt ? "oracle price (shares per PT)" : "exchange rate (shares per token)")
        answer.wad("exchangeRate", r.exchangeRate, label: "token exchange rate (shares per token)")
        if r.collateral == .token { answer.hideInTable("exchangeRate") }
        try answer.number("stockPrice", r.stockPrice, label: "stock price (USD)", display: usd)
        try answer.number("spotImpliedApy", r.spotImpliedApy, label: "market implied APY", display: percent)
        try answer.number("collateralValueAsset", r.collateralValueAsset, label: "collateral value (shares)", display: real)
        try answer.number("collateralValueUsd", r.collateralValueUsd, label: "collateral value (USD)", display: usd)
        answer.text("debtAsset", r.debtAsset.rawValue, label: "debt asset", display: r.debtAsset == .usd ? "USD stablecoin" : "the stock token")
        try answer.number("debt", r.debt, label: r.debtAsset == .usd ? "debt (USD)" : "debt (tokens)", display: real)
        try answer.number("debtValueAsset", r.debtValueAsset, label: "debt value (shares)", display: real)
        try answer.number("debtUsd", r.debtUsd, label: "debt value (USD)", display: usd)
        try answer.number("borrowApr", r.borrowApr, label: "borrow APR", display: percent)
        answer.text(
            "protocol", r.protocolName, label: "rules", display: r.protocolName == "morpho" ? "Morpho (one LLTV)" : "Aave (LTV, threshold, bonus)")
        try answer.number("maxLtv", r.maxLtv, label: "maximum LTV") { LendingInputs.percent($0, 2) }
        try answer.number("liquidationThreshold", r.liquidationThreshold, label: "liquidation threshold") { LendingInputs.percent($0, 2) }
        try answer.number("liquidationBonus", r.liquidationBonus, label: "liquidation bonus", display: percent)
        try answer.number("liquidationIncentiveFactor", r.liquidationIncentiveFactor, label: "liquidation incentive factor") {
            TableFormat.fixed($0, digits: 4)
        }
        answer.wad("morphoIncentiveFactor", r.morphoIncentiveFactor, label: "Morpho incentive factor (exact)")
        try answer.number("closeFactor", r.closeFactor, label: "close factor (share of debt one liquidation repays)") { LendingInputs.percent($0, 0) }
        try answer.number("ltv", r.ltv, label: "loan-to-value now", display: percent)
        try answer.number("healthFactor", r.healthFactor, label: "health factor") { TableFormat.fixed($0, digits: 4) }
        try answer.number("maxBorrowUsd", r.maxBorrowUsd, label: "most it may borrow (USD)", display: usd)
        try answer.number("borrowCapacityUsd", r.borrowCapacityUsd, label: "borrowing capacity left (USD)", display: usd)
        try answer.number("maxBorrowAsset", r.maxBorrowAsset, label: "most it may borrow (shares)", display: real)
        try answer.number("borrowCapacityAsset", r.borrowCapacityAsset, label: "borrowing capacity left (shares)", display: real)
        try answer.number("liquidationStockPrice", r.liquidationStockPrice, label: "stock price that liquidates (USD)", display: usd)
        try answer.number("distanceToLiquidation", r.distanceToLiquidation, label: "stock fall to liquidation") { LendingInputs.percent($0, 2) }
        try answer.number("liquidationPtPrice", r.liquidationPtPrice, label: "PT price that liquidates (shares)", display: real)
        try answer.number("liquidationImpliedApy", r.liquidationImpliedApy, label: "market implied APY that liquidates", display: percent)
        answer.time("liquidationDate", r.liquidationDate, label: "liquidation date (interest overtakes the oracle)")
        try answer.number("liquidationRepaidAsset", r.liquidationRepaidAsset, label: "one liquidation repays (shares)", display: real)
        try answer.number("liquidationPenaltyAsset", r.liquidationPenaltyAsset, label: "liquidation penalty (shares)", display: real)
        try answer.number("liquidationPenaltyUsd", r.liquidationPenaltyUsd, label: "liquidation penalty (USD)", display: usd)
        try answer.number("tokenApy", r.tokenApy, label: "token APY (dividends reinvested)", display: percent)
        answer.text("tokenApyBasis", r.tokenApyBasis, label: "token APY from")
        answer.hiddenMember(
            "projection",
            .array(
                try r.projection.map { row in
                    var object = JSONObject()
                    try object.append("days", finite: row.days)
                    object.append("time", .number(JSONNumber(row.time)))
                    try object.append("collateralPrice", finite: row.collateralPrice)
                    try object.append("collateralValueAsset", finite: row.collateralValueAsset)
                    object.append("collateralValueUsd", analytic: row.collateralValueUsd)
                    try object.append("debtValueAsset", finite: row.debtValueAsset)
                    object.append("debtUsd", analytic: row.debtUsd)
                    object.append("healthFactor", analytic: row.healthFactor)
                    object.append("liquidationStockPrice", analytic: row.liquidationStockPrice)
                    return .object(object)
                }))
        answer.texts("notes", r.notes, label: "notes")
        answer.texts("warnings", r.warnings, label: "warnings")
        answer.texts("assumptions", r.assumptions, label: "assumptions")
        answer.withReport { $0.hiddenInTable.formUnion(["notes", "warnings", "assumptions"]) }
        return BorrowAnswer(report: answer.report, result: r)
    }

    func tableText(title: String) -> String {
        let r = result
        var projection = TextTable(header: [
            "days", "date", r.collateral == .pt ? "PT price (shares)" : "shares per token", "collateral (USD)", "debt (USD)",
            "health factor", "liquidation price (USD)"
        ])
        for row in r.projection {
            projection.rows.append([
                TableFormat.significant(row.days, digits: 6), UnixTime.formatDate(row.time), TableFormat.significant(row.collateralPrice, digits: 8),
                LendingInputs.usd(row.collateralValueUsd), LendingInputs.usd(row.debtUsd), TableFormat.fixed(row.healthFactor, digits: 4),
                LendingInputs.usd(row.liquidationStockPrice)
            ])
        }
        let header =
            r.collateral == .pt
            ? "the position ahead, at today's stock price (the PT pulled to one share at maturity)"
            : "the position ahead, at today's stock price (the token's dividends reinvested)"
        return JobTable.render(
            title: title, summary: summary, report: report, tables: [header + "\n" + projection.render(indent: 2)], assumptions: r.assumptions)
    }

    var summary: [String] {
        let r = result
        var lines: [String] = []
        let what = r.collateral == .pt ? "PT" : "tokens"
        lines.append(
            "\(r.collateralAmount) \(what) at \(r.oraclePrice) shares each" + (r.collateralValueUsd.map { " = \(LendingInputs.usd($0)) USD" } ?? "")
                + (r.debt > 0 ? "; the debt is \(LendingInputs.percent(r.ltv, 2)) of it." : "; no debt."))
        if let health = r.healthFactor {
            var text = "Health factor \(TableFormat.fixed(health, digits: 4))"
            if let price = r.liquidationStockPrice {
                text +=
                    ": liquidated if the stock falls to \(LendingInputs.usd(price)) USD"
                    + (r.distanceToLiquidation.map { " (\(LendingInputs.percent($0, 2)) below today)" } ?? "")
            }
            if let apy = r.liquidationImpliedApy {
                text +=
                    (r.liquidationStockPrice == nil ? ": liquidated" : ", or") + " if the market's implied APY rises to \(LendingInputs.percent(apy))"
            }
            lines.append(text + ".")
        }
        if let date = r.liquidationDate {
            lines.append("At today's stock price the debt's interest overtakes the oracle's accretion on \(UnixTime.formatDate(date)).")
        }
        if let penalty = r.liquidationPenaltyUsd {
            lines.append(
                "A liquidation at a health factor just below 1 repays \(LendingInputs.percent(r.closeFactor, 0)) of the debt and costs \(LendingInputs.usd(penalty)) USD."
            )
        }
        return lines + (r.notes + r.warnings).map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    }
}
