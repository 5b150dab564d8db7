import YieldStrip
import YieldStripJSON

/// `yieldstrip short-yt` and the batch op `shortYt` (also `short-yt`): one answer from
/// ``ShortYT/compute(_:curve:at:)``.
///
/// Fields, in order (exact amounts as wei strings; `…Apy`, `…Shares`, `…Usd` and the other analytics as
/// JSON numbers; `null` where an input is missing): `curve`; `blockTime`, `blockTimeISO`,
/// `blockTimeSource`; `expiry`, `expiryISO`, `secondsToExpiry`, `yearsToExpiry`; `heldAs`,
/// `holderWithholding`, `tokenWithholding`, `fraction`, `borrowFeeApr`; `sizeUnit`, `sizeAmount`,
/// `conversion`, `syIn` (wei: the size in SY; null for `yt`), `sharesIn`, `usdIn`, `stockPrice`,
/// `pyIndex` (wei); `positionShares` (wei: the shares whose dividends are hedged, or the YT held),
/// `notionalHedgedShares`, `incomeHedgeRatio`; `ytSold`, `syToMint`, `ptKept` (the PT minted), `ytKept`,
/// `syReceived`, `loanSy` (wei); `premiumShares`, `premiumUsd`; `spotApy`, `spotYtPriceInAsset`,
/// `effectiveYtPrice`, `effectiveShortApy`; `capitalShares`, `capitalUsd`, `borrowCostShares`; `pnl` (rows
/// `realizedApy`, `growth`, `pnlShares`, `pnlUsd`); `breakEvenApy`, `breakEvenGrossDividendYield`;
/// `sale` (the router swap and its named amounts in wei, `evaluations`); `assumptions`.
struct ShortYTAnswer {
    let report: Report
    let result: ShortYTResult<Wad>
    let title: String

    static func build(_ result: ShortYTResult<Wad>, context: some BlockTimeContext & Sendable, assetPerSy: Wad, title: String?) throws
        -> ShortYTAnswer
    {
        var answer = AnswerBuilder()
        let real = { (value: Double) in TableFormat.significant(value) }
        let usd = { (value: Double) in TableFormat.fixed(value, digits: 2) }
        let percent = { (value: Double) in TableFormat.percent(value) }
        try answer.jobHeader(
            curveName: result.curveName, context: context, expiry: result.expiry, expiryLabel: "expiry",
            secondsToExpiry: result.secondsToExpiry, yearsToExpiry: result.yearsToExpiry)
        answer.text(
            "heldAs", result.heldAs.rawValue, label: "dividends held as",
            display: result.heldAs == .token ? "stock token (split own tokens)" : "stock (token borrowed to mint)")
        try answer.number("holderWithholding", result.holderWithholding, label: "holder's withholding") { TableFormat.percent($0, digits: 2) }
        try answer.number("tokenWithholding", result.tokenWithholding, label: "token's withholding") { TableFormat.percent($0, digits: 2) }
        try answer.number("fraction", result.fraction, label: "share of the position hedged") { TableFormat.percent($0, digits: 2) }
        try answer.number("borrowFeeApr", result.borrowFeeApr, label: "token borrow fee (APR)", display: percent)

        let size = result.size
        answer.text("sizeUnit", size?.given.unit ?? "yt", label: "size unit")
        answer.text("sizeAmount", (size?.given.amount ?? result.positionShares).description, label: "size given")
        answer.text("conversion", size?.description ?? "\(result.positionShares) YT held", label: "size")
        answer.wad("syIn", size?.sy, label: "size in SY")
        try answer.number("sharesIn", size?.shares, label: "size in shares", display: real)
        try answer.number("usdIn", size?.usd, label: "size in USD", display: usd)
        try answer.number("stockPrice", result.stockPrice, label: "stock price today (USD per share)", display: usd)
        answer.wad("pyIndex", assetPerSy, label: "PY index (shares per SY)")
        answer.withReport { $0.hiddenInTable.formUnion(["sizeUnit", "sizeAmount", "conversion"]) }
        if result.heldAs == .stock { answer.withReport { $0.hiddenInTable.insert("syIn") } }

        answer.wad("positionShares", result.positionShares, label: size == nil ? "YT held" : "shares whose dividends are hedged")
        try answer.number("notionalHedgedShares", result.notionalHedgedShares, label: "shares hedged", display: real)
        try answer.number("incomeHedgeRatio", result.incomeHedgeRatio, label: "YT per share hedged", display: real)
        answer.wad("ytSold", result.ytSold, label: "YT sold")
        answer.wad("syToMint", result.syToMint, label: result.heldAs == .stock ? "SY borrowed and split" : "SY split into PT + YT")
        answer.wad(
            "ptKept", result.ptMinted,
            label: result.heldAs == .stock ? "PT minted (redeems shares at maturity toward the loan)" : "PT minted and kept")
        answer.wad("ytKept", result.ytKept, label: "YT minted beyond the sale (kept)")
        answer.wad("syReceived", result.syReceived, label: "SY received (fees included)")
        answer.wad("loanSy", result.loanSy, label: "SY owed to the lender at maturity")
        if result.heldAs == .token { answer.withReport { $0.hiddenInTable.insert("loanSy") } }
        try answer.number("premiumShares", result.premiumShares, label: "premium (shares)", display: real)
        try answer.number("premiumUsd", result.premiumUsd, label: "premium (USD)", display: usd)
        try answer.number("spotApy", result.spotApy, label: "spot implied APY", display: percent)
        try answer.number("spotYtPriceInAsset", result.spotYtPriceInAsset, label: "spot YT price (shares)", display: real)
        try answer.number("effectiveYtPrice", result.effectiveYtPrice, label: "YT sold at (shares per YT)", display: real)
        try answer.number("effectiveShortApy", result.effectiveShortApy, label: "APY sold (effective short APY)", display: percent)
        try answer.number("capitalShares", result.capitalShares, label: result.heldAs == .stock ? "loan (shares)" : "capital (shares)", display: real)
        try answer.number("capitalUsd", result.capitalUsd, label: result.heldAs == .stock ? "loan (USD)" : "capital (USD)", display: usd)
        try answer.number("borrowCostShares", result.borrowCostShares, label: "borrow fee to maturity (shares)", display: real)
        if result.heldAs == .token { answer.withReport { $0.hiddenInTable.formUnion(["borrowFeeApr", "borrowCostShares"]) } }
        answer.hiddenMember(
            "pnl",
            .array(
                try result.pnl.map { row in
                    var object = JSONObject()
                    try object.append("realizedApy", finite: row.realizedApy)
                    try object.append("growth", finite: row.growth)
                    try object.append("pnlShares", finite: row.pnlShares)
                    object.append("pnlUsd", analytic: row.pnlUsd)
                    return .object(object)
                }))
        try answer.number("breakEvenApy", result.breakEvenApy, label: "break-even realized APY", display: percent)
        try answer.number(
            "breakEvenGrossDividendYield", result.breakEvenGrossDividendYield,
            label: "break-even gross dividend yield", display: percent)

        answer.nested("sale", AnswerBuilder.venueTrade(result.sale))
        answer.texts("assumptions", result.assumptions, label: "assumptions")
        answer.withReport { $0.hiddenInTable.insert("assumptions") }
        return ShortYTAnswer(report: answer.report, result: result, title: title ?? "")
    }

