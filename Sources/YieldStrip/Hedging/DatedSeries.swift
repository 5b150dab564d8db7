/// One observation of a dated series: the date (Unix seconds), the value, and the line it came from.
public struct DatedValue: Hashable, Sendable {
    public var date: Int64
    public var value: Double
    /// The 1-based line of the text (or row of an array) the value was read from; named in errors.
    public var line: Int

    public init(date: Int64, value: Double, line: Int) {
        self.date = date
        self.value = value
        self.line = line
    }
}

/// A series of dated values, strictly increasing in date: a price, a rate or a yield over time.
///
/// Built from rows (``init(source:column:values:)``), from CSV text (``parseCSV(_:source:valueColumn:)``)
/// or a CSV file (``load(path:valueColumn:)``), or from text pairs (``parseRows(_:source:)``). `source`
/// names the series in errors: a file path, or the batch field it came from.
///
/// ## CSV
/// ```
/// # comment lines start with '#'; anything after a '#' on a line is a comment too
/// date,close,note
/// 2024-07-01,218.36,
/// 2024-07-02,220.27,ex-dividend
/// ```
/// The first non-comment line is the header; it must have a `date` column (any case). The value column
/// is the one named (`valueColumn`, any case), or else the only other column, or else the only other
/// column whose every non-empty cell is a number (`close` above). Dates are `YYYY-MM-DD` (midnight UTC),
/// ISO-8601 date-times or Unix seconds; values are decimal numbers (`218.36`, `-0.5`, `1.2e-3`). Rows
/// strictly increase in date. Blank lines and a leading byte order mark are skipped, lines may end in `\n`
/// or `\r\n`, trailing empty fields may be left out, and a cell wrapped in double quotes is read without
/// them (no quoting beyond that: a cell cannot hold a comma). Every problem is a ``HedgeDataError`` naming
/// the source and the line.
public struct DatedSeries: Hashable, Sendable {
    /// The file path or field the series came from.
    public let source: String
    /// The value column's name as written in the header (`value` for rows given directly).
    public let column: String
    /// The rows, strictly increasing in date.
    public let values: [DatedValue]

    /// A series from rows already read.
    ///
    /// - Throws: `EmptySeries`; `DuplicateDate`, `UnsortedDates` (dates must strictly increase);
    ///   `NotFinite` for a NaN or infinite value.
    public init(source: String, column: String = "value", values: [DatedValue]) throws(HedgeDataError) {
        guard !values.isEmpty else { throw .emptySeries(file: source) }
        var previous: DatedValue? = nil
        for row in values {
            guard row.value.isFinite else {
                throw .malformedLine(file: source, line: row.line, reason: "the value is not a finite number; give a decimal number")
            }
            if let previous {
                if row.date == previous.date {
                    throw .duplicateDate(file: source, line: row.line, date: UnixTime.formatDate(row.date))
                }
                if row.date < previous.date {
                    throw .unsortedDates(
                        file: source, line: row.line, date: UnixTime.formatDate(row.date),
                        previousDate: UnixTime.formatDate(previous.date))
                }
            }
            previous = row
        }
        self.source = source
        self.column = column
        self.values = values
    }

    public var count: Int { values.count }
    public var firstDate: Int64? { values.first?.date }
    public var lastDate: Int64? { values.last?.date }

    // MARK: Reading

