/// An estimate of how wide a text renders, used to lay labels out so they never overlap or leave the canvas.
///
/// Widths are Helvetica / Arial advance widths (in ems) by character class, rounded up, with a margin:
/// an estimate errs on the wide side, so a label placed by it has room in any of the fonts charts ask for.
public enum TextMetrics {
    /// The estimated width of `text` at `fontSize` pixels (bold adds 7 %).
    public static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += advance(scalar) }
        return ems * fontSize * (bold ? 1.12 : 1.05)
    }

    /// `text` cut to fit `width` pixels, with `…` at the end when it was cut.
    public static func truncated(_ text: String, toWidth width: Double, fontSize: Double, bold: Bool = false) -> String {
        guard TextMetrics.width(text, fontSize: fontSize, bold: bold) > width else { return text }
        var kept = ""
        for character in text {
            if TextMetrics.width(kept + String(character) + "…", fontSize: fontSize, bold: bold) > width { break }
            kept.append(character)
        }
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }

    /// `text` broken at spaces into lines of at most `width` pixels; at most `maxLines`, the last cut with `…`.
    public static func wrapped(_ text: String, toWidth width: Double, fontSize: Double, bold: Bool = false, maxLines: Int = 2) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || TextMetrics.width(candidate, fontSize: fontSize, bold: bold) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            let rest = lines[(maxLines - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(maxLines - 1)) + [truncated(rest, toWidth: width, fontSize: fontSize, bold: bold)]
        }
        return lines.map { truncated($0, toWidth: width, fontSize: fontSize, bold: bold) }
    }

    /// The advance of one character, in ems.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "0"..."9": return 0.556
        case ".", ",", ":", ";", "'", "|", "!", "i", "j", "l", "I": return 0.28
        case " ": return 0.28
        case "f", "t", "r", "(", ")", "[", "]", "/", "\\", "-", "*": return 0.36
        case "m", "w": return 0.84
        case "M", "W", "%", "@", "—": return 0.94
        case "A"..."Z": return 0.70
        case "a"..."z": return 0.56
        case "−", "+", "=", "<", ">", "×", "±", "≈", "→", "…": return 0.60
        case "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁻": return 0.38
        default: return scalar.value < 0x80 ? 0.56 : 0.65
        }
    }
}
