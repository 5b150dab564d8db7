import YieldStrip

/// A market's tear sheet as one self-contained HTML page: inline CSS and SVG, no script, no link, no URL,
/// laid out to print on A4 (`@page`, charts scaled to the page's width, figures kept whole across pages).
///
/// Sections, in order (each an `<section id=…>`): `market` (implied APY, PT and YT prices, liquidity, the
/// fee and its drag on a lock-in, the limits), `depth`, `lockin`, `short-yt`, `scenario`, `hedges` (DV01,
/// duration, convexity, stock delta), `assumptions` (and the time used). A part the library could not
/// compute says why in its place. The page is well-formed XML as well as HTML, and the same tear sheet
/// gives the same bytes.
public enum TearSheetPage {
    /// The ids of the page's sections, in order.
    public static let sectionIDs = ["market", "depth", "lockin", "short-yt", "scenario", "hedges", "assumptions"]

    /// The size the page draws its charts at (scaled to the page's width by its CSS).
    public static let chartSize = ChartSize(width: 760, height: 430)

    /// The page. `generator` names what made it, in the footer (`yieldstrip 0.1.0`).
    public static func html(_ sheet: MarketTearSheet, generator: String) -> String {
        let subject = (sheet.name ?? sheet.origin) + (sheet.underlying.map { " (\($0))" } ?? "")
        var page = Page()
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        page.raw("<title>\(e(subject)): tear sheet at \(e(UnixTime.format(sheet.blockTime)))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n")

        // Header.
        page.raw("<header>\n<h1>\(e(subject))</h1>\n")
        page.raw(
            "<p class=\"lede\">Read at <b>\(e(UnixTime.format(sheet.blockTime)))</b> (\(e(sheet.blockTimeSource))); expiry \(e(UnixTime.format(sheet.expiry))), "
                + "\(e(fixed(Double(sheet.spot.secondsToExpiry) / 86_400, 1))) days away. Implied APY <b>\(e(pct(sheet.spot.impliedApy)))</b>"
                + (sheet.stockPrice.map { "; stock \(e(fixed($0, 2))) USD per share." } ?? "; no stock price: figures in shares.") + "</p>\n")
        if let source = sheet.source { page.raw("<p class=\"note\">Source: \(e(source))</p>\n") }
        page.raw("</header>\n")

        market(&page, sheet)
        depth(&page, sheet, subject: subject)
        lockIn(&page, sheet, subject: subject)
        shortYT(&page, sheet, subject: subject)
        scenario(&page, sheet, subject: subject)
        hedges(&page, sheet)
        assumptions(&page, sheet)

        page.raw(
            "<footer class=\"note\">Made by \(e(generator)) from the market file \(e(JobCharts.lastComponent(sheet.origin))); every figure is the library's result for the state and time above.</footer>\n"
        )
        page.raw("</body>\n</html>\n")
        return page.text
    }

    // MARK: Sections

    private static func market(_ page: inout Page, _ sheet: MarketTearSheet) {
        let snap: MarketSnapshot<Wad>
        switch sheet.market {
        case .pendleV2(let snapshot): snap = snapshot
        case .yieldSpace(let pool): return yieldSpaceMarket(&page, sheet, pool)
        }
        page.open("market", "Market")
        var prices: [(String, String)] = [
            ("implied APY", pct(snap.impliedApy)),
            ("ln implied rate", sig(snap.lnImpliedRate, 6)),
            ("PT price", "\(sig(snap.ptPriceInAsset, 8)) shares" + (snap.usd.map { " · \(fixed($0.ptPriceUsd, 2)) USD" } ?? "")),
            ("YT price", "\(sig(snap.ytPriceInAsset, 6)) shares" + (snap.usd.map { " · \(fixed($0.ytPriceUsd, 4)) USD" } ?? "")),
            ("YT leverage", snap.ytLeverage.map { sig($0, 4) + "×" } ?? "—"),
            ("PY index (shares per SY)", snap.pyIndex.description),
            ("time to expiry", "\(fixed(Double(snap.secondsToExpiry) / 86_400, 2)) days (\(fixed(snap.yearsToExpiry, 4)) years)")
        ]
        if let usd = snap.usd { prices.append(("SY price", "\(fixed(usd.syPriceUsd, 2)) USD")) }
        var pool: [(String, String)] = [
            ("pool value", "\(num(snap.poolValueInAsset)) shares" + (snap.usd.map { " · \(fixed($0.poolValueUsd, 0)) USD" } ?? "")),
            ("PT / SY in the pool", "\(num(snap.totalPt)) PT / \(num(snap.totalSy)) SY"),
            ("PT proportion", ChartNumberFormat.percent(snap.proportion, decimals: 2)),
            ("fee (annual)", pct(snap.annualFeeRate))
        ]
        if let lockIn = sheet.lockIn.value {
            pool.append(
                (
                    "fee's drag on the lock-in",
                    "\(pct(lockIn.feeApy)) of \(pct(lockIn.spotApy))"
                        + (lockIn.feeShareOfSpotApy.map { " (\(ChartNumberFormat.fixed($0 * 100, decimals: 1))% of the yield)" } ?? "")
                ))
        }
        pool += [
            ("largest PT buy / sell", "\(num(snap.largestPtBuy.doubleValue)) / \(num(snap.largestPtSell.doubleValue)) PT"),
            ("PT per 1 bp of APY", "\(num(snap.ptPerBasisPointBuy)) bought / \(num(snap.ptPerBasisPointSell)) sold")
        ]
        page.raw("<div class=\"grid2\">\n")
        page.table(caption: "Prices", rows: prices)
        page.table(caption: "Liquidity and fee", rows: pool)
        page.raw("</div>\n")
        page.close()
    }

