import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip lockin`: buy PT with a budget and hold it to maturity (batch op `lockin`).
struct LockInCommand: JobCommand {
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
    struct Options: DoorOptions {
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

        let market: MarketInput
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
        let schedule: ScheduleInput?
        let chart: ChartOptions
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            market = try MarketInput(fields)
            sizing = try SizeOptions(fields)
            size = try sizing.required(fields)
            let job = fields.job
            prices = try job.range("priceRange")
            priceAtMaturity = try job.number("priceAtMaturity")
            hedgeKind = try fields.choice("hedge", ["none", "perp", "short"], default: "none")
            var culprit: String? = nil
            let conflict = LockInOptions.conflict(
                hedge: hedgeKind, given: { fields.given($0) },
                name: {
                    culprit = culprit ?? $0
                    return fields.name($0)
                })
            if let conflict { throw fields.conflict(conflict, field: culprit) }
            funding = try job.rate("funding") ?? 0
            borrowFee = try job.rate("borrowFee") ?? 0
            rebate = try job.rate("rebate") ?? 0
            dividendYield = try job.rate("dividendYield")
            initialMargin = try job.rate("initialMargin") ?? 0.2
            holdApy = try job.apy("holdApy")
            withholding = try job.withholding("withholding") ?? .standard
            schedule = try job.schedule()
            chart = try ChartOptions(fields)
            output = try OutputOptions(fields)
        }
    }

    static let opName = "lockin"
    static let opSummary =
        "market, pyIndex, blockTime, sy|tokens|shares|usd, hedge?, schedule?, holdApy?, … (the options) → fixed APY, fee and impact, shares and USD at maturity, hedge, hold (as 'lockin --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let schedule = try options.schedule?.schedule()
        // Either curve: on a YieldSpace pool the same job runs on its curve (sellBase buys the fyToken).
        let context = try options.market.curveContext(stockPriceUsd: options.sizing.stockPriceUsd)
        let request = try LockInOptions.request(
            size: options.size, stockPrice: context.stockPrice, priceAtMaturity: options.priceAtMaturity,
            prices: options.prices, hedge: options.hedgeKind, funding: options.funding, borrowFee: options.borrowFee, rebate: options.rebate,
            dividendYield: options.dividendYield, initialMargin: options.initialMargin, schedule: schedule, holdApy: options.holdApy,
            withholding: options.withholding)
        let answer = try LockInAnswer.build(
            LockIn.compute(request, curve: context.curve, at: context.blockTime), context: context, title: context.title)
        return JobAnswer(
            report: answer.report, tableText: answer.tableText, warnings: answer.result.warnings,
            chart: { JobCharts.lockIn(answer.result, subject: context.chartSubject ?? "") })
    }
}

/// The lock-in's request from the command's options or the batch op's fields (the same names in camelCase:
/// `sy`|`tokens`|`shares`|`usd`, `stockPrice`, `priceAtMaturity`, `priceRange`, `hedge`, `funding`,
/// `borrowFee`, `rebate`, `dividendYield`, `initialMargin`, `schedule`, `withholding`, `holdApy`).
enum LockInOptions {
    /// What the given options contradict, in words naming them by `name` (options or fields), or nil: an
    /// option of one hedge with another, both dividend sources, both hold comparisons, both price inputs.
    static func conflict(hedge: String, given: (String) -> Bool, name: (String) -> String) -> String? {
        let (funding, borrowFee, rebate, dividendYield) = ("funding", "borrowFee", "rebate", "dividendYield")
        let (initialMargin, schedule, holdApy) = ("initialMargin", "schedule", "holdApy")
        let (priceAtMaturity, priceRange, kind) = ("priceAtMaturity", "priceRange", "hedge")
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
}
