import Foundation

/// A chart of series against an x and a y axis (and optionally a second y axis on the right), with
/// reference lines and a legend below the plot, so that no legend ever covers data.
///
/// Layout, top to bottom: the title and subtitle, the tags of the vertical reference lines, the plot (y
/// tick labels on the left, sized to the widest), the x tick labels and the axis title, the legend (the
/// series, the reference lines, then notes in grey). The domains are the data's (and the reference
/// lines') extended to "nice" ticks (``NiceTicks``); the x ticks thin out until their labels do not
/// overlap. Series with a single point, a flat line or a zero range are drawn at a widened domain.
public struct XYChart: Chart {
    public var title: String
    public var subtitle: String?
    public var x: ChartAxis
    public var y: ChartAxis
    public var y2: SecondaryAxis?
    public var series: [ChartSeries]
    public var references: [ReferenceLine]
    /// Lines of text at the end of the legend (figures a reader wants beside the picture).
    public var notes: [String]
    /// Shown in place of the plot when there is nothing to draw (and why).
    public var message: String?

    public init(
        title: String, subtitle: String? = nil, x: ChartAxis, y: ChartAxis, y2: SecondaryAxis? = nil, series: [ChartSeries] = [],
        references: [ReferenceLine] = [], notes: [String] = [], message: String? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.x = x
        self.y = y
        self.y2 = y2
        self.series = series
        self.references = references
        self.notes = notes
        self.message = message
    }

    /// The legend's entries: the series (when more than one, or beside reference lines), the reference
    /// lines, the notes.
    var legendItems: [ChartLayout.LegendItem] {
        var items: [ChartLayout.LegendItem] = []
        let named = series.filter(\.inLegend)
        let lines = references.filter(\.inLegend)
        if named.count > 1 || !lines.isEmpty || !notes.isEmpty {
            for s in named {
                let swatch: ChartLayout.Swatch =
                    s.style == .scatter
                    ? .marker(s.marker ?? .circle, color: s.color, hollow: s.hollowMarkers, opacity: s.opacity)
                    : .line(color: s.color, dash: s.dash, width: s.lineWidth, marker: s.marker, hollow: s.hollowMarkers)
                items.append(ChartLayout.LegendItem(swatch: swatch, text: s.name))
            }
        }
        for line in lines {
            items.append(
                ChartLayout.LegendItem(swatch: .line(color: line.color, dash: line.dash, width: 1.5, marker: nil, hollow: false), text: line.label))
        }
        for note in notes { items.append(ChartLayout.LegendItem(swatch: .none, text: note)) }
        return items
    }