    /// The market section of a YieldSpace pool: its rate on both years, fyToken's prices, the parameters, the
    /// reserves (real and virtual), the fee and its drag, the limits.
    private static func yieldSpaceMarket(_ page: inout Page, _ sheet: MarketTearSheet, _ snap: YieldSpaceSnapshot) {
        page.open("market", "Market")
        page.raw(
            "<p>A YieldSpace pool (Yield Protocol v2): fyToken plays the PT and redeems one base at maturity; the pool's shares play the SY, worth c base each. It trades no YT.</p>\n"
        )
        var prices: [(String, String)] = [
            ("implied APY (365-day year)", pct(snap.impliedApy)),
            ("Yield's rate (365.25-day year)", pct(snap.yieldApy)),
            ("ln implied rate", sig(snap.lnImpliedRate, 6)),
            ("fyToken (PT) price", "\(sig(snap.ptPriceInAsset, 8)) base" + (snap.ptPriceUsd.map { " · \(fixed($0, 2)) USD" } ?? "")),
            ("fyToken price to buy / sell, marginal", "\(sig(snap.ptBuyPriceInAsset, 8)) / \(sig(snap.ptSellPriceInAsset, 8)) base"),
            ("YT", "none traded (1 − PT = \(sig(snap.syntheticYtPriceInAsset, 6)) base as a synthetic)"),
            ("c (base per pool share), μ", "\(sig(snap.c, 10)), \(sig(snap.mu, 10))"),
            ("time to expiry", "\(fixed(Double(snap.secondsToExpiry) / 86_400, 2)) days (\(fixed(snap.yearsToExpiry, 4)) years)")
        ]
        if let usd = snap.sharePriceUsd { prices.append(("pool share price", "\(fixed(usd, 2)) USD")) }
        var pool: [(String, String)] = [
            (
                "pool value",
                snap.poolValueInAsset.map { "\(num($0)) base" + (snap.poolValueUsd.map { " · \(fixed($0, 0)) USD" } ?? "") } ?? "— (no LP supply)"
            ),
            ("shares / fyToken (virtual)", "\(num(snap.sharesReserves)) shares / \(num(snap.fyTokenReserves)) fyToken"),
            ("real fyToken / LP supply", snap.realFyTokenReserves.map { "\(num($0)) / \(num(snap.totalSupply ?? 0))" } ?? "— (no LP supply)"),
            ("time stretch", "\(fixed(snap.tsYears, 2)) Yield years"),
            ("fee factors g1 / g2", "\(sig(snap.g1, 6)) / \(sig(snap.g2, 6))"),
            ("fee (annual, at this rate)", pct(snap.annualFeeRate))
        ]
        if let lockIn = sheet.lockIn.value {
            pool.append(
                (
                    "fee's drag on the lock-in",
                    "\(pct(lockIn.feeApy)) of \(pct(lockIn.spotApy))"
                        + (lockIn.feeShareOfSpotApy.map { " (\(ChartNumberFormat.fixed($0 * 100, decimals: 1))% of the yield)" } ?? "")
                ))
        }
        pool.append(
            (
                "largest PT buy / sell",
                "\(snap.largestPtBuy.map { num($0.doubleValue) } ?? "—") / \(snap.largestPtSell.map { num($0.doubleValue) } ?? "—") fyToken"
            ))
        page.raw("<div class=\"grid2\">\n")
        page.table(caption: "Prices", rows: prices)
        page.table(caption: "Liquidity and fee", rows: pool)
        page.raw("</div>\n")
        page.close()
    }