    /// Reads rows given as text pairs (a batch request's `[{"date", "value"}]`): row N is line N in errors.
    public static func parseRows(_ rows: [(date: String, value: String)], source: String) throws(HedgeDataError) -> DatedSeries {
        var values: [DatedValue] = []
        values.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let line = index + 1
            values.append(
                DatedValue(
                    date: try date(row.date, column: "date", file: source, line: line),
                    value: try number(row.value, column: "value", file: source, line: line), line: line))
            try checkOrder(values, file: source)
        }
        return try DatedSeries(source: source, column: "value", values: values)
    }

    /// Reads a CSV file (see the type's documentation), up to 16 MiB.
    ///
    /// - Throws: `UnreadableFile` (the system's reason, too large, not UTF-8), or the text's errors, naming `path`.
    public static func load(path: String, valueColumn: String? = nil) throws(HedgeDataError) -> DatedSeries {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, limit: FileBytes.inputLimit, kind: "series file")
        } catch {
            throw .unreadableFile(path: path, reason: error.reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .unreadableFile(path: path, reason: "not UTF-8 text") }
        return try parseCSV(text, source: path, valueColumn: valueColumn)
    }

    /// Reads CSV text (see the type's documentation); `source` names it in errors.
    public static func parseCSV(_ text: String, source: String, valueColumn: String? = nil) throws(HedgeDataError) -> DatedSeries {
        // Split into cells first: picking the value column by its contents needs every row.
        var header: (line: Int, names: [String])? = nil
        var rows: [(line: Int, cells: [Substring])] = []
        var lineNumber = 0
        // A byte order mark (as spreadsheet exports write) is not part of the first column's name.
        let body = text.first == "\u{FEFF}" ? text.dropFirst() : Substring(text)
        // "\r\n" is one Character in Swift: split on it as well as on "\n" (and a lone "\r").
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var content = rawLine
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            let cells = content.split(separator: ",", omittingEmptySubsequences: false).map(trimmedCell)
            if cells.allSatisfy(\.isEmpty) { continue }
            if header == nil {
                header = (lineNumber, cells.map(String.init))
            } else {
                rows.append((lineNumber, cells))
            }
        }
        guard let header else {
            let lastLine = text.last?.isNewline == true ? lineNumber - 1 : lineNumber
            throw .malformedHeader(
                file: source, line: Swift.max(1, lastLine),
                reason: "no header line; the first non-comment line must name the columns, e.g. date,close")
        }
        let dateIndex = try checkHeader(header.names, file: source, line: header.line)
        let valueIndex = try pickValueColumn(
            header.names, dateIndex: dateIndex, named: valueColumn, rows: rows,
            file: source, line: header.line)
        let valueName = header.names[valueIndex]
        var values: [DatedValue] = []
        values.reserveCapacity(rows.count)
        for (line, cells) in rows {
            guard cells.count <= header.names.count else {
                throw .malformedLine(
                    file: source, line: line,
                    reason:
                        "\(cells.count) fields but the header has \(header.names.count) (\(header.names.joined(separator: ","))); remove the extra commas"
                )
            }
            let dateText = dateIndex < cells.count ? cells[dateIndex] : ""
            let valueText = valueIndex < cells.count ? cells[valueIndex] : ""
            values.append(
                DatedValue(
                    date: try date(dateText, column: header.names[dateIndex], file: source, line: line),
                    value: try number(valueText, column: valueName, file: source, line: line), line: line))
            try checkOrder(values, file: source)
        }
        return try DatedSeries(source: source, column: valueName, values: values)
    }

    // MARK: Pieces

    /// A cell without surrounding blanks (spaces, tabs, a carriage return) and one pair of double quotes.
    static func trimmedCell(_ cell: Substring) -> Substring {
        var s = cell
        while let first = s.first, first == " " || first == "\t" || first == "\r" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        if s.count >= 2, s.first == "\"", s.last == "\"" { s = s.dropFirst().dropLast() }
        return s
    }

    /// The header's names checked: none empty, none repeated (any case), `date` present.
    static func checkHeader(_ names: [String], file: String, line: Int) throws(HedgeDataError) -> Int {
        var seen: Set<String> = []
        for (index, name) in names.enumerated() {
            guard !name.isEmpty else {
                throw .malformedHeader(
                    file: file, line: line, reason: "column \(index + 1) of the header has no name; name every column (e.g. date,close)")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw .malformedHeader(file: file, line: line, reason: "column '\(name)' appears twice; keep one")
            }
        }
        guard let dateIndex = names.firstIndex(where: { $0.lowercased() == "date" }) else {
            throw .malformedHeader(
                file: file, line: line,
                reason:
                    "the header (\(names.joined(separator: ","))) has no 'date' column; name the column of dates 'date' (the header must be the first non-comment line)"
            )
        }
        return dateIndex
    }

    /// The value column: the one named, else the only other column, else the only other numeric one.
    static func pickValueColumn(
        _ names: [String], dateIndex: Int, named: String?, rows: [(line: Int, cells: [Substring])],
        file: String, line: Int
    ) throws(HedgeDataError) -> Int {
        if let named {
            let wanted = named.lowercased()
            guard let index = names.firstIndex(where: { $0.lowercased() == wanted }) else {
                throw .unknownColumn(file: file, line: line, column: named, columns: names)
            }
            guard index != dateIndex else {
                throw .noValueColumn(file: file, line: line, reason: "'\(named)' is the date column; name the column of values")
            }
            return index
        }
        let others = names.indices.filter { $0 != dateIndex }
        if others.count == 1 { return others[0] }
        guard !others.isEmpty else {
            throw .noValueColumn(file: file, line: line, reason: "the header has only a date column; add a column of values (e.g. date,close)")
        }
        let numeric = others.filter { index in
            var sawNumber = false
            for row in rows where index < row.cells.count && !row.cells[index].isEmpty {
                guard parseNumber(row.cells[index]) != nil else { return false }
                sawNumber = true
            }
            return sawNumber
        }
        if numeric.count == 1 { return numeric[0] }
        if numeric.isEmpty {
            throw .noValueColumn(
                file: file, line: line,
                reason: "no column besides date holds only numbers (\(others.map { names[$0] }.joined(separator: ", "))); name the value column")
        }
        throw .ambiguousValueColumn(file: file, line: line, candidates: numeric.map { names[$0] })
    }

    static func date<S: StringProtocol>(_ text: S, column: String, file: String, line: Int) throws(HedgeDataError) -> Int64 {
        guard !text.isEmpty else {
            throw .malformedLine(file: file, line: line, reason: "the \(column) is empty; give a date as YYYY-MM-DD or Unix seconds")
        }
        do {
            return try UnixTime.parse(String(text))
        } catch {
            let reason: String
            if case .invalidTimestamp(_, let why) = error { reason = why } else { reason = error.message }
            throw .malformedLine(
                file: file, line: line,
                reason: "the \(column) '\(text)' is not a date (\(reason)); write it as YYYY-MM-DD (e.g. 2024-07-01) or Unix seconds")
        }
    }

    static func number<S: StringProtocol>(_ text: S, column: String, file: String, line: Int) throws(HedgeDataError) -> Double {
        guard !text.isEmpty else {
            throw .malformedLine(file: file, line: line, reason: "the \(column) is empty; give a number, or delete the row")
        }
        guard let value = parseNumber(text) else {
            throw .malformedLine(
                file: file, line: line,
                reason:
                    "the \(column) '\(text)' is not a number; write a decimal such as 218.36, -0.5 or 1.2e-3 (no thousands separators, units or NaN)")
        }
        guard value.isFinite else {
            throw .malformedLine(file: file, line: line, reason: "the \(column) '\(text)' is beyond the range of a double; rescale the series")
        }
        return value
    }

    /// A decimal number, `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of the
    /// point), as the nearest `Double` (infinite beyond its range); nil for any other text.
    static func parseNumber<S: StringProtocol>(_ text: S) -> Double? {
        var sawDigit = false
        var sawPoint = false
        var sawExponent = false
        var exponentDigits = false
        var previous: Character? = nil
        for c in text {
            switch c {
            case "0"..."9":
                if sawExponent { exponentDigits = true } else { sawDigit = true }
            case "+", "-":
                guard previous == nil || previous == "e" || previous == "E" else { return nil }
            case ".":
                guard !sawPoint, !sawExponent else { return nil }
                sawPoint = true
            case "e", "E":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
            default:
                return nil
            }
            previous = c
        }
        guard sawDigit, !sawExponent || exponentDigits else { return nil }
        return Double(String(text))
    }

    /// The last row checked against the one before it (a file's order errors come in line order).
    static func checkOrder(_ values: [DatedValue], file: String) throws(HedgeDataError) {
        guard values.count >= 2 else { return }
        let row = values[values.count - 1]
        let previous = values[values.count - 2]
        if row.date == previous.date { throw .duplicateDate(file: file, line: row.line, date: UnixTime.formatDate(row.date)) }
        if row.date < previous.date {
            throw .unsortedDates(file: file, line: row.line, date: UnixTime.formatDate(row.date), previousDate: UnixTime.formatDate(previous.date))
        }
    }
}
