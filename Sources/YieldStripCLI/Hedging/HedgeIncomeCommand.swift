import YieldStrip
import YieldStripJSON

/// `yieldstrip hedge income`: YT to sell per share to hedge a dividend income (batch op `hedgeIncome`).
struct HedgeIncomeCommand: JobCommand {
    let name = "income"
    let abstract = "YT to sell to hedge a dividend income; with a market, the premium."
    let discussion = """
        A share held directly pays d(1 - holder withholding) per dividend d; one YT pays
        the token's reinvested d(1 - token withholding). Selling (1 - w_holder)/(1 -
        w_token) YT per share offsets the income (1 for a holder of the token itself).
        ytToSell is what 'short-yt' sells for the same inputs (the same function); with
        --market, the premium, the APY sold and the capital of that YT short too.
        --json prints the answer of the batch op 'hedgeIncome'.
        """
    /// The shares and how their dividends are held and taxed, the share hedged; with a market, the YT
    /// short's price (at `--at`, `--stock-price`, `--borrow-fee`); the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            [
                .value("shares", valueName: "amount", help: "The shares whose dividends are hedged.", required: true),
                .value("held-as", valueName: "kind", help: "How the dividends are held: token or stock.", default: "token"),
                .value("holder-withholding", valueName: "rate", help: "The holder's withholding on the stock's dividends.", default: "30%"),
                .value("token-withholding", valueName: "rate", help: "The token's withholding on dividends.", default: "30%"),
                .value("fraction", valueName: "share", help: "The share of the position hedged, in (0, 1].", default: "1"),
                .value("borrow-fee", valueName: "apr", help: "The token lender's fee per year (--held-as stock, with --market).", default: "0"),
                .value("market", valueName: "file", help: "A market file: price the YT short there."),
                MarketOptions.at, StrategyInputs.stockPriceOption
            ] + OutputOptions.specs

        let shares: Wad
        let heldAs: YieldHolding
        let holderWithholding: Withholding
        let tokenWithholding: Withholding
        let fraction: Wad
        let borrowFee: Double
        /// The market to price the short on; nil without one (`--market`; `market` or `pool` in batch).
        let market: MarketInput?
        let stockPriceUsd: Double?
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            let job = fields.job
            guard let shares = try job.amount("shares") else {
                throw fields.refuse(command: "Missing expected argument '--shares <amount>'", batch: "missing field 'shares'", field: "shares")
            }
            self.shares = shares
            heldAs = try job.holding()
            holderWithholding = try job.withholding("holderWithholding") ?? .standard
            tokenWithholding = try job.withholding("tokenWithholding") ?? .standard
            fraction = try job.exactRate("fraction") ?? .one
            stockPriceUsd = fields.invocation == nil ? nil : try job.number("stockPrice")
            let hasMarket = fields.invocation == nil ? fields.given("market") || fields.given("pool") : fields.given("market")
            if heldAs == .token && fields.given("borrowFee") && (hasMarket || fields.invocation != nil) {
                throw HedgeInputs.borrowFeeNeedsStock(fields)
            }
            borrowFee = try job.rate("borrowFee") ?? 0
            market = hasMarket ? try MarketInput(fields) : nil
            if !hasMarket, fields.invocation != nil {
                for field in ["at", "stockPrice", "borrowFee"] where fields.given(field) {
                    throw fields.conflict("\(fields.name(field)) prices the YT short: it needs '--market <file>'", field: field)
                }
            }
            output = try OutputOptions(fields)
        }
    }

    static let opName = "hedgeIncome"
    static let opSummary =
        "shares, heldAs?, holderWithholding?, tokenWithholding?, fraction?, market context? → YT per share, YT to sell, the YT short's premium (as 'hedge income --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        guard let market = options.market else {
            let result = try IncomeHedge.compute(
                shares: options.shares, heldAs: options.heldAs, holderWithholding: options.holderWithholding,
                tokenWithholding: options.tokenWithholding, fraction: options.fraction)
            let report = try HedgeIncomeAnswer.build(result, context: nil)
            return JobAnswer(report: report, tableText: HedgeIncomeAnswer.table(report, result: result, title: ""))
        }
        let context = try market.curveContext(stockPriceUsd: options.stockPriceUsd)
        let result = try HedgeIncomeAnswer.compute(
            context.curve, at: context.blockTime, shares: options.shares, heldAs: options.heldAs,
            holderWithholding: options.holderWithholding, tokenWithholding: options.tokenWithholding, fraction: options.fraction,
            borrowFeeApr: options.borrowFee, stockPrice: context.stockPrice)
        let report = try HedgeIncomeAnswer.build(result, context: context)
        return JobAnswer(report: report, tableText: HedgeIncomeAnswer.table(report, result: result, title: context.title ?? ""))
    }
}

