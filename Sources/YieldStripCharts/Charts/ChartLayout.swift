import Foundation

/// Sizes and drawing shared by the charts: the header (title, subtitle), the legend and its swatches,
/// the axes' ticks and labels.
enum ChartLayout {
    static let padding = 14.0
    static let titleSize = 17.0
    static let subtitleSize = 12.5
    static let tickSize = 12.0
    static let axisLabelSize = 12.5
    static let legendSize = 12.0
    static let tagSize = 11.5
    static let legendRowHeight = 18.0

    // MARK: Header

    /// Draws the title (bold, up to two lines) and the subtitle (up to two lines) from the top; returns the
    /// y below them.
    static func drawHeader(_ svg: inout SVGWriter, title: String, subtitle: String?, width: Double) -> Double {
        let available = width - 2 * padding
        var y = padding
        for line in TextMetrics.wrapped(title, toWidth: available, fontSize: titleSize, bold: true, maxLines: 2) {
            y += titleSize + 2
            svg.text(line, x: padding, y: y, size: titleSize, fill: Palette.ink.hex, bold: true, className: "title")
        }
        if let subtitle, !subtitle.isEmpty {
            y += 2
            for line in TextMetrics.wrapped(subtitle, toWidth: available, fontSize: subtitleSize, maxLines: 2) {
                y += subtitleSize + 3.5
                svg.text(line, x: padding, y: y, size: subtitleSize, fill: Palette.gray.hex, className: "subtitle")
            }
        }
        return y
    }

    // MARK: Legend

    /// What a legend entry shows before its text.
    enum Swatch {
        case line(color: ChartColor, dash: LineDash, width: Double, marker: MarkerShape?, hollow: Bool)
        case marker(MarkerShape, color: ChartColor, hollow: Bool, opacity: Double)
        case box(ChartColor)
        case none
    }

    struct LegendItem {
        var swatch: Swatch
        var text: String
    }

    struct PlacedItem {
        var item: LegendItem
        var x: Double
        var text: String
    }

    static let swatchWidth = 26.0

