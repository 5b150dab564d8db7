import YieldStrip
import YieldStripJSON

/// `yieldstrip market show`: a market's rates, prices, curve and depth at one block time (batch op
/// `marketSnapshot`).
struct MarketShowCommand: ParsableCommand {
    let name = "show"
    let abstract = "Show a market's implied APY, prices, curve, fees, reserves, depth."
    let discussion = """
        The block time is --at when given, else the file's blockTime, else the wall
        clock; the output says which. Prices are in the accounting asset, and in USD
        when the file gives stockPrice. Depth: the largest PT buy and sell the market
        takes, and the PT that moves the implied APY by one basis point. --json
        prints the answer of the batch op 'marketSnapshot' (amounts in wei). A
        YieldSpace file ("curve": "yieldspace") shows the pool's rate on both years,
        its parameters, reserves and limits.
        """
    /// The market and the output.
    struct Options: ParsableOptions {
        static let specs = MarketFileOptions.specs + OutputOptions.specs

        let market: MarketFileOptions
        let output: OutputOptions

        init(parsing invocation: Invocation) throws {
            market = try MarketFileOptions(parsing: invocation)
            output = try OutputOptions(parsing: invocation)
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        let (file, context) = try options.market.curveContext(invocation)
        switch context.venue {
        case .pendle(let market): return .report(try MarketSnapshotReport.build(market, title: file.title))
        case .yieldSpace(let pool): return .report(try YieldSpaceSnapshotReport.build(pool, title: file.title))
        }
    }
}
