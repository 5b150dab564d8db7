import Foundation

/// A grid of values as coloured cells on a diverging scale centred on zero (``Palette/diverging(_:)``:
/// losses red, gains blue, zero near-white), each cell labelled with its value when the label fits, a
/// colour bar on the right.
///
/// Rows run top to bottom and columns left to right as given. Labels of rows and columns thin out when
/// they would overlap; cell labels shrink to fit the cells down to 7 px and are left out (with a note)
/// below that. A grid whose values are all zero is drawn neutral.
public struct HeatmapChart: Chart {
    public var title: String
    public var subtitle: String?
    /// Labels of the rows (top to bottom) and the columns (left to right).
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `values[row][column]`.
    public var values: [[Double]]
    /// The axis titles, with units.
    public var rowAxisLabel: String
    public var columnAxisLabel: String
    /// The colour bar's title, with its unit (`PnL (USD)`).
    public var valueLabel: String
    /// Lines of text under the grid.
    public var notes: [String]
    /// The values the rows and columns stand for (a shift in bp, a move in %), when they are numbers: when
    /// not every label fits, the labels kept are those at round values.
    public var rowValues: [Double]?
    public var columnValues: [Double]?

    public init(
        title: String, subtitle: String? = nil, rowLabels: [String], columnLabels: [String], values: [[Double]],
        rowAxisLabel: String, columnAxisLabel: String, valueLabel: String, notes: [String] = [],
        rowValues: [Double]? = nil, columnValues: [Double]? = nil
    ) {
        self.rowValues = rowValues
        self.columnValues = columnValues
        self.title = title
        self.subtitle = subtitle
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.rowAxisLabel = rowAxisLabel
        self.columnAxisLabel = columnAxisLabel
        self.valueLabel = valueLabel
        self.notes = notes
    }

    /// The largest magnitude among the finite values: the colour scale runs from −it to +it.
    public var scaleMagnitude: Double {
        values.joined().reduce(0.0) { $1.isFinite ? Swift.max($0, Swift.abs($1)) : $0 }
    }

    /// Cell labels sharing one form: four significant digits for the largest value, a shared suffix
    /// from a million (`1.25M`), scientific form beyond 10^15 or below 10^−3.
    public func cellLabels() -> [[String]] {
        let largest = scaleMagnitude
        guard largest > 0 else { return values.map { $0.map { $0.isFinite ? "0" : "—" } } }
        let exponent = Int(Foundation.floor(Foundation.log10(largest)))
        if largest >= 1e15 || largest < 1e-3 {
            return values.map { $0.map { ChartNumberFormat.scientific($0, significant: 3) } }
        }
        if largest >= 1e6 {
            let (scale, suffix): (Int, String) = largest >= 1e12 ? (12, "T") : largest >= 1e9 ? (9, "B") : (6, "M")
            let decimals = Swift.max(0, Swift.min(2, scale + 2 - exponent))
            return values.map { $0.map { ChartNumberFormat.fixed($0 / ChartNumberFormat.powerOfTen(scale), decimals: decimals) + suffix } }
        }
        let decimals = Swift.max(0, Swift.min(6, 3 - exponent))
        return values.map { $0.map { ChartNumberFormat.fixed($0, decimals: decimals) } }
    }

    /// The indices of the rows (or columns) to label when at most one in `every` fits: with their values, those
    /// at multiples of a nice step (1, 2 or 5 × 10^k) at least `every` apart; else every `every`-th.
    static func labelled(count: Int, values: [Double]?, every: Int) -> [Int] {
        guard count > 0 else { return [] }
        guard every > 1 else { return Array(0..<count) }
        if let values, values.count >= count, values.prefix(count).allSatisfy(\.isFinite) {
            let shown = values.prefix(count)
            let span = (shown.max() ?? 0) - (shown.min() ?? 0)
            var target = Swift.max(1, count / every)
            while target >= 1 {
                let ticks = NiceTicks.linear(lower: shown.min() ?? 0, upper: shown.max() ?? 0, targetCount: target)
                let step = ticks.step
                let picked = (0..<count).filter { index in
                    let ratio = values[index] / step
                    return span > 0 && Swift.abs(ratio - ratio.rounded()) < 1e-6
                }
                let spaced = zip(picked.dropFirst(), picked).allSatisfy { Swift.abs($0 - $1) >= every }
                if picked.count >= 2 && spaced { return picked }
                target -= 1
            }
        }
        return Array(Swift.stride(from: 0, to: count, by: every))
    }

