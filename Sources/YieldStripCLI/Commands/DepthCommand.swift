import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip depth`: the implied APY after PT trades of 0.1 % … 50 % of the pool, both sides (batch
/// op `depth`).
struct DepthCommand: ParsableCommand {
    let name = "depth"
    let abstract = "Implied APY after PT trades of 0.1% to 50% of the pool."
    let discussion = """
        Each row trades a fraction of the pool's PT against SY: buying PT (SY paid,
        implied APY after, effective APY locked in) and selling PT (SY received, ...).
        A side the market refuses (proportion above 96 %, exchange rate below 1, more
        PT than the pool holds) reads 'exceeds limit' (empty in CSV, null in JSON).
        --csv prints a header line and one line per size (preceded by a comment line
        '# blockTime ... (wall clock)' when the block time is the wall clock's); --json
        prints the answer of the batch op 'depth'. --svg FILE also draws the rows:
        the implied APY against the trade size, the spot APY and the market's
        limits marked. On a YieldSpace file the sizes are fractions of the pool's
        real fyToken, bought with buyFYToken and sold with sellFYToken.
        """
    /// The market, the chart and the output (`--csv`: one line per trade size).
    struct Options: ParsableOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs + [OptionSpec.flag("csv", help: "Print CSV: a header line, then one line per trade size.")]
            + ChartOptions.specs + [CommonOptions.json]

        let market: MarketFileOptions
        let chart: ChartOptions
        let output: OutputOptions

        init(parsing invocation: Invocation) throws {
            output = try OutputOptions(parsing: invocation)
            chart = try ChartOptions(parsing: invocation)
            market = try MarketFileOptions(parsing: invocation)
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        let (file, context) = try options.market.curveContext(invocation)
        let depth = try DepthReport.depth(context, includesLimits: options.chart.isRequested)
        let report = try DepthReport.build(context, depth: depth)
        try options.chart.write(JobCharts.depth(depth, subject: file.chartSubject))
        switch options.output.format {
        case .json: return .report(report)
        case .csv:
            // The wall clock makes the rows depend on when the command ran: say so above the header.
            let notice =
                context.blockTimeSource == .wallClock
                ? "# blockTime \(context.blockTime) \(UnixTime.format(context.blockTime)) (wall clock)\n" : ""
            return .text(notice + DepthReport.csv(report))
        case .table: return .text(DepthReport.table(report, title: file.title))
        }
    }
}
