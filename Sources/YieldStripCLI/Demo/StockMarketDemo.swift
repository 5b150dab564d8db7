import YieldStrip
import YieldStripJSON

/// The demo's market section: the AAPL-like stock-token market of `examples/markets/aapl-like.json`
/// (its contents are embedded below, so the demo runs from any directory), read at the file's block
/// time: the snapshot, a fixed-rate PT purchase and a leveraged YT purchase.
enum StockMarketDemo {
    /// Where the embedded market file lives in the repository (the tests check they are equal).
    static let marketFilePath = "examples/markets/aapl-like.json"

    /// The contents of ``marketFilePath``.
    static let marketFileText = #"""
        {
          "name": "AAPL-like stock token, 4 MAR 2027",
          "underlying": "AAPL",
          "curve": "pendle-v2",
          "source": "illustrative: not a real market; made with yieldstrip market new: Pendle's deployment rule (MarketDeployLib) for the curve, then the exact first addLiquidityCore and setInitialLnImpliedRate",
          "notes": "Implied APY 0.30 %, about AAPL's dividend yield net of 30 % US withholding (0.3214 % over the year of dividends below). Created at blockTime (2026-03-02T14:30:00Z), 366.4 days before expiry (Thursday 2027-03-04 00:00 UTC), with a pool worth 20,000,000 USD (PT at its price plus SY at the PY index) at 230 USD per share, the size of real tokenized-stock markets (a few million to tens of millions of USD). Curve by Pendle's deployment rule for an implied-APY band of 0.1 % to 1 %; fee 0.1 %/yr (lnFeeRateRoot = ln 1.001), 80 % of fees to the reserve. PY index 1.003214142718150519: a token launched at 1.0 a year before blockTime and grown by a year of AAPL dividends net of 30 % withholding, reinvested; examples/data/aapl.csv lists none after 2025-08-11, so its last four (2024-11-08 to 2025-08-11) stand for that year: yieldstrip dividends --schedule examples/data/aapl.csv --withholding 0.30 --from 2024-09-01 --to 2025-09-01 (yield index at the end). Made with yieldstrip market new --apy 0.3% --expiry 2027-03-04 --at 2026-03-02T14:30:00Z --liquidity-usd 20000000 --stock-price 230 --fee 0.1% --apy-band 0.1%..1% --py-index 1.003214142718150519 --reserve-fee 80 and this file's name, underlying, source and notes (examples/markets/README.md gives the whole command). stockPrice is illustrative.",
          "stockPrice": 230,
          "blockTime": 1772461800,
          "pyIndex": "1003214142718150519",
          "market": {
            "totalPt": "19823512368863353913184",
            "totalSy": "66977253982529162840049",
            "totalLp": "36437953053858132300953",
            "scalarRoot": "488261892873696979223",
            "expiry": 1804118400,
            "lnFeeRateRoot": "999500333083533",
            "reserveFeePercent": 80,
            "lastLnImpliedRate": "2995508979798479"
          }
        }

        """#

    static let sections: [DemoSection] = [
        DemoSection(
            key: "stockMarket", title: "2. An AAPL-like stock-token market at its block time (\(marketFilePath))",
            steps: [
                DemoStep(command: "market show --market \(marketFilePath)") {
                    let object = try MarketSnapshotReport.build(context()).object
                    let apy = object.number("impliedApy")
                    return DemoOutcome(
                        result: object["impliedApy"] ?? .null, resultUnits: .string(TableFormat.percent(apy)),
                        note: "implied APY; PT \(TableFormat.fixed(object.number("ptPriceInAsset"), digits: 6)) share, "
                            + "YT \(TableFormat.fixed(object.number("ytPriceInAsset"), digits: 6)) share "
                            + "(\(TableFormat.fixed(object.number("ytLeverage"), digits: 0))× leverage)")
                },
                DemoStep(command: "quote --market \(marketFilePath) --buy-pt --amount 1000") {
                    let object = try QuoteReport.build(context(), swap: .swapExactSyForPt, amount: Wad(units: 1000)).object
                    let ptOut = object.wad("amountOut") ?? .zero
                    return DemoOutcome(
                        result: .wei(ptOut.raw), resultUnits: .string(ptOut.description),
                        note: "PT for 1,000 SY: locks in \(TableFormat.percent(object.number("effectiveImpliedApy"))) a year "
                            + "to expiry, fees included (spot \(TableFormat.percent(object.number("impliedApyBefore"))))")
                },
                DemoStep(command: "quote --market \(marketFilePath) --buy-yt --amount 100") {
                    let market = try context()
                    let object = try QuoteReport.build(market, swap: .swapExactSyForYt, amount: Wad(units: 100)).object
                    let ytOut = object.wad("amountOut") ?? .zero
                    let assetIn = 100 * market.pyIndex.doubleValue
                    let spotLeverage = object.number("ptPriceInAssetBefore").map { 1 / (1 - $0) }
                    return DemoOutcome(
                        result: .wei(ytOut.raw), resultUnits: .string(ytOut.description),
                        note: "YT for 100 SY (\(TableFormat.fixed(assetIn, digits: 2)) shares): the dividends of "
                            + "\(TableFormat.fixed(ytOut.doubleValue / assetIn, digits: 0))× as many shares "
                            + "(\(TableFormat.fixed(spotLeverage, digits: 0))× at the spot price, before fees)")
                }
            ])
    ]

    /// The embedded market at the file's block time.
    static func context() throws -> MarketContext {
        try MarketFile.parse(Array(marketFileText.utf8), origin: marketFilePath).context(at: .fileOrWallClock)
    }
}
