import Foundation

/// A colour, as `#rrggbb`.
public struct ChartColor: Hashable, Sendable {
    public var red: Int
    public var green: Int
    public var blue: Int

    public init(red: Int, green: Int, blue: Int) {
        self.red = Swift.max(0, Swift.min(255, red))
        self.green = Swift.max(0, Swift.min(255, green))
        self.blue = Swift.max(0, Swift.min(255, blue))
    }

    /// `0xRRGGBB`.
    public init(hex: Int) {
        self.init(red: (hex >> 16) & 0xFF, green: (hex >> 8) & 0xFF, blue: hex & 0xFF)
    }

    /// `#rrggbb`.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [red, green, blue].map { String(digits[$0 >> 4]) + String(digits[$0 & 0xF]) }.joined()
    }

    /// WCAG relative luminance, 0 (black) … 1 (white).
    public var luminance: Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// Text that reads on this colour: near-black on light colours, white on dark ones.
    public var textColor: ChartColor {
        // Contrast against white (1.05) and against the near-black (#1a1a1a, luminance ≈ 0.0103).
        let onWhite = 1.05 / (luminance + 0.05)
        let onBlack = (luminance + 0.05) / 0.0603
        return onWhite > onBlack ? .white : Palette.ink
    }

    /// The straight mix `(1 − t)·self + t·other`.
    func mixed(with other: ChartColor, _ t: Double) -> ChartColor {
        let s = Swift.max(0, Swift.min(1, t.isFinite ? t : 0))
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * s).rounded()) }
        return ChartColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }

    public static let white = ChartColor(hex: 0xFFFFFF)
}

/// Colours that readers with the common colour-vision deficiencies can tell apart.
///
/// Series take Okabe and Ito's qualitative palette (blue, vermillion, bluish green, reddish purple, orange,
/// sky blue) in that order, and lines also differ by dash and marker. The heatmap's scale is ColorBrewer's
/// diverging RdBu (colour-blind safe): red for losses, blue for gains, near-white at zero.
public enum Palette {
    public static let blue = ChartColor(hex: 0x0072B2)
    public static let vermillion = ChartColor(hex: 0xD55E00)
    public static let green = ChartColor(hex: 0x009E73)
    public static let purple = ChartColor(hex: 0xCC79A7)
    public static let orange = ChartColor(hex: 0xE69F00)
    public static let sky = ChartColor(hex: 0x56B4E9)
    /// Reference lines and secondary text.
    public static let gray = ChartColor(hex: 0x6B6B6B)
    /// Grid lines.
    public static let grid = ChartColor(hex: 0xE3E3E3)
    /// Axes.
    public static let axis = ChartColor(hex: 0x4D4D4D)
    /// Body text.
    public static let ink = ChartColor(hex: 0x1A1A1A)

    /// The series colours, in order.
    public static let series: [ChartColor] = [blue, vermillion, green, purple, orange, sky]

    /// ColorBrewer RdBu, 11 classes, from the strongest loss to the strongest gain.
    public static let divergingStops: [ChartColor] = [
        0x67001F, 0xB2182B, 0xD6604D, 0xF4A582, 0xFDDBC7, 0xF7F7F7, 0xD1E5F0, 0x92C5DE, 0x4393C3, 0x2166AC, 0x053061
    ].map(ChartColor.init(hex:))

    /// The diverging colour of `t` in [−1, 1] (clamped; 0 is the neutral middle, not-finite reads as 0).
    public static func diverging(_ t: Double) -> ChartColor {
        let clamped = t.isFinite ? Swift.max(-1, Swift.min(1, t)) : 0
        let position = (clamped + 1) / 2 * Double(divergingStops.count - 1)
        let index = Swift.min(divergingStops.count - 2, Int(Foundation.floor(position)))
        return divergingStops[index].mixed(with: divergingStops[index + 1], position - Double(index))
    }
}
