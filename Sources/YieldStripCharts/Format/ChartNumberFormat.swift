import Foundation

/// Number text for charts and the tear sheet, the same on every machine and in every locale: the
/// decimal point is `.`, thousands are grouped with `,`, a negative number carries the minus sign
/// U+2212 (`−`), and a value that is not finite reads `—` (never `nan` or `inf`).
///
/// Values too large or too small for fixed decimals stay readable: `scientific` writes `2.5×10⁻¹²`,
/// and the tick labels of an axis share one form (``ChartNumberFormat/tickLabels(_:exponent:)``).
public enum ChartNumberFormat {
    /// The minus sign used in every label.
    public static let minus = "\u{2212}"

    /// `value` with exactly `decimals` digits after the point (0 … 12), rounded half away from zero;
    /// `grouping` puts `,` between thousands. Magnitudes of 10^15 and more, where a double no longer holds
    /// every digit, are written in scientific form.
    public static func fixed(_ value: Double, decimals: Int, grouping: Bool = true, plusSign: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        let places = Swift.max(0, Swift.min(12, decimals))
        let scaled = Swift.abs(value) * powerOfTen(places)
        guard scaled < 9.0e15 else { return scientific(value, significant: 4, plusSign: plusSign) }
        let integer = UInt64(scaled.rounded(.toNearestOrAwayFromZero))
        var digits = String(integer)
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let whole = String(digits.dropLast(places))
        let fraction = String(digits.suffix(places))
        var text = grouping ? group(whole) : whole
        if places > 0 { text += "." + fraction }
        if integer == 0 { return text }
        if value < 0 { return minus + text }
        return plusSign ? "+" + text : text
    }

    /// `value` with at most `maxDecimals` decimals, trailing zeros dropped (`12.5`, `0.25`, `3`).
    public static func short(_ value: Double, maxDecimals: Int = 4, grouping: Bool = true, plusSign: Bool = false) -> String {
        var text = fixed(value, decimals: maxDecimals, grouping: grouping, plusSign: plusSign)
        guard text.contains("."), !text.contains("×") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == minus + "0" || text == "+0" { return "0" }
        return text
    }

    /// `value` to `significant` digits, in fixed form when its magnitude lies in [1e-4, 1e15), else scientific.
    public static func significant(_ value: Double, digits significant: Int = 4, grouping: Bool = true, plusSign: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        guard value != 0 else { return "0" }
        let magnitude = Swift.abs(value)
        guard magnitude >= 1e-4, magnitude < 1e15 else { return scientific(value, significant: significant, plusSign: plusSign) }
        let exponent = Int(Foundation.floor(Foundation.log10(magnitude)))
        let decimals = Swift.max(0, significant - 1 - exponent)
        return short(value, maxDecimals: Swift.min(decimals, 12), grouping: grouping, plusSign: plusSign)
    }

    /// `mantissa×10^exponent` with superscript digits (`2.5×10⁻¹²`), the mantissa to `significant` digits.
    public static func scientific(_ value: Double, significant: Int = 3, plusSign: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        guard value != 0 else { return "0" }
        var exponent = Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        var mantissa = value / powerOfTen(exponent)
        let places = Swift.max(0, significant - 1)
        if Swift.abs(mantissa).rounded(toPlaces: places) >= 10 {
            exponent += 1
            mantissa = value / powerOfTen(exponent)
        }
        return short(mantissa, maxDecimals: places, grouping: false, plusSign: plusSign) + "×10" + superscript(exponent)
    }

    /// A value given as a fraction, in percent: `0.001992` → `0.1992%` with `decimals` decimals.
    public static func percent(_ fraction: Double, decimals: Int = 2, plusSign: Bool = false) -> String {
        guard fraction.isFinite else { return "—" }
        let value = fraction * 100
        if value != 0 && (Swift.abs(value) >= 1e13 || Swift.abs(value) < powerOfTen(-decimals) / 2) {
            return scientific(value, significant: 3, plusSign: plusSign) + "%"
        }
        return fixed(value, decimals: decimals, plusSign: plusSign) + "%"
    }

    /// The labels of an axis's ticks, sharing one form: `decimalExponent` is the power of ten of the step
    /// between ticks (a step of 0.05 has −2), which sets the decimals. Values of 10^15 and more, or below
    /// 10^−3 (for the largest tick), share a power of ten (`0.5×10⁻¹²`, `1×10⁻¹²`); from 10^6 they share a
    /// suffix (`250M`, `1.5B`, `2T`); between, they are grouped digits (`12,500`).
    public static func tickLabels(_ values: [Double], decimalExponent: Int, plusSign: Bool = false) -> [String] {
        let largest = values.reduce(0.0) { Swift.max($0, $1.isFinite ? Swift.abs($1) : 0) }
        guard largest > 0 else { return values.map { _ in "0" } }
        if largest >= 1e15 || largest < 1e-3 {
            let shared = Int(Foundation.floor(Foundation.log10(largest)))
            let decimals = Swift.max(0, Swift.min(12, shared - decimalExponent))
            return values.map { value in
                guard value != 0 else { return "0" }
                return short(value / powerOfTen(shared), maxDecimals: decimals, grouping: false, plusSign: plusSign) + "×10" + superscript(shared)
            }
        }
        if largest >= 1e6 {
            let (scale, suffix): (Int, String) = largest >= 1e12 ? (12, "T") : largest >= 1e9 ? (9, "B") : (6, "M")
            let decimals = Swift.max(0, Swift.min(12, scale - decimalExponent))
            return values.map { value in
                guard value != 0 else { return "0" }
                return fixed(value / powerOfTen(scale), decimals: decimals, plusSign: plusSign) + suffix
            }
        }
        let decimals = Swift.max(0, Swift.min(12, -decimalExponent))
        return values.map { fixed($0, decimals: decimals, plusSign: plusSign) }
    }

    /// `10^exponent`, exact for |exponent| ≤ 22.
    static func powerOfTen(_ exponent: Int) -> Double {
        if exponent >= 0 && exponent < exactPowers.count { return exactPowers[exponent] }
        if exponent < 0 && -exponent < exactPowers.count { return 1 / exactPowers[-exponent] }
        return Foundation.pow(10, Double(exponent))
    }

    private static let exactPowers: [Double] = (0...22).map { Double("1e\($0)")! }

    /// Thousands separated by `,`.
    private static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    /// `−12` as `⁻¹²`.
    static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var text = String(Swift.abs(exponent)).map { digits[Int(String($0))!] }.map(String.init).joined()
        if exponent < 0 { text = "⁻" + text }
        return text
    }
}

extension Double {
    /// Rounded to `places` decimals (half away from zero).
    func rounded(toPlaces places: Int) -> Double {
        let scale = ChartNumberFormat.powerOfTen(places)
        return (self * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
