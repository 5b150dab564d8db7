import YieldStrip
import YieldStripJSON

/// `yieldstrip lockin` and the batch op `lockin`: one answer from ``LockIn/compute(_:curve:at:)``.
///
/// Fields, in order (exact amounts as wei strings, `…Apy`, `…Shares`, `…Usd` and the other analytics as
/// JSON numbers, `null` where an input is missing): `curve`; `blockTime`, `blockTimeISO`,
/// `blockTimeSource`; `expiry`, `expiryISO`, `secondsToExpiry`, `yearsToExpiry`; `sizeUnit`, `sizeAmount`
/// (the size as given, decimal text), `conversion` (the conversion in words), `pyIndex` (wei), `syIn`
/// (wei), `sharesIn`, `usdIn`, `stockPrice`; `sySpent`, `unspentSy`, `ptOut` (wei), `sharesAtMaturity`;
/// `spotApy`, `fixedApy`, `impliedApyAfter`, `fixedApyWithoutFee`, `feeApy`, `impactApy`,
/// `feeShareOfSpotApy`, `annualFeeRate`, `feeSy` (wei); `priceAtMaturity`, `usdAtMaturity`, `usdApy`;
/// `priceScenarios` (rows `stockPrice`, `priceChange`, `usdAtMaturity`, `usdApy`, `hedgedUsdAtMaturity`,
/// `holdUsdAtMaturity`); `dollarHedge` (``hedgeObject(_:)``, or null); `hold` (``holdObject(_:)``, or
/// null); `purchase` (the router swap and its named amounts in wei, `evaluations`); `assumptions`; `warnings`
/// (where a schedule does not cover what the answer rests on; the command also prints each on stderr).
struct LockInAnswer {
    let report: Report
    let result: LockInResult<Wad>
    let title: String

    static func build(_ result: LockInResult<Wad>, context: some BlockTimeContext, title: String?) throws -> LockInAnswer {
        var answer = AnswerBuilder()
        let real = { (value: Double) in TableFormat.significant(value) }
        let usd = { (value: Double) in TableFormat.fixed(value, digits: 2) }
        let percent = { (value: Double) in TableFormat.percent(value) }
        try answer.jobHeader(
            curveName: result.curveName, context: context, expiry: result.expiry, expiryLabel: "expiry (PT redeems one share)",
            secondsToExpiry: result.secondsToExpiry, yearsToExpiry: result.yearsToExpiry)

        let size = result.size
        answer.text("sizeUnit", size.given.unit, label: "size unit")
        answer.text("sizeAmount", size.given.amount.description, label: "size given")
        answer.text("conversion", size.description, label: "size in SY")
        answer.withReport { $0.hiddenInTable.formUnion(["sizeUnit", "sizeAmount", "conversion"]) }
        // (On a YieldSpace pool SY is the pool's shares and the asset its base: the field carries c.)
        answer.wad(
            "pyIndex", size.assetPerSy,
            label: result.curveName == YieldSpaceMarketFile.curveName ? "c (base per pool share)" : "PY index (shares per SY)")
        answer.wad("syIn", size.sy, label: "SY in (budget)")
        try answer.number("sharesIn", size.shares, label: "budget in shares", display: real)
        try answer.number("usdIn", size.usd, label: "budget in USD", display: usd)
        try answer.number("stockPrice", size.stockPrice, label: "stock price today (USD per share)", display: usd)

        answer.wad("sySpent", result.sySpent, label: "SY spent")
        answer.wad("unspentSy", result.purchase.unspentInput, label: "SY left unspent (rounding)")
        answer.wad("ptOut", result.ptOut, label: "PT bought")
        try answer.number("sharesAtMaturity", result.sharesAtMaturity, label: "shares at maturity (1 per PT)", display: real)

        try answer.number("spotApy", result.spotApy, label: "spot implied APY", display: percent)
        try answer.number("fixedApy", result.fixedApy, label: "fixed APY locked (in shares)", display: percent)
        try answer.number("impliedApyAfter", result.impliedApyAfter, label: "implied APY after", display: percent)
        try answer.number("fixedApyWithoutFee", result.fixedApyWithoutFee, label: "fixed APY without the fee", display: percent)
        try answer.number("feeApy", result.feeApy, label: "APY taken by the fee", display: percent)
        try answer.number("impactApy", result.impactApy, label: "APY taken by price impact", display: percent)
        try answer.number("feeShareOfSpotApy", result.feeShareOfSpotApy, label: "fee's share of the spot yield") {
            TableFormat.percent($0, digits: 1)
        }
        try answer.number("annualFeeRate", result.annualFeeRate, label: "fee rate (annual)", display: percent)
        answer.wad("feeSy", result.feeSy, label: "fee paid (SY)")

        try answer.number("priceAtMaturity", result.priceAtMaturity, label: "stock price at maturity (USD)", display: usd)
        try answer.number("usdAtMaturity", result.usdAtMaturity, label: "USD at maturity", display: usd)
        try answer.number("usdApy", result.usdApy, label: "USD APY", display: percent)

        answer.hiddenMember(
            "priceScenarios",
            .array(
                try result.priceScenarios.map { row in
                    var object = JSONObject()
                    try object.append("stockPrice", finite: row.stockPrice)
                    try object.append("priceChange", finite: row.priceChange)
                    try object.append("usdAtMaturity", finite: row.usdAtMaturity)
                    try object.append("usdApy", finite: row.usdApy)
                    object.append("hedgedUsdAtMaturity", analytic: row.hedgedUsdAtMaturity)
                    object.append("holdUsdAtMaturity", analytic: row.holdUsdAtMaturity)
                    return .object(object)
                }))
        answer.nested("dollarHedge", try result.dollarHedge.map(hedgeObject))
        answer.nested("hold", try result.hold.map(holdObject))

        answer.nested("purchase", AnswerBuilder.venueTrade(result.purchase))
        answer.texts("assumptions", result.assumptions, label: "assumptions")
        answer.texts("warnings", result.warnings, label: "warnings")
        answer.withReport { $0.hiddenInTable.formUnion(["assumptions", "warnings"]) }

        return LockInAnswer(report: answer.report, result: result, title: title ?? "")
    }

