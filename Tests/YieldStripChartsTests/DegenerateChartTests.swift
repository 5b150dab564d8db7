import Foundation
import Testing

@testable import YieldStripCharts

/// Charts of inputs that divide by zero or overflow when drawn naively: one point, a flat line, a zero
/// range, tiny and huge values, values that are not numbers, no data. Every one renders well-formed
/// SVG with finite coordinates and never the text NaN or infinity; every text is escaped.
@Suite struct DegenerateChartTests {
    static func line(_ points: [(Double, Double)], name: String = "s") -> ChartSeries {
        ChartSeries(name: name, points: points.map { ChartPoint($0.0, $0.1) }, color: Palette.blue, marker: .circle)
    }

    static let cases: [(String, [ChartSeries])] = [
        ("one point", [line([(3, 4)])]),
        ("a flat line", [line([(0, 5), (1, 5), (2, 5)])]),
        ("zero range at zero", [line([(0, 0), (0, 0)])]),
        ("tiny values", [line([(1e-12, 2e-12), (2e-12, 3e-12), (3e-12, 2.5e-12)])]),
        ("huge values", [line([(1e9, 3e9), (2e9, 1e9), (4e9, 2e9)])]),
        ("tiny and huge together", [line([(1e-12, 1e9), (1e9, 1e-12)])]),
        ("a flat line at 1e9", [line([(0, 1e9), (1, 1e9)])]),
        ("a flat line at 1e-12", [line([(0, 1e-12), (1, 1e-12)])]),
        ("beyond a double's digits", [line([(0, 1e300), (1, -1e300)])]),
        ("not numbers", [line([(.nan, 1), (1, .nan), (2, .infinity), (3, 2), (4, -.infinity)])]),
        ("only not numbers", [line([(.nan, .nan)])]),
        ("two series, one empty", [line([(1, 1), (2, 2)]), line([], name: "empty")]),
        ("a step through one point", [ChartSeries(name: "step", points: [ChartPoint(1, 1)], style: .step, color: Palette.green)]),
        (
            "a scatter on one spot",
            [ChartSeries(name: "dots", points: Array(repeating: ChartPoint(2, 2), count: 50), style: .scatter, color: Palette.sky)]
        )
    ]

    @Test(arguments: cases.map(\.0))
    func xyChartsRenderFinite(name: String) throws {
        let series = try #require(Self.cases.first { $0.0 == name }?.1)
        for (xScale, xTicks) in [(AxisScaleKind.linear, TickStyle.number), (.log, .percent), (.time, .date), (.linear, .percent)] {
            let chart = XYChart(
                title: "Degenerate: \(name)", subtitle: "subtitle", x: ChartAxis(label: "x", scale: xScale, ticks: xTicks),
                y: ChartAxis(label: "y", includesZero: name.contains("flat")),
                y2: SecondaryAxis(label: "y (USD)", factor: 230), series: series,
                references: [
                    ReferenceLine(.vertical, at: 0, label: "zero", tag: "0"),
                    ReferenceLine(.horizontal, at: .nan, label: "not a number")
                ],
                notes: ["a note"])
            for size in [ChartSize.standard, ChartSize.minimum, ChartSize(width: 100, height: 50)] {
                let svg = chart.svg(size: size, options: SVGOptions())
                let tree = try #require(SVGChecks.wellFormed(svg), "\(name) \(xScale)")
                if series.contains(where: { $0.points.contains { $0.x.isFinite && $0.y.isFinite && (xScale != .log || $0.x > 0) } }),
                    !name.contains("beyond")
                {
                    SVGChecks.dataInsideFrame(tree)
                }
            }
        }
    }