    private static func depth(_ page: inout Page, _ sheet: MarketTearSheet, subject: String) {
        page.open("depth", "Depth")
        let what = sheet.yieldSpace == nil ? "PT" : "real fyToken"
        page.raw(
            "<p>The implied APY after buying or selling 0.1 % … 50 % of the pool's \(what) in one trade, and the APY the trade itself locks in.</p>\n"
        )
        page.figure(JobCharts.depth(sheet.depth, subject: subject), id: "depth")
        page.close()
    }

    private static func lockIn(_ page: inout Page, _ sheet: MarketTearSheet, subject: String) {
        page.open("lockin", "Lock in a fixed rate")
        guard let r = sheet.lockIn.value else {
            page.unavailable("The lock-in of \(sheet.sizeBasis)", sheet.lockIn.reason)
            page.close()
            return
        }
        page.raw("<p>Buy PT with \(e(sheet.sizeBasis)) and hold it to maturity: <b>\(e(pct(r.fixedApy)))</b> a year, fixed in shares.</p>\n")
        var rows: [(String, String)] = [
            ("budget", "\(num(r.size.sy.doubleValue)) SY = \(num(r.size.shares)) shares" + (r.size.usd.map { " = \(fixed($0, 2)) USD" } ?? "")),
            ("PT bought (shares at maturity)", num(r.ptOut.doubleValue)),
            ("fixed APY (in shares)", pct(r.fixedApy)),
            ("spot APY, APY after", "\(pct(r.spotApy)), \(pct(r.impliedApyAfter))"),
            ("taken by the fee, by price impact", "\(pct(r.feeApy)), \(pct(r.impactApy))")
        ]
        if let usd = r.usdAtMaturity, let apy = r.usdApy {
            rows.append(("USD at maturity (stock unchanged)", "\(fixed(usd, 2)) USD (\(pct(apy)) a year)"))
        }
        page.table(caption: nil, rows: rows)
        if r.priceScenarios.isEmpty {
            page.raw(
                "<p class=\"note\">No chart of USD at maturity: there is no stock price (give --stock-price, or stockPrice in the market file).</p>\n"
            )
        } else {
            page.figure(JobCharts.lockIn(r, subject: subject), id: "lockin")
        }
        page.close()
    }

    private static func shortYT(_ page: inout Page, _ sheet: MarketTearSheet, subject: String) {
        page.open("short-yt", "Hedge a dividend stream: sell the YT")
        guard let r = sheet.shortYT.value else {
            page.unavailable("The YT short of \(sheet.sizeBasis)", sheet.shortYT.reason)
            page.close()
            return
        }
        page.raw(
            "<p>A token holder splits \(e(sheet.sizeBasis)) into PT + YT and sells the YT: the dividends to maturity sold at <b>\(e(pct(r.effectiveShortApy)))</b> a year.</p>\n"
        )
        var rows: [(String, String)] = [
            ("YT sold", num(r.ytSold.doubleValue)),
            ("SY split into PT + YT", num(r.syToMint.doubleValue)),
            ("premium", "\(num(r.premiumShares)) shares" + (r.premiumUsd.map { " = \(fixed($0, 2)) USD" } ?? "")),
            ("YT price sold at, spot", "\(sig(r.effectiveYtPrice, 6)), \(sig(r.spotYtPriceInAsset, 6)) shares"),
            ("APY sold, spot APY", "\(pct(r.effectiveShortApy)), \(pct(r.spotApy))"),
            ("capital", "\(num(r.capitalShares)) shares" + (r.capitalUsd.map { " = \(fixed($0, 2)) USD" } ?? ""))
        ]
        rows.append(("break-even realized APY", r.breakEvenApy.map(pct) ?? "none"))
        if let yield = r.breakEvenGrossDividendYield { rows.append(("break-even gross dividend yield", pct(yield))) }
        page.table(caption: nil, rows: rows)
        page.figure(JobCharts.shortYT(r, subject: subject), id: "shortyt")
        page.close()
    }

