import YieldStrip
import YieldStripJSON

/// `yieldstrip hedge income`: YT to sell per share to hedge a dividend income (batch op `hedgeIncome`).
struct HedgeIncomeCommand: ParsableCommand {
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
    struct Options: ParsableOptions {
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
        /// The market to price the short on; nil without `--market`.
        let market: MarketFileOptions?
        let stockPriceUsd: Double?
        let output: OutputOptions

        init(parsing invocation: Invocation) throws {
            guard let shares = try invocation.parse(option: "shares", ValueText.wad) else {
                throw invocation.usageError("Missing expected argument '--shares <amount>'")
            }
            self.shares = shares
            let heldText = invocation.option("held-as") ?? "token"
            guard let heldAs = YieldHolding(rawValue: heldText) else {
                throw invocation.usageError("The value '\(heldText)' is invalid for '--held-as <kind>': expected token or stock")
            }
            self.heldAs = heldAs
            holderWithholding = try StrategyInputs.withholding(invocation, "holder-withholding") ?? .standard
            tokenWithholding = try StrategyInputs.withholding(invocation, "token-withholding") ?? .standard
            fraction = try StrategyInputs.exactRate(invocation, "fraction") ?? .one
            stockPriceUsd = try StrategyInputs.stockPrice(invocation)
            if heldAs == .token && invocation.optionWasGiven("borrow-fee") {
                throw invocation.usageError("'--borrow-fee' applies to '--held-as stock' (a token holder borrows nothing)")
            }
            borrowFee = try StrategyInputs.rate(invocation, "borrow-fee") ?? 0
            market = try MarketFileOptions.ifGiven(invocation)
            if market == nil {
                for option in ["at", "stock-price", "borrow-fee"] where invocation.optionWasGiven(option) {
                    throw invocation.usageError("'--\(option)' prices the YT short: it needs '--market <file>'")
                }
            }
            output = try OutputOptions(parsing: invocation)
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        guard let market = options.market else {
            let result = try IncomeHedge.compute(
                shares: options.shares, heldAs: options.heldAs, holderWithholding: options.holderWithholding,
                tokenWithholding: options.tokenWithholding, fraction: options.fraction)
            let report = try HedgeIncomeAnswer.build(result, context: nil)
            return options.output.wantsAnswer ? .report(report) : .text(HedgeIncomeAnswer.table(report, result: result, title: ""))
        }
        let (file, fileContext) = try market.curveContext(invocation)
        var context = fileContext
        if let stockPrice = options.stockPriceUsd { context.stockPrice = stockPrice }
        let result = try HedgeIncomeAnswer.compute(
            context.curve, at: context.blockTime, shares: options.shares, heldAs: options.heldAs,
            holderWithholding: options.holderWithholding, tokenWithholding: options.tokenWithholding, fraction: options.fraction,
            borrowFeeApr: options.borrowFee, stockPrice: context.stockPrice)
        let report = try HedgeIncomeAnswer.build(result, context: context)
        return options.output.wantsAnswer ? .report(report) : .text(HedgeIncomeAnswer.table(report, result: result, title: file.title))
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

    /// The batch op `hedgeIncome`: `shares` (wei), `heldAs`, `holderWithholding`, `tokenWithholding`,
    /// `fraction`, and optionally a market context (`market`, `pyIndex`, `blockTime`, `stockPrice`) with `borrowFee`.
    static func answer(_ request: BatchRequest) throws -> JSONObject {
        let heldText = try request.stringIfPresent("heldAs") ?? "token"
        guard let heldAs = YieldHolding(rawValue: heldText) else {
            throw RequestError.badRequest(field: "heldAs", reason: "field 'heldAs' must be token or stock; got \"\(heldText)\"")
        }
        let shares = try request.wad("shares")
        let holder = try StrategyInputs.withholding(request, "holderWithholding") ?? .standard
        let token = try StrategyInputs.withholding(request, "tokenWithholding") ?? .standard
        let fraction = try StrategyInputs.exactRate(request, "fraction") ?? .one
        guard request.value("market") != nil || request.value("pool") != nil else {
            let result = try IncomeHedge.compute(
                shares: shares, heldAs: heldAs, holderWithholding: holder, tokenWithholding: token, fraction: fraction)
            return try build(result, context: nil).object
        }
        let context = try CurveContext(request: request)
        if heldAs == .token && request.value("borrowFee") != nil {
            throw RequestError.badRequest(field: "borrowFee", reason: "borrowFee applies to heldAs stock (a token holder borrows nothing)")
        }
        let result = try compute(
            context.curve, at: context.blockTime, shares: shares, heldAs: heldAs, holderWithholding: holder, tokenWithholding: token,
            fraction: fraction, borrowFeeApr: try StrategyInputs.rate(request, "borrowFee") ?? 0, stockPrice: context.stockPrice)
        return try build(result, context: context).object
    }
}
