import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip depth`: the implied APY after PT trades of 0.1 % … 50 % of the pool, both sides (batch
/// op `depth`).
struct DepthCommand: JobCommand {
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
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs + [OptionSpec.flag("csv", help: "Print CSV: a header line, then one line per trade size.")]
            + ChartOptions.specs + [CommonOptions.json]

        let market: MarketInput
        let chart: ChartOptions
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            output = try OutputOptions(fields)
            chart = try ChartOptions(fields)
            market = try MarketInput(fields)
        }
    }

    static let opName = "depth"
    static let opSummary =
        "market, pyIndex, blockTime (or curve yieldspace, pool) → rows: implied APY after PT trades of 0.1 % … 50 % of the pool, both sides"

    /// The depth rows on the market, and their answer.
    static func compute(_ options: Options) throws -> (context: CurveContext, depth: MarketDepth<Wad>, report: Report) {
        let context = try options.market.curveContext()
        let depth = try DepthReport.depth(context, includesLimits: options.chart.isRequested)
        return (context, depth, try DepthReport.build(context, depth: depth))
    }

    static func answer(_ options: Options) throws -> JobAnswer {
        let (context, depth, report) = try compute(options)
        return JobAnswer(
            report: report, tableText: DepthReport.table(report, title: context.title ?? ""),
            chart: { JobCharts.depth(depth, subject: context.chartSubject ?? "") })
    }

    /// As every job, but `--csv` prints one line per trade size, under a comment line when the block time is the
    /// wall clock's (the rows then depend on when the command ran).
    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        guard options.output.format == .csv else { return try runJob(options, invocation) }
        let (context, depth, report) = try Self.compute(options)
        try options.chart.write(JobCharts.depth(depth, subject: context.chartSubject ?? ""))
        let notice =
            context.blockTimeSource == .wallClock ? "# blockTime \(context.blockTime) \(UnixTime.format(context.blockTime)) (wall clock)\n" : ""
        return .text(notice + DepthReport.csv(report))
    }
}