/// The answer of `hedge income` and `hedgeIncome`.
///
/// Fields: `heldAs`, `holderWithholding`, `tokenWithholding`, `shares` (wei), `fraction`, `incomeHedgeRatio`
/// (YT per share), `ytToSell` (wei: `short-yt`'s `ytSold`); with a market (else null): `curve`, `blockTime`,
/// `blockTimeISO`, `blockTimeSource`, `syReceived` (wei), `premiumShares`, `premiumUsd`, `effectiveShortApy`,
/// `capitalShares`, `capitalUsd`, `breakEvenApy` — `short-yt`'s figures for the same inputs.
enum HedgeIncomeAnswer {
    /// ``IncomeHedge`` with the YT short priced on `curve` (either curve; a YieldSpace pool throws `NoYieldToken`).
    static func compute<C: ImpliedYieldCurve>(
        _ curve: C, at blockTime: Int64, shares: Wad, heldAs: YieldHolding, holderWithholding: Withholding,
        tokenWithholding: Withholding, fraction: Wad, borrowFeeApr: Double,
        stockPrice: Double?
    ) throws -> IncomeHedgeResult where C.Scalar == Wad {
        try IncomeHedge.compute(
            shares: shares, heldAs: heldAs, holderWithholding: holderWithholding, tokenWithholding: tokenWithholding,
            fraction: fraction, borrowFeeApr: borrowFeeApr, stockPrice: stockPrice, market: (curve, blockTime))
    }

    static func build(_ r: IncomeHedgeResult, context: (any BlockTimeContext)?) throws -> Report {
        var answer = AnswerBuilder()
        let percent = { (value: Double) in TableFormat.percent(value, digits: 2) }
        let real = { (value: Double) in TableFormat.significant(value) }
        answer.text("heldAs", r.heldAs.rawValue, label: "dividends held as")
        try answer.number("holderWithholding", r.holderWithholding, label: "holder's withholding", display: percent)
        if r.heldAs == .token { answer.withReport { $0.hiddenInTable.insert("holderWithholding") } }
        try answer.number("tokenWithholding", r.tokenWithholding, label: "token's withholding", display: percent)
        answer.wad("shares", r.shares, label: "shares hedged")
        try answer.number("fraction", r.fraction, label: "share of the position hedged", display: percent)
        try answer.number("incomeHedgeRatio", r.incomeHedgeRatio, label: "YT per share", display: real)
        answer.wad("ytToSell", r.ytToSell, label: "YT to sell")
        let short = r.shortYt
        answer.text("curve", short?.curveName, label: "curve")
        if let context {
            answer.withReport { context.appendBlockTime(to: &$0) }
        } else {
            for key in ["blockTime", "blockTimeISO", "blockTimeSource"] {
                answer.withReport {
                    $0.append(key, .null)
                    $0.hiddenInTable.insert(key)
                }
            }
        }
        answer.wad("syReceived", short?.syReceived, label: "SY received for the YT")
        try answer.number("premiumShares", short?.premiumShares, label: "premium (shares)", display: real)
        try answer.number("premiumUsd", short?.premiumUsd, label: "premium (USD)") { TableFormat.fixed($0, digits: 2) }
        try answer.number("effectiveShortApy", short?.effectiveShortApy, label: "APY sold") { TableFormat.percent($0) }
        try answer.number("capitalShares", short?.capitalShares, label: r.heldAs == .stock ? "loan (shares)" : "capital (shares)", display: real)
        try answer.number("capitalUsd", short?.capitalUsd, label: r.heldAs == .stock ? "loan (USD)" : "capital (USD)") {
            TableFormat.fixed($0, digits: 2)
        }
        try answer.number("breakEvenApy", short?.breakEvenApy, label: "break-even realized APY") { TableFormat.percent($0) }
        return answer.report
    }

    static func table(_ report: Report, result: IncomeHedgeResult, title: String) -> String {
        let part = result.fraction == 1 ? "" : " (\(TableFormat.percent(result.fraction, digits: 2)) of \(result.shares))"
        let hedged =
            result.fraction == 1 ? result.shares.description : TableFormat.significant(result.shares.doubleValue * result.fraction, digits: 12)
        let summary = [
            "Sell \(result.ytToSell) YT (\(TableFormat.significant(result.incomeHedgeRatio, digits: 8)) per share) to hedge the dividends of "
                + "\(hedged) shares\(part) held as \(result.heldAs == .token ? "the token" : "the stock")."
        ]
        return JobTable.render(
            title: title, summary: summary, report: report, tables: [],
            assumptions: ["YT per share = (1 − holder withholding) / (1 − token withholding); 1 for a token holder"]
                + (result.shortYt?.assumptions ?? []))
    }
}
