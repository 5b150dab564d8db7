import YieldStrip
import YieldStripJSON

/// `yieldstrip hedge dv01`: a position's value, DV01, duration and convexity (batch op `hedgeDv01`).
struct HedgeDV01Command: JobCommand {
    let name = "dv01"
    let abstract = "A position's DV01, duration and convexity; a hedge in another market."
    let discussion = """
        Values each leg of --position at the market's implied APY y on Pendle's spot
        convention (PT = (1 + y)^-t, YT = 1 - PT, SY at the PY index, an LP after the
        pool's own trade to y) and reports its DV01 (dV/dy per basis point, negative
        for long PT), modified duration and convexity, and the sums. With --against
        FILE2 --hedge-token pt|yt, the amount of FILE2's PT or YT that makes the total
        DV01 zero, assuming a parallel shift of implied APY across both markets.
        --json prints the answer of the batch op 'hedgeDv01'. Either file may be a
        YieldSpace pool: SY is then its shares (at c) and a YT leg is priced as the
        synthetic 1 - PT (the pool trades no YT); --hedge-token yt needs a Pendle
        --against file.
        """
    /// The market, the position, the stock price, the hedge market and token, the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs + [
                HedgeInputs.positionOption, StrategyInputs.stockPriceOption,
                .value("against", valueName: "file", help: "A second market file to hedge the rate risk in."),
                .value("hedge-token", valueName: "token", help: "The hedge's token in --against: pt or yt.", default: "pt")
            ] + OutputOptions.specs

        let market: MarketInput
        let position: Position
        let stockPriceUsd: Double?
        /// The hedge market: `--against FILE` on the command line, an inline market (`market` and `pyIndex`,
        /// or `"curve": "yieldspace"` and `pool`) in batch; and the token traded there.
        let against: Against?
        let hedgeToken: PositionToken
        let output: OutputOptions

        enum Against {
            case file(String)
            case inline(RequestFields)
        }

        init(_ fields: DoorFields) throws {
            market = try MarketInput(fields)
            position = try fields.job.requiredPosition()
            stockPriceUsd = fields.invocation == nil ? nil : try fields.job.number("stockPrice")
            let tokenText = try fields.choice("hedgeToken", ["pt", "yt"], default: "pt")
            hedgeToken = PositionToken(rawValue: tokenText) ?? .pt
            switch fields.door {
            case .command(let invocation): against = invocation.option("against").map { .file($0) }
            case .batch(let request): against = try request.objectIfPresent("against").map { .inline($0) }
            }
            if fields.given("hedgeToken") && against == nil {
                throw fields.refuse(
                    command: "'--hedge-token' needs '--against <file>'", batch: "hedgeToken needs 'against' (the hedge market: market and pyIndex)",
                    field: "hedgeToken")
            }
            output = try OutputOptions(fields)
        }

        /// The hedge instrument: the market read (a file, or the request's object), the token.
        func instrument() throws -> RateHedgeInstrument? {
            switch against {
            case nil: return nil
            case .file(let path)?:
                let hedgeFile = try MarketFile.loadAny(path: path)
                return RateHedgeInstrument(curve: hedgeFile.curve, token: hedgeToken, stockPrice: hedgeFile.stockPrice)
            case .inline(let against)?:
                if case .string(let curve)? = against.value("curve"), curve == YieldSpaceMarketFile.curveName {
                    let pool = try YieldSpaceMarketFile(origin: "against", fields: against)
                    return RateHedgeInstrument(curve: pool.curve, token: hedgeToken, stockPrice: pool.stockPrice)
                }
                let market = try MarketFields.market(against.object("market"))
                return RateHedgeInstrument(
                    curve: PendleV2Curve(market: market, pyIndex: try MarketFields.unsigned(against, "pyIndex")), token: hedgeToken,
                    stockPrice: try MarketFields.stockPrice(against))
            }
        }
    }

    static let opName = "hedgeDv01"
    static let opSummary =
        "market, pyIndex, blockTime, position, stockPrice?, against?, hedgeToken? → value, DV01, duration, convexity per leg and in total, a hedge (as 'hedge dv01 --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let context = try options.market.curveContext(stockPriceUsd: options.stockPriceUsd)
        let report = try HedgeDV01Answer.build(
            RateRisk.compute(
                options.position, curve: context.curve, at: context.blockTime, stockPrice: context.stockPrice,
                hedgeWith: options.instrument()), context: context)
        return JobAnswer(report: report, tableText: HedgeDV01Answer.table(report, title: context.title ?? ""))
    }
}

