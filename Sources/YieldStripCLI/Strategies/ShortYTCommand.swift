import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip short-yt`: sell YT to hedge a dividend stream (batch op `shortYt`, also `short-yt`).
struct ShortYTCommand: ParsableCommand {
    let name = "short-yt"
    let abstract = "Short YT to hedge a dividend stream: premium, PnL, break-even."
    let discussion = """
        Sells the yield of a position to maturity for a premium now, through the
        router's exact swapExactYtForSy. Size the position hedged with --shares (or
        --sy, --tokens, --usd), or sell YT already held with --yt. --held-as token
        (default): the holder's own tokens are split into PT + YT, the YT sold, the PT
        kept. --held-as stock: a stock holder has no SY to split; the hedge borrows the
        token (--borrow-fee), mints from it and sells the YT, and the loan is repaid in
        SY at maturity, so the position owes the token's yield, which the stock's own
        dividends pay. YT sold per share = (1 - holder withholding) / (1 - token
        withholding), 1 for a token holder. PnL rows at maturity for --realized-apys
        (a list or FROM..TO:STEP; default 0 and 25% ... 200% of the spot APY), against
        keeping the SY. Rates read 5%, 50bp or 0.05. --json prints the answer of the
        batch op 'shortYt'. --svg FILE also draws the PnL against the realized APY,
        the break-even and the spot APY marked. A YieldSpace pool trades no YT:
        on a YieldSpace file the command fails with NoYieldToken (use a Pendle
        market file, which trades YT).
        """
    /// The market, the size (a position, or `--yt` held), how the dividends are held and taxed, the PnL
    /// rows, the chart and the output.
    struct Options: ParsableOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs + SizeOptions.specs + [
                .value("yt", valueName: "amount", help: "Sell YT already held (decimal units), instead of a position size."),
                .value("held-as", valueName: "kind", help: "How the dividends are held: token or stock.", default: "token"),
                .value("holder-withholding", valueName: "rate", help: "The holder's withholding on the stock's dividends.", default: "30%"),
                .value("token-withholding", valueName: "rate", help: "The token's withholding on dividends.", default: "30%"),
                .value("borrow-fee", valueName: "apr", help: "The token lender's fee per year (--held-as stock).", default: "0"),
                .value("fraction", valueName: "share", help: "The share of the position hedged, in (0, 1] (0.5 or 50%).", default: "1"),
                .value(
                    "realized-apys", valueName: "list",
                    help: "Realized token APYs for the PnL rows: a list (0,0.2%,0.4%) or a range (0..0.6%:0.1%).")
            ] + ChartOptions.specs + OutputOptions.specs

        let market: MarketFileOptions
        let sizing: SizeOptions
        /// The job's request, priced at the market's stock price when run.
        let request: ShortYTRequest
        let chart: ChartOptions
        let output: OutputOptions

        init(parsing invocation: Invocation) throws {
            market = try MarketFileOptions(parsing: invocation)
            sizing = try SizeOptions(parsing: invocation, others: ["yt"])
            let yt = try invocation.parse(option: "yt", ValueText.wad)
            let size: ShortYTSize
            if let yt {
                size = .yieldTokens(yt)
            } else if let position = sizing.size {
                size = .position(position)
            } else {
                throw invocation.usageError("Give the size: one of --shares, --sy, --tokens, --usd, or --yt for YT already held")
            }
            let heldText = invocation.option("held-as") ?? "token"
            guard let heldAs = YieldHolding(rawValue: heldText) else {
                throw invocation.usageError("The value '\(heldText)' is invalid for '--held-as <kind>': expected token or stock")
            }
            if yt != nil && heldAs == .stock {
                throw invocation.usageError("'--yt' sells YT already held; a stock holder gives '--shares' with '--held-as stock'")
            }
            if heldAs == .token && invocation.optionWasGiven("borrow-fee") {
                throw invocation.usageError("'--borrow-fee' applies to '--held-as stock' (a token holder borrows nothing)")
            }
            let fraction = try StrategyInputs.exactRate(invocation, "fraction") ?? .one
            let realized = try StrategyInputs.apyList(invocation, "realized-apys")
            chart = try ChartOptions(parsing: invocation)
            output = try OutputOptions(parsing: invocation)
            request = ShortYTRequest(
                size: size, heldAs: heldAs,
                holderWithholding: try StrategyInputs.withholding(invocation, "holder-withholding") ?? .standard,
                tokenWithholding: try StrategyInputs.withholding(invocation, "token-withholding") ?? .standard,
                borrowFeeApr: try StrategyInputs.rate(invocation, "borrow-fee") ?? 0, fraction: fraction, realizedApys: realized?.values)
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        let (file, fileContext) = try options.market.curveContext(invocation)
        var context = fileContext
        if let stockPrice = options.sizing.stockPriceUsd { context.stockPrice = stockPrice }
        var priced = options.request
        priced.stockPrice = context.stockPrice
        let answer = try ShortYTAnswer.build(
            ShortYT.compute(priced, curve: context.curve, at: context.blockTime), context: context, assetPerSy: context.assetPerSy,
            title: file.title)
        try options.chart.write(JobCharts.shortYT(answer.result, subject: file.chartSubject))
        return options.output.wantsAnswer ? .report(answer.report) : .text(answer.tableText)
    }
}

/// The YT short's request from the batch op's fields: the market context and the command's options in
/// camelCase (`shares`|`sy`|`tokens` (wei)|`usd` or `yt` (wei), `heldAs`, `holderWithholding`,
/// `tokenWithholding`, `borrowFee`, `fraction`, `realizedApys`, `stockPrice`).
enum ShortYTOptions {
    static func answer(_ batch: BatchRequest) throws -> JSONObject {
        let context = try CurveContext(request: batch)
        let position = try StrategyInputs.size(batch, others: ["yt"])
        let size: ShortYTSize
        if let yt = try batch.wadIfPresent("yt") {
            size = .yieldTokens(yt)
        } else if let position {
            size = .position(position)
        } else {
            throw RequestError.badRequest(
                field: nil, reason: "give the size: one of shares, sy, tokens (wei), usd (dollars), or yt (wei) for YT already held")
        }
        let heldText = try batch.stringIfPresent("heldAs") ?? "token"
        guard let heldAs = YieldHolding(rawValue: heldText) else {
            throw RequestError.badRequest(field: "heldAs", reason: "field 'heldAs' must be token or stock; got \"\(heldText)\"")
        }
        if heldAs == .token && batch.value("borrowFee") != nil {
            throw RequestError.badRequest(field: "borrowFee", reason: "borrowFee applies to heldAs stock (a token holder borrows nothing)")
        }
        let request = ShortYTRequest(
            size: size, heldAs: heldAs, holderWithholding: try StrategyInputs.withholding(batch, "holderWithholding") ?? .standard,
            tokenWithholding: try StrategyInputs.withholding(batch, "tokenWithholding") ?? .standard,
            borrowFeeApr: try StrategyInputs.rate(batch, "borrowFee") ?? 0, fraction: try StrategyInputs.exactRate(batch, "fraction") ?? .one,
            realizedApys: try StrategyInputs.range(batch, "realizedApys")?.values, stockPrice: context.stockPrice)
        let result = try ShortYT.compute(request, curve: context.curve, at: context.blockTime)
        return try ShortYTAnswer.build(result, context: context, assetPerSy: context.assetPerSy, title: nil).report.object
    }
}