    /// The dollar hedge: `instrument`, `shortShares`, `shortNotionalUsd`, `carryApr`, `fundingApr`,
    /// `borrowFeeApr`, `rebateApr`, `grossDividendYield`, `dividendsOwedUsd`, `dividendBasis`,
    /// `usdAtMaturity`, `dollarApy`, `initialMargin`, `initialMarginUsd`, `dollarApyOnCapital`.
    static func hedgeObject(_ hedge: DollarHedgeResult) throws -> AnswerBuilder {
        var answer = AnswerBuilder()
        let usd = { (value: Double) in TableFormat.fixed(value, digits: 2) }
        let percent = { (value: Double) in TableFormat.percent(value) }
        answer.text(
            "instrument", hedge.instrument, label: "hedge instrument",
            display: hedge.instrument == "perp" ? "perp short" : "borrowed stock, sold short")
        try answer.number("shortShares", hedge.shortShares, label: "shares to short now") { TableFormat.significant($0) }
        try answer.number("shortNotionalUsd", hedge.shortNotionalUsd, label: "short notional (USD)", display: usd)
        try answer.number("carryApr", hedge.carryApr, label: "carry the short earns (APR)", display: percent)
        try answer.number("fundingApr", hedge.fundingApr, label: "funding received (APR)", display: percent)
        try answer.number("borrowFeeApr", hedge.borrowFeeApr, label: "borrow fee (APR)", display: percent)
        try answer.number("rebateApr", hedge.rebateApr, label: "rebate on proceeds (APR)", display: percent)
        try answer.number("grossDividendYield", hedge.grossDividendYield, label: "dividends owed (gross yield)", display: percent)
        try answer.number("dividendsOwedUsd", hedge.dividendsOwedUsd, label: "dividends owed to maturity (USD)", display: usd)
        answer.text("dividendBasis", hedge.dividendBasis, label: "dividends from")
        answer.withReport { $0.hiddenInTable.insert("dividendBasis") }
        try answer.number("usdAtMaturity", hedge.usdAtMaturity, label: "hedged USD at maturity (any stock price)", display: usd)
        try answer.number("dollarApy", hedge.dollarApy, label: "dollar APY", display: percent)
        try answer.number("initialMargin", hedge.initialMargin, label: "initial margin (of notional)", display: percent)
        try answer.number("initialMarginUsd", hedge.initialMarginUsd, label: "initial margin (USD)", display: usd)
        try answer.number("dollarApyOnCapital", hedge.dollarApyOnCapital, label: "dollar APY on budget + margin", display: percent)
        return answer
    }

