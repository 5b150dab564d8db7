import Foundation
import Testing

@testable import YieldStripCharts

/// Each job chart of the examples against its golden file, `Golden/<chart>.svg`, compared after a
/// structural normalisation: the same elements in the same order with the same attributes and texts,
/// numbers equal to within half a pixel (so that a last-digit difference in a platform's `log` or `pow`
/// does not fail the test, while any change of layout, series, labels or colours does).
///
/// To accept a change on purpose, regenerate the files and review their diff:
///
///     YIELDSTRIP_UPDATE_GOLDEN=1 swift test --filter ChartGoldenTests
@Suite struct ChartGoldenTests {
    static let updating = ProcessInfo.processInfo.environment["YIELDSTRIP_UPDATE_GOLDEN"] == "1"

    static func goldenURL(_ name: String, sourceFile: String = #filePath) -> URL {
        URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name + ".svg")
    }

    @Test(arguments: ["depth", "lockin", "short-yt", "scenario", "dividends", "hedge-minvar", "loop", "compare"])
    func matchesGolden(name: String) throws {
        let chart = try #require(try ChartFixtures.all().first { $0.name == name }?.chart)
        let svg = chart.svg()
        let url = Self.goldenURL(name)
        if Self.updating {
            try Data(svg.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        let expected = try #require(GoldenSVG.normalised(golden), "\(name): the golden file is not well-formed")
        let actual = try #require(GoldenSVG.normalised(svg))
        #expect(actual.count == expected.count, "\(name): \(actual.count) elements, the golden file has \(expected.count)")
        for (index, (a, e)) in zip(actual, expected).enumerated() {
            if let difference = GoldenSVG.difference(a, e) {
                Issue.record(
                    "\(name) element \(index): \(difference); regenerate with YIELDSTRIP_UPDATE_GOLDEN=1 swift test --filter ChartGoldenTests if intended"
                )
                break
            }
        }
    }

    @Test func normalisationToleratesRoundingOnly() throws {
        let a = try #require(GoldenSVG.normalised("<svg><line x1=\"10.2\" y1=\"3\" stroke=\"#000\"/><text x=\"1\">a</text></svg>"))
        let b = try #require(GoldenSVG.normalised("<svg><line stroke=\"#000\" x1=\"10.4\" y1=\"3\"/>\n  <text x=\"1.3\">a</text></svg>"))
        let c = try #require(GoldenSVG.normalised("<svg><line x1=\"12\" y1=\"3\" stroke=\"#000\"/><text x=\"1\">a</text></svg>"))
        let d = try #require(GoldenSVG.normalised("<svg><line x1=\"10.2\" y1=\"3\" stroke=\"#111\"/><text x=\"1\">a</text></svg>"))
        #expect(zip(a, b).allSatisfy { GoldenSVG.difference($0, $1) == nil })
        #expect(zip(a, c).contains { GoldenSVG.difference($0, $1) != nil })
        #expect(zip(a, d).contains { GoldenSVG.difference($0, $1) != nil })
    }
}

/// An SVG reduced to its structure: one entry per element in document order, with its attributes (order
/// ignored) and its text with runs of white space collapsed.
enum GoldenSVG {
    struct Node {
        var path: String
        var attributes: [String: String]
        var text: String
    }

    static func normalised(_ svg: String) -> [Node]? {
        guard let tree = XMLDocumentTree.parse(svg).tree else { return nil }
        return tree.elements.map { element in
            Node(
                path: (element.ancestors.map(\.name) + [element.name]).joined(separator: "/"), attributes: element.attributes,
                text: element.text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
    }

    /// What differs between two nodes, or nil when they match (numbers within 0.5).
    static func difference(_ a: Node, _ b: Node) -> String? {
        if a.path != b.path { return "\(a.path) where \(b.path) was expected" }
        if a.text != b.text { return "\(a.path) reads '\(a.text)' where '\(b.text)' was expected" }
        if Set(a.attributes.keys) != Set(b.attributes.keys) {
            return "\(a.path) has attributes \(a.attributes.keys.sorted()) where \(b.attributes.keys.sorted()) were expected"
        }
        for key in a.attributes.keys.sorted() {
            let x = a.attributes[key] ?? ""
            let y = b.attributes[key] ?? ""
            if x == y { continue }
            guard geometry.contains(key), let xs = tokens(x), let ys = tokens(y), xs.skeleton == ys.skeleton, xs.numbers.count == ys.numbers.count,
                zip(xs.numbers, ys.numbers).allSatisfy({ Swift.abs($0 - $1) <= 0.5 })
            else {
                return "\(a.path) \(key)=\"\(x)\" where \"\(y)\" was expected"
            }
        }
        return nil
    }

    /// Attributes of positions and sizes, compared to within half a pixel.
    static let geometry: Set<String> = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "points", "transform"]

    /// An attribute's numbers, and the text around them with each number replaced by `#`.
    static func tokens(_ text: String) -> (skeleton: String, numbers: [Double])? {
        var skeleton = ""
        var numbers: [Double] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if let value = Double(current) {
                numbers.append(value)
                skeleton += "#"
            } else {
                skeleton += current
            }
            current = ""
        }
        for character in text {
            if character.isNumber || character == "." || (character == "-" && current.isEmpty) {
                current.append(character)
            } else {
                flush()
                skeleton.append(character)
            }
        }
        flush()
        return (skeleton, numbers)
    }
}
