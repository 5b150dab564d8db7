import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip scenario`: a position's value and PnL when the implied APY, the stock price and the calendar
/// move together (batch op `scenario`).
struct ScenarioCommand: JobCommand {
    let name = "scenario"
    let abstract = "A position's PnL across APY shifts, stock moves and days."
    let discussion = """
        Values --position after --days (default 0) with the implied APY shifted by each
        of --apy-shift (bp or %: -200..200:50bp, or a list -50bp,0,50bp) and the stock
        price moved by each of --price-shift (-20..20:10%, or a list). Time to expiry
        shrinks by the days (a PT accretes even when the APY holds); YT collects the
        token's yield meanwhile at --realized-apy (or --schedule's, else today's
        implied APY) net of --yt-fee; SY grows with it; an LP is valued after the
        pool's own trade to the shifted APY. A shifted APY below 0 is floored at 0
        and the cell flagged 'clamped'. The table is the PnL in USD (APY shifts down,
        price moves across); --csv prints one line per cell; --json the answer of the
        batch op 'scenario'. --svg FILE also draws the grid as a heatmap. On a
        YieldSpace file SY is the pool's shares (at c) and YT the synthetic 1 - PT.
        """
    /// The market, the position, the grid (APY shifts, price moves, days), the realized yield, the stock
    /// price, the chart and the output (`--csv`: one line per cell).
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs + [
                HedgeInputs.positionOption,
                .value(
                    "apy-shift", valueName: "range", help: "Implied-APY shifts: -200..200:50bp, -1%..1%:0.5%, or a list -50bp,0,50bp.",
                    required: true),
                .value("price-shift", valueName: "range", help: "Stock-price moves: -20..20:10%, or a list -10%,0,10%.", default: "0"),
                .value("days", valueName: "days", help: "Days from now to the scenario.", default: "0")
            ] + RealizedYieldOptions.specs + [
                StrategyInputs.stockPriceOption,
                .flag("csv", help: "Print CSV: a header line, then one line per cell.")
            ] + ChartOptions.specs + [CommonOptions.json]

        let market: MarketInput
        let position: Position
        let apyShifts: [Double]
        let priceShifts: [Double]
        let days: Double
        let realized: RealizedYieldOptions
        let stockPriceUsd: Double?
        let chart: ChartOptions
        /// `--csv` prints the cells; `--json` the answer.
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            output = try OutputOptions(fields)
            market = try MarketInput(fields)
            let job = fields.job
            position = try job.requiredPosition()
            guard let shifts = try job.apyList("apyShift")?.values else {
                throw fields.refuse(
                    command: "Missing expected argument '--apy-shift <range>'",
                    batch: "missing field 'apyShift' (an array of shifts or text such as \"-200..200:50bp\")", field: "apyShift")
            }
            apyShifts = shifts
            priceShifts = try job.range("priceShift")?.values ?? [0]
            days = try job.number("days") ?? 0
            realized = try RealizedYieldOptions(fields)
            stockPriceUsd = fields.invocation == nil ? nil : try job.number("stockPrice")
            chart = try ChartOptions(fields)
        }
    }

    static let opName = "scenario"
    static let opSummary =
        "market, pyIndex, blockTime, position, apyShift, priceShift?, days?, realizedApy?|schedule?, ytFee?, stockPrice → PnL grid (as 'scenario --json')"

    /// The grid, its answer and the chart.
    static func compute(_ options: Options) throws -> (result: ScenarioResult, context: CurveContext) {
        let context = try options.market.curveContext(stockPriceUsd: options.stockPriceUsd)
        guard let stockPrice = context.stockPrice else { throw StrategyError.missingStockPrice(purpose: "a scenario in USD") }
        let request = ScenarioRequest(
            position: options.position, apyShifts: options.apyShifts, priceShifts: options.priceShifts, days: options.days,
            realizedYield: try options.realized.realizedYield(stockPrice: stockPrice), ytInterestFee: options.realized.ytFee,
            stockPrice: stockPrice)
        return (try Scenario.compute(request, curve: context.curve, at: context.blockTime), context)
    }

    static func answer(_ options: Options) throws -> JobAnswer {
        let (result, context) = try compute(options)
        let report = try ScenarioAnswer.build(result, position: options.position, context: context)
        return JobAnswer(
            report: report, tableText: ScenarioAnswer.table(report, result: result, title: context.title ?? ""), warnings: result.warnings,
            chart: { JobCharts.scenario(result, subject: context.chartSubject ?? "") })
    }

    /// As every job, but `--csv` prints one line per cell (not the answer's one line).
    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        guard options.output.format == .csv else { return try runJob(options, invocation) }
        let (result, context) = try Self.compute(options)
        for warning in result.warnings { try invocation.warn(warning) }
        try options.chart.write(JobCharts.scenario(result, subject: context.chartSubject ?? ""))
        return .text(ScenarioAnswer.csv(result))
    }
}

/// The answer of `scenario`.
///
/// Fields: `curve`, `blockTime`, `blockTimeISO`, `blockTimeSource`, `expiry`, `expiryISO`, `secondsToExpiry`,
/// `yearsToExpiry`; `position` (legs `token`, `amount` (wei), `amountUnits`); `days`, `horizon`, `horizonISO`,
/// `yearsToExpiryAtHorizon`; `impliedApy`, `stockPrice`, `realizedApy`, `realizedApyBasis`, `ytFee`; `base`
/// (`valueShares`, `valueUsd`: today); `cells` (rows `apyShiftBp`, `priceShift` (a fraction: 0.1 is +10 %),
/// `impliedApy`, `valueShares`, `valueUsd`, `pnlUsd`, `clamped`, `lpAtPoolLimit`; APY shift major, in the order
/// given); `warnings`; `assumptions`.
enum ScenarioAnswer {
    static let csvColumns = ["apyShiftBp", "priceShift", "impliedApy", "valueShares", "valueUsd", "pnlUsd", "clamped", "lpAtPoolLimit"]

    static func build(_ r: ScenarioResult, position: Position, context: some BlockTimeContext) throws -> Report {
        var answer = AnswerBuilder()
        try answer.jobHeader(
            curveName: r.curveName, context: context, expiry: r.expiry, expiryLabel: "expiry",
            secondsToExpiry: r.expiry - r.blockTime, yearsToExpiry: r.yearsToExpiry)
        answer.hiddenMember("position", .array(position.legs.map { .object(HedgeInputs.legObject(token: $0.token, amount: $0.amount)) }))
        let percent = { (value: Double) in TableFormat.percent(value) }
        try answer.number("days", r.days, label: "days ahead") { TableFormat.significant($0) }
        answer.time("horizon", r.horizonTime, label: "scenario date")
        try answer.number("yearsToExpiryAtHorizon", r.yearsToExpiryAtHorizon, label: "years to expiry then") { TableFormat.fixed($0, digits: 6) }
        try answer.number("impliedApy", r.impliedApy, label: "implied APY today", display: percent)
        try answer.number("stockPrice", r.stockPrice, label: "stock price today (USD)") { TableFormat.fixed($0, digits: 2) }
        try answer.number("realizedApy", r.realizedApy, label: "token APY meanwhile", display: percent)
        answer.text("realizedApyBasis", r.realizedApyBasis, label: "assumed from")
        try answer.number("ytFee", r.ytInterestFee, label: "YT interest fee", display: percent)
        var base = AnswerBuilder()
        try base.number("valueShares", r.baseValueShares, label: "value today (shares)") { TableFormat.significant($0) }
        try base.number("valueUsd", r.baseValueUsd, label: "value today (USD)") { TableFormat.fixed($0, digits: 2) }
        answer.nested("base", base)
        answer.hiddenMember(
            "cells",
            .array(
                try r.cells.map { cell in
                    var object = JSONObject()
                    try object.append("apyShiftBp", finite: cell.apyShiftBp)
                    try object.append("priceShift", finite: cell.priceShift)
                    try object.append("impliedApy", finite: cell.impliedApy)
                    try object.append("valueShares", finite: cell.valueShares)
                    try object.append("valueUsd", finite: cell.valueUsd)
                    try object.append("pnlUsd", finite: cell.pnlUsd)
                    object.append("clamped", .bool(cell.clamped))
                    object.append("lpAtPoolLimit", .bool(cell.lpAtPoolLimit))
                    return .object(object)
                }))
        answer.texts("warnings", r.warnings, label: "warnings")
        answer.texts("assumptions", r.assumptions, label: "assumptions")
        answer.withReport { $0.hiddenInTable.formUnion(["warnings", "assumptions"]) }
        return answer.report
    }

    /// The PnL grid in USD: a row per APY shift (bp), a column per price move (%); `*` marks a clamped cell.
    static func table(_ report: Report, result: ScenarioResult, title: String) -> String {
        let columns = result.priceShifts.count
        var grid = TextTable(header: ["APY shift \\ price"] + result.priceShifts.map { TableFormat.percent($0, digits: 1) })
        for (row, shift) in result.apyShifts.enumerated() {
            let cells = result.cells[(row * columns)..<((row + 1) * columns)]
            let label = String(format: "%+.0f bp", shift * 1e4) + (cells.first?.clamped == true ? " *" : "")
            grid.rows.append([label] + cells.map { TableFormat.fixed($0.pnlUsd, digits: 2) })
        }
        var notes: [String] = []
        if result.cells.contains(where: \.clamped) {
            notes.append(
                "* the shifted APY is below 0: floored at 0 ("
                    + (result.curveName == YieldSpaceMarketFile.curveName
                        ? "a YieldSpace pool cannot price a negative rate)" : "Pendle's market cannot price a negative rate)"))
        }
        if result.cells.contains(where: \.lpAtPoolLimit) {
            notes.append("the LP could not be traded all the way to some APYs (the pool's limit); its PT is still priced there")
        }
        let summary = [
            "PnL in USD after \(TableFormat.significant(result.days)) days against today's \(TableFormat.fixed(result.baseValueUsd, digits: 2)) USD "
                + "(\(TableFormat.significant(result.baseValueShares, digits: 8)) shares at \(TableFormat.fixed(result.stockPrice, digits: 2)))."
        ]
        return JobTable.render(
            title: title, summary: summary, report: report,
            tables: ["PnL (USD) by implied-APY shift and stock move\n" + grid.render(indent: 2) + notes.map { "  " + $0 + "\n" }.joined()],
            assumptions: result.assumptions)
    }

    /// One line per cell, the columns ``csvColumns``.
    static func csv(_ result: ScenarioResult) -> String {
        var lines = [csvColumns.joined(separator: ",")]
        for cell in result.cells {
            lines.append(
                [
                    JSONNumber(cell.apyShiftBp)?.text ?? "", JSONNumber(cell.priceShift)?.text ?? "", JSONNumber(cell.impliedApy)?.text ?? "",
                    JSONNumber(cell.valueShares)?.text ?? "", JSONNumber(cell.valueUsd)?.text ?? "", JSONNumber(cell.pnlUsd)?.text ?? "",
                    cell.clamped ? "true" : "false", cell.lpAtPoolLimit ? "true" : "false"
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The batch op `scenario`: the market context, `position`, `apyShift`, `priceShift` (arrays or range text),
    /// `days`, `realizedApy` or `schedule` (+ `withholding`), `ytFee`, `stockPrice` (required).
}
