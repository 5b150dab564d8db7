/// Text made safe for XML and HTML, attribute values included.
///
/// `&`, `<`, `>`, `"` and `'` become entities; characters XML 1.0 does not allow at all (C0 controls
/// other than tab, line feed and carriage return, and the noncharacters U+FFFE, U+FFFF), and the C1
/// controls it discourages, are shown as a visible escape (`\u{1B}`), as the command line's tables show
/// them: a market file's name can never break the document or hide text in it.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if isDisallowed(scalar) {
                    out += "\\u{" + hex(scalar.value) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A control character or noncharacter that may not (or should not) appear in an XML document.
    static func isDisallowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0xFFFE || v == 0xFFFF
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = ""
        var rest = value
        repeat {
            text.insert(digits[Int(rest & 0xF)], at: text.startIndex)
            rest >>= 4
        } while rest > 0
        return text.count < 2 ? "0" + text : text
    }
}
