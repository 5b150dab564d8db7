import YieldStrip
import YieldStripJSON

/// Renders a ``Report`` as text tables: see ``Report`` for the layout.
struct ReportTableRenderer {
    let report: Report

    func render() -> String {
        var blocks: [String] = []
        if let title = report.title { blocks.append(title + "\n") }
        var pairs = TextTable()
        func flushPairs() {
            if !pairs.rows.isEmpty { blocks.append(pairs.render()) }
            pairs = TextTable()
        }
        for member in report.tableMembers where !report.hiddenInTable.contains(member.key) {
            if case .array(let elements) = member.value, !elements.isEmpty,
                case let rows = elements.compactMap(Self.objectOrNil), rows.count == elements.count
            {
                flushPairs()
                blocks.append(renderTable(key: member.key, rows: rows))
            } else {
                appendRows(path: member.key, value: member.value, to: &pairs)
            }
        }
        flushPairs()
        return blocks.joined(separator: "\n")
    }

    /// Key/value rows for a scalar, a nested object (flattened to dotted paths) or an array of scalars.
    private func appendRows(path: String, value: JSONValue, to table: inout TextTable) {
        guard !report.hiddenInTable.contains(path) else { return }
        if case .object(let object) = value, report.displays[path] == nil {
            for member in object.members { appendRows(path: path + "." + member.key, value: member.value, to: &table) }
            return
        }
        table.rows.append([report.labels[path] ?? path, report.displays[path] ?? Self.cellText(value)])
    }

    /// A titled table with one column per key (in order of first appearance) and one row per object.
    private func renderTable(key: String, rows: [JSONObject]) -> String {
        var columns: [String] = []
        for row in rows {
            for column in row.keys where !columns.contains(column) && !report.hiddenInTable.contains(key + "." + column) {
                columns.append(column)
            }
        }
        var table = TextTable(header: columns.map { report.labels[key + "." + $0] ?? $0 })
        table.rows = rows.map { row in columns.map { row[$0].map(Self.cellText) ?? "" } }
        return (report.labels[key] ?? key) + "\n" + table.render(indent: 2)
    }

    private static func objectOrNil(_ value: JSONValue) -> JSONObject? {
        if case .object(let object) = value { return object }
        return nil
    }

    /// A value as a table shows it: strings unquoted, numbers as written, nested values as JSON.
    static func cellText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .string(let text): return text
        case .array(let elements):
            return elements.map { element in
                if case .string(let text) = element { return text }
                return element.jsonText
            }.joined(separator: ", ")
        case .object: return value.jsonText
        }
    }
}
