import Foundation
import YieldStripJSON

/// The two text formats of schedule and rate files.
public enum ScheduleFileFormat: String, Sendable, CaseIterable {
    case csv, json

    /// `json` for a `.json` path, `csv` otherwise.
    public static func forPath(_ path: String) -> ScheduleFileFormat {
        path.lowercased().hasSuffix(".json") ? .json : .csv
    }

    /// `json` when the first non-blank character is `{` or `[`, `csv` otherwise.
    public static func sniff(_ text: String) -> ScheduleFileFormat {
        let first = text.first(where: { !$0.isWhitespace })
        return first == "{" || first == "[" ? .json : .csv
    }
}

/// Reading dividend schedules and exchange-rate series from CSV and JSON.
///
/// ## Dividend schedule, CSV
/// ```
/// # comment lines start with '#'; anything after a '#' on a line is a comment too
/// ex_date,amount,reinvest_price,split_ratio,certainty
/// 2024-11-08,0.25,227,,verified
/// 2020-08-31,,,4,verified
/// ```
/// The first non-comment line is the header: `ex_date` and `amount` are required, `reinvest_price`,
/// `split_ratio` and `certainty` optional, in any order. Each row is either a dividend (`amount`, gross
/// USD per share, with an optional `reinvest_price` in USD per share) or a split (`split_ratio` = new
/// shares per old; `amount` and `reinvest_price` empty). Dates are `YYYY-MM-DD` (UTC midnight) or Unix
/// seconds; numbers are plain decimals (`0.25`, at most 18 decimals, no exponent); trailing empty fields
/// may be left out; blank lines are skipped. `certainty` is free text kept with the row.
///
/// ## Dividend schedule, JSON
/// ```
/// {"events": [{"exDate": "2024-11-08", "amount": 0.25, "reinvestPrice": 227, "certainty": "verified"},
///             {"exDate": "2020-08-31", "splitRatio": 4}]}
/// ```
/// or the bare array. Numbers may be JSON numbers or strings (their text is read exactly); `null` is the
/// same as absent; other top-level keys (`symbol`, `source`) are ignored; an unknown key inside an event
/// is an error.
///
/// ## Rate series
/// CSV header `date,multiplier[,split_ratio]`; JSON `{"observations": [{"date", "multiplier", "splitRatio"}]}`.
///
/// ## Errors
/// Every problem is a ``TokenizationError`` naming the line (1-based) and reported in line order:
/// `MalformedHeader`, `MalformedLine` (field count, bad date or number, JSON syntax, unknown key),
/// `NegativeAmount`, `NonPositivePrice`, `NonPositiveSplitRatio`, `NonPositiveExchangeRate`,
/// `UnsortedSchedule`, `DuplicateDate`, `DateAfterMaturity` (when a maturity is given), `EmptySchedule`.
public enum ScheduleFiles {
    // MARK: Dividend schedules

    /// Parses a dividend schedule. `format` nil sniffs it from the text; `maturity` (Unix seconds) rejects
    /// any row dated after it with `DateAfterMaturity`.
    public static func parseDividendSchedule(
        _ text: String, format: ScheduleFileFormat? = nil,
        maturity: Int64? = nil
    ) throws(TokenizationError) -> DividendSchedule {
        var actions: [CorporateAction] = []
        switch format ?? ScheduleFileFormat.sniff(text) {
        case .csv:
            try ScheduleCSV.rows(text, required: ["ex_date", "amount"], optional: ["reinvest_price", "split_ratio", "certainty"]) {
                (row: ScheduleCSV.Row) throws(TokenizationError) in
                let action = try dividendAction(
                    line: row.line, fields: row.fields, dateKey: "ex_date", amountKey: "amount", priceKey: "reinvest_price",
                    splitKey: "split_ratio")
                try append(action, to: &actions, maturity: maturity)
            }
        case .json:
            for event in try jsonArray(parseJSON(text), key: "events") { try append(dividendAction(event), to: &actions, maturity: maturity) }
        }
        return try schedule(actions)
    }

