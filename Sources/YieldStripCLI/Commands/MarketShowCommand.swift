import YieldStrip
import YieldStripJSON

/// `yieldstrip market show`: a market's rates, prices, curve and depth at one block time (batch op
/// `marketSnapshot`).
struct MarketShowCommand: JobCommand {
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
    struct Options: DoorOptions {
        static let specs = MarketFileOptions.specs + OutputOptions.specs

        let market: MarketInput
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            market = try MarketInput(fields)
            output = try OutputOptions(fields)
        }
    }

    static let opName = "marketSnapshot"
    static let opSummary =
        "market, pyIndex (or curve yieldspace, pool), blockTime, stockPrice? → implied APY, PT/YT prices, proportion, rate scalar, anchor, fee rate, reserves, largest trades"

    static func answer(_ options: Options) throws -> JobAnswer {
        let context = try options.market.curveContext()
        switch context.venue {
        case .pendle(let market): return JobAnswer(report: try MarketSnapshotReport.build(market, title: context.title))
        case .yieldSpace(let pool): return JobAnswer(report: try YieldSpaceSnapshotReport.build(pool, title: context.title))
        }
    }
}