/// The answer of `hedge dv01` and `hedgeDv01`.
///
/// Fields: `curve`, `blockTime`, `blockTimeISO`, `blockTimeSource`, `expiry`, `expiryISO`, `secondsToExpiry`,
/// `yearsToExpiry`; `impliedApy`, `ptPriceInAsset`, `ytPriceInAsset`, `assetPerSy`, `stockPrice`;
/// `positions` (rows `token`, `amount` (wei), `amountUnits`, `priceInAsset`, `valueInAsset`, `dv01InAsset`,
/// `modifiedDuration`, `convexity`, `valueUsd`, `dv01Usd`); `total` (`valueInAsset`, `dv01InAsset`,
/// `modifiedDuration`, `convexity`, `valueUsd`, `dv01Usd`); `hedge` (`curve`, `expiry`, `expiryISO`, `token`,
/// `impliedApy`, `dv01PerTokenInAsset`, `hedgeAmount` (token units, signed), `hedgeDv01InAsset`, `hedgeDv01Usd`,
/// `matchedIn` (`usd` when both markets have a stock price, else `asset`); null without
/// `against`); `assumptions`.
enum HedgeDV01Answer {
    static func build(_ r: RateRiskResult, context: CurveContext) throws -> Report {
        var answer = AnswerBuilder()
        try answer.jobHeader(
            curveName: r.curveName, context: context, expiry: r.expiry, expiryLabel: "expiry",
            secondsToExpiry: r.secondsToExpiry, yearsToExpiry: r.yearsToExpiry)
        let percent = { (value: Double) in TableFormat.percent(value) }
        let real = { (value: Double) in TableFormat.significant(value) }
        try answer.number("impliedApy", r.impliedApy, label: "implied APY y", display: percent)
        try answer.number("ptPriceInAsset", r.ptPriceInAsset, label: "PT price (shares)", display: real)
        try answer.number("ytPriceInAsset", r.ytPriceInAsset, label: "YT price (shares)", display: real)
        try answer.number("assetPerSy", r.assetPerSy, label: context.assetPerSyLabel, display: real)
        try answer.number("stockPrice", r.stockPrice, label: "stock price (USD)") { TableFormat.fixed($0, digits: 2) }
        answer.hiddenMember(
            "positions",
            .array(
                try r.legs.map { leg in
                    var object = HedgeInputs.legObject(token: leg.token, amount: leg.amountExact)
                    try object.append("priceInAsset", finite: leg.priceInAsset)
                    try object.append("valueInAsset", finite: leg.valueInAsset)
                    try object.append("dv01InAsset", finite: leg.dv01InAsset)
                    object.append("modifiedDuration", analytic: leg.modifiedDuration)
                    object.append("convexity", analytic: leg.convexity)
                    object.append("valueUsd", analytic: leg.valueUsd)
                    object.append("dv01Usd", analytic: leg.dv01Usd)
                    return .object(object)
                }))
        var total = AnswerBuilder()
        try total.number("valueInAsset", r.total.valueInAsset, label: "value (shares)", display: real)
        try total.number("dv01InAsset", r.total.dv01InAsset, label: "DV01 (shares per bp)", display: real)
        try total.number("modifiedDuration", r.total.modifiedDuration, label: "modified duration", display: real)
        try total.number("convexity", r.total.convexity, label: "convexity", display: real)
        try total.number("valueUsd", r.total.valueUsd, label: "value (USD)") { TableFormat.fixed($0, digits: 2) }
        try total.number("dv01Usd", r.total.dv01Usd, label: "DV01 (USD per bp)") { TableFormat.fixed($0, digits: 4) }
        answer.nested("total", total)
        answer.nested(
            "hedge",
            try r.hedge.map { hedge in
                var object = AnswerBuilder()
                object.text("curve", hedge.curveName, label: "hedge curve")
                object.time("expiry", hedge.expiry, label: "hedge expiry")
                object.text("token", hedge.token.rawValue, label: "hedge token")
                try object.number("impliedApy", hedge.impliedApy, label: "hedge market's implied APY", display: percent)
                try object.number("dv01PerTokenInAsset", hedge.dv01PerTokenInAsset, label: "DV01 per hedge token (shares per bp)", display: real)
                try object.number("hedgeAmount", hedge.hedgeAmount, label: "hedge amount (tokens; negative: sell)", display: real)
                try object.number("hedgeDv01InAsset", hedge.hedgeDv01InAsset, label: "hedge's DV01 (its shares per bp)", display: real)
                try object.number("hedgeDv01Usd", hedge.hedgeDv01Usd, label: "hedge's DV01 (USD per bp)") { TableFormat.fixed($0, digits: 4) }
                object.text(
                    "matchedIn", hedge.matchedIn, label: "DV01s matched in", display: hedge.matchedIn == "usd" ? "USD" : "shares (same asset assumed)"
                )
                return object
            })
        answer.texts("assumptions", r.assumptions, label: "assumptions")
        answer.withReport { $0.hiddenInTable.insert("assumptions") }
        return answer.report
    }

