import YieldStrip
import YieldStripJSON

/// A plain-text table: columns sized to their widest cell and separated by two spaces; numbers
/// right-aligned, other text left-aligned; an optional header underlined with dashes. In the last column a
/// text longer than ``longTextWidth`` characters (a source, a conversion spelled out) runs on to the right
/// instead of setting the column's width, so it does not push every number across the screen.
///
/// ```
/// name        summary
/// ----------  ---------------------
/// ln          Natural log of a wad.
/// ```
public struct TextTable: Sendable {
    public var header: [String]?
    public var rows: [[String]]

    public init(header: [String]? = nil, rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table's lines, each ended by a newline, every line prefixed with `indent` spaces. Control
    /// characters in cells are escaped (``TerminalText``).
    public func render(indent: Int = 0) -> String {
        let header = self.header?.map(TerminalText.escaped)
        let rows = self.rows.map { $0.map(TerminalText.escaped) }
        let columnCount = ([header?.count ?? 0] + rows.map(\.count)).max() ?? 0
        guard columnCount > 0 else { return "" }
        var widths = [Int](repeating: 0, count: columnCount)
        for row in (header.map { [$0] } ?? []) + rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var lastColumnWidth = 0
        for row in (header.map { [$0] } ?? []) + rows where row.count == columnCount {
            if let cell = row.last, cell.count <= Self.longTextWidth { lastColumnWidth = max(lastColumnWidth, cell.count) }
        }
        let prefix = String(repeating: " ", count: indent)
        var text = ""
        func appendLine(_ cells: [String], alignNumbers: Bool) {
            var line = prefix
            for i in 0..<columnCount {
                let cell = i < cells.count ? cells[i] : ""
                let isLast = i == columnCount - 1
                let padding = String(repeating: " ", count: max(0, (isLast ? lastColumnWidth : widths[i]) - cell.count))
                if alignNumbers && TextTable.isNumeric(cell) {
                    line += padding + cell
                } else {
                    line += cell + (isLast ? "" : padding)
                }
                if !isLast { line += "  " }
            }
            while line.last == " " { line.removeLast() }
            text += line + "\n"
        }
        if let header {
            appendLine(header, alignNumbers: false)
            appendLine(widths.map { String(repeating: "-", count: $0) }, alignNumbers: false)
        }
        for row in rows { appendLine(row, alignNumbers: true) }
        return text
    }

    /// The longest last-column text that sets the column's width (and so where its numbers end).
    public static let longTextWidth = 40

    /// True for a number as a table shows one: `-12`, `1.05`, `3e-7`, `1_000`, `12.5%`.
    static func isNumeric(_ text: String) -> Bool {
        var sawDigit = false
        var previous: UInt8 = 0
        for (i, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard i == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "%"):
                guard sawDigit || byte == UInt8(ascii: ".") else { return false }
            default: return false
            }
            previous = byte
        }
        return sawDigit
    }
}
