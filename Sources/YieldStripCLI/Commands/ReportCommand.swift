import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip report`: a market's one-page tear sheet, written as a self-contained HTML file.
struct ReportCommand: ParsableCommand {
    let name = "report"
    let abstract = "One-page tear sheet of a market: an HTML page to print or mail."
    let discussion = """
        Reads --market at its block time and writes one HTML page to --html (inline
        CSS and SVG, no script, no link; it prints on A4): the market's state
        (implied APY, PT and YT prices, liquidity, the fee and its drag on a
        lock-in), the depth chart, a lock-in and a YT short of a standard size
        (--sy, --tokens, --shares or --usd; default 1% of the pool's value) with
        their tables and charts, a scenario grid of --position (default: the
        lock-in's PT; the implied APY -100..100bp by 25bp, the stock -20%..20% by
        5%), its hedge ratios (DV01, duration, convexity, stock delta), and the
        assumptions and time used. A part the market refuses says why in its place.
        Prints where the page went and what it holds. On a YieldSpace file the market
        section shows the pool, and the YT short is left out with the reason (the
        pool trades no YT).
        """
    /// The market, the page to write, the position of the grid and the hedge ratios, the lock-in's size.
    struct Options: ParsableOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs + [
                .value("html", valueName: "file", help: "Write the tear sheet here (created or replaced).", required: true),
                .value(
                    "position", valueName: "legs",
                    help: "The position of the scenario grid and the hedge ratios: pt:1000,yt:-500,lp:10,sy:250 (default: the lock-in's PT).")
            ] + SizeOptions.specs

        let market: MarketFileOptions
        /// The HTML file written.
        let path: String
        let position: Position?
        let sizing: SizeOptions

        init(parsing invocation: Invocation) throws {
            market = try MarketFileOptions(parsing: invocation)
            guard let path = invocation.option("html"), !path.isEmpty else {
                throw invocation.usageError("Missing expected argument '--html <file>'")
            }
            self.path = path
            sizing = try SizeOptions(parsing: invocation)
            position = try HedgeInputs.optionalPosition(invocation)
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        let path = options.path
        let (file, context) = try options.market.curveContext(invocation)
        let request = MarketTearSheetRequest(size: options.sizing.size, position: options.position, stockPrice: options.sizing.stockPriceUsd)
        let sheet = try MarketTearSheet.compute(
            file: file, blockTime: context.blockTime, blockTimeSource: context.blockTimeSource.rawValue, request: request)
        try OutputFile.write(TearSheetPage.html(sheet, generator: "yieldstrip \(CLI.version)"), to: path, kind: "tear sheet")

        var table = TextTable()
        table.rows.append(["written to", path])
        table.rows.append(["market", sheet.name ?? sheet.origin])
        table.rows.append(["block time", "\(UnixTime.format(sheet.blockTime)) (\(sheet.blockTimeSource))"])
        table.rows.append(["implied APY", TableFormat.percent(sheet.spot.impliedApy) + " a year"])
        table.rows.append(["standard size", sheet.sizeBasis])
        table.rows.append(["position", sheet.position.map { "\($0) (\(sheet.positionBasis))" } ?? "none"])
        let parts: [(String, String?)] = [
            ("lock-in", sheet.lockIn.reason), ("YT short", sheet.shortYT.reason), ("scenario grid", sheet.scenario.reason),
            ("rate risk", sheet.rateRisk.reason), ("stock delta", sheet.stockDelta.reason)
        ]
        table.rows.append(["sections", TearSheetPage.sectionIDs.joined(separator: ", ")])
        for (part, reason) in parts { if let reason { table.rows.append(["not shown: " + part, reason]) } }
        return .text("Tear sheet\n\n" + table.render())
    }
}
