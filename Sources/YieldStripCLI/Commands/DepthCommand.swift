import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip depth`: the implied APY after PT trades of 0.1 % … 50 % of the pool, both sides (batch
/// op `depth`).
struct DepthCommand: Command {
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
    let options =
        [
            MarketOptions.market, MarketOptions.at,
            OptionSpec.flag("csv", help: "Print CSV: a header line, then one line per trade size.")
        ] + ChartOutput.options + [CommonOptions.json]

    func run(_ invocation: Invocation) throws -> CommandOutput {
        if invocation.flag("csv") && invocation.wantsJSON {
            throw invocation.usageError("Give '--csv' or '--json', not both")
        }
        let chart = try ChartOutput.request(invocation)
        let (file, context) = try MarketOptions.curveContext(invocation)
        let depth = try DepthReport.depth(context, includesLimits: chart != nil)
        let report = try DepthReport.build(context, depth: depth)
        try ChartOutput.write(JobCharts.depth(depth, subject: file.chartSubject), chart)
        if invocation.wantsJSON { return .report(report) }
        if invocation.flag("csv") {
            // The wall clock makes the rows depend on when the command ran: say so above the header.
            let notice =
                context.blockTimeSource == .wallClock
                ? "# blockTime \(context.blockTime) \(UnixTime.format(context.blockTime)) (wall clock)\n" : ""
            return .text(notice + DepthReport.csv(report))
        }
        return .text(DepthReport.table(report, title: file.title))
    }
}
