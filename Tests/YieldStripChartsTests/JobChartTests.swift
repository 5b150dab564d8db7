import Foundation
import Testing
import YieldStrip

@testable import YieldStripCharts

/// The seven job charts on the examples: well-formed SVG, the series and points of their results, the
/// ticks covering the data, the same bytes every time.
@Suite struct JobChartTests {
    @Test func depthDrawsBothSidesOfEveryRow() throws {
        let chart = try ChartFixtures.depthChart()
        #expect(chart.series.map(\.points.count) == [10, 10, 10, 10])
        #expect(chart.x.scale == .log)
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(SVGChecks.markerCounts(tree) == Dictionary(uniqueKeysWithValues: chart.series.map { ($0.name, 10) }))
        SVGChecks.dataInsideFrame(tree)
        // The spot APY and the buy limit (56 % of the pool's PT) are drawn; the sell limit (321 %) is a note.
        #expect(chart.references.map(\.orientation) == [.horizontal, .vertical])
        #expect(chart.notes.contains { $0.contains("sell") && $0.contains("beyond the chart") })
    }

    @Test func depthOnAThinPoolStopsAtTheLimit() throws {
        // A buy of half the pool's PT is refused on a pool sized as the CLI docs' thin.json: its row has no buy point.
        let created = try MarketDeployment.newMarket(
            impliedApy: 0.0025, expiry: 1_782_345_600, blockTime: 1_782_129_600,
            liquidityUsd: 10_000_000, stockPrice: 680, apyBand: ApyBand(min: 0.001, max: 0.01),
            pyIndex: try #require(Wad(decimal: "1.018030473737342226")))
        let chart = try ChartFixtures.depthChart(created.file)
        #expect(chart.series[0].points.count == 9 && chart.series[2].points.count == 10)
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        SVGChecks.dataInsideFrame(tree)
    }

    @Test func lockInDrawsThreeStrategiesAcrossThePrices() throws {
        let result = try ChartFixtures.lockInResult()
        let chart = JobCharts.lockIn(result, subject: nil)
        #expect(chart.series.count == 3 && chart.series.allSatisfy { $0.points.count == result.priceScenarios.count })
        #expect(chart.series[0].points.map(\.y) == result.priceScenarios.map(\.usdAtMaturity))
        #expect(chart.notes[0].contains("fixed APY 0.1992%") && chart.notes[0].contains("the spot 0.3000%"))
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(SVGChecks.markerCounts(tree).values.sorted() == [7, 7, 7])
        SVGChecks.dataInsideFrame(tree)
    }

    @Test func lockInWithoutAStockPriceSaysWhy() throws {
        let file = try ChartFixtures.market("asdpendle-high-yield.json")
        let result = try LockIn.compute(LockInRequest(size: .sy(Wad(units: 100))), curve: file.curve, at: ChartFixtures.blockTime(file))
        let chart = JobCharts.lockIn(result)
        #expect(chart.message?.contains("No stock price") == true)
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(tree.withClass("message").map(\.text).joined(separator: " ").contains("No stock price"))
    }

    @Test func shortYTMarksBreakEvenSpotAndPremium() throws {
        let result = try ChartFixtures.shortYTResult()
        let chart = JobCharts.shortYT(result)
        #expect(chart.series.count == 1 && chart.series[0].points.count == result.pnl.count)
        #expect(chart.references.map(\.value) == [try #require(result.breakEvenApy), result.spotApy, result.premiumShares])
        #expect(chart.y2?.factor == 230)
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        SVGChecks.dataInsideFrame(tree)
        // The USD axis's ticks: labels on the right of the plot.
        let frame = try #require(SVGChecks.frame(tree))
        #expect(tree.withClass("tick").contains { Double($0.attributes["x"] ?? "") ?? 0 > frame.right })
        #expect(tree.withClass("tag").map(\.text) == ["break-even", "spot"])
    }

    @Test func scenarioLabelsEveryCell() throws {
        let result = try ChartFixtures.scenarioResult()
        let chart = JobCharts.scenario(result)
        #expect(chart.rowLabels == ["+50 bp", "0 bp", "−50 bp *"] && chart.columnLabels == ["−10%", "0%", "+10%"])
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(tree.withClass("cell").count == 9 && tree.withClass("cell-label").count == 9)
        // The +50 bp row at a flat stock is the table's −1,501.72 USD.
        #expect(tree.withClass("cell-label")[1].text == "−1,502")
        // Zero is near-white, losses red, gains blue.
        #expect(Palette.diverging(0).hex == "#f7f7f7")
        #expect(Palette.diverging(-1).red > Palette.diverging(-1).blue && Palette.diverging(1).blue > Palette.diverging(1).red)
    }

    @Test func scenarioOrdersRowsAndColumnsByValue() throws {
        let result = try ChartFixtures.scenarioResult(apyShifts: [0.005, -0.005, 0], priceShifts: [0.1, -0.1], days: 0)
        let chart = JobCharts.scenario(result)
        #expect(chart.rowLabels == ["+50 bp", "0 bp", "−50 bp *"] && chart.columnLabels == ["−10%", "+10%"])
        let cell = try #require(result.cells.first { $0.apyShiftBp == 50 && $0.priceShift == -0.1 })
        #expect(chart.values[0][0] == cell.pnlUsd)
    }

    @Test func largeScenarioGridsDropCellLabelsAndSaySo() throws {
        let shifts = (-50...50).map { Double($0) * 4 / 10_000 }
        let moves = (-50...50).map { Double($0) / 250 }
        let chart = JobCharts.scenario(try ChartFixtures.scenarioResult(apyShifts: shifts, priceShifts: moves, days: 0))
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(tree.withClass("cell").count == 101 * 101 && tree.withClass("cell-label").isEmpty)
        #expect(tree.all("text").contains { $0.text.contains("Cells too small to label") })
        // Row labels thin out instead of overlapping.
        let rowLabels = tree.withClass("tick").filter { ($0.attributes["text-anchor"] ?? "") == "end" }
        let ys = rowLabels.compactMap { Double($0.attributes["y"] ?? "") }
        #expect(zip(ys.dropFirst(), ys).allSatisfy { $0 - $1 >= 12 }, "\(ys.prefix(5))")
    }

    @Test func dividendsDrawThePathItsDividendsAndTheProjection() throws {
        let report = try ChartFixtures.dividendsReport()
        let chart = JobCharts.dividends(report)
        let dividends = report.path.rows.filter { $0.kind == .dividend }.count
        #expect(
            chart.series.map(\.name) == [
                "yield index (dividends reinvested)", "dividend (ex-date)",
                "projection to maturity (an assumed 0.4600% gross yield)"
            ])
        #expect(chart.series[0].style == .step && chart.series[2].dash == .dashed)
        #expect(chart.series[1].points.count == dividends && dividends > 0)
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(SVGChecks.markerCounts(tree)["dividend (ex-date)"] == dividends)
        SVGChecks.dataInsideFrame(tree)
        let last = try #require(chart.series[2].points.last)
        #expect(Swift.abs(last.y - (report.projection?.expectedIndexAtMaturity ?? 0)) < 1e-12)
    }

