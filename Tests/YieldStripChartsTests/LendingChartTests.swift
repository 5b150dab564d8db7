import Foundation
import Testing
import YieldStrip

@testable import YieldStripCharts

/// The loop's chart: a point per round, the health factor on the right axis, the references it marks.
@Suite struct LendingChartTests {
    @Test func loopDrawsEveryRoundOnBothAxes() throws {
        let result = try ChartFixtures.loopResult()
        let chart = JobCharts.ptLoop(result, subject: ChartFixtures.subject)
        #expect(chart.series.count == 2)
        #expect(chart.series[0].points.map(\.x) == result.rounds.map(\.leverage) && chart.series[0].points.map(\.y) == result.rounds.map(\.netApy))
        // Round 0 has no debt, so no health factor; the others are drawn at healthFactor / factor.
        let factor = try #require(chart.y2?.factor)
        #expect(chart.series[1].points.count == result.rounds.count - 1)
        for (point, round) in zip(chart.series[1].points, result.rounds.dropFirst()) {
            #expect(abs(point.y * factor - (round.healthFactor ?? 0)) < 1e-12)
        }
        #expect(chart.references.map(\.value) == [result.unleveredFixedApy, 1 / factor])
        #expect(chart.notes.contains { $0.contains("break-even borrow APR") })
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(SVGChecks.markerCounts(tree).values.sorted() == [result.rounds.count - 1, result.rounds.count])
        SVGChecks.dataInsideFrame(tree)
    }

    /// Without borrowing (no rounds after the capital's purchase) there is no health factor to draw.
    @Test func aLoopWithoutDebtDrawsTheApyAlone() throws {
        let file = try ChartFixtures.aapl()
        let result = try PtLoop.compute(
            PtLoopRequest(
                size: .tokens(Wad(units: 10)), borrow: .token, terms: .morpho(lltv: Wad(decimal: "0.86") ?? .zero),
                loops: 0, borrowRate: .fixed(apr: 0.01)), curve: file.curve, at: ChartFixtures.blockTime(file))
        let chart = JobCharts.ptLoop(result)
        #expect(chart.series.count == 1 && chart.y2 == nil)
        #expect(SVGChecks.wellFormed(chart.svg()) != nil)
    }
}
