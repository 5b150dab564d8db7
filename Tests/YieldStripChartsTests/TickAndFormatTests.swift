import Foundation
import Testing

@testable import YieldStripCharts

/// Nice ticks (1-2-5 steps covering the data, degenerate ranges widened) and locale-free number text.
@Suite struct NiceTickTests {
    /// The mantissa of a step: 1, 2 or 5.
    static func mantissa(_ step: Double) -> Double {
        let exponent = Foundation.floor(Foundation.log10(step))
        return (step / Foundation.pow(10, exponent) * 1e6).rounded() / 1e6
    }

    static let ranges: [(Double, Double)] = [
        (0, 1), (0.3, 0.7), (-3, 17), (229.5, 230.5), (8713.04, 11326.95), (0.001992, 0.003), (-41_539, 40_677), (1e-12, 3e-12),
        (1e9, 3.5e9), (-2e15, 5e15), (0.99, 1.01), (1.0032141, 1.0032142), (-1e-300, 1e-300), (1e299, 1e300), (-7, -3)
    ]

    @Test(arguments: ranges)
    func linearTicksCoverTheDataInNiceSteps(range: (Double, Double)) {
        for target in [2, 5, 8, 12] {
            let ticks = NiceTicks.linear(lower: range.0, upper: range.1, targetCount: target)
            #expect(ticks.lower <= range.0 && ticks.upper >= range.1, "\(range) \(ticks)")
            #expect(ticks.values.first == ticks.lower && ticks.values.last == ticks.upper)
            #expect(ticks.values.count >= 2 && ticks.values.allSatisfy(\.isFinite))
            #expect(zip(ticks.values.dropFirst(), ticks.values).allSatisfy { $0 > $1 }, "\(ticks.values)")
            #expect([1, 2, 5].contains(Self.mantissa(ticks.step)), "\(ticks.step)")
            // About the count asked for: never more than 2.5 times it.
            #expect(Double(ticks.values.count - 1) <= Double(target) * 2.5 + 1, "\(range) \(target): \(ticks.values.count)")
        }
    }

    @Test func tickValuesAreExactMultiples() {
        let ticks = NiceTicks.linear(lower: 0, upper: 0.7, targetCount: 7)
        #expect(ticks.values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
        #expect(ticks.decimalExponent == -1)
    }

    @Test func degenerateRangesAreWidened() {
        for (lower, upper) in [
            (0.0, 0.0), (5.0, 5.0), (1e-12, 1e-12), (1e9, 1e9), (-3.0, -3.0), (Double.nan, 1), (0, Double.infinity),
            (Double.nan, Double.nan), (-Double.infinity, Double.infinity), (3, 1), (1e308, 1.7e308)
        ] {
            let ticks = NiceTicks.linear(lower: lower, upper: upper, targetCount: 5)
            #expect(ticks.upper > ticks.lower && ticks.values.count >= 2 && ticks.values.allSatisfy(\.isFinite), "\(lower) \(upper): \(ticks)")
            if lower.isFinite && upper.isFinite && Swift.abs(lower) <= NiceTicks.limit && Swift.abs(upper) <= NiceTicks.limit {
                #expect(ticks.lower <= Swift.min(lower, upper) && ticks.upper >= Swift.max(lower, upper))
            }
        }
    }

    @Test func logTicksCoverTheData() {
        for (lower, upper) in [(0.001, 0.5), (0.001, 0.561), (1.0, 1.0), (3e-12, 7e9), (0.02, 0.03), (5.0, 5000.0)] {
            let ticks = NiceTicks.log(lower: lower, upper: upper, targetCount: 9)
            #expect(ticks.lower <= lower * (1 + 1e-12) && ticks.upper >= upper * (1 - 1e-12), "\(lower) \(upper): \(ticks.values)")
            #expect(ticks.values.allSatisfy { $0 > 0 && $0.isFinite } && ticks.values.count >= 2)
            for value in ticks.values where ticks.step == 2 { #expect([1, 2, 5].contains(Self.mantissa(value))) }
        }
        let depth = NiceTicks.log(lower: 0.1, upper: 50, targetCount: 9)
        #expect(depth.values == [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50])
        // Non-positive bounds are replaced, never logged.
        let bad = NiceTicks.log(lower: 0, upper: -1, targetCount: 5)
        #expect(bad.values.allSatisfy { $0 > 0 && $0.isFinite })
    }

    @Test func dateTicksCoverTheDataOnTheCalendar() {
        let from = 1_691_712_000.0  // 2023-08-11
        let to = 1_804_118_400.0  // 2027-03-04
        let ticks = NiceTicks.dates(lower: from, upper: to, targetCount: 8)
        #expect(ticks.lower <= from && ticks.upper >= to)
        let labels = NiceTicks.dateLabels(ticks)
        #expect(labels.first == "2023-07" && labels.allSatisfy { $0.count == 7 }, "\(labels)")
        let days = NiceTicks.dates(lower: from, upper: from + 5 * 86_400, targetCount: 6)
        #expect(NiceTicks.dateLabels(days).first == "2023-08-11")
        let decades = NiceTicks.dates(lower: 0, upper: 3e9, targetCount: 6)
        #expect(NiceTicks.dateLabels(decades).allSatisfy { $0.count == 4 }, "\(NiceTicks.dateLabels(decades))")
        let same = NiceTicks.dates(lower: from, upper: from, targetCount: 6)
        #expect(same.upper > same.lower)
    }
}

@Suite struct NumberTextTests {
    @Test func fixedDecimalsRoundHalfAwayAndGroup() {
        #expect(ChartNumberFormat.fixed(1234567.125, decimals: 2) == "1,234,567.13")
        #expect(ChartNumberFormat.fixed(-0.004, decimals: 2) == "0.00")
        #expect(ChartNumberFormat.fixed(-1501.72, decimals: 0) == "−1,502")
        #expect(ChartNumberFormat.fixed(0.5, decimals: 0) == "1")
        #expect(ChartNumberFormat.fixed(12, decimals: 1, plusSign: true) == "+12.0")
        #expect(ChartNumberFormat.fixed(.nan, decimals: 2) == "—")
        #expect(ChartNumberFormat.fixed(-.infinity, decimals: 2) == "—")
        #expect(ChartNumberFormat.fixed(1e300, decimals: 2) == "1×10³⁰⁰")
    }