    @Test func dividendsWithListedDividendsStepThroughThem() throws {
        let text = try String(contentsOfFile: ChartFixtures.path("examples/data/aapl.csv"), encoding: .utf8)
        let schedule = try ScheduleFiles.parseDividendSchedule(text, format: .csv)
        let report = try DividendsReport.compute(schedule: schedule, from: 1_725_148_800, to: 1_735_689_600, maturity: 1_756_684_800)
        let chart = JobCharts.dividends(report)
        #expect(chart.series.map(\.name).contains("projection to maturity (the listed dividends)"))
        let projected = report.projection?.dividendsBeforeMaturity.count ?? 0
        #expect(projected > 0 && chart.series.last?.points.count == projected)
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        SVGChecks.dataInsideFrame(tree)
    }

    @Test func minimumVarianceDrawsEveryPairAndTheFit() throws {
        let result = try ChartFixtures.minimumVarianceResult()
        let chart = JobCharts.minimumVariance(result)
        #expect(chart.series[0].points.count == result.regression.observations && result.regression.observations == 245)
        #expect(chart.series[0].style == .scatter && chart.series[1].points.count == 2)
        #expect(chart.notes.joined().contains("h* = 0.5757 ± 0.029") && chart.notes.joined().contains("R² = 0.6149"))
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(SVGChecks.markerCounts(tree)["245 pairs"] == 245)
        SVGChecks.dataInsideFrame(tree)
        for mode in HedgeChangeMode.allCases {
            let spot = try DatedSeries.load(path: ChartFixtures.path("examples/data/synthetic-stock-token.csv"))
            let hedge = try DatedSeries.load(path: ChartFixtures.path("examples/data/synthetic-index-etf.csv"))
            let other = try MinimumVarianceHedge.compute(spot: spot, hedge: hedge, mode: mode)
            let drawn = try #require(SVGChecks.wellFormed(JobCharts.minimumVariance(other).svg()))
            SVGChecks.dataInsideFrame(drawn)
        }
    }

