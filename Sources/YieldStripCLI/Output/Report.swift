import YieldStrip
import YieldStripJSON

/// What a command prints: one JSON object, rendered either as that object (`--json`) or as a table.
///
/// The object is the result; the table is a view of it. Table labels and display texts can be set
/// per member (a `key`, a nested `key.subkey`, or a column `key.column` of an array of objects) without
/// changing the JSON, members can be left out of the table, and rows can be added to the table alone:
/// the wad command, for instance, shows its operands (in decimal units) and the result in units in the
/// table, while its JSON is exactly the batch op's answer, `{"result": …}`.
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
    /// Rows of the table that are not part of the JSON (the wad command's operands, say), in the order
    /// they were added among the JSON's members.
    public private(set) var tableOnly: [TableOnlyMember]

    /// A table row that is not in the JSON: shown right after the JSON member `after` (at the top when
    /// nil).
    public struct TableOnlyMember: Sendable {
        public let after: String?
        public let member: JSONObject.Member
    }

    public init(_ object: JSONObject = JSONObject(), title: String? = nil) {
        self.object = object
        self.title = title
        labels = [:]
        displays = [:]
        hiddenInTable = []
        tableOnly = []
    }

    /// Appends a row to the table only: it follows the JSON members appended so far, and `--json` leaves
    /// it out.
    public mutating func appendTableOnly(_ key: String, _ value: JSONValue, label: String? = nil, display: String? = nil) {
        tableOnly.append(TableOnlyMember(after: object.members.last?.key, member: JSONObject.Member(key: key, value: value)))
        if let label { labels[key] = label }
        if let display { displays[key] = display }
    }

    /// The table's members in order: the JSON's, with the table-only rows among them.
    var tableMembers: [JSONObject.Member] {
        guard !tableOnly.isEmpty else { return object.members }
        var members = tableOnly.filter { $0.after == nil }.map(\.member)
        for member in object.members {
            members.append(member)
            members += tableOnly.filter { $0.after == member.key }.map(\.member)
        }
        return members
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