    private static func scenario(_ page: inout Page, _ sheet: MarketTearSheet, subject: String) {
        page.open("scenario", "Scenario grid")
        guard let r = sheet.scenario.value else {
            page.unavailable("The scenario grid", sheet.scenario.reason)
            page.close()
            return
        }
        page.raw(
            "<p>The PnL in USD of \(e(JobCharts.positionText(r.position))) (\(e(sheet.positionBasis))) when the implied APY and the stock move together.</p>\n"
        )
        page.figure(JobCharts.scenario(r, subject: subject), id: "scenario", size: ChartSize(width: 760, height: 470))
        page.close()
    }

    private static func hedges(_ page: inout Page, _ sheet: MarketTearSheet) {
        page.open("hedges", "Hedge ratios")
        if let position = sheet.position {
            page.raw("<p>Of \(e(JobCharts.positionText(position))) (\(e(sheet.positionBasis))).</p>\n")
        }
        if let risk = sheet.rateRisk.value {
            let usd = risk.stockPrice != nil
            var header = ["leg", "amount", "price (shares)", "value (shares)", "DV01 (shares/bp)"]
            if usd { header.append("DV01 (USD/bp)") }
            header += ["mod. duration", "convexity"]
            var rows: [[String]] = risk.legs.map { leg in
                var row = [leg.token.rawValue.uppercased(), num(leg.amount), sig(leg.priceInAsset, 6), num(leg.valueInAsset), sig(leg.dv01InAsset, 4)]
                if usd { row.append(leg.dv01Usd.map { fixed($0, 2) } ?? "—") }
                row += [leg.modifiedDuration.map { fixed($0, 4) } ?? "—", leg.convexity.map { sig($0, 4) } ?? "—"]
                return row
            }
            var total = ["total", "", "", num(risk.total.valueInAsset), sig(risk.total.dv01InAsset, 4)]
            if usd { total.append(risk.total.dv01Usd.map { fixed($0, 2) } ?? "—") }
            total += [risk.total.modifiedDuration.map { fixed($0, 4) } ?? "—", risk.total.convexity.map { sig($0, 4) } ?? "—"]
            rows.append(total)
            page.grid(caption: "Rate risk: DV01 is the value's change per +1 bp of implied APY", header: header, rows: rows)
        } else {
            page.unavailable("The rate risk", sheet.rateRisk.reason)
        }
        if let delta = sheet.stockDelta.value {
            page.table(
                caption: "Stock delta",
                rows: [
                    ("delta now", "\(num(delta.deltaShares)) shares"),
                    (
                        "hedge now",
                        "\(delta.hedgeShares <= 0 ? "short" : "buy") \(num(abs(delta.hedgeShares))) shares"
                            + (delta.hedgeUsd.map { " = \(fixed(abs($0), 2)) USD" } ?? "")
                    ),
                    (
                        "delta at maturity",
                        "\(num(delta.deltaSharesAtMaturity)) shares (token APY \(pct(delta.realizedApy)), \(delta.realizedApyBasis))"
                    )
                ])
        } else {
            page.unavailable("The stock delta", sheet.stockDelta.reason)
        }
        if let short = sheet.shortYT.value {
            page.raw(
                "<p class=\"note\">Income hedge: \(e(sig(short.incomeHedgeRatio, 6))) YT sold per share whose dividends are hedged (a token holder); a stock holder's ratio is (1 − its withholding) / (1 − the token's).</p>\n"
            )
        }
        page.close()
    }

