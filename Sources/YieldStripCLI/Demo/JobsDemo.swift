import YieldStrip
import YieldStripJSON

/// The demo's first section: the two jobs the tool exists for, on the AAPL-like market of
/// `examples/markets/aapl-like.json` (embedded, ``StockMarketDemo/marketFileText``) at the file's block
/// time: lock in a fixed rate with 10,000 USD, and hedge the dividends of 1,000 shares with a YT short.
enum JobsDemo {
    static let sections: [DemoSection] = [
        DemoSection(
            key: "jobs", title: "1. The two jobs: lock in a fixed rate, hedge a dividend stream (\(StockMarketDemo.marketFilePath))",
            steps: [
                DemoStep(command: "lockin --market \(StockMarketDemo.marketFilePath) --usd 10000") {
                    let context = try StockMarketDemo.context()
                    let result = try LockIn.compute(
                        LockInRequest(size: .usd(Wad(units: 10_000)), stockPrice: context.stockPrice),
                        curve: StrategyInputs.curve(context), at: context.blockTime)
                    return DemoOutcome(
                        result: .wei(result.ptOut.raw), resultUnits: .string(result.ptOut.description),
                        note: "PT = shares at maturity: \(TableFormat.percent(result.fixedApy)) a year fixed in shares "
                            + "(spot \(TableFormat.percent(result.spotApy)); the fee takes "
                            + "\(TableFormat.percent(result.feeShareOfSpotApy, digits: 1)) of it); in USD still the stock's price risk")
                },
                DemoStep(command: "short-yt --market \(StockMarketDemo.marketFilePath) --shares 1000") {
                    let context = try StockMarketDemo.context()
                    let result = try ShortYT.compute(
                        ShortYTRequest(size: .position(.shares(Wad(units: 1_000))), stockPrice: context.stockPrice),
                        curve: StrategyInputs.curve(context), at: context.blockTime)
                    return DemoOutcome(
                        result: .wei(result.syReceived.raw), resultUnits: .string(result.syReceived.description),
                        note: "SY for the YT of 1,000 shares (\(TableFormat.fixed(result.premiumUsd, digits: 2)) USD): "
                            + "the dividends to maturity sold at \(TableFormat.percent(result.effectiveShortApy)) a year; "
                            + "the short gains if the token earns less (spot \(TableFormat.percent(result.spotApy)))")
                }
            ])
    ]
}