    public func svg(size: ChartSize = .standard, options: SVGOptions = SVGOptions()) -> String {
        let width = Double(Swift.max(size.width, ChartSize.minimum.width))
        let height = Double(Swift.max(size.height, ChartSize.minimum.height))
        let pad = ChartLayout.padding
        var svg = SVGWriter(width: width, height: height, title: title, description: subtitle, options: options)
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff", className: "background")
        let headerBottom = ChartLayout.drawHeader(&svg, title: title, subtitle: subtitle, width: width)
        let rows = values.count
        let columns = values.map(\.count).min() ?? 0

        let labels = rows > 0 && columns > 0 ? cellLabels() : []
        let magnitude = scaleMagnitude
        // Cell labels are decided after the grid's size is known; a note joins the others when they do not fit.
        func noteItems(_ extra: [String]) -> [ChartLayout.LegendItem] {
            (notes + extra).map { ChartLayout.LegendItem(swatch: .none, text: $0) }
        }
        var legend = ChartLayout.legendRows(noteItems([]), width: width - 2 * pad)
        var legendTop = height - pad - ChartLayout.legendHeight(legend)

        guard rows > 0, columns > 0 else {
            let top = headerBottom + 12
            let bottom = legendTop - 10
            svg.rect(x: pad, y: top, width: width - 2 * pad, height: Swift.max(20, bottom - top), fill: "#f6f6f6", stroke: Palette.grid.hex, rx: 4)
            svg.text(
                "No cells to draw.", x: width / 2, y: (top + bottom) / 2, size: 14, anchor: .middle, fill: Palette.gray.hex, className: "message")
            ChartLayout.drawLegend(&svg, rows: legend, top: legendTop)
            return svg.document()
        }

        // Colour bar ticks: nice values inside [−m, m], 0 among them.
        let barMagnitude = magnitude > 0 ? magnitude : 1
        let barTicks = NiceTicks.inside(lower: -barMagnitude, upper: barMagnitude, targetCount: 4)
        let barLabels = ChartNumberFormat.tickLabels(barTicks.values, decimalExponent: barTicks.decimalExponent)
        let barLabelWidth = barLabels.map { TextMetrics.width($0, fontSize: ChartLayout.tickSize) }.max() ?? 0
        let barWidth = 14.0
        let rightMargin = pad + ChartLayout.axisLabelSize + 8 + barLabelWidth + 8 + barWidth + 16

        let rowLabelWidth = rowLabels.prefix(rows).map { TextMetrics.width($0, fontSize: ChartLayout.tickSize) }.max() ?? 0
        let gridLeft = pad + ChartLayout.axisLabelSize + 8 + rowLabelWidth + 8
        let gridRight = width - rightMargin
        let gridTop = headerBottom + 14
        var gridBottom = legendTop - (legend.isEmpty ? 0 : 8) - ChartLayout.axisLabelSize - 8 - ChartLayout.tickSize - 8
        var cellWidth = Swift.max(1, (gridRight - gridLeft) / Double(columns))
        var cellHeight = Swift.max(1, (gridBottom - gridTop) / Double(rows))

        // The cell labels' font: as large as fits (at most 12 px), or none below 7 px.
        func labelFont() -> Double {
            let widest = labels.joined().map { TextMetrics.width($0, fontSize: 1) }.max() ?? 1
            return Swift.min(12, (cellWidth - 4) / Swift.max(widest, 0.1), cellHeight * 0.55)
        }
        var font = labelFont()
        if font < 7 {
            legend = ChartLayout.legendRows(
                noteItems(["Cells too small to label at this size: a larger --size, or the --csv rows, give the values."]),
                width: width - 2 * pad)
            legendTop = height - pad - ChartLayout.legendHeight(legend)
            gridBottom = legendTop - 8 - ChartLayout.axisLabelSize - 8 - ChartLayout.tickSize - 8
            cellHeight = Swift.max(1, (gridBottom - gridTop) / Double(rows))
            cellWidth = Swift.max(1, (gridRight - gridLeft) / Double(columns))
            font = 0
        }

        // Cells.
        svg.beginGroup(className: "cells")
        let gap = Swift.min(cellWidth, cellHeight) > 6 ? 1.0 : 0
        for row in 0..<rows {
            for column in 0..<columns {
                let value = values[row][column]
                let colour = Palette.diverging(magnitude > 0 && value.isFinite ? value / magnitude : 0)
                let x = gridLeft + Double(column) * cellWidth
                let y = gridTop + Double(row) * cellHeight
                svg.rect(x: x, y: y, width: cellWidth - gap, height: cellHeight - gap, fill: colour.hex, className: "cell")
                if font >= 7 {
                    svg.text(
                        labels[row][column], x: x + (cellWidth - gap) / 2, y: y + (cellHeight - gap) / 2 + font * 0.36, size: font,
                        anchor: .middle, fill: colour.textColor.hex, className: "cell-label")
                }
            }
        }
        svg.endGroup()
        let gridBottomEdge = gridTop + Double(rows) * cellHeight

        // Row and column labels, thinned so they do not overlap.
        svg.beginGroup(className: "axes")
        let rowsLabelled = Self.labelled(
            count: Swift.min(rows, rowLabels.count), values: rowValues,
            every: Swift.max(1, Int(Foundation.ceil((ChartLayout.tickSize + 2) / cellHeight))))
        for row in rowsLabelled {
            let y = gridTop + (Double(row) + 0.5) * cellHeight - gap / 2
            svg.text(
                rowLabels[row], x: gridLeft - 6, y: y + ChartLayout.tickSize * 0.35, size: ChartLayout.tickSize, anchor: .end,
                fill: Palette.axis.hex, className: "tick")
        }
        let widestColumn = columnLabels.prefix(columns).map { TextMetrics.width($0, fontSize: ChartLayout.tickSize) }.max() ?? 0
        let columnsLabelled = Self.labelled(
            count: Swift.min(columns, columnLabels.count), values: columnValues,
            every: Swift.max(1, Int(Foundation.ceil((widestColumn + 8) / cellWidth))))
        for column in columnsLabelled {
            let x = gridLeft + (Double(column) + 0.5) * cellWidth - gap / 2
            svg.text(
                columnLabels[column], x: x, y: gridBottomEdge + 6 + ChartLayout.tickSize, size: ChartLayout.tickSize, anchor: .middle,
                fill: Palette.axis.hex, className: "tick")
        }
        svg.text(
            TextMetrics.truncated(columnAxisLabel, toWidth: gridRight - gridLeft, fontSize: ChartLayout.axisLabelSize),
            x: (gridLeft + gridRight) / 2, y: gridBottomEdge + 8 + ChartLayout.tickSize + 6 + ChartLayout.axisLabelSize,
            size: ChartLayout.axisLabelSize, anchor: .middle, fill: Palette.ink.hex, className: "axis-label")
        let gridHeight = gridBottomEdge - gridTop
        svg.text(
            TextMetrics.truncated(rowAxisLabel, toWidth: gridHeight, fontSize: ChartLayout.axisLabelSize),
            x: pad + ChartLayout.axisLabelSize - 2, y: gridTop + gridHeight / 2, size: ChartLayout.axisLabelSize, anchor: .middle,
            fill: Palette.ink.hex, rotation: -90, className: "axis-label")
        svg.endGroup()

        // The colour bar: bands from +m (top) to −m (bottom), ticks at nice values.
        svg.beginGroup(className: "colour-bar", label: valueLabel)
        let barLeft = gridRight + 16
        let barTop = gridTop
        let barHeight = gridHeight
        let bands = 48
        for band in 0..<bands {
            let t = 1 - (Double(band) + 0.5) / Double(bands) * 2
            svg.rect(
                x: barLeft, y: barTop + Double(band) * barHeight / Double(bands), width: barWidth, height: barHeight / Double(bands) + 0.5,
                fill: Palette.diverging(magnitude > 0 ? t : 0).hex)
        }
        svg.rect(x: barLeft, y: barTop, width: barWidth, height: barHeight, fill: nil, stroke: Palette.axis.hex, strokeWidth: 0.5)
        for (value, label) in zip(barTicks.values, barLabels) {
            let y = barTop + (1 - (value + barMagnitude) / (2 * barMagnitude)) * barHeight
            svg.line(x1: barLeft + barWidth, y1: y, x2: barLeft + barWidth + 4, y2: y, stroke: Palette.axis.hex)
            svg.text(
                label, x: barLeft + barWidth + 7, y: y + ChartLayout.tickSize * 0.35, size: ChartLayout.tickSize, fill: Palette.axis.hex,
                className: "tick")
        }
        svg.text(
            TextMetrics.truncated(valueLabel, toWidth: barHeight, fontSize: ChartLayout.axisLabelSize),
            x: width - pad - 3, y: barTop + barHeight / 2, size: ChartLayout.axisLabelSize, anchor: .middle, fill: Palette.ink.hex,
            rotation: 90, className: "axis-label")
        svg.endGroup()

        ChartLayout.drawLegend(&svg, rows: legend, top: legendTop)
        return svg.document()
    }
}
