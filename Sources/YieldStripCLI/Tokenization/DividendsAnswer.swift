import Foundation
import YieldStrip
import YieldStripJSON

/// `yieldstrip dividends` and the batch op `dividends`: one answer from `DividendsReport.compute`.
///
/// Fields, in order: `from`, `fromISO`, `to`, `toISO`, `years` (the window); `withholding`,
/// `priceAssumption`; `rows` (the index path, see ``rowObject(_:ytInterest:)``); `startIndex`,
/// `endIndex`, `realizedGrowth`, `realizedApy`; `feeRate`, `ytInterestPerYt` (`accruedSy`, `feeSy`,
/// `paidSy` exact; `accruedSyDouble`, `feeSyDouble`, `paidSyDouble`; `paidInShares`, `paidUsd`);
/// `stockPrice`; `maturity`, `maturityISO`, `assumedYield`, `projectionBasis`, `projectedApy`,
/// `projection` (null without a maturity; see ``projectionAnswer(_:)``); `marketComparison` (null
/// without a market; see ``comparisonAnswer(_:)``); `warnings` (see ``warningObject(_:)``).
struct DividendsAnswer {
    /// The answer (its JSON object) and the table of its summary (the rows are rendered apart).
    let report: Report
    /// The table's first line: the withholding and the window.
    let title: String
    /// The library's report, for the index-path table and the CSV.
    let library: DividendsReport

    static func build(_ inputs: DividendsInputs) throws -> DividendsAnswer {
        let dividends = try DividendsReport.compute(inputs)
        let withholding = try Withholding(rate: inputs.withholdingRate)
        let path = dividends.path
        let real = { (value: Double) in TableFormat.significant(value) }

        var answer = AnswerBuilder()
        answer.time("from", path.from, label: "window start")
        answer.time("to", path.to, label: "window end")
        try answer.number("years", path.years, label: "window (years)") { TableFormat.fixed($0, digits: 6) }
        answer.wad("withholding", withholding.rate, label: "withholding", display: TableFormat.percent(withholding.rate))
        answer.text(
            "priceAssumption", inputs.priceAssumption.text, label: "reinvest prices",
            display: inputs.priceAssumption == .eventPricesOnly ? "events (each row's own)" : inputs.priceAssumption.text)
        var rows: [JSONValue] = []
        for (i, row) in path.rows.enumerated() {
            rows.append(.object(try rowObject(row, ytInterest: Self.ytInterest(dividends, row: i))))
        }
        answer.hiddenMember("rows", .array(rows))
        answer.wad("startIndex", path.startRow.yieldIndexWad, label: "yield index at the start")
        answer.wad("endIndex", path.endRow.yieldIndexWad, label: "yield index at the end")
        try answer.number("realizedGrowth", dividends.realizedGrowth, label: "realized growth", display: real)
        try answer.number("realizedApy", dividends.realizedApy, label: "realized APY") { TableFormat.percent($0) }
        answer.wad("feeRate", inputs.feeRate, label: "interest fee", display: TableFormat.percent(inputs.feeRate))

        var perYT = AnswerBuilder()
        let exact = dividends.ytInterestPerYT
        let approx = dividends.ytInterestPerYTDouble
        perYT.wad("accruedSy", exact.accrued, label: "one YT through the window: interest (SY)")
        perYT.wad("feeSy", exact.fee, label: "one YT: fee (SY)")
        perYT.wad("paidSy", exact.paid, label: "one YT: paid (SY)")
        try perYT.number("accruedSyDouble", approx.accrued, label: "one YT: interest (SY, real)") { $0.description }
        try perYT.number("feeSyDouble", approx.fee, label: "one YT: fee (SY, real)") { $0.description }
        try perYT.number("paidSyDouble", approx.paid, label: "one YT: paid (SY, real)") { $0.description }
        try perYT.number("paidInShares", dividends.ytPaidPerYTInShares, label: "one YT: paid (shares)", display: real)
        try perYT.number("paidUsd", dividends.ytPaidPerYTUsd, label: "one YT: paid (USD)") { TableFormat.fixed($0, digits: 4) }
        answer.nested("ytInterestPerYt", perYT)

        try answer.number("stockPrice", inputs.stockPriceUsd, label: "stock price (USD per share)") { TableFormat.fixed($0, digits: 2) }
        answer.time("maturity", dividends.maturity, label: "maturity")
        try answer.number("assumedYield", dividends.assumedGrossYield, label: "assumed gross dividend yield") { TableFormat.percent($0) }
        answer.text(
            "projectionBasis", dividends.projectionBasis?.rawValue, label: "projection basis",
            display: dividends.projectionBasis.map(describe))
        try answer.number("projectedApy", dividends.projectedApy, label: "projected APY to maturity") { TableFormat.percent($0) }
        answer.nested("projection", try dividends.projection.map(projectionAnswer))
        answer.nested("marketComparison", try dividends.marketComparison.map(comparisonAnswer))
        answer.hiddenMember("warnings", .array(dividends.warnings.map(warningObject)))

        let title =
            "Dividends reinvested, \(TableFormat.percent(withholding.rate)) withheld: "
            + "\(UnixTime.formatDate(path.from)) → \(UnixTime.formatDate(path.to))"
        return DividendsAnswer(report: answer.report, title: title, library: dividends)
    }

