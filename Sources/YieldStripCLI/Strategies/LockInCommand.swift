import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip lockin`: buy PT with a budget and hold it to maturity (batch op `lockin`).
struct LockInCommand: ParsableCommand {
    let name = "lockin"
    let abstract = "Lock in a fixed rate: buy PT, see what it pays at maturity."
    let discussion = """
        Buys PT with exactly the budget (one of --sy, --tokens, --shares, --usd; shares
        convert at the PY index, USD at the stock price) through the router's optimal
        swapExactSyForPt, and reports the APY locked in shares, what of the spot APY
        the fee and the price impact take, and the shares and USD at maturity. The
        rate is fixed in shares: in dollars the result carries the stock's price risk,
        shown across --price-range (USD prices, or moves such as -30%..30%:10%; default
        today's price -30% ... +30%), unless --hedge perp|short fixes it (a static short
        of the shares at maturity: --funding for a perp; --borrow-fee, --rebate and the
        dividends owed, --dividend-yield or --schedule, for borrowed stock; margin
        --initial-margin). --schedule (with --withholding, the token's) or --hold-apy
        compares with holding the token. Rates read 5%, 50bp or 0.05. --json prints the
        answer of the batch op 'lockin'. --svg FILE also draws USD at maturity
        against the stock price then: unhedged, hedged, holding the token. On a
        YieldSpace file the purchase is sellBase: pool shares (SY, at c base each)
        for fyToken (PT).
        """
    /// The market, the budget, the scenario and hedge terms, the comparison with holding the token, the
    /// chart and the output.
    struct Options: ParsableOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs + SizeOptions.specs + [
                .value("price-at-maturity", valueName: "usd", help: "The stock price at maturity for the USD result (default: today's)."),
                .value(
                    "price-range", valueName: "range",
                    help: "Stock prices at maturity for the scenario rows: USD (200..260:20, 200,230) or moves (-30%..30%:10%)."),
                .value("hedge", valueName: "kind", help: "The dollar hedge: none, perp or short (borrowed stock).", default: "none"),
                .value("funding", valueName: "apr", help: "Perp funding the short receives per year (default 0)."),
                .value("borrow-fee", valueName: "apr", help: "Stock short: the lender's fee per year (default 0)."),
                .value("rebate", valueName: "apr", help: "Stock short: the rebate earned on the sale proceeds per year (default 0)."),
                .value("dividend-yield", valueName: "rate", help: "Stock short: the gross dividend yield owed to the lender (or --schedule)."),
                .value("initial-margin", valueName: "rate", help: "The hedge's initial margin, a share of its notional.", default: "20%"),
                .value(
                    "schedule", valueName: "file",
                    help: "A dividend schedule (.csv or .json): holding the token to compare, and a stock short's dividends."),
                .value(
                    "withholding", valueName: "rate", help: "The token's withholding on dividends: a rate or standard, treaty, exempt.",
                    default: "30%"),
                .value("hold-apy", valueName: "apy", help: "Compare with holding the token at this APY (instead of --schedule).")
            ] + ChartOptions.specs + OutputOptions.specs

        let market: MarketFileOptions
        let sizing: SizeOptions
        let size: PositionSize
        let priceAtMaturity: Double?
        let prices: ValueRange?
        let hedgeKind: String
        let funding: Double
        let borrowFee: Double
        let rebate: Double
        let dividendYield: Double?
        let initialMargin: Double
        let holdApy: Double?
        let withholding: Withholding
        let schedulePath: String?
        let chart: ChartOptions
        let output: OutputOptions

        init(parsing invocation: Invocation) throws {
            market = try MarketFileOptions(parsing: invocation)
            sizing = try SizeOptions(parsing: invocation)
            size = try sizing.required(invocation)
            prices = try StrategyInputs.range(invocation, "price-range")
            priceAtMaturity = try invocation.parse(option: "price-at-maturity") { TokenizationValues.number($0) }
            hedgeKind = invocation.option("hedge") ?? "none"
            guard ["none", "perp", "short"].contains(hedgeKind) else {
                throw invocation.usageError("The value '\(hedgeKind)' is invalid for '--hedge <kind>': expected none, perp or short")
            }
            if let conflict = LockInOptions.conflict(hedge: hedgeKind, given: { invocation.optionWasGiven($0.option) }, name: { "'--\($0.option)'" })
            {
                throw invocation.usageError(conflict)
            }
            funding = try StrategyInputs.rate(invocation, "funding") ?? 0
            borrowFee = try StrategyInputs.rate(invocation, "borrow-fee") ?? 0
            rebate = try StrategyInputs.rate(invocation, "rebate") ?? 0
            dividendYield = try StrategyInputs.rate(invocation, "dividend-yield")
            initialMargin = try StrategyInputs.rate(invocation, "initial-margin") ?? 0.2
            holdApy = try StrategyInputs.apy(invocation, "hold-apy")
            withholding = try StrategyInputs.withholding(invocation, "withholding") ?? .standard
            schedulePath = invocation.option("schedule")
            chart = try ChartOptions(parsing: invocation)
            output = try OutputOptions(parsing: invocation)
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        let schedule = try options.schedulePath.map { path in
            try ScheduleFileError.naming(path) { try DividendsCommand.loadSchedule(path: path) }
        }
        // Either curve: on a YieldSpace pool the same job runs on its curve (sellBase buys the fyToken).
        let (file, fileContext) = try options.market.curveContext(invocation)
        var context = fileContext
        if let stockPrice = options.sizing.stockPriceUsd { context.stockPrice = stockPrice }
        let request = try LockInOptions.request(
            size: options.size, stockPrice: context.stockPrice, priceAtMaturity: options.priceAtMaturity,
            prices: options.prices, hedge: options.hedgeKind, funding: options.funding, borrowFee: options.borrowFee, rebate: options.rebate,
            dividendYield: options.dividendYield, initialMargin: options.initialMargin, schedule: schedule, holdApy: options.holdApy,
            withholding: options.withholding)
        let answer = try LockInAnswer.build(LockIn.compute(request, curve: context.curve, at: context.blockTime), context: context, title: file.title)
        for warning in answer.result.warnings { try invocation.warn(warning) }
        try options.chart.write(JobCharts.lockIn(answer.result, subject: file.chartSubject))
        return options.output.wantsAnswer ? .report(answer.report) : .text(answer.tableText)
    }
}

/// The lock-in's request from the command's options or the batch op's fields (the same names in camelCase:
/// `sy`|`tokens`|`shares`|`usd`, `stockPrice`, `priceAtMaturity`, `priceRange`, `hedge`, `funding`,
/// `borrowFee`, `rebate`, `dividendYield`, `initialMargin`, `schedule`, `withholding`, `holdApy`).
enum LockInOptions {
    /// An option and its batch field.
    struct Name {
        let option: String
        let field: String
    }

    static let funding = Name(option: "funding", field: "funding"), borrowFee = Name(option: "borrow-fee", field: "borrowFee")
    static let rebate = Name(option: "rebate", field: "rebate"), dividendYield = Name(option: "dividend-yield", field: "dividendYield")
    static let initialMargin = Name(option: "initial-margin", field: "initialMargin"), schedule = Name(option: "schedule", field: "schedule")
    static let holdApy = Name(option: "hold-apy", field: "holdApy")
    static let priceAtMaturity = Name(option: "price-at-maturity", field: "priceAtMaturity")
    static let priceRange = Name(option: "price-range", field: "priceRange")
    static let hedge = Name(option: "hedge", field: "hedge")

    /// What the given options contradict, in words naming them by `name` (options or fields), or nil: an
    /// option of one hedge with another, both dividend sources, both hold comparisons, both price inputs.
    static func conflict(hedge: String, given: (Name) -> Bool, name: (Name) -> String) -> String? {
        let kind = Self.hedge
        for option in [funding] where hedge != "perp" && given(option) {
            return "\(name(option)) applies to the perp hedge only (\(name(kind)) perp)"
        }
        for option in [borrowFee, rebate, dividendYield] where hedge != "short" && given(option) {
            return "\(name(option)) applies to the borrowed-stock hedge only (\(name(kind)) short)"
        }
        if hedge == "none" && given(initialMargin) { return "\(name(initialMargin)) applies to a hedge (\(name(kind)) perp or short)" }
        if given(schedule) && given(holdApy) { return "give \(name(schedule)) or \(name(holdApy)), not both" }
        if given(priceAtMaturity) && given(priceRange) { return "give \(name(priceAtMaturity)) or \(name(priceRange)), not both" }
        if hedge == "short" && !given(dividendYield) && !given(schedule) {
            return "the borrowed-stock hedge owes the stock's dividends: give \(name(dividendYield)) or \(name(schedule))"
        }
        if hedge == "short" && given(dividendYield) && given(schedule) {
            return "give the dividends owed once: \(name(dividendYield)) or \(name(schedule))"
        }
        return nil
    }

    static func request(
        size: PositionSize, stockPrice: Double?, priceAtMaturity: Double?, prices: ValueRange?, hedge: String,
        funding: Double, borrowFee: Double, rebate: Double, dividendYield: Double?, initialMargin: Double,
        schedule: DividendSchedule?, holdApy: Double?, withholding: Withholding
    ) throws -> LockInRequest {
        let reinvest = StrategyInputs.reinvestPrices(stockPrice: stockPrice)
        var request = LockInRequest(size: size, stockPrice: stockPrice, priceAtMaturity: priceAtMaturity, tokenWithholding: withholding)
        if let prices {
            // Plain numbers are USD prices; with a unit (-30%..30%:10%) they are moves from today's price.
            request.priceScenarios = prices.unit == .fraction ? .prices(prices.values) : .moves(prices.values)
        }
        switch hedge {
        case "perp":
            request.dollarHedge = DollarHedgeRequest(instrument: .perp(fundingApr: funding), initialMargin: initialMargin)
        case "short":
            let dividends: ShortDividends
            if let dividendYield {
                dividends = .grossYield(dividendYield)
            } else if let schedule {
                dividends = .schedule(schedule, prices: reinvest)
            } else {
                throw RequestError.badRequest(
                    field: "dividendYield", reason: "a short of borrowed stock owes its dividends: give dividendYield or schedule")
            }
            request.dollarHedge = DollarHedgeRequest(
                instrument: .borrowedStock(borrowFeeApr: borrowFee, rebateApr: rebate, dividends: dividends), initialMargin: initialMargin)
        default:
            break
        }
        if let holdApy {
            request.hold = .tokenApy(holdApy)
        } else if let schedule {
            request.hold = .schedule(schedule, prices: reinvest)
        }
        return request
    }

    /// The batch op `lockin`: the market context (`market`, `pyIndex`, or `"curve": "yieldspace"` and `pool`;
    /// `blockTime`, `stockPrice`) and the command's options in camelCase.
    static func answer(_ batch: BatchRequest) throws -> JSONObject {
        let context = try CurveContext(request: batch)
        let hedge = try batch.stringIfPresent("hedge") ?? "none"
        guard ["none", "perp", "short"].contains(hedge) else {
            throw RequestError.badRequest(field: "hedge", reason: "field 'hedge' must be none, perp or short; got \"\(hedge)\"")
        }
        var culprit: String? = nil
        if let conflict = conflict(
            hedge: hedge, given: { batch.value($0.field) != nil },
            name: {
                culprit = culprit ?? $0.field
                return "'\($0.field)'"
            })
        {
            throw RequestError.badRequest(field: culprit, reason: conflict)
        }
        let priceAtMaturity = try batch.doubleIfPresent("priceAtMaturity")
        let request = try Self.request(
            size: StrategyInputs.requiredSize(batch), stockPrice: context.stockPrice, priceAtMaturity: priceAtMaturity,
            prices: StrategyInputs.range(batch, "priceRange"), hedge: hedge,
            funding: StrategyInputs.rate(batch, "funding") ?? 0, borrowFee: StrategyInputs.rate(batch, "borrowFee") ?? 0,
            rebate: StrategyInputs.rate(batch, "rebate") ?? 0, dividendYield: StrategyInputs.rate(batch, "dividendYield"),
            initialMargin: StrategyInputs.rate(batch, "initialMargin") ?? 0.2, schedule: StrategyInputs.schedule(batch),
            holdApy: StrategyInputs.rate(batch, "holdApy"), withholding: StrategyInputs.withholding(batch, "withholding") ?? .standard)
        let result = try LockIn.compute(request, curve: context.curve, at: context.blockTime)
        return try LockInAnswer.build(result, context: context, title: nil).report.object
    }
}