    @Test func shortSignificantScientific() {
        #expect(ChartNumberFormat.short(12.5000) == "12.5")
        #expect(ChartNumberFormat.short(-0.00001, maxDecimals: 3) == "0")
        #expect(ChartNumberFormat.significant(43.565208721012192, digits: 6) == "43.5652")
        #expect(ChartNumberFormat.significant(19823.512368863353913184, digits: 6) == "19,823.5")
        #expect(ChartNumberFormat.significant(2.5e-12) == "2.5×10⁻¹²")
        #expect(ChartNumberFormat.significant(-7.2e18, digits: 2) == "−7.2×10¹⁸")
        #expect(ChartNumberFormat.scientific(9.996e5, significant: 3) == "1×10⁶")
        #expect(ChartNumberFormat.percent(0.0019921744951042) == "0.20%")
        #expect(ChartNumberFormat.percent(0.0019921744951042, decimals: 4) == "0.1992%")
        #expect(ChartNumberFormat.percent(1e-14, decimals: 4) == "1×10⁻¹²%")
    }

    @Test func tickLabelsShareOneForm() {
        #expect(ChartNumberFormat.tickLabels([0, 0.1, 0.2], decimalExponent: -1) == ["0.0", "0.1", "0.2"])
        #expect(ChartNumberFormat.tickLabels([-20_000, 0, 20_000], decimalExponent: 4) == ["−20,000", "0", "20,000"])
        #expect(ChartNumberFormat.tickLabels([0, 5e8, 1e9, 1.5e9], decimalExponent: 8) == ["0", "0.5B", "1.0B", "1.5B"])
        #expect(ChartNumberFormat.tickLabels([0, 2e8, 4e8], decimalExponent: 8) == ["0", "200M", "400M"])
        #expect(ChartNumberFormat.tickLabels([1e9, 2e9, 3e9], decimalExponent: 9) == ["1B", "2B", "3B"])
        #expect(ChartNumberFormat.tickLabels([0, 5e-13, 1e-12], decimalExponent: -13) == ["0", "0.5×10⁻¹²", "1×10⁻¹²"])
        #expect(ChartNumberFormat.tickLabels([2e15, 4e15], decimalExponent: 15) == ["2×10¹⁵", "4×10¹⁵"])
        #expect(ChartNumberFormat.tickLabels([-1, 0, 1], decimalExponent: 0, plusSign: true) == ["−1", "0", "+1"])
        // Labels of nearby ticks always differ.
        for (lower, upper) in [(1.0032141, 1.0032142), (1e9, 1e9 + 10), (0.001, 0.0011), (-1e-12, 1e-12)] {
            let ticks = NiceTicks.linear(lower: lower, upper: upper, targetCount: 6)
            let labels = ChartNumberFormat.tickLabels(ticks.values, decimalExponent: ticks.decimalExponent)
            #expect(Set(labels).count == labels.count, "\(labels)")
        }
    }

    @Test func xmlEscaping() {
        #expect(XMLText.escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        #expect(XMLText.escape("bell\u{7}esc\u{1B}del\u{7F}") == "bell\\u{07}esc\\u{1B}del\\u{7F}")
        #expect(XMLText.escape("tab\tline\n") == "tab\tline\n")
        #expect(XMLText.escape("−0.25% · ×10⁻¹²") == "−0.25% · ×10⁻¹²")
    }

    @Test func coordinatesAreShortAndFinite() {
        #expect(SVGWriter.number(12.345) == "12.35")
        #expect(SVGWriter.number(-0.001) == "0")
        #expect(SVGWriter.number(-3.1) == "-3.1")
        #expect(SVGWriter.number(100) == "100")
        #expect(SVGWriter.number(.nan) == "0")
        #expect(SVGWriter.number(.infinity) == "0")
        #expect(SVGWriter.number(1e300) == "10000000")
    }

    @Test func chartSizes() {
        #expect(ChartSize.parse("1200x700").size == ChartSize(width: 1200, height: 700))
        #expect(ChartSize.parse("800X500").size == .standard)
        #expect(ChartSize.parse("800×500").size == .standard)
        for bad in ["800", "x500", "800x", "axb", "100x100", "20000x500", "800x500x2", "-800x500", "800.5x500"] {
            #expect(ChartSize.parse(bad).size == nil && ChartSize.parse(bad).reason != nil, "\(bad)")
        }
    }
}