    /// One row of the index path: `date`, `dateISO`, `kind` (`start`, `dividend`, `split`), `dividend`
    /// and `reinvestPrice` (USD per share, wei; null on other rows), `netYield` (`d·(1 − w)/P`),
    /// `splitRatio` (wei, split rows), `multiplier`, `splitFactor`, `yieldIndex`, `pyIndex` (wei),
    /// `yieldIndexDouble` (real), `ytInterestSy` (SY one YT accrued at this row, wei; null at the start),
    /// `certainty` and `line` (the schedule row's mark and line; null at the start).
    static func rowObject(_ row: IndexPathRow, ytInterest: Wad?) throws -> JSONObject {
        var object = JSONObject()
        object.append("date", .number(JSONNumber(row.date)))
        object.append("dateISO", .string(UnixTime.format(row.date)))
        object.append("kind", .string(row.kind.rawValue))
        object.append("dividend", row.dividendPerShareUsd.map { .wei($0.raw) } ?? .null)
        object.append("reinvestPrice", row.reinvestPriceUsd.map { .wei($0.raw) } ?? .null)
        try object.append("netYield", finite: row.netYield)
        object.append("splitRatio", row.splitRatio.map { .wei($0.raw) } ?? .null)
        object.append("multiplier", .wei(row.multiplierWad.raw))
        object.append("splitFactor", .wei(row.splitFactorWad.raw))
        object.append("yieldIndex", .wei(row.yieldIndexWad.raw))
        object.append("pyIndex", .wei(row.pyIndexWad.raw))
        try object.append("yieldIndexDouble", finite: row.yieldIndex)
        object.append("ytInterestSy", ytInterest.map { .wei($0.raw) } ?? .null)
        object.append("certainty", row.certainty.map { .string($0) } ?? .null)
        object.append("line", row.line.map { .number(JSONNumber($0)) } ?? .null)
        return object
    }