    /// A dividend schedule from rows already read as JSON, each an object as in a JSON schedule's `events`
    /// (`exDate`, `amount`, `reinvestPrice`, `splitRatio`, `certainty`): a batch request's `schedule`
    /// array. A problem with row N (from 1) says `line N`; the checks are the file's.
    public static func dividendSchedule(rows: [JSONValue], maturity: Int64? = nil) throws(TokenizationError) -> DividendSchedule {
        var actions: [CorporateAction] = []
        for (index, row) in rows.enumerated() {
            try append(dividendAction(JSONLocatedValue(row, line: index + 1)), to: &actions, maturity: maturity)
        }
        return try schedule(actions)
    }

    /// Appends `action` after the checks of every schedule, file or rows: its order and fields against the
    /// row before (`DividendSchedule.check`), and no date after `maturity` (`DateAfterMaturity`).
    static func append(_ action: CorporateAction, to actions: inout [CorporateAction], maturity: Int64?) throws(TokenizationError) {
        try DividendSchedule.check(action, after: actions.last)
        if let maturity, action.date > maturity {
            throw .dateAfterMaturity(line: action.line ?? 0, date: UnixTime.formatDate(action.date), maturity: UnixTime.formatDate(maturity))
        }
        actions.append(action)
    }

    /// The schedule of `actions`; `EmptySchedule` when there are none.
    static func schedule(_ actions: [CorporateAction]) throws(TokenizationError) -> DividendSchedule {
        if actions.isEmpty { throw .emptySchedule }
        return try DividendSchedule(actions: actions)
    }

    /// One event object of a JSON schedule.
    static func dividendAction(_ event: JSONLocatedValue) throws(TokenizationError) -> CorporateAction {
        let fields = try jsonFields(event, allowed: ["exDate", "amount", "reinvestPrice", "splitRatio", "certainty"])
        return try dividendAction(
            line: event.line, fields: fields, dateKey: "exDate", amountKey: "amount", priceKey: "reinvestPrice", splitKey: "splitRatio")
    }

    /// Reads and parses a schedule file (format from the extension, `.json` or else CSV).
    public static func loadDividendSchedule(path: String, maturity: Int64? = nil) throws(TokenizationError) -> DividendSchedule {
        try parseDividendSchedule(readText(path), format: .forPath(path), maturity: maturity)
    }

    // MARK: Rate series

    /// Parses an issuer multiplier series (see the type's documentation for the format).
    public static func parseExchangeRateSeries(_ text: String, format: ScheduleFileFormat? = nil) throws(TokenizationError) -> ExchangeRateSeries {
        var observations: [ExchangeRateObservation] = []
        let add: (ExchangeRateObservation) throws(TokenizationError) -> Void = { o throws(TokenizationError) in
            try ExchangeRateSeries.check(o, after: observations.last)
            observations.append(o)
        }
        switch format ?? ScheduleFileFormat.sniff(text) {
        case .csv:
            try ScheduleCSV.rows(text, required: ["date", "multiplier"], optional: ["split_ratio"]) {
                (row: ScheduleCSV.Row) throws(TokenizationError) in
                try add(observation(line: row.line, fields: row.fields, dateKey: "date", multiplierKey: "multiplier", splitKey: "split_ratio"))
            }
        case .json:
            for item in try jsonArray(parseJSON(text), key: "observations") {
                let fields = try jsonFields(item, allowed: ["date", "multiplier", "splitRatio"])
                try add(observation(line: item.line, fields: fields, dateKey: "date", multiplierKey: "multiplier", splitKey: "splitRatio"))
            }
        }
        if observations.isEmpty { throw .emptySchedule }
        return try ExchangeRateSeries(observations: observations)
    }

