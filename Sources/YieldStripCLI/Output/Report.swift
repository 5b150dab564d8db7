/// What a command prints: one JSON object, rendered either as that object (`--json`) or as a table.
///
/// The object is the result; the table is a view of it. Table labels and display texts can be set
/// per member (a `key`, a nested `key.subkey`, or a column `key.column` of an array of objects) without
/// changing the JSON, and members can be left out of the table: the wad command, for instance, shows its operands in decimal units in the table
/// while its JSON carries wei, exactly as the matching batch request does.
///
/// Table layout, member by member: scalars become `label  value` rows, nested objects become
/// `key.subkey` rows, arrays of scalars one comma-separated row, and an array of objects a titled
/// table of its own with one column per key.
public struct Report: Sendable {
    /// The result as JSON: what `--json` prints.
    public var object: JSONObject
    /// An optional line printed above the table (not part of the JSON).
    public var title: String?
    /// Table labels by member path (`result`, `market.totalPt`, `steps.note`).
    public var labels: [String: String]
    /// Table texts by member path, in place of the JSON value's own text.
    public var displays: [String: String]
    /// Member paths left out of the table (still in the JSON).
    public var hiddenInTable: Set<String>

    public init(_ object: JSONObject = JSONObject(), title: String? = nil) {
        self.object = object
        self.title = title
        labels = [:]
        displays = [:]
        hiddenInTable = []
    }

    /// Appends a member to the object, with an optional table label and display text.
    public mutating func append(_ key: String, _ value: JSONValue, label: String? = nil, display: String? = nil) {
        object.append(key, value)
        if let label { labels[key] = label }
        if let display { displays[key] = display }
    }

    /// One compact JSON line (with its newline), what `--json` prints.
    public var jsonText: String { object.jsonText + "\n" }

    /// The table rendering.
    public var tableText: String { ReportTableRenderer(report: self).render() }
}