    /// The projection to maturity: `yearsToMaturity`, `discounting` (`tokenGrowth`: one share at
    /// maturity costs `I₀/I_T` shares today), `currentIndex`, `expectedIndexAtMaturity`, `expectedGrowth`,
    /// `expectedUnderlyingApy`, `discountFactor`, `ptFairImpliedApy`, `ytPayoffInShares`,
    /// `ytInterestSyPerYt`, `ptFairPriceInShares`, `ytFairPriceInShares`, `ptFairPriceInSy`,
    /// `ytFairPriceInSy`, `ptFairPriceUsd`, `ytFairPriceUsd`, `treasurySharesPerPt`,
    /// `dividendsBeforeMaturity` and `dividendsAfterMaturity` (`exDate`, `exDateISO`, `amount`,
    /// `reinvestPrice`, `netYield`, `indexAfter`, all real).
    static func projectionAnswer(_ projection: TokenProjection) throws -> AnswerBuilder {
        let real = { (value: Double) in TableFormat.significant(value) }
        var answer = AnswerBuilder()
        try answer.number("yearsToMaturity", projection.yearsToMaturity, label: "years to maturity") { TableFormat.fixed($0, digits: 6) }
        let discounting: String
        switch projection.discounting {
        case .tokenGrowth: discounting = "tokenGrowth"
        case .apy: discounting = "apy"
        }
        answer.text(
            "discounting", discounting, label: "discounting",
            display: discounting == "tokenGrowth" ? "token growth" : discounting)
        try answer.number("currentIndex", projection.currentIndex, label: "yield index now", display: real)
        try answer.number("expectedIndexAtMaturity", projection.expectedIndexAtMaturity, label: "expected yield index at maturity", display: real)
        try answer.number("expectedGrowth", projection.expectedGrowth, label: "expected growth to maturity", display: real)
        try answer.number("expectedUnderlyingApy", projection.expectedUnderlyingApy, label: "expected underlying APY") { TableFormat.percent($0) }
        try answer.number("discountFactor", projection.discountFactor, label: "discount factor (shares now per share then)", display: real)
        try answer.number("ptFairImpliedApy", projection.ptFairImpliedApy, label: "PT fair implied APY") { TableFormat.percent($0) }
        try answer.number("ytPayoffInShares", projection.ytPayoffInShares, label: "YT payoff at maturity (shares, after the fee)", display: real)
        try answer.number("ytInterestSyPerYt", projection.ytInterestSyPerYT, label: "YT interest to maturity (SY, after the fee)", display: real)
        try answer.number("ptFairPriceInShares", projection.ptFairPriceInShares, label: "PT fair price (shares)", display: real)
        try answer.number("ytFairPriceInShares", projection.ytFairPriceInShares, label: "YT fair price (shares)", display: real)
        try answer.number("ptFairPriceInSy", projection.ptFairPriceInSy, label: "PT fair price (SY)", display: real)
        try answer.number("ytFairPriceInSy", projection.ytFairPriceInSy, label: "YT fair price (SY)", display: real)
        try answer.number("ptFairPriceUsd", projection.ptFairPriceUsd, label: "PT fair price (USD)") { TableFormat.fixed($0, digits: 2) }
        try answer.number("ytFairPriceUsd", projection.ytFairPriceUsd, label: "YT fair price (USD)") { TableFormat.fixed($0, digits: 4) }
        try answer.number(
            "treasurySharesPerPt", projection.treasurySharesPerPT, label: "to the treasury after maturity (shares per PT)", display: real)
        answer.hiddenMember("dividendsBeforeMaturity", .array(try projection.dividendsBeforeMaturity.map(projectedDividend)))
        answer.hiddenMember("dividendsAfterMaturity", .array(try projection.dividendsAfterMaturity.map(projectedDividend)))
        return answer
    }