    /// Reads and parses a rate-series file.
    public static func loadExchangeRateSeries(path: String) throws(TokenizationError) -> ExchangeRateSeries {
        try parseExchangeRateSeries(readText(path), format: .forPath(path))
    }

    // MARK: Rows → values

    /// A field's text and the line it sits on (JSON values may sit on later lines than their object).
    typealias Fields = [String: (text: String, line: Int)]

    static func dividendAction(
        line: Int, fields: Fields, dateKey: String, amountKey: String, priceKey: String,
        splitKey: String
    ) throws(TokenizationError) -> CorporateAction {
        let date = try requiredDate(fields, dateKey, line)
        let certainty = fields["certainty"].map(\.text)
        if let split = fields[splitKey] {
            for key in [amountKey, priceKey] where fields[key] != nil {
                throw .malformedLine(
                    line: fields[key]?.line ?? line,
                    reason: "a row is a dividend (\(amountKey)) or a split (\(splitKey)), not both; leave \(key) empty on a split row")
            }
            return .split(StockSplit(effectiveDate: date, ratio: try decimal(split, splitKey), certainty: certainty, line: line))
        }
        guard let amount = fields[amountKey] else {
            throw .malformedLine(line: line, reason: "\(amountKey) is empty; give the gross dividend in USD per share (or \(splitKey) for a split)")
        }
        let price = try fields[priceKey].map { (f) throws(TokenizationError) in try decimal(f, priceKey) }
        return .dividend(
            DividendEvent(
                exDate: date, amountPerShareUsd: try decimal(amount, amountKey), reinvestPriceUsd: price,
                certainty: certainty, line: line))
    }

    static func observation(
        line: Int, fields: Fields, dateKey: String, multiplierKey: String,
        splitKey: String
    ) throws(TokenizationError) -> ExchangeRateObservation {
        let date = try requiredDate(fields, dateKey, line)
        guard let multiplier = fields[multiplierKey] else {
            throw .malformedLine(line: line, reason: "\(multiplierKey) is empty; give the issuer's multiplier (shares per token)")
        }
        let split = try fields[splitKey].map { (f) throws(TokenizationError) in try decimal(f, splitKey) }
        return ExchangeRateObservation(date: date, multiplier: try decimal(multiplier, multiplierKey), splitRatio: split, line: line)
    }

    static func requiredDate(_ fields: Fields, _ key: String, _ line: Int) throws(TokenizationError) -> Int64 {
        guard let field = fields[key] else { throw .malformedLine(line: line, reason: "\(key) is empty; give a date as YYYY-MM-DD") }
        guard let date = try? UnixTime.parse(field.text) else {
            throw .malformedLine(line: field.line, reason: "\(key) '\(field.text)' is not a date; write it as YYYY-MM-DD (e.g. 2024-11-08)")
        }
        return date
    }

    static func decimal(_ field: (text: String, line: Int), _ key: String) throws(TokenizationError) -> Wad {
        guard field.text.allSatisfy({ $0 != "_" }), let value = Wad(decimal: field.text) else {
            throw .malformedLine(
                line: field.line,
                reason: "\(key) '\(field.text)' is not a decimal number; write digits with at most one '.' and 18 decimals, no exponent")
        }
        return value
    }