    /// The table: the figures, the legs, the assumptions.
    static func table(_ report: Report, title: String) -> String {
        var legs = TextTable(header: [
            "token", "amount", "price (shares)", "value (shares)", "DV01 (shares/bp)", "mod. duration", "convexity", "DV01 (USD/bp)"
        ])
        if case .array(let rows)? = report.object["positions"] {
            for case .object(let row) in rows {
                legs.rows.append([
                    row["token"].map(ReportTableRenderer.cellText) ?? "", row.wad("amount")?.description ?? "",
                    TableFormat.significant(row.number("priceInAsset"), digits: 8), TableFormat.significant(row.number("valueInAsset"), digits: 8),
                    TableFormat.significant(row.number("dv01InAsset"), digits: 6), TableFormat.fixed(row.number("modifiedDuration"), digits: 4),
                    TableFormat.fixed(row.number("convexity"), digits: 4), TableFormat.fixed(row.number("dv01Usd"), digits: 4)
                ])
            }
        }
        let assumptions: [String]
        if case .array(let texts)? = report.object["assumptions"] {
            assumptions = texts.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
        } else {
            assumptions = []
        }
        var summary: [String] = []
        if let total = report.object["total"], case .object(let figures) = total, let dv01 = figures.number("dv01InAsset"), dv01 == 0 {
            summary.append("The position has no rate risk: its value does not move with the implied APY.")
        } else if let total = report.object["total"], case .object(let figures) = total, let dv01 = figures.number("dv01InAsset") {
            summary.append(
                "Per +1 bp of implied APY the position \(dv01 <= 0 ? "loses" : "gains") \(TableFormat.significant(abs(dv01), digits: 6)) shares"
                    + (figures.number("dv01Usd").map { " (\(TableFormat.fixed(abs($0), digits: 2)) USD)" } ?? "")
                    + (figures.number("modifiedDuration").map { "; modified duration \(TableFormat.fixed($0, digits: 4))" } ?? "") + ".")
        }
        if let hedge = report.object["hedge"], case .object(let figures) = hedge, let amount = figures.number("hedgeAmount"),
            case .string(let token)? = figures["token"]
        {
            summary.append(
                "DV01-neutral: \(amount >= 0 ? "buy" : "sell") \(TableFormat.significant(abs(amount), digits: 8)) \(token.uppercased()) of the other market (a parallel shift assumed)."
            )
        }
        return JobTable.render(
            title: title, summary: summary, report: report, tables: ["positions\n" + legs.render(indent: 2)],
            assumptions: assumptions)
    }
}