    @Test func everyChartHasATitleAxisLabelsAndTheSizeAsked() throws {
        for (name, chart) in try ChartFixtures.all() {
            for size in [ChartSize.standard, ChartSize(width: 1200, height: 700), ChartSize.minimum] {
                let svg = chart.svg(size: size, options: SVGOptions())
                let tree = try #require(SVGChecks.wellFormed(svg), "\(name)")
                let root = try #require(tree.all("svg").first)
                #expect(root.attributes["width"] == "\(size.width)" && root.attributes["height"] == "\(size.height)", "\(name)")
                #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
                #expect(tree.all("title").first?.text == chart.title)
                #expect(tree.withClass("axis-label").count >= 2, "\(name)")
                // Every text stays on the canvas.
                for text in tree.all("text") where text.attributes["transform"] == nil {
                    let x = Double(text.attributes["x"] ?? "") ?? -1
                    let y = Double(text.attributes["y"] ?? "") ?? -1
                    let width = TextMetrics.width(text.text, fontSize: Double(text.attributes["font-size"] ?? "12") ?? 12)
                    let anchor = text.attributes["text-anchor"] ?? "start"
                    let left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x
                    #expect(
                        left >= -1 && left + width <= Double(size.width) + 1 && y >= 0 && y <= Double(size.height),
                        "\(name) \(size): '\(text.text)' at \(x)")
                }
            }
        }
    }

    /// No two texts overlap at the default size and the tear sheet's (their estimated boxes, the estimate
    /// erring wide), but a cell's label on its cell and a rotated axis title, which have room of their own.
    @Test func textsNeverOverlap() throws {
        for (name, chart) in try ChartFixtures.all() {
            for size in [ChartSize.standard, ChartSize(width: 1200, height: 700), TearSheetPage.chartSize] {
                let tree = try #require(SVGChecks.wellFormed(chart.svg(size: size, options: SVGOptions())))
                for (a, b) in Self.overlappingTexts(tree) { Issue.record("\(name) \(size): '\(a)' overlaps '\(b)'") }
            }
        }
    }

    @Test func theOverlapCheckFindsOverlaps() throws {
        let tree = try #require(
            XMLDocumentTree.parse(
                "<svg><text x=\"10\" y=\"20\" font-size=\"12\">break-even</text>"
                    + "<text x=\"40\" y=\"24\" font-size=\"12\">spot</text></svg>"
            ).tree)
        #expect(Self.overlappingTexts(tree).count == 1)
    }

    /// The pairs of texts whose boxes overlap.
    static func overlappingTexts(_ tree: XMLDocumentTree) -> [(String, String)] {
        var boxes: [(text: String, left: Double, right: Double, top: Double, bottom: Double)] = []
        for text in tree.all("text") where text.attributes["transform"] == nil && text.className != "cell-label" {
            let x = Double(text.attributes["x"] ?? "") ?? 0
            let y = Double(text.attributes["y"] ?? "") ?? 0
            let size = Double(text.attributes["font-size"] ?? "12") ?? 12
            let width = TextMetrics.width(text.text, fontSize: size, bold: text.attributes["font-weight"] == "bold") / 1.05
            let anchor = text.attributes["text-anchor"] ?? "start"
            let left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x
            boxes.append((text.text, left, left + width, y - size * 0.75, y + size * 0.2))
        }
        var pairs: [(String, String)] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i]
                let b = boxes[j]
                if a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom { pairs.append((a.text, b.text)) }
            }
        }
        return pairs
    }

    @Test func sameInputSameBytes() throws {
        for ((name, first), (_, second)) in zip(try ChartFixtures.all(), try ChartFixtures.all()) {
            #expect(first.svg() == second.svg(), "\(name)")
            #expect(
                first.svg(size: ChartSize(width: 1200, height: 700), options: SVGOptions(standalone: false, id: "x"))
                    == second.svg(size: ChartSize(width: 1200, height: 700), options: SVGOptions(standalone: false, id: "x")))
        }
    }

    @Test func inlineChartsNameNoURL() throws {
        for (name, chart) in try ChartFixtures.all() {
            let svg = chart.svg(size: .standard, options: SVGOptions(standalone: false, id: name))
            #expect(!svg.contains("http") && !svg.contains("url(") && !svg.hasPrefix("<?xml"), "\(name)")
        }
    }
}