    static func readText(_ path: String) throws(TokenizationError) -> String {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadableFile(path: path, reason: "the file cannot be opened")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadableFile(path: path, reason: "not UTF-8 text") }
        return text
    }

    // MARK: JSON shapes

    /// The array under `key` of a top-level object, or the top-level array itself.
    static func jsonArray(_ root: JSONLocatedValue, key: String) throws(TokenizationError) -> [JSONLocatedValue] {
        switch root.value {
        case .array:
            return root.children.map(\.value)
        case .object:
            guard let member = root.member(key) else {
                throw .malformedLine(line: root.line, reason: "the top-level object has no \"\(key)\" array; put the rows under \"\(key)\"")
            }
            guard case .array = member.value else {
                throw .malformedLine(line: member.line, reason: "\"\(key)\" must be an array of objects")
            }
            return member.children.map(\.value)
        default:
            throw .malformedLine(line: root.line, reason: "expected an object with \"\(key)\" or an array of objects")
        }
    }

    /// An event object's members as text fields; nulls dropped, unknown keys rejected (a repeated key is
    /// the reader's error).
    static func jsonFields(_ object: JSONLocatedValue, allowed: [String]) throws(TokenizationError) -> Fields {
        guard case .object = object.value else {
            throw .malformedLine(line: object.line, reason: "expected an object {…} for each row")
        }
        var fields: Fields = [:]
        for case (let key?, let member) in object.children {
            guard allowed.contains(key) else {
                throw .malformedLine(
                    line: member.line,
                    reason: "unknown key \"\(key)\"; the keys are \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            switch member.value {
            case .null: continue
            case .string(let text): fields[key] = (text, member.line)
            case .number(let number): fields[key] = (number.text, member.line)
            default:
                throw .malformedLine(line: member.line, reason: "\"\(key)\" must be a number or a string")
            }
        }
        return fields
    }
}

// MARK: - CSV

/// Header-addressed CSV rows with `#` comments and line numbers. No quoting: fields cannot hold commas.
enum ScheduleCSV {
    struct Row {
        var line: Int
        /// Non-empty fields by column name.
        var fields: ScheduleFiles.Fields
    }

    static func rows(
        _ text: String, required: [String], optional: [String],
        _ body: (Row) throws(TokenizationError) -> Void
    ) throws(TokenizationError) {
        var header: [String]?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var content = rawLine
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                header = try checkHeader(cells, required: required, optional: optional, line: lineNumber)
                continue
            }
            guard cells.count <= columns.count else {
                throw .malformedLine(
                    line: lineNumber,
                    reason: "\(cells.count) fields but the header has \(columns.count) (\(columns.joined(separator: ","))); remove the extra commas")
            }
            var fields: ScheduleFiles.Fields = [:]
            for (column, cell) in zip(columns, cells) where !cell.isEmpty { fields[column] = (cell, lineNumber) }
            try body(Row(line: lineNumber, fields: fields))
        }
        if header == nil {
            let lastLine = text.hasSuffix("\n") ? lineNumber - 1 : lineNumber
            throw .malformedHeader(
                line: Swift.max(1, lastLine),
                reason: "no header line; the first non-comment line must name the columns (\(required.joined(separator: ",")))")
        }
    }

    static func checkHeader(_ cells: [String], required: [String], optional: [String], line: Int) throws(TokenizationError) -> [String] {
        let known = required + optional
        var seen: Set<String> = []
        for cell in cells {
            let name = cell.lowercased()
            guard known.contains(name) else {
                throw .malformedHeader(
                    line: line,
                    reason:
                        "unknown column '\(cell)'; the header must be the first non-comment line, with columns from \(known.joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw .malformedHeader(line: line, reason: "column '\(cell)' appears twice; keep one") }
        }
        for name in required where !seen.contains(name) {
            throw .malformedHeader(
                line: line, reason: "the header lacks the required column '\(name)' (required: \(required.joined(separator: ", ")))")
        }
        return cells.map { $0.lowercased() }
    }
}

// MARK: - JSON

extension ScheduleFiles {
    /// `text` read by the package's JSON reader, each value with its line; a syntax error or a repeated key
    /// is `MalformedLine` on the line where it sits.
    static func parseJSON(_ text: String) throws(TokenizationError) -> JSONLocatedValue {
        do {
            return try JSONReader.parseLocated(text)
        } catch {
            let line = JSONReader.line(ofOffset: error.offset, in: text)
            if let repeated = error.duplicateKey {
                throw .malformedLine(line: line, reason: "JSON: key \"\(repeated.key)\" appears twice in one object; keep one")
            }
            throw .malformedLine(line: line, reason: "JSON: \(error.reason)")
        }
    }
}