    private static func assumptions(_ page: inout Page, _ sheet: MarketTearSheet) {
        page.open("assumptions", "Assumptions and time")
        var lines = sheet.assumptions
        for part in [
            sheet.lockIn.value?.assumptions, sheet.shortYT.value?.assumptions, sheet.scenario.value?.assumptions,
            sheet.rateRisk.value?.assumptions, sheet.stockDelta.value?.assumptions
        ] {
            for line in part ?? [] where !lines.contains(line) { lines.append(line) }
        }
        page.raw("<ul>\n" + lines.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n")
        page.close()
    }

    // MARK: Text

    private static func e(_ text: String) -> String { XMLText.escape(text) }
    private static func pct(_ fraction: Double) -> String { ChartNumberFormat.percent(fraction, decimals: 4) }
    private static func fixed(_ value: Double, _ decimals: Int) -> String { ChartNumberFormat.fixed(value, decimals: decimals) }
    private static func sig(_ value: Double, _ digits: Int) -> String { ChartNumberFormat.significant(value, digits: digits) }
    private static func num(_ value: Double) -> String { ChartNumberFormat.significant(value, digits: 7) }

    /// The page being written.
    private struct Page {
        var text = ""

        mutating func raw(_ html: String) { text += html }

        mutating func open(_ id: String, _ heading: String) {
            text += "<section id=\"\(id)\">\n<h2>\(XMLText.escape(heading))</h2>\n"
        }

        mutating func close() { text += "</section>\n" }

        mutating func table(caption: String?, rows: [(String, String)]) {
            text += "<table class=\"figures\">\n"
            if let caption { text += "<caption>\(XMLText.escape(caption))</caption>\n" }
            for (label, value) in rows {
                text += "<tr><th scope=\"row\">\(XMLText.escape(label))</th><td>\(XMLText.escape(value))</td></tr>\n"
            }
            text += "</table>\n"
        }

        mutating func grid(caption: String, header: [String], rows: [[String]]) {
            text += "<table class=\"grid\">\n<caption>\(XMLText.escape(caption))</caption>\n<tr>"
            text += header.map { "<th scope=\"col\">\(XMLText.escape($0))</th>" }.joined() + "</tr>\n"
            for row in rows {
                text +=
                    "<tr>"
                    + row.enumerated().map {
                        $0.offset == 0
                            ? "<th scope=\"row\">\(XMLText.escape($0.element))</th>"
                            : "<td class=\"num\">\(XMLText.escape($0.element))</td>"
                    }.joined() + "</tr>\n"
            }
            text += "</table>\n"
        }

        mutating func figure(_ chart: any Chart, id: String, size: ChartSize = TearSheetPage.chartSize) {
            text += "<figure>\n" + chart.svg(size: size, options: SVGOptions(standalone: false, id: "chart-" + id)) + "</figure>\n"
        }

        mutating func unavailable(_ what: String, _ reason: String?) {
            text += "<p class=\"unavailable\">\(XMLText.escape(what)) is not shown: \(XMLText.escape(reason ?? "not computed")).</p>\n"
        }
    }

    /// The page's style: A4 pages with 12 mm margins, charts at the text's width and never split.
    static let css = """
        @page { size: A4; margin: 12mm; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; padding: 8mm 6mm; max-width: 198mm; font: 10pt/1.4 Helvetica, Arial, sans-serif; color: #1a1a1a; background: #ffffff; }
        h1 { font-size: 17pt; margin: 0 0 3pt; }
        h2 { font-size: 12.5pt; margin: 14pt 0 4pt; padding-bottom: 2pt; border-bottom: 1px solid #c8c8c8; break-after: avoid; page-break-after: avoid; }
        p { margin: 3pt 0 5pt; }
        .lede { font-size: 10.5pt; }
        .note { color: #5a5a5a; font-size: 8.5pt; }
        .unavailable { color: #8a3b00; background: #fff4ec; padding: 4pt 6pt; }
        figure { margin: 4pt 0 8pt; break-inside: avoid; page-break-inside: avoid; }
        figure svg { display: block; width: 100%; height: auto; max-height: 120mm; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 2pt 0 6pt; break-inside: avoid; page-break-inside: avoid; }
        caption { text-align: left; font-weight: bold; padding: 2pt 0; }
        th, td { padding: 1.5pt 5pt; border-bottom: 1px solid #ececec; text-align: left; vertical-align: top; }
        table.figures th { font-weight: normal; color: #3a3a3a; width: 45%; }
        table.grid th[scope=col] { font-weight: bold; border-bottom: 1px solid #bdbdbd; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 8mm; }
        ul { margin: 2pt 0; padding-left: 14pt; font-size: 9pt; }
        li { margin: 1pt 0; }
        footer { margin-top: 12pt; border-top: 1px solid #c8c8c8; padding-top: 3pt; }
        @media print { body { padding: 0; max-width: none; } }

        """
}