    /// Holding the token instead: `basis`, `basisDescription`, `tokenApy`, `sharesAtMaturity`,
    /// `lockinMinusHoldShares`, `breakEvenTokenApy`, `tokenWithholding`, `breakEvenGrossDividendYield`,
    /// `usdAtMaturity`.
    static func holdObject(_ hold: HoldComparison) throws -> AnswerBuilder {
        var answer = AnswerBuilder()
        let percent = { (value: Double) in TableFormat.percent(value) }
        answer.text("basis", hold.basis, label: "hold basis")
        answer.text("basisDescription", hold.basisDescription, label: "hold projection")
        answer.withReport { $0.hiddenInTable.formUnion(["basis", "basisDescription"]) }
        try answer.number("tokenApy", hold.tokenApy, label: "token APY if held", display: percent)
        try answer.number("sharesAtMaturity", hold.sharesAtMaturity, label: "shares at maturity if held") { TableFormat.significant($0) }
        try answer.number("lockinMinusHoldShares", hold.lockinMinusHoldShares, label: "lock-in minus hold (shares)") { TableFormat.significant($0) }
        try answer.number("breakEvenTokenApy", hold.breakEvenTokenApy, label: "token APY at which holding ties (= fixed APY)", display: percent)
        try answer.number("tokenWithholding", hold.tokenWithholding, label: "token's withholding") { TableFormat.percent($0, digits: 2) }
        try answer.number(
            "breakEvenGrossDividendYield", hold.breakEvenGrossDividendYield,
            label: "gross dividend yield above which holding wins", display: percent)
        try answer.number("usdAtMaturity", hold.usdAtMaturity, label: "USD at maturity if held") { TableFormat.fixed($0, digits: 2) }
        return answer
    }

    // MARK: Text

    /// The table: what was locked in words, the figures, the price scenarios.
    var tableText: String {
        var blocks: [String] = []
        if !result.priceScenarios.isEmpty {
            var header = ["stock at maturity", "change", "USD at maturity", "USD APY"]
            let hedged = result.dollarHedge != nil
            let held = result.hold != nil
            if hedged { header.append("hedged USD") }
            if held { header.append("hold USD") }
            var table = TextTable(header: header)
            for row in result.priceScenarios {
                var cells = [
                    TableFormat.fixed(row.stockPrice, digits: 2), TableFormat.percent(row.priceChange, digits: 1),
                    TableFormat.fixed(row.usdAtMaturity, digits: 2), TableFormat.percent(row.usdApy, digits: 2)
                ]
                if hedged { cells.append(TableFormat.fixed(row.hedgedUsdAtMaturity, digits: 2)) }
                if held { cells.append(TableFormat.fixed(row.holdUsdAtMaturity, digits: 2)) }
                table.rows.append(cells)
            }
            blocks.append("USD at maturity by the stock price then (the rate is fixed in shares, not dollars)\n" + table.render(indent: 2))
        }
        return JobTable.render(title: title, summary: summary, report: report, tables: blocks, assumptions: result.assumptions)
    }

    /// The verdict in words.
    var summary: [String] {
        let r = result
        var lines = [
            "Budget: \(r.size.description).",
            "Locks in \(TableFormat.percent(r.fixedApy)) a year, fixed in shares, to \(UnixTime.formatDate(r.expiry)): "
                + "\(TableFormat.significant(r.size.shares, digits: 8)) shares now → \(TableFormat.significant(r.sharesAtMaturity, digits: 8)) shares at maturity."
        ]
        if let share = r.feeShareOfSpotApy {
            lines.append(
                "Of the \(TableFormat.percent(r.spotApy)) spot yield, the fee takes \(TableFormat.percent(r.feeApy)) "
                    + "(\(TableFormat.percent(share, digits: 1)) of it) and the price impact \(TableFormat.percent(r.impactApy)).")
        }
        if let usdIn = r.usdIn, let usdAtMaturity = r.usdAtMaturity, let price = r.priceAtMaturity {
            lines.append(
                "In dollars: \(TableFormat.fixed(usdIn, digits: 2)) USD → \(TableFormat.fixed(usdAtMaturity, digits: 2)) USD if the stock is "
                    + "\(TableFormat.fixed(price, digits: 2)) at maturity; the dollar result still carries the stock's price risk"
                    + (r.dollarHedge == nil ? " (a --hedge fixes it)." : "."))
        }
        if let hedge = r.dollarHedge {
            lines.append(
                "Hedged (\(hedge.instrument == "perp" ? "perp" : "stock") short of \(TableFormat.significant(hedge.shortShares, digits: 8)) shares): "
                    + "\(TableFormat.fixed(hedge.usdAtMaturity, digits: 2)) USD at any price, \(TableFormat.percent(hedge.dollarApy)) a year in dollars"
                    + (hedge.dividendBasis.map { "; dividends owed: \($0)." } ?? "."))
        }
        if let hold = r.hold {
            let verdict = hold.lockinMinusHoldShares >= 0 ? "the lock-in ends ahead" : "holding ends ahead"
            lines.append(
                "Holding the token instead (\(TableFormat.percent(hold.tokenApy)) a year; \(hold.basisDescription)): \(verdict) by "
                    + "\(TableFormat.significant(abs(hold.lockinMinusHoldShares), digits: 6)) shares; holding ties at a token APY of \(TableFormat.percent(r.fixedApy))."
            )
        }
        return lines
    }
}
