import Foundation
import YieldStrip
import YieldStripCharts

/// The results the charts are tested on: the repository's example markets, schedules and series, run
/// through the library as the commands run them.
enum ChartFixtures {
    /// The repository's root (this file is `Tests/YieldStripChartsTests/ChartFixtures.swift`).
    static func root(sourceFile: String = #filePath) -> URL {
        URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func path(_ relative: String) -> String { root().appendingPathComponent(relative).path }

    static let aaplPath = path("examples/markets/aapl-like.json")

    static func aapl() throws -> MarketFile { try MarketFile.load(path: aaplPath) }

    static func market(_ name: String) throws -> MarketFile { try MarketFile.load(path: path("examples/markets/" + name)) }

    /// The file's block time (every example has one).
    static func blockTime(_ file: MarketFile) -> Int64 { file.blockTime ?? 0 }

    static let subject = "AAPL-like stock token, 4 MAR 2027 (AAPL)"

    // MARK: The seven charts, as docs/charts.md shows them

    static func depthChart(_ file: MarketFile? = nil) throws -> XYChart {
        let file = try file ?? aapl()
        let rows = try PendleMarketMath.depth(file.market, pyIndex: file.pyIndex, blockTime: blockTime(file))
        let snapshot = try PendleMarketMath.snapshot(file.market, pyIndex: file.pyIndex, blockTime: blockTime(file), stockPrice: file.stockPrice)
        return JobCharts.depth(rows, snapshot: snapshot, subject: file.name)
    }

    static func lockInResult() throws -> LockInResult<Wad> {
        let file = try aapl()
        let request = LockInRequest(
            size: .usd(Wad(units: 10_000)), stockPrice: file.stockPrice,
            dollarHedge: DollarHedgeRequest(instrument: .perp(fundingApr: 0.05)), hold: .tokenApy(0.003))
        return try LockIn.compute(request, curve: file.curve, at: blockTime(file))
    }

    static func lockInChart() throws -> XYChart { JobCharts.lockIn(try lockInResult(), subject: subject) }

    static func shortYTResult() throws -> ShortYTResult<Wad> {
        let file = try aapl()
        return try ShortYT.compute(
            ShortYTRequest(size: .position(.shares(Wad(units: 1_000))), stockPrice: file.stockPrice),
            curve: file.curve, at: blockTime(file))
    }

    static func shortYTChart() throws -> XYChart { JobCharts.shortYT(try shortYTResult(), subject: subject) }

    static func scenarioResult(apyShifts: [Double] = [-0.005, 0, 0.005], priceShifts: [Double] = [-0.1, 0, 0.1], days: Double = 30) throws
        -> ScenarioResult
    {
        let file = try aapl()
        let position = try Position(parsing: "pt:1000,yt:-500,sy:250")
        return try Scenario.compute(
            ScenarioRequest(
                position: position, apyShifts: apyShifts, priceShifts: priceShifts, days: days,
                stockPrice: file.stockPrice ?? 230),
            curve: file.curve, at: blockTime(file))
    }

    static func scenarioChart() throws -> HeatmapChart { JobCharts.scenario(try scenarioResult(), subject: subject) }

    static func dividendsReport() throws -> DividendsReport {
        let file = try aapl()
        let text = try String(contentsOfFile: path("examples/data/aapl.csv"), encoding: .utf8)
        let schedule = try ScheduleFiles.parseDividendSchedule(text, format: .csv)
        return try DividendsReport.compute(
            schedule: schedule, withholding: .standard, to: file.blockTime, stockPriceUsd: file.stockPrice,
            assumedGrossYield: 0.0046, market: file.curve)
    }

    static func dividendsChart() throws -> XYChart { JobCharts.dividends(try dividendsReport(), subject: subject) }

    static func minimumVarianceResult() throws -> MinimumVarianceHedgeResult {
        let spot = try DatedSeries.load(path: path("examples/data/synthetic-stock-token.csv"))
        let hedge = try DatedSeries.load(path: path("examples/data/synthetic-index-etf.csv"))
        return try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: .differences)
    }

    static func minimumVarianceChart() throws -> XYChart { JobCharts.minimumVariance(try minimumVarianceResult()) }

    static func loopResult() throws -> PtLoopResult {
        let file = try aapl()
        let request = PtLoopRequest(
            size: .tokens(Wad(units: 100)), borrow: .token, terms: .morpho(lltv: Wad(decimal: "0.915") ?? .zero), loops: 8,
            borrowRate: .fixed(apr: 0.0005), stockPrice: file.stockPrice, tokenApy: 0.001)
        return try PtLoop.compute(request, curve: file.curve, at: blockTime(file))
    }

    static func loopChart() throws -> XYChart { JobCharts.ptLoop(try loopResult(), subject: subject) }

    /// `compare` of the bundled pair, buying PT with 1,000 … 1,000,000 USD (as docs/curves.md draws it).
    static func compareChart() throws -> XYChart {
        let pendle = try aapl()
        let pool = try YieldSpaceMarketFile.load(path: path("examples/markets/yieldspace-aapl-like.json"))
        let request = VenueComparisonRequest(
            side: .buyPt, unit: .usd, sizes: [1_000, 10_000, 100_000, 1_000_000].map { Wad(units: $0) }, stockPrice: 230)
        let result = try VenueComparison.compute(request, venueA: pendle.curve, venueB: pool.curve, at: blockTime(pendle))
        let sweep = try VenueComparison.sweep(request, venueA: pendle.curve, venueB: pool.curve, at: blockTime(pendle), from: 1_000, to: 1_000_000)
        let names = [pendle.name ?? "", pool.name ?? ""]
        return JobCharts.compare(result, sweep: sweep, names: names, subject: "A: \(names[0]) vs B: \(names[1])")
    }

    /// Every job chart by the name of its golden file.
    static func all() throws -> [(name: String, chart: any Chart)] {
        [
            ("depth", try depthChart()), ("lockin", try lockInChart()), ("short-yt", try shortYTChart()),
            ("scenario", try scenarioChart()), ("dividends", try dividendsChart()), ("hedge-minvar", try minimumVarianceChart()),
            ("loop", try loopChart()), ("compare", try compareChart())
        ]
    }
}