    /// The market beside the fair values: `time`, `timeISO` (the projection's start, where the market is
    /// read), `expiry`, `expiryISO`, `yearsToExpiry`; `marketImpliedApy`, `fairImpliedApy`,
    /// `impliedApyMinusFairBp`; `marketPtPriceInShares`, `fairPtPriceInShares`, `ptRichBp`;
    /// `marketYtPriceInShares`, `fairYtPriceInShares`, `ytRichBp`; `marketPtPriceUsd`, `fairPtPriceUsd`,
    /// `marketYtPriceUsd`, `fairYtPriceUsd` (null without a stock price).
    static func comparisonAnswer(_ comparison: MarketComparison) throws -> AnswerBuilder {
        let real = { (value: Double) in TableFormat.significant(value) }
        var answer = AnswerBuilder()
        answer.time("time", comparison.time, label: "market read at (projection start)")
        answer.time("expiry", comparison.expiry, label: "market expiry")
        try answer.number("yearsToExpiry", comparison.yearsToExpiry, label: "market: years to expiry") { TableFormat.fixed($0, digits: 6) }
        try answer.number("marketImpliedApy", comparison.marketImpliedApy, label: "market implied APY") { TableFormat.percent($0) }
        try answer.number("fairImpliedApy", comparison.fairImpliedApy, label: "fair implied APY") { TableFormat.percent($0) }
        try answer.number("impliedApyMinusFairBp", comparison.impliedApyMinusFairBp, label: "market − fair implied APY (bp)", display: Self.bp)
        try answer.number("marketPtPriceInShares", comparison.marketPtPriceInShares, label: "market PT price (shares)", display: real)
        try answer.number("fairPtPriceInShares", comparison.fairPtPriceInShares, label: "fair PT price (shares)", display: real)
        try answer.number("ptRichBp", comparison.ptRichBp, label: "PT rich (+) / cheap (−)") { Self.richness("PT", $0) }
        try answer.number("marketYtPriceInShares", comparison.marketYtPriceInShares, label: "market YT price (shares)", display: real)
        try answer.number("fairYtPriceInShares", comparison.fairYtPriceInShares, label: "fair YT price (shares)", display: real)
        try answer.number("ytRichBp", comparison.ytRichBp, label: "YT rich (+) / cheap (−)") { Self.richness("YT", $0) }
        let usd = { (digits: Int) in { (value: Double) in TableFormat.fixed(value, digits: digits) } }
        try answer.number("marketPtPriceUsd", comparison.marketPtPriceUsd, label: "market PT price (USD)", display: usd(2))
        try answer.number("fairPtPriceUsd", comparison.fairPtPriceUsd, label: "fair PT price (USD)", display: usd(2))
        try answer.number("marketYtPriceUsd", comparison.marketYtPriceUsd, label: "market YT price (USD)", display: usd(4))
        try answer.number("fairYtPriceUsd", comparison.fairYtPriceUsd, label: "fair YT price (USD)", display: usd(4))
        return answer
    }

    /// `+2.13 bp`, `-0.50 bp`.
    private static func bp(_ value: Double) -> String { String(format: "%+.2f bp", value) }

    /// `PT rich by 2.13 bp`, `PT cheap by 0.50 bp`, `PT at fair value`.
    static func richness(_ token: String, _ bp: Double) -> String {
        let size = String(format: "%.2f", abs(bp))
        if size == "0.00" { return "\(token) at fair value" }
        return "\(token) \(bp > 0 ? "rich" : "cheap") by \(size) bp"
    }

    /// A coverage warning: `kind` (`windowStartsBeforeSchedule`, `windowEndsAfterSchedule`), `windowDate`,
    /// `windowDateISO` (the window's edge), `scheduleDate`, `scheduleDateISO` (the schedule's first
    /// dividend or last row), `typicalGapDays`, `message` (what is uncovered and what to do).
    static func warningObject(_ warning: ScheduleCoverageWarning) -> JSONValue {
        var object = JSONObject()
        object.append("kind", .string(warning.kind.rawValue))
        object.append("windowDate", .number(JSONNumber(warning.windowDate)))
        object.append("windowDateISO", .string(UnixTime.format(warning.windowDate)))
        object.append("scheduleDate", .number(JSONNumber(warning.scheduleDate)))
        object.append("scheduleDateISO", .string(UnixTime.format(warning.scheduleDate)))
        object.append("typicalGapDays", .number(JSONNumber(warning.typicalGap / RateConventions.secondsPerDay)))
        object.append("message", .string(warning.message))
        return .object(object)
    }

    private static func projectedDividend(_ dividend: ProjectedDividend) throws -> JSONValue {
        var object = JSONObject()
        object.append("exDate", .number(JSONNumber(dividend.exDate)))
        object.append("exDateISO", .string(UnixTime.format(dividend.exDate)))
        try object.append("amount", finite: dividend.amountPerShareUsd)
        try object.append("reinvestPrice", finite: dividend.reinvestPriceUsd)
        try object.append("netYield", finite: dividend.netYield)
        try object.append("indexAfter", finite: dividend.indexAfter)
        return .object(object)
    }

    /// SY one YT accrued at row `row` of the path (the update from the row before); nil at the start.
    private static func ytInterest(_ dividends: DividendsReport, row: Int) -> Wad? {
        let steps = dividends.ytInterestPerYT.steps
        return row > 0 && row - 1 < steps.count ? steps[row - 1].interest : nil
    }