    public func svg(size: ChartSize = .standard, options: SVGOptions = SVGOptions()) -> String {
        let width = Double(Swift.max(size.width, ChartSize.minimum.width))
        let height = Double(Swift.max(size.height, ChartSize.minimum.height))
        let pad = ChartLayout.padding
        var svg = SVGWriter(width: width, height: height, title: title, description: subtitle, options: options)
        svg.rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff", className: "background")
        let headerBottom = ChartLayout.drawHeader(&svg, title: title, subtitle: subtitle, width: width)
        let hasData = series.contains { !$0.points.isEmpty }
        let message = message ?? (hasData ? nil : "No data to draw.")
        // Without a plot, the legend keeps only the notes.
        let items = message == nil ? legendItems : notes.map { ChartLayout.LegendItem(swatch: .none, text: $0) }
        let legend = ChartLayout.legendRows(items, width: width - 2 * pad)
        let legendHeight = ChartLayout.legendHeight(legend)
        let legendTop = height - pad - legendHeight

        if let message {
            let top = headerBottom + 12
            let bottom = legendTop - 10
            svg.rect(x: pad, y: top, width: width - 2 * pad, height: Swift.max(20, bottom - top), fill: "#f6f6f6", stroke: Palette.grid.hex, rx: 4)
            let lines = TextMetrics.wrapped(message, toWidth: width - 4 * pad, fontSize: 14, maxLines: 4)
            let first = (top + bottom) / 2 - Double(lines.count - 1) * 9
            for (index, line) in lines.enumerated() {
                svg.text(
                    line, x: width / 2, y: first + Double(index) * 18 + 5, size: 14, anchor: .middle, fill: Palette.gray.hex, className: "message")
            }
            ChartLayout.drawLegend(&svg, rows: legend, top: legendTop)
            return svg.document()
        }

        // Vertical space.
        let taggedLines = references.filter { $0.orientation == .vertical && $0.tag != nil }.count
        let tagBand = taggedLines == 0 ? 0.0 : (taggedLines == 1 ? 16.0 : 32.0)
        let plotTop = headerBottom + 12 + tagBand
        let plotBottom = legendTop - (legend.isEmpty ? 0 : 8) - ChartLayout.axisLabelSize - 8 - ChartLayout.tickSize - 8
        let plotHeight = Swift.max(40, plotBottom - plotTop)

        // The y axis (and the second one): ticks, then the left and right margins from their labels.
        var yValues = series.flatMap { $0.points.map(\.y) } + references.filter { $0.orientation == .horizontal }.map(\.value)
        if y.includesZero { yValues.append(0) }
        let yTarget = Swift.max(2, Swift.min(10, Int(plotHeight / 48)))
        let yTicks = ChartLayout.axisTicks(values: yValues, scale: y.scale, style: y.ticks, signed: y.signedLabels, targetCount: yTarget)
        let yLabelWidth = yTicks.labels.map { TextMetrics.width($0, fontSize: ChartLayout.tickSize) }.max() ?? 0
        let plotLeft = pad + ChartLayout.axisLabelSize + 8 + yLabelWidth + 8

        var secondTicks: (values: [Double], labels: [String])? = nil
        var rightMargin = pad + 6
        if let y2, y2.factor.isFinite, y2.factor != 0 {
            let factor = y2.ticks == .percent ? 100.0 : 1.0
            let a = yTicks.lower * y2.factor * factor
            let b = yTicks.upper * y2.factor * factor
            let ticks = NiceTicks.inside(lower: Swift.min(a, b), upper: Swift.max(a, b), targetCount: Swift.max(2, yTicks.values.count - 1))
            let labels = ChartLayout.labels(ticks, scale: .linear, style: y2.ticks, signed: false)
            secondTicks = (ticks.values.map { $0 / factor / y2.factor }, labels)
            let widest = labels.map { TextMetrics.width($0, fontSize: ChartLayout.tickSize) }.max() ?? 0
            rightMargin = pad + ChartLayout.axisLabelSize + 8 + widest + 8
        }

        // The x axis: thin the ticks until the labels fit, leaving room for the last label's half.
        var xValues = series.flatMap { $0.points.map(\.x) } + references.filter { $0.orientation == .vertical }.map(\.value)
        if x.includesZero { xValues.append(0) }
        var plotRight = width - rightMargin
        var xTicks = ChartLayout.axisTicks(values: xValues, scale: x.scale, style: x.ticks, signed: x.signedLabels, targetCount: 2)
        for pass in 0..<2 {
            var target = Swift.max(2, Swift.min(12, Int((plotRight - plotLeft) / 80)))
            while true {
                xTicks = ChartLayout.axisTicks(values: xValues, scale: x.scale, style: x.ticks, signed: x.signedLabels, targetCount: target)
                let map = AxisMap(kind: x.scale, lower: xTicks.lower, upper: xTicks.upper, start: plotLeft, end: plotRight)
                let positions = xTicks.values.map { map.position($0) ?? plotLeft }
                if target <= 2 || !ChartLayout.overlaps(xTicks.labels, at: positions, fontSize: ChartLayout.tickSize) { break }
                target -= 1
            }
            if pass == 0 && secondTicks == nil {
                let lastHalf = (xTicks.labels.last.map { TextMetrics.width($0, fontSize: ChartLayout.tickSize) } ?? 0) / 2
                plotRight = width - Swift.max(rightMargin, pad + lastHalf + 2)
            }
        }
        let xMap = AxisMap(kind: x.scale, lower: xTicks.lower, upper: xTicks.upper, start: plotLeft, end: plotRight)
        let yMap = AxisMap(kind: y.scale, lower: yTicks.lower, upper: yTicks.upper, start: plotTop + plotHeight, end: plotTop)
        let bottom = plotTop + plotHeight

        // Grid.
        svg.beginGroup(className: "grid")
        for value in yTicks.values {
            if let py = yMap.position(value) { svg.line(x1: plotLeft, y1: py, x2: plotRight, y2: py, stroke: Palette.grid.hex) }
        }
        for value in xTicks.values {
            if let px = xMap.position(value) { svg.line(x1: px, y1: plotTop, x2: px, y2: bottom, stroke: Palette.grid.hex) }
        }
        svg.endGroup()
        if y.scale != .log, yTicks.lower < 0, yTicks.upper > 0, let zero = yMap.position(0) {
            svg.line(x1: plotLeft, y1: zero, x2: plotRight, y2: zero, stroke: "#9a9a9a", width: 1, className: "zero")
        }

        // Reference lines.
        svg.beginGroup(className: "references")
        for line in references {
            switch line.orientation {
            case .vertical:
                if let px = xMap.position(line.value) {
                    svg.line(
                        x1: px, y1: plotTop, x2: px, y2: bottom, stroke: line.color.hex, width: 1.5, dash: line.dash.pattern, className: "reference")
                }
            case .horizontal:
                if let py = yMap.position(line.value) {
                    svg.line(
                        x1: plotLeft, y1: py, x2: plotRight, y2: py, stroke: line.color.hex, width: 1.5, dash: line.dash.pattern,
                        className: "reference")
                }
            }
        }
        svg.endGroup()

        // Series.
        for s in series {
            svg.beginGroup(className: "series", label: s.name)
            let placed = s.points.map { point -> (x: Double, y: Double)? in
                guard let px = xMap.position(point.x), let py = yMap.position(point.y) else { return nil }
                return (px, py)
            }
            if s.style != .scatter {
                var segment: [(x: Double, y: Double)] = []
                func flush() {
                    svg.polyline(segment, stroke: s.color.hex, width: s.lineWidth, dash: s.dash.pattern, opacity: s.opacity < 1 ? s.opacity : nil)
                    segment = []
                }
                for point in placed {
                    guard let point else {
                        flush()
                        continue
                    }
                    if s.style == .step, let last = segment.last { segment.append((point.x, last.y)) }
                    segment.append(point)
                }
                flush()
            }
            if let marker = s.marker {
                for point in placed.compactMap({ $0 }) {
                    ChartLayout.drawMarker(
                        &svg, marker, x: point.x, y: point.y, radius: s.markerRadius, color: s.color, hollow: s.hollowMarkers,
                        opacity: s.opacity)
                }
            }
            svg.endGroup()
        }

        // Axes, ticks and their labels.
        svg.beginGroup(className: "axes")
        svg.line(x1: plotLeft, y1: bottom, x2: plotRight, y2: bottom, stroke: Palette.axis.hex)
        svg.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: bottom, stroke: Palette.axis.hex)
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            guard let py = yMap.position(value) else { continue }
            svg.line(x1: plotLeft - 4, y1: py, x2: plotLeft, y2: py, stroke: Palette.axis.hex)
            svg.text(
                label, x: plotLeft - 7, y: py + ChartLayout.tickSize * 0.35, size: ChartLayout.tickSize, anchor: .end, fill: Palette.axis.hex,
                className: "tick")
        }
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            guard let px = xMap.position(value) else { continue }
            svg.line(x1: px, y1: bottom, x2: px, y2: bottom + 4, stroke: Palette.axis.hex)
            svg.text(
                label, x: px, y: bottom + 6 + ChartLayout.tickSize, size: ChartLayout.tickSize, anchor: .middle, fill: Palette.axis.hex,
                className: "tick")
        }
        if let secondTicks, let y2 {
            svg.line(x1: plotRight, y1: plotTop, x2: plotRight, y2: bottom, stroke: Palette.axis.hex)
            for (value, label) in zip(secondTicks.values, secondTicks.labels) {
                guard let py = yMap.position(value) else { continue }
                svg.line(x1: plotRight, y1: py, x2: plotRight + 4, y2: py, stroke: Palette.axis.hex)
                svg.text(
                    label, x: plotRight + 7, y: py + ChartLayout.tickSize * 0.35, size: ChartLayout.tickSize, fill: Palette.axis.hex,
                    className: "tick")
            }
            let label = TextMetrics.truncated(y2.label, toWidth: plotHeight, fontSize: ChartLayout.axisLabelSize)
            let lx = width - pad - 3
            svg.text(
                label, x: lx, y: plotTop + plotHeight / 2, size: ChartLayout.axisLabelSize, anchor: .middle, fill: Palette.ink.hex,
                rotation: 90, className: "axis-label")
        }
        let xLabel = TextMetrics.truncated(x.label, toWidth: plotRight - plotLeft, fontSize: ChartLayout.axisLabelSize)
        svg.text(
            xLabel, x: (plotLeft + plotRight) / 2, y: bottom + 8 + ChartLayout.tickSize + 6 + ChartLayout.axisLabelSize,
            size: ChartLayout.axisLabelSize, anchor: .middle, fill: Palette.ink.hex, className: "axis-label")
        let yLabel = TextMetrics.truncated(y.label, toWidth: plotHeight, fontSize: ChartLayout.axisLabelSize)
        let ly = pad + ChartLayout.axisLabelSize - 2
        svg.text(
            yLabel, x: ly, y: plotTop + plotHeight / 2, size: ChartLayout.axisLabelSize, anchor: .middle, fill: Palette.ink.hex,
            rotation: -90, className: "axis-label")
        svg.endGroup()

        // Tags of the vertical reference lines, above the plot, in up to two rows without collisions.
        if tagBand > 0 {
            var rows: [[(Double, Double)]] = [[], []]
            let rowCount = taggedLines == 1 ? 1 : 2
            for line in references where line.orientation == .vertical {
                guard let tag = line.tag, let px = xMap.position(line.value), px >= plotLeft - 1, px <= plotRight + 1 else { continue }
                let w = TextMetrics.width(tag, fontSize: ChartLayout.tagSize, bold: true)
                let left = Swift.max(pad, Swift.min(width - pad - w, px - w / 2))
                let span = (left - 4, left + w + 4)
                guard let row = (0..<rowCount).first(where: { r in rows[r].allSatisfy { $0.1 <= span.0 || $0.0 >= span.1 } }) else { continue }
                rows[row].append(span)
                let baseline = plotTop - 5 - Double(rowCount - 1 - row) * 16
                svg.text(
                    tag, x: left + w / 2, y: baseline, size: ChartLayout.tagSize, anchor: .middle, fill: line.color.hex, bold: true, className: "tag")
            }
        }

        ChartLayout.drawLegend(&svg, rows: legend, top: legendTop)
        return svg.document()
    }
}
