/// A chart's size in pixels: 800 × 500 unless asked otherwise (`--size 1200x700`).
public struct ChartSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// 800 × 500.
    public static let standard = ChartSize(width: 800, height: 500)
    /// The smallest size a chart lays out in (smaller ones would crowd its text).
    public static let minimum = ChartSize(width: 360, height: 240)
    /// The largest side.
    public static let largestSide = 10_000

    /// `800x500`.
    public var description: String { "\(width)x\(height)" }

    /// Reads `WIDTHxHEIGHT` (`1200x700`; `X` and `×` also separate), each a whole number of pixels between
    /// ``minimum`` and ``largestSide``; nil with the reason otherwise.
    public static func parse(_ text: String) -> (size: ChartSize?, reason: String?) {
        let parts = text.split(whereSeparator: { $0 == "x" || $0 == "X" || $0 == "×" }).map { $0.trimmingWhitespace() }
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
            return (nil, "expected WIDTHxHEIGHT in pixels, e.g. 800x500")
        }
        guard width >= minimum.width, height >= minimum.height else {
            return (nil, "at least \(minimum.width)x\(minimum.height): a smaller chart cannot fit its labels")
        }
        guard width <= largestSide, height <= largestSide else { return (nil, "at most \(largestSide) pixels a side") }
        return (ChartSize(width: width, height: height), nil)
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        var view = self
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}

/// Anything that renders as one SVG document.
public protocol Chart: Sendable {
    /// The chart's title (also the SVG's `<title>`).
    var title: String { get }
    /// The SVG document at `size`.
    func svg(size: ChartSize, options: SVGOptions) -> String
}

extension Chart {
    /// The SVG document at 800 × 500, standalone.
    public func svg() -> String { svg(size: .standard, options: SVGOptions()) }
}

/// A point of a series, in data units (dates in Unix seconds, rates as fractions).
public struct ChartPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// How a line is drawn.
public enum LineDash: String, Sendable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// The SVG `stroke-dasharray`, nil for a solid line.
    public var pattern: String? {
        switch self {
        case .solid: return nil
        case .dashed: return "7 4"
        case .dotted: return "2 3"
        case .dashDot: return "9 3 2 3"
        }
    }
}

/// The marker drawn at each point of a series.
public enum MarkerShape: String, Sendable, CaseIterable {
    case circle, square, diamond, triangle
}

/// How a series joins its points.
public enum SeriesStyle: String, Sendable {
    /// Straight segments from point to point.
    case line
    /// Horizontal to the next point's x, then vertical: a value that holds until it changes.
    case step
    /// Markers only.
    case scatter
}

/// One series of an ``XYChart``.
public struct ChartSeries: Sendable {
    public var name: String
    public var points: [ChartPoint]
    public var style: SeriesStyle
    public var color: ChartColor
    public var dash: LineDash
    /// A marker at each point (scatter series always have one: a circle by default).
    public var marker: MarkerShape?
    /// Markers drawn as outlines.
    public var hollowMarkers: Bool
    public var lineWidth: Double
    public var markerRadius: Double
    public var opacity: Double
    public var inLegend: Bool

    public init(
        name: String, points: [ChartPoint], style: SeriesStyle = .line, color: ChartColor, dash: LineDash = .solid,
        marker: MarkerShape? = nil, hollowMarkers: Bool = false, lineWidth: Double = 2, markerRadius: Double = 3.5,
        opacity: Double = 1, inLegend: Bool = true
    ) {
        self.name = name
        self.points = points
        self.style = style
        self.color = color
        self.dash = dash
        self.marker = marker ?? (style == .scatter ? .circle : nil)
        self.hollowMarkers = hollowMarkers
        self.lineWidth = lineWidth
        self.markerRadius = markerRadius
        self.opacity = opacity
        self.inLegend = inLegend
    }
}

/// A line across the plot at a value: a break-even, today's price, a market's limit.
public struct ReferenceLine: Sendable {
    public enum Orientation: String, Sendable {
        /// At an x value.
        case vertical
        /// At a y value.
        case horizontal
    }

    public var orientation: Orientation
    public var value: Double
    /// The legend's text (`break-even 0.1862% a year`).
    public var label: String
    /// A short tag written above the plot at the line (vertical lines only; dropped when it would collide).
    public var tag: String?
    public var color: ChartColor
    public var dash: LineDash
    public var inLegend: Bool

    public init(
        _ orientation: Orientation, at value: Double, label: String, tag: String? = nil, color: ChartColor = Palette.gray,
        dash: LineDash = .dashed, inLegend: Bool = true
    ) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.tag = tag
        self.color = color
        self.dash = dash
        self.inLegend = inLegend
    }
}

/// How an axis's tick labels read.
public enum TickStyle: String, Sendable {
    /// Plain numbers (`12,500`, `1.5B`, `2×10⁻¹²`).
    case number
    /// The values are fractions, labelled in percent (`0.25%`).
    case percent
    /// Unix seconds, labelled as dates (`2025-03`).
    case date
}

/// How an axis maps values to positions.
public enum AxisScaleKind: String, Sendable {
    case linear
    /// Base 10; values ≤ 0 are left out.
    case log
    /// Unix seconds on a calendar.
    case time
}

/// An axis of an ``XYChart``.
public struct ChartAxis: Sendable {
    /// The title, with its unit (`stock price at maturity (USD)`).
    public var label: String
    public var scale: AxisScaleKind
    public var ticks: TickStyle
    /// The domain includes 0.
    public var includesZero: Bool
    /// Labels carry a sign (`+10%`).
    public var signedLabels: Bool

    public init(
        label: String, scale: AxisScaleKind = .linear, ticks: TickStyle = .number, includesZero: Bool = false,
        signedLabels: Bool = false
    ) {
        self.label = label
        self.scale = scale
        self.ticks = ticks
        self.includesZero = includesZero
        self.signedLabels = signedLabels
    }
}

/// A second y axis on the right, a fixed multiple of the first (shares on the left, USD on the right).
public struct SecondaryAxis: Sendable {
    public var label: String
    /// right value = left value × factor (≠ 0).
    public var factor: Double
    public var ticks: TickStyle

    public init(label: String, factor: Double, ticks: TickStyle = .number) {
        self.label = label
        self.factor = factor
        self.ticks = ticks
    }
}
