import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip short-yt`: sell YT to hedge a dividend stream (batch op `shortYt`, also `short-yt`).
struct ShortYTCommand: JobCommand {
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
    struct Options: DoorOptions {
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

        let market: MarketInput
        let sizing: SizeOptions
        /// The job's request, priced at the market's stock price when run.
        let request: ShortYTRequest
        let chart: ChartOptions
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            market = try MarketInput(fields)
            sizing = try SizeOptions(fields, others: ["yt"])
            let job = fields.job
            let yt = try job.amount("yt")
            let size: ShortYTSize
            if let yt {
                size = .yieldTokens(yt)
            } else if let position = sizing.size {
                size = .position(position)
            } else {
                throw fields.refuse(
                    command: "Give the size: one of --shares, --sy, --tokens, --usd, or --yt for YT already held",
                    batch: "give the size: one of shares, sy, tokens (wei), usd (dollars), or yt (wei) for YT already held", field: nil)
            }
            let heldAs = try job.holding()
            if yt != nil && heldAs == .stock {
                throw fields.refuse(
                    command: "'--yt' sells YT already held; a stock holder gives '--shares' with '--held-as stock'",
                    batch: "yt sells YT already held; a stock holder gives shares with heldAs stock", field: "yt")
            }
            if heldAs == .token && fields.given("borrowFee") {
                throw HedgeInputs.borrowFeeNeedsStock(fields)
            }
            let fraction = try job.exactRate("fraction") ?? .one
            let realized = try job.apyList("realizedApys")
            chart = try ChartOptions(fields)
            output = try OutputOptions(fields)
            request = ShortYTRequest(
                size: size, heldAs: heldAs, holderWithholding: try job.withholding("holderWithholding") ?? .standard,
                tokenWithholding: try job.withholding("tokenWithholding") ?? .standard, borrowFeeApr: try job.rate("borrowFee") ?? 0,
                fraction: fraction, realizedApys: realized?.values)
        }
    }

    static let opName = "shortYt"
    static let opSummary =
        "market, pyIndex, blockTime, shares|sy|tokens|usd or yt, heldAs?, fraction?, realizedApys?, … (the options) → YT sold, premium, APY sold, capital, PnL, break-even (as 'short-yt --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let context = try options.market.curveContext(stockPriceUsd: options.sizing.stockPriceUsd)
        var priced = options.request
        priced.stockPrice = context.stockPrice
        let answer = try ShortYTAnswer.build(
            ShortYT.compute(priced, curve: context.curve, at: context.blockTime), context: context, assetPerSy: context.assetPerSy,
            title: context.title)
        return JobAnswer(
            report: answer.report, tableText: answer.tableText, chart: { JobCharts.shortYT(answer.result, subject: context.chartSubject ?? "") })
    }
}