    @Test func emptyChartsSayThereIsNothingToDraw() throws {
        let chart = XYChart(title: "Empty", x: ChartAxis(label: "x"), y: ChartAxis(label: "y"))
        let tree = try #require(SVGChecks.wellFormed(chart.svg()))
        #expect(tree.withClass("message").first?.text == "No data to draw.")
        let heatmap = HeatmapChart(
            title: "Empty grid", rowLabels: [], columnLabels: [], values: [], rowAxisLabel: "r", columnAxisLabel: "c", valueLabel: "v")
        #expect(SVGChecks.wellFormed(heatmap.svg()) != nil)
    }

    static let grids: [(String, [[Double]])] = [
        ("one cell", [[5]]),
        ("all zero", [[0, 0], [0, 0]]),
        ("a not-a-number cell", [[.nan, 1], [-1, .infinity]]),
        ("tiny", [[1e-12, -2e-12], [3e-13, 0]]),
        ("huge", [[1e9, -2.5e9], [3e8, 0]]),
        ("beyond a double's digits", [[1e300, -1e300]]),
        ("ragged", [[1, 2, 3], [4]]),
        ("a 60 × 60 grid", (0..<60).map { r in (0..<60).map { c in Double(r - c) * 1e3 } })
    ]

    @Test(arguments: grids.map(\.0))
    func heatmapsRenderFinite(name: String) throws {
        let values = try #require(Self.grids.first { $0.0 == name }?.1)
        let rows = values.count
        let columns = values.map(\.count).min() ?? 0
        let chart = HeatmapChart(
            title: "Grid: \(name)", rowLabels: (0..<rows).map { "row \($0)" }, columnLabels: (0..<columns).map { "c\($0)" },
            values: values, rowAxisLabel: "rows", columnAxisLabel: "columns", valueLabel: "value", notes: ["note"])
        for size in [ChartSize.standard, ChartSize.minimum] {
            let tree = try #require(SVGChecks.wellFormed(chart.svg(size: size, options: SVGOptions())), "\(name)")
            #expect(tree.withClass("cell").count == rows * columns)
            let labels = tree.withClass("cell-label").map(\.text)
            #expect(labels.allSatisfy { !$0.contains("nan") && !$0.contains("inf") }, "\(labels)")
        }
        if name == "all zero" {
            let tree = try #require(SVGChecks.wellFormed(chart.svg()))
            #expect(Set(tree.withClass("cell").compactMap { $0.attributes["fill"] }) == ["#f7f7f7"])
        }
        if name == "huge" { #expect(chart.cellLabels()[0] == ["1.00B", "−2.50B"]) }
        if name == "tiny" { #expect(chart.cellLabels()[0][0] == "1×10⁻¹²") }
    }

    @Test func everyTextIsEscaped() throws {
        let hostile = "AT&T <script>alert(\"x\")</script> 'q' \u{1B}[31m"
        let chart = XYChart(
            title: hostile, subtitle: hostile, x: ChartAxis(label: hostile), y: ChartAxis(label: hostile),
            series: [
                ChartSeries(name: hostile, points: [ChartPoint(1, 1), ChartPoint(2, 3)], color: Palette.blue),
                ChartSeries(name: "other", points: [ChartPoint(1, 2)], color: Palette.vermillion)
            ],
            references: [ReferenceLine(.vertical, at: 1.5, label: hostile, tag: hostile)], notes: [hostile])
        let heatmap = HeatmapChart(
            title: hostile, subtitle: hostile, rowLabels: [hostile], columnLabels: [hostile], values: [[1]],
            rowAxisLabel: hostile, columnAxisLabel: hostile, valueLabel: hostile, notes: [hostile])
        for svg in [chart.svg(), heatmap.svg()] {
            let tree = try #require(SVGChecks.wellFormed(svg))
            #expect(!svg.contains("<script") && !svg.contains("\u{1B}"))
            #expect(tree.all("script").isEmpty)
            // The title reads back as written, the control character shown as an escape.
            #expect(tree.all("title").first?.text == "AT&T <script>alert(\"x\")</script> 'q' \\u{1B}[31m")
        }
    }
}
