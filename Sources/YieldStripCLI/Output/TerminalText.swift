import YieldStrip
import YieldStripJSON

/// Text from files or requests made safe for a terminal: control characters (C0, DEL, C1) and the
/// bidirectional-override marks are written as escapes (`\n`, `\t`, `\r`, `\u{1B}`, `\u{202E}`), so
/// that a market file's name or a schedule's certainty mark cannot move the cursor, change colours or
/// reorder a table. Tables use it for every cell and title; JSON output keeps the exact text.
enum TerminalText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidirectional marks and overrides
        default: return false
        }
    }
}
