/// How a chart's SVG is written.
public struct SVGOptions: Hashable, Sendable {
    /// A file of its own (`<?xml …?>` and the SVG namespace, which a browser needs to open an `.svg` file);
    /// false for an SVG inlined in HTML, where the namespace is implied and the page names no URL.
    public var standalone: Bool
    /// The `id` of the chart's root element (each chart on a page its own; nil for none).
    public var id: String?

    public init(standalone: Bool = true, id: String? = nil) {
        self.standalone = standalone
        self.id = id
    }
}

/// Builds one SVG document element by element: every attribute value and text is escaped for XML
/// (``XMLText``), every coordinate written with at most two decimals, never `NaN` or `inf`, so the same
/// calls give the same bytes.
public struct SVGWriter {
    public let width: Double
    public let height: Double
    private var body: [String] = []
    private let header: String

    /// A document of `width` × `height` pixels titled `title` (its `<title>`, what a screen reader says),
    /// with an optional longer `description` (`<desc>`).
    public init(width: Double, height: Double, title: String, description: String? = nil, options: SVGOptions = SVGOptions()) {
        self.width = width
        self.height = height
        var head = options.standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        let size = "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        head +=
            "<svg" + (options.standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "")
            + (options.id.map { " id=\"\(XMLText.escape($0))\"" } ?? "")
            + " \(size) role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" class=\"yieldstrip-chart\">\n"
        head += "<title>\(XMLText.escape(title))</title>\n"
        if let description, !description.isEmpty { head += "<desc>\(XMLText.escape(description))</desc>\n" }
        header = head
    }

    /// The document.
    public func document() -> String {
        header + body.joined() + "</svg>\n"
    }

    // MARK: Elements

    /// A rectangle; `fill: nil` draws none.
    public mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String?, stroke: String? = nil,
        strokeWidth: Double = 1, opacity: Double? = nil, rx: Double? = nil, className: String? = nil
    ) {
        var attributes: [(String, String)] = [
            ("x", Self.number(x)), ("y", Self.number(y)),
            ("width", Self.number(Swift.max(0, width))), ("height", Self.number(Swift.max(0, height)))
        ]
        if let rx { attributes.append(("rx", Self.number(rx))) }
        attributes.append(("fill", fill ?? "none"))
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.number(strokeWidth))] }
        if let opacity { attributes.append(("opacity", Self.number(opacity, decimals: 3))) }
        if let className { attributes.append(("class", className)) }
        element("rect", attributes)
    }

    /// A straight line.
    public mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil, className: String? = nil
    ) {
        var attributes: [(String, String)] = [
            ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)),
            ("y2", Self.number(y2)), ("stroke", stroke), ("stroke-width", Self.number(width))
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.append(("class", className)) }
        element("line", attributes)
    }

    /// A polyline through `points` (nothing for fewer than two).
    public mutating func polyline(
        _ points: [(x: Double, y: Double)], stroke: String, width: Double = 2, dash: String? = nil,
        opacity: Double? = nil, className: String? = nil
    ) {
        guard points.count >= 2 else { return }
        var attributes: [(String, String)] = [
            ("points", points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")),
            ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width)),
            ("stroke-linejoin", "round"), ("stroke-linecap", "round")
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let opacity { attributes.append(("opacity", Self.number(opacity, decimals: 3))) }
        if let className { attributes.append(("class", className)) }
        element("polyline", attributes)
    }

    /// A closed polygon.
    public mutating func polygon(
        _ points: [(x: Double, y: Double)], fill: String, stroke: String? = nil, strokeWidth: Double = 1,
        opacity: Double? = nil
    ) {
        guard points.count >= 3 else { return }
        var attributes: [(String, String)] = [
            ("points", points.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")),
            ("fill", fill)
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.number(strokeWidth))] }
        if let opacity { attributes.append(("opacity", Self.number(opacity, decimals: 3))) }
        element("polygon", attributes)
    }

    /// A circle.
    public mutating func circle(
        cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1,
        opacity: Double? = nil, className: String? = nil
    ) {
        var attributes: [(String, String)] = [
            ("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(Swift.max(0, r))),
            ("fill", fill)
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.number(strokeWidth))] }
        if let opacity { attributes.append(("opacity", Self.number(opacity, decimals: 3))) }
        if let className { attributes.append(("class", className)) }
        element("circle", attributes)
    }

    /// How a text sits on its x.
    public enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// A text at (`x`, `y`: its baseline), optionally rotated by `rotation` degrees about that point; `halo`
    /// draws a white outline under the glyphs so that the text reads over lines.
    public mutating func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, fill: String = "#1a1a1a",
        bold: Bool = false, rotation: Double? = nil, halo: Bool = false, className: String? = nil
    ) {
        var attributes: [(String, String)] = [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size))]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if bold { attributes.append(("font-weight", "bold")) }
        attributes.append(("fill", fill))
        if halo { attributes += [("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke")] }
        if let rotation { attributes.append(("transform", "rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))")) }
        if let className { attributes.append(("class", className)) }
        body.append("<text" + Self.attributeText(attributes) + ">" + XMLText.escape(content) + "</text>\n")
    }

    /// Opens a group (`<g>`); close it with ``endGroup()``.
    public mutating func beginGroup(className: String? = nil, label: String? = nil) {
        var attributes: [(String, String)] = []
        if let className { attributes.append(("class", className)) }
        if let label { attributes.append(("aria-label", label)) }
        body.append("<g" + Self.attributeText(attributes) + ">\n")
    }

    public mutating func endGroup() {
        body.append("</g>\n")
    }

    /// A self-closing element with escaped attribute values.
    public mutating func element(_ name: String, _ attributes: [(String, String)]) {
        body.append("<" + name + Self.attributeText(attributes) + "/>\n")
    }

    // MARK: Numbers

    /// A coordinate with at most `decimals` decimals (trailing zeros dropped), an ASCII minus, never `-0`,
    /// clamped to ±10^7, and `0` for a value that is not finite.
    public static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let clamped = Swift.max(-1e7, Swift.min(1e7, value))
        let places = Swift.max(0, Swift.min(6, decimals))
        let scale = ChartNumberFormat.powerOfTen(places)
        let scaled = Int64((clamped * scale).rounded(.toNearestOrAwayFromZero))
        if scaled == 0 { return "0" }
        let magnitude = scaled.magnitude
        let divisor = UInt64(scale)
        var text = String(magnitude / divisor)
        let fraction = magnitude % divisor
        if fraction != 0 && places > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: places - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return (scaled < 0 ? "-" : "") + text
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
    }
}
