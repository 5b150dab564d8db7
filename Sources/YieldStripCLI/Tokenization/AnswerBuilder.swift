import YieldStrip
import YieldStripJSON

/// Builds a tokenization answer: the JSON object that a command prints with `--json` and its batch
/// op answers, member by member, with each member's table label and display text.
///
/// Encodings (the batch protocol's): exact values are decimal strings of wei, shown in units in the
/// table; real values are JSON numbers, shown through a formatter; times are Unix seconds with an
/// `…ISO` twin (hidden in the table); a value that does not apply is `null` and left out of the table.
struct AnswerBuilder {
    private(set) var report: Report

    init(title: String? = nil) {
        report = Report(title: title)
    }

    /// The answer's JSON object.
    var object: JSONObject { report.object }

    /// An exact value: wei in the JSON, units (or `display`) in the table.
    mutating func wad(_ key: String, _ value: Wad?, label: String, display: String? = nil) {
        guard let value else { return absent(key) }
        report.append(key, .wei(value.raw), label: label, display: display ?? value.description)
    }

    /// A real value: a JSON number shown by `display`; a non-finite value is a ``NonFiniteResultError``.
    mutating func number(
        _ key: String, _ value: Double?, label: String,
        display: (Double) -> String
    ) throws(NonFiniteResultError) {
        guard let value else { return absent(key) }
        guard let number = JSONNumber(value) else { throw NonFiniteResultError(field: key) }
        report.append(key, .number(number), label: label, display: display(value))
    }

    mutating func flag(_ key: String, _ value: Bool, label: String, display: String? = nil) {
        report.append(key, .bool(value), label: label, display: display)
    }

    mutating func text(_ key: String, _ value: String?, label: String, display: String? = nil) {
        guard let value else { return absent(key) }
        report.append(key, .string(value), label: label, display: display)
    }

    /// `key` (Unix seconds) and `keyISO` (`2026-03-01T00:00:00Z`, hidden in the table; the row shows
    /// `2026-03-01`, with the time of day when it is not midnight).
    mutating func time(_ key: String, _ seconds: Int64?, label: String) {
        guard let seconds else {
            absent(key)
            return absent(key + "ISO")
        }
        report.append(key, .number(JSONNumber(seconds)), label: label, display: UnixTime.formatDate(seconds))
        report.append(key + "ISO", .string(UnixTime.format(seconds)))
        report.hiddenInTable.insert(key + "ISO")
    }

    /// `key`, `keyISO` and `keySource` (where the time came from): the table shows one row,
    /// `2025-09-01 (given)`.
    mutating func time(_ key: String, _ seconds: Int64?, source: TimeSource, label: String) {
        time(key, seconds, label: label)
        guard let seconds else { return absent(key + "Source") }
        report.displays[key] = "\(UnixTime.formatDate(seconds)) (\(source.rawValue))"
        report.append(key + "Source", .string(source.rawValue))
        report.hiddenInTable.insert(key + "Source")
    }

    /// A nested object built the same way: its labels, displays and hidden members move under `key.`.
    mutating func nested(_ key: String, _ inner: AnswerBuilder?) {
        guard let inner else { return absent(key) }
        report.append(key, .object(inner.object))
        for (path, label) in inner.report.labels { report.labels[key + "." + path] = label }
        for (path, display) in inner.report.displays { report.displays[key + "." + path] = display }
        for path in inner.report.hiddenInTable { report.hiddenInTable.insert(key + "." + path) }
    }

    /// Appends members with the ``Report`` API directly (a block time with its source, say).
    mutating func withReport(_ body: (inout Report) throws -> Void) rethrows {
        try body(&report)
    }

    /// An array of objects, shown in the table as a titled table of its own (`label` above it, `columns`
    /// naming its columns by key).
    mutating func rows(_ key: String, _ rows: [JSONObject], label: String, columns: [String: String] = [:]) {
        report.append(key, .array(rows.map { .object($0) }), label: label)
        for (column, name) in columns { report.labels[key + "." + column] = name }
        if rows.isEmpty { report.hiddenInTable.insert(key) }
    }

    /// A list of texts, one row in the table.
    mutating func texts(_ key: String, _ values: [String], label: String) {
        report.append(key, .array(values.map { .string($0) }), label: label, display: values.joined(separator: "; "))
    }

    /// A raw JSON member, hidden in the table (arrays the command renders itself).
    mutating func hiddenMember(_ key: String, _ value: JSONValue) {
        report.append(key, value)
        report.hiddenInTable.insert(key)
    }

    /// Leaves the member `key` out of the table (it stays in the JSON): a value another row already shows.
    mutating func hideInTable(_ key: String) {
        report.hiddenInTable.insert(key)
    }

    /// `null`, left out of the table.
    private mutating func absent(_ key: String) {
        report.append(key, .null)
        report.hiddenInTable.insert(key)
    }
}