    private static func describe(_ basis: ProjectionBasis) -> String {
        switch basis {
        case .listedDividends: return "listed dividends"
        case .trailingYield: return "trailing growth (none listed)"
        case .assumedYield: return "assumed dividend yield"
        }
    }

    // MARK: Text

    /// The table: the title, the index path, the summary and (when listed) the projected dividends.
    var tableText: String {
        var blocks = [title + "\n", "index path\n" + rowsTable().render(indent: 2), report.tableText]
        if let projection = library.projection,
            !(projection.dividendsBeforeMaturity.isEmpty && projection.dividendsAfterMaturity.isEmpty)
        {
            blocks.append("projected dividends\n" + projectedDividendsTable(projection).render(indent: 2))
        }
        return blocks.joined(separator: "\n")
    }

    /// The index path in units, one column per quantity that varies (split and PY-index columns only
    /// when a split or a negative step occurs).
    private func rowsTable() -> TextTable {
        let rows = library.path.rows
        let hasSplits = rows.contains { $0.kind == .split }
        let hasNegativeYield = rows.contains { $0.pyIndexWad != $0.yieldIndexWad }
        let hasCertainty = rows.contains { $0.certainty != nil }
        var header = ["date", "event", "dividend (USD)", "reinvest price", "net yield"]
        if hasSplits { header += ["split ratio", "multiplier"] }
        header.append("yield index")
        if hasNegativeYield { header.append("PY index") }
        header.append("YT interest per YT (SY)")
        if hasCertainty { header.append("certainty") }
        var table = TextTable(header: header)
        for (i, row) in rows.enumerated() {
            var cells = [
                UnixTime.formatDate(row.date), row.kind.rawValue, row.dividendPerShareUsd?.description ?? "",
                row.reinvestPriceUsd?.description ?? "",
                row.kind == .dividend ? TableFormat.percent(row.netYield) : ""
            ]
            if hasSplits { cells += [row.splitRatio?.description ?? "", row.multiplierWad.description] }
            cells.append(row.yieldIndexWad.description)
            if hasNegativeYield { cells.append(row.pyIndexWad.description) }
            cells.append(Self.ytInterest(library, row: i)?.description ?? "")
            if hasCertainty { cells.append(row.certainty ?? "") }
            table.rows.append(cells)
        }
        return table
    }

    private func projectedDividendsTable(_ projection: TokenProjection) -> TextTable {
        var table = TextTable(header: ["ex-date", "dividend (USD)", "reinvest price", "net yield", "index after", "reaches YT"])
        for (dividends, reaches) in [(projection.dividendsBeforeMaturity, "yes"), (projection.dividendsAfterMaturity, "no: after maturity")] {
            for dividend in dividends {
                table.rows.append([
                    dividend.exDateText, TableFormat.significant(dividend.amountPerShareUsd),
                    TableFormat.significant(dividend.reinvestPriceUsd), TableFormat.percent(dividend.netYield),
                    TableFormat.significant(dividend.indexAfter), reaches
                ])
            }
        }
        return table
    }

    /// The index path as CSV (`--csv`): a header, then one line per row, exact values in units.
    var csvText: String {
        var lines = [
            "date,event,dividend,reinvest_price,net_yield,split_ratio,multiplier,split_factor,yield_index,py_index,yield_index_real,yt_interest_sy,certainty,line"
        ]
        for (i, row) in library.path.rows.enumerated() {
            let fields = [
                UnixTime.formatDate(row.date), row.kind.rawValue, row.dividendPerShareUsd?.description ?? "",
                row.reinvestPriceUsd?.description ?? "", row.netYield.description, row.splitRatio?.description ?? "",
                row.multiplierWad.description, row.splitFactorWad.description, row.yieldIndexWad.description,
                row.pyIndexWad.description, row.yieldIndex.description,
                Self.ytInterest(library, row: i)?.description ?? "",
                row.certainty ?? "", row.line.map(String.init) ?? ""
            ]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
