import Foundation
import Testing

@testable import YieldStripCharts

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML document read with Foundation's `XMLParser`: its elements in document order, each with its
/// attributes, its text and the classes of the groups around it.
struct XMLDocumentTree {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The `class` and `aria-label` of each enclosing element, outermost first.
        var ancestors: [(name: String, className: String?, label: String?)]
        var depth: Int

        var className: String? { attributes["class"] }
        /// The innermost enclosing element with this class.
        func inside(_ className: String) -> Bool { ancestors.contains { $0.className == className } }
        /// The label of the innermost enclosing `series` group.
        var seriesLabel: String? { ancestors.last { $0.className == "series" }?.label }
    }

    var elements: [Element] = []

    /// Parses `text`; nil, with the parser's error, when it is not well-formed XML.
    static func parse(_ text: String) -> (tree: XMLDocumentTree?, error: String?) {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else { return (nil, parser.parserError.map { "\($0)" } ?? "parse failed") }
        return (XMLDocumentTree(elements: delegate.finished), nil)
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    func withClass(_ className: String) -> [Element] { elements.filter { $0.className == className } }

    private final class Collector: NSObject, XMLParserDelegate {
        var open: [Element] = []
        var finished: [Element] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let ancestors = open.map { ($0.name, $0.attributes["class"], $0.attributes["aria-label"]) }
            open.append(Element(name: elementName, attributes: attributes, text: "", ancestors: ancestors, depth: open.count))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !open.isEmpty { open[open.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = open.popLast() else { return }
            finished.append(element)
        }
    }
}

/// Checks every chart's SVG must pass.
enum SVGChecks {
    /// Parses `svg` and checks that no `NaN` or infinity appears anywhere, and that every numeric attribute
    /// (coordinates, sizes, point lists) is a finite number. Returns the tree.
    @discardableResult
    static func wellFormed(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLDocumentTree? {
        let (tree, error) = XMLDocumentTree.parse(svg)
        #expect(tree != nil, "not well-formed XML: \(error ?? "")", sourceLocation: sourceLocation)
        for element in tree?.elements ?? [] {
            for (key, value) in element.attributes where numericAttributes.contains(key) {
                let numbers = value.split(whereSeparator: { $0 == " " || $0 == "," }).filter { !$0.isEmpty }
                for number in numbers {
                    #expect(Double(number)?.isFinite == true, "\(element.name) \(key)=\(value)", sourceLocation: sourceLocation)
                }
            }
        }
        #expect(!svg.contains("NaN") && !svg.contains("Infinity") && !svg.contains(">inf<") && !svg.contains("\"inf"), sourceLocation: sourceLocation)
        return tree
    }

    static let numericAttributes: Set<String> = [
        "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "points", "font-size",
        "stroke-width", "opacity", "rx"
    ]

    /// The plot frame of an XY chart: the x axis line (bottom) and the y axis line (left) in the `axes` group.
    static func frame(_ tree: XMLDocumentTree) -> (left: Double, right: Double, top: Double, bottom: Double)? {
        let lines = tree.all("line").filter { $0.inside("axes") }
        guard lines.count >= 2,
            let x1 = Double(lines[0].attributes["x1"] ?? ""), let x2 = Double(lines[0].attributes["x2"] ?? ""),
            let bottom = Double(lines[0].attributes["y1"] ?? ""), let top = Double(lines[1].attributes["y1"] ?? "")
        else { return nil }
        return (x1, x2, top, bottom)
    }

    /// The x positions of the x axis's tick marks.
    static func xTickPositions(_ tree: XMLDocumentTree, bottom: Double) -> [Double] {
        tree.all("line").filter {
            $0.inside("axes") && Double($0.attributes["y1"] ?? "") == bottom && Double($0.attributes["y2"] ?? "") == bottom + 4
        }
        .compactMap { Double($0.attributes["x1"] ?? "") }
    }

    /// Every point a series draws (polyline vertices and marker centres), by series label.
    static func seriesPoints(_ tree: XMLDocumentTree) -> [String: [(Double, Double)]] {
        var points: [String: [(Double, Double)]] = [:]
        for element in tree.elements {
            guard let label = element.seriesLabel else { continue }
            switch element.name {
            case "polyline":
                for pair in (element.attributes["points"] ?? "").split(separator: " ") {
                    let xy = pair.split(separator: ",").compactMap { Double($0) }
                    if xy.count == 2 { points[label, default: []].append((xy[0], xy[1])) }
                }
            case "circle":
                if let x = Double(element.attributes["cx"] ?? ""), let y = Double(element.attributes["cy"] ?? "") {
                    points[label, default: []].append((x, y))
                }
            case "rect":
                if let x = Double(element.attributes["x"] ?? ""), let y = Double(element.attributes["y"] ?? ""),
                    let w = Double(element.attributes["width"] ?? ""), let h = Double(element.attributes["height"] ?? "")
                {
                    points[label, default: []].append((x + w / 2, y + h / 2))
                }
            case "polygon":
                let xy = (element.attributes["points"] ?? "").split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
                let xs = xy.compactMap { $0.first }
                let ys = xy.compactMap { $0.last }
                if !xs.isEmpty { points[label, default: []].append(((xs.min()! + xs.max()!) / 2, (ys.min()! + ys.max()!) / 2)) }
            default: break
            }
        }
        return points
    }

    /// The markers of each series (circles, squares, diamonds, triangles), by series label.
    static func markerCounts(_ tree: XMLDocumentTree) -> [String: Int] {
        var counts: [String: Int] = [:]
        for element in tree.elements where ["circle", "rect", "polygon"].contains(element.name) {
            if let label = element.seriesLabel { counts[label, default: 0] += 1 }
        }
        return counts
    }

    /// Checks that every series point lies inside the plot frame (the ticks, which bound it, cover the data).
    static func dataInsideFrame(_ tree: XMLDocumentTree, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let frame = frame(tree) else {
            Issue.record("no plot frame", sourceLocation: sourceLocation)
            return
        }
        for (label, points) in seriesPoints(tree) {
            for (x, y) in points {
                #expect(
                    x >= frame.left - 0.51 && x <= frame.right + 0.51 && y >= frame.top - 0.51 && y <= frame.bottom + 0.51,
                    "\(label): (\(x), \(y)) outside \(frame)", sourceLocation: sourceLocation)
            }
        }
    }
}