    // MARK: Text

    var tableText: String {
        let hasUsd = result.pnl.contains { $0.pnlUsd != nil }
        var table = TextTable(header: ["realized APY", "token growth", "PnL (shares)"] + (hasUsd ? ["PnL (USD)"] : []))
        for row in result.pnl {
            table.rows.append(
                [
                    TableFormat.percent(row.realizedApy), TableFormat.significant(row.growth, digits: 10),
                    TableFormat.significant(row.pnlShares, digits: 8)
                ] + (hasUsd ? [TableFormat.fixed(row.pnlUsd, digits: 2)] : []))
        }
        let against = result.heldAs == .stock ? "against not hedging (the loan repaid in SY, the PT redeemed)" : "against keeping the SY"
        let pnl = "PnL at maturity \(against), by the token's realized APY\n" + table.render(indent: 2)
        return JobTable.render(title: title, summary: summary, report: report, tables: [pnl], assumptions: result.assumptions)
    }

    /// The verdict in words.
    var summary: [String] {
        let r = result
        var lines: [String] = []
        if let size = r.size {
            let part = r.fraction == 1 ? "" : " (\(TableFormat.percent(r.fraction, digits: 2)) of them hedged)"
            switch size.given {
            case .shares(let shares): lines.append("Hedges the dividends of \(shares) shares\(part).")
            case .usd(let usd):
                lines.append(
                    "Hedges the dividends of \(usd) USD ÷ \(TableFormat.fixed(size.stockPrice, digits: 2)) USD/share = \(r.positionShares) shares\(part)."
                )
            case .sy(let sy), .tokens(let sy):
                lines.append("Hedges the dividends of \(sy) SY × \(size.assetPerSy) shares/SY = \(r.positionShares) shares\(part).")
            }
        }
        let what =
            r.heldAs == .token
            ? (r.syToMint.isZero ? "Sells \(r.ytSold) YT already held" : "Splits \(r.syToMint) SY and sells \(r.ytSold) YT, keeping the PT")
            : "Borrows \(r.syToMint) SY of the token, splits it and sells \(r.ytSold) YT (\(TableFormat.significant(r.incomeHedgeRatio, digits: 6)) YT per share hedged)"
        lines.append(
            what + ": a premium of \(TableFormat.significant(r.premiumShares, digits: 8)) shares"
                + (r.premiumUsd.map { " (\(TableFormat.fixed($0, digits: 2)) USD)" } ?? "")
                + " now for the dividends to \(UnixTime.formatDate(r.expiry)).")
        var breakEven =
            "the short gains when the token earns less than \(TableFormat.percent(r.breakEvenApy)) a year"
            + (r.breakEvenGrossDividendYield.map { ", a gross dividend yield of \(TableFormat.percent($0))" } ?? "")
        if let apy = r.breakEvenApy, apy < 0 {
            breakEven = "the costs exceed the premium: the short loses unless the token's index falls \(TableFormat.percent(-apy)) a year"
        } else if r.breakEvenApy == nil {
            breakEven = "no realized APY makes the short break even"
        }
        lines.append(
            "That sells the yield at \(TableFormat.percent(r.effectiveShortApy)) a year (spot \(TableFormat.percent(r.spotApy))); " + breakEven + ".")
        if r.heldAs == .stock {
            lines.append(
                "A stock holder has no SY to split: the token is borrowed and repaid in SY at maturity, so the position owes the token's yield, which the stock's own dividends pay."
            )
        }
        return lines
    }
}
