import YieldStrip
import YieldStripJSON

/// `yieldstrip hedge delta`: how many shares a position behaves like, and the short that hedges it (batch op
/// `hedgeDelta`).
struct HedgeDeltaCommand: JobCommand {
    let name = "delta"
    let abstract = "A position's stock delta in shares, and the short that hedges it."
    let discussion = """
        Every price here is in shares, so a position worth N shares moves N USD per USD
        of the stock: deltaShares = the position's value in shares (PT at its price, YT
        at its price, SY at the PY index, an LP through its PT and SY). hedgeShares =
        -deltaShares (shares or perp units to short), hedgeUsd at the stock price. To
        maturity (the static hedge): a PT becomes one share, SY and YT grow with the
        token at --realized-apy (or --schedule's yield, else the implied APY; YT
        interest net of --yt-fee). --json prints the answer of the batch op
        'hedgeDelta'. On a YieldSpace file SY is the pool's shares (at c) and YT the
        synthetic 1 - PT.
        """
    /// The market, the position, the stock price, the realized yield and the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs + [HedgeInputs.positionOption, StrategyInputs.stockPriceOption] + RealizedYieldOptions.specs
            + OutputOptions.specs

        let market: MarketInput
        let position: Position
        let stockPriceUsd: Double?
        let realized: RealizedYieldOptions
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            market = try MarketInput(fields)
            position = try fields.job.requiredPosition()
            stockPriceUsd = fields.invocation == nil ? nil : try fields.job.number("stockPrice")
            realized = try RealizedYieldOptions(fields)
            output = try OutputOptions(fields)
        }
    }

    static let opName = "hedgeDelta"
    static let opSummary =
        "market, pyIndex, blockTime, position, stockPrice, realizedApy?|schedule?, ytFee? → delta in shares, the short that hedges it, at maturity (as 'hedge delta --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let context = try options.market.curveContext(stockPriceUsd: options.stockPriceUsd)
        let result = try StockDelta.compute(
            options.position, curve: context.curve, at: context.blockTime, stockPrice: context.stockPrice,
            realizedYield: options.realized.realizedYield(stockPrice: context.stockPrice), ytInterestFee: options.realized.ytFee)
        let report = try HedgeDeltaAnswer.build(result, context: context)
        return JobAnswer(
            report: report, tableText: HedgeDeltaAnswer.table(report, result: result, title: context.title ?? ""), warnings: result.warnings)
    }
}

/// The answer of `hedge delta` and `hedgeDelta`.
///
/// Fields: `curve`, `blockTime`, `blockTimeISO`, `blockTimeSource`, `expiry`, `expiryISO`, `secondsToExpiry`,
/// `yearsToExpiry`; `stockPrice`, `assetPerSy`, `impliedApy`, `realizedApy`, `realizedApyBasis`, `ytFee`;
/// `positions` (rows `token`, `amount` (wei), `amountUnits`, `deltaShares`, `deltaSharesAtMaturity`);
/// `deltaShares`, `hedgeShares`, `hedgeUsd`, `deltaSharesAtMaturity`, `hedgeSharesAtMaturity`; `warnings`;
/// `assumptions`.
enum HedgeDeltaAnswer {
    static func build(_ r: StockDeltaResult, context: CurveContext) throws -> Report {
        var answer = AnswerBuilder()
        try answer.jobHeader(
            curveName: r.curveName, context: context, expiry: r.expiry, expiryLabel: "expiry",
            secondsToExpiry: r.expiry - r.blockTime, yearsToExpiry: r.yearsToExpiry)
        let percent = { (value: Double) in TableFormat.percent(value) }
        let real = { (value: Double) in TableFormat.significant(value) }
        try answer.number("stockPrice", r.stockPrice, label: "stock price (USD)") { TableFormat.fixed($0, digits: 2) }
        try answer.number("assetPerSy", r.assetPerSy, label: context.assetPerSyLabel, display: real)
        try answer.number("impliedApy", r.impliedApy, label: "implied APY", display: percent)
        try answer.number("realizedApy", r.realizedApy, label: "token APY to maturity (assumed)", display: percent)
        answer.text("realizedApyBasis", r.realizedApyBasis, label: "assumed from")
        answer.withReport { $0.hiddenInTable.insert("realizedApyBasis") }
        try answer.number("ytFee", r.ytInterestFee, label: "YT interest fee", display: percent)
        let legs = r.legs.map { leg -> JSONValue in
            var object = HedgeInputs.legObject(token: leg.token, amount: leg.amountExact)
            object.append("deltaShares", analytic: leg.deltaShares)
            object.append("deltaSharesAtMaturity", analytic: leg.deltaSharesAtMaturity)
            return .object(object)
        }
        answer.hiddenMember("positions", .array(legs))
        try answer.number("deltaShares", r.deltaShares, label: "delta (shares)", display: real)
        try answer.number("hedgeShares", r.hedgeShares, label: "hedge now (shares; negative: short)", display: real)
        try answer.number("hedgeUsd", r.hedgeUsd, label: "hedge (USD)") { TableFormat.fixed($0, digits: 2) }
        try answer.number("deltaSharesAtMaturity", r.deltaSharesAtMaturity, label: "shares delivered at maturity", display: real)
        try answer.number("hedgeSharesAtMaturity", r.hedgeSharesAtMaturity, label: "static hedge to maturity (shares)", display: real)
        answer.texts("warnings", r.warnings, label: "warnings")
        answer.texts("assumptions", r.assumptions, label: "assumptions")
        answer.withReport { $0.hiddenInTable.formUnion(["warnings", "assumptions"]) }
        return answer.report
    }

    static func table(_ report: Report, result: StockDeltaResult, title: String) -> String {
        var legs = TextTable(header: ["token", "amount", "delta now (shares)", "at maturity (shares)"])
        for leg in result.legs {
            legs.rows.append([
                leg.token.rawValue, leg.amountExact.description, TableFormat.significant(leg.deltaShares, digits: 8),
                TableFormat.significant(leg.deltaSharesAtMaturity, digits: 8)
            ])
        }
        let size = TableFormat.significant(abs(result.deltaShares), digits: 8)
        let usd = result.hedgeUsd.map { " (\(TableFormat.fixed(abs($0), digits: 2)) USD)" } ?? ""
        let trade = result.deltaShares >= 0 ? "short \(size) shares\(usd)" : "buy \(size) shares\(usd)"
        let summary = [
            "Behaves like \(TableFormat.significant(result.deltaShares, digits: 8)) shares now: \(trade) to hedge it; "
                + "it delivers \(TableFormat.significant(result.deltaSharesAtMaturity, digits: 8)) shares at maturity "
                + "(the token at \(TableFormat.percent(result.realizedApy)) a year: \(result.realizedApyBasis))."
        ]
        return JobTable.render(
            title: title, summary: summary, report: report, tables: ["positions\n" + legs.render(indent: 2)],
            assumptions: result.assumptions)
    }

    /// The batch op `hedgeDelta`: the market context, `position`, `stockPrice` (for the USD figure), `realizedApy` or
    /// `schedule` (+ `withholding`), `ytFee`.
}