    /// The items flowed into rows of `width` pixels; an item too long for a row gets rows of its own, its
    /// text wrapped at spaces (at most three lines, the last cut with `…`).
    static func legendRows(_ items: [LegendItem], width: Double) -> [[PlacedItem]] {
        var rows: [[PlacedItem]] = []
        var row: [PlacedItem] = []
        var x = 0.0
        for item in items {
            let lead: Double
            if case .none = item.swatch { lead = 0 } else { lead = swatchWidth + 6 }
            let itemWidth = lead + TextMetrics.width(item.text, fontSize: legendSize)
            if itemWidth > width {
                if !row.isEmpty { rows.append(row) }
                row = []
                x = 0
                let lines = TextMetrics.wrapped(item.text, toWidth: width - lead, fontSize: legendSize, maxLines: 3)
                for (index, line) in lines.enumerated() {
                    rows.append([
                        index == 0
                            ? PlacedItem(item: item, x: 0, text: line)
                            : PlacedItem(item: LegendItem(swatch: .none, text: line), x: lead, text: line)
                    ])
                }
                continue
            }
            if !row.isEmpty && x + itemWidth > width {
                rows.append(row)
                row = []
                x = 0
            }
            row.append(PlacedItem(item: item, x: x, text: item.text))
            x += itemWidth + 20
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    static func legendHeight(_ rows: [[PlacedItem]]) -> Double {
        rows.isEmpty ? 0 : Double(rows.count) * legendRowHeight + 4
    }

    /// Draws legend rows starting at `top`, from the left padding.
    static func drawLegend(_ svg: inout SVGWriter, rows: [[PlacedItem]], top: Double) {
        guard !rows.isEmpty else { return }
        svg.beginGroup(className: "legend")
        for (index, row) in rows.enumerated() {
            let middle = top + Double(index) * legendRowHeight + legendRowHeight / 2
            for placed in row {
                let x = padding + placed.x
                var textX = x + swatchWidth + 6
                switch placed.item.swatch {
                case .line(let color, let dash, let width, let marker, let hollow):
                    svg.line(x1: x, y1: middle, x2: x + swatchWidth, y2: middle, stroke: color.hex, width: Swift.min(width, 3), dash: dash.pattern)
                    if let marker {
                        drawMarker(&svg, marker, x: x + swatchWidth / 2, y: middle, radius: 3.5, color: color, hollow: hollow, opacity: 1)
                    }
                case .marker(let shape, let color, let hollow, let opacity):
                    drawMarker(
                        &svg, shape, x: x + swatchWidth / 2, y: middle, radius: 4, color: color, hollow: hollow, opacity: Swift.max(opacity, 0.8))
                case .box(let color):
                    svg.rect(x: x + 4, y: middle - 6, width: swatchWidth - 8, height: 12, fill: color.hex, stroke: Palette.axis.hex, strokeWidth: 0.5)
                case .none:
                    textX = x
                }
                let noteColor: ChartColor
                if case .none = placed.item.swatch { noteColor = Palette.gray } else { noteColor = Palette.ink }
                svg.text(placed.text, x: textX, y: middle + legendSize * 0.36, size: legendSize, fill: noteColor.hex)
            }
        }
        svg.endGroup()
    }

    // MARK: Markers

    static func drawMarker(
        _ svg: inout SVGWriter, _ shape: MarkerShape, x: Double, y: Double, radius r: Double, color: ChartColor,
        hollow: Bool, opacity: Double
    ) {
        let fill = hollow ? "none" : color.hex
        let stroke: String? = hollow ? color.hex : "#ffffff"
        let strokeWidth = hollow ? 1.5 : 0.8
        let alpha: Double? = opacity < 1 ? opacity : nil
        switch shape {
        case .circle:
            svg.circle(cx: x, cy: y, r: r, fill: fill, stroke: stroke, strokeWidth: strokeWidth, opacity: alpha)
        case .square:
            let side = r * 1.8
            svg.rect(
                x: x - side / 2, y: y - side / 2, width: side, height: side, fill: fill, stroke: stroke, strokeWidth: strokeWidth, opacity: alpha)
        case .diamond:
            let d = r * 1.35
            svg.polygon([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], fill: fill, stroke: stroke, strokeWidth: strokeWidth, opacity: alpha)
        case .triangle:
            let d = r * 1.3
            svg.polygon(
                [(x, y - d), (x + d, y + d * 0.8), (x - d, y + d * 0.8)], fill: fill, stroke: stroke, strokeWidth: strokeWidth, opacity: alpha)
        }
    }

    // MARK: Ticks

    /// An axis's ticks and labels for data `values` over `length` pixels, about one tick per `spacing` pixels.
    struct AxisTicks {
        var ticks: TickSet
        /// Tick values in data units (a percent axis's ticks are computed in percent).
        var values: [Double]
        var labels: [String]
        /// The domain, in data units.
        var lower: Double
        var upper: Double
    }

    static func axisTicks(values: [Double], scale: AxisScaleKind, style: TickStyle, signed: Bool, targetCount: Int) -> AxisTicks {
        let factor = style == .percent ? 100.0 : 1.0
        let data = values.filter(\.isFinite).map { $0 * factor }.filter { scale != .log || $0 > 0 }
        let lo = data.min() ?? (scale == .log ? 1 : 0)
        let hi = data.max() ?? (scale == .log ? 10 : 1)
        let ticks: TickSet
        switch scale {
        case .linear: ticks = NiceTicks.linear(lower: lo, upper: hi, targetCount: targetCount)
        case .log: ticks = NiceTicks.log(lower: lo, upper: hi, targetCount: targetCount)
        case .time:
            // A calendar axis spans the data (2 % on each side), not whole months or years of nothing: its
            // ticks are the calendar dates inside.
            let pad = Swift.max((hi - lo) * 0.02, 43_200)
            let all = NiceTicks.dates(lower: lo - pad, upper: hi + pad, targetCount: targetCount)
            var inside = all
            inside.values = all.values.filter { $0 >= lo - pad && $0 <= hi + pad }
            inside.lower = lo - pad
            inside.upper = hi + pad
            ticks = inside
        }
        return AxisTicks(
            ticks: ticks, values: ticks.values.map { $0 / factor }, labels: labels(ticks, scale: scale, style: style, signed: signed),
            lower: ticks.lower / factor, upper: ticks.upper / factor)
    }

    /// Labels for ticks computed in tick units (percent for a percent axis).
    static func labels(_ ticks: TickSet, scale: AxisScaleKind, style: TickStyle, signed: Bool) -> [String] {
        if style == .date || scale == .time { return NiceTicks.dateLabels(ticks) }
        let suffix = style == .percent ? "%" : ""
        if scale == .log {
            return ticks.values.map { value in
                let exponent = Int(Foundation.floor(Foundation.log10(value) + 1e-9))
                return ChartNumberFormat.tickLabels([value], decimalExponent: exponent, plusSign: signed)[0] + suffix
            }
        }
        return ChartNumberFormat.tickLabels(ticks.values, decimalExponent: ticks.decimalExponent, plusSign: signed).map { $0 + suffix }
    }

    /// Whether labels centred at `positions` overlap (with `gap` pixels between them).
    static func overlaps(_ labels: [String], at positions: [Double], fontSize: Double, gap: Double = 10) -> Bool {
        guard labels.count > 1 else { return false }
        for i in 1..<labels.count {
            let need = (TextMetrics.width(labels[i - 1], fontSize: fontSize) + TextMetrics.width(labels[i], fontSize: fontSize)) / 2 + gap
            if Swift.abs(positions[i] - positions[i - 1]) < need { return true }
        }
        return false
    }
}

/// Maps an axis's domain onto pixels.
struct AxisMap {
    var kind: AxisScaleKind
    var lower: Double
    var upper: Double
    var start: Double
    var end: Double

    /// The pixel of `value`; nil when it cannot be placed (not finite, or ≤ 0 on a log axis). Values far
    /// outside the domain are held a few plot-lengths away, so coordinates stay finite.
    func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let t: Double
        switch kind {
        case .log:
            guard value > 0, lower > 0, upper > lower else { return nil }
            t = (Foundation.log10(value) - Foundation.log10(lower)) / (Foundation.log10(upper) - Foundation.log10(lower))
        case .linear, .time:
            let span = upper - lower
            guard span > 0 else { return nil }
            t = (value - lower) / span
        }
        guard t.isFinite else { return nil }
        return start + Swift.max(-4, Swift.min(5, t)) * (end - start)
    }
}
