import YieldStrip
import YieldStripJSON

/// One batch line: `{"op": NAME, "id": ANY?, ...fields}`, with typed access to its fields
/// (see ``FieldReader``).
public struct BatchRequest: FieldReader, Sendable {
    public let op: String
    public let id: JSONValue?
    package let fieldSource: FieldSource
    public var fieldPath: String { "" }
    /// True for `"units": "token"`: wei fields are read in decimal token units of 10^18 wei.
    public let readsTokenUnits: Bool
    /// The request as a ``JSONObject``.
    public var fieldObject: JSONObject { fieldSource.object }

    package init(_ object: JSONObject) throws(RequestError) {
        try self.init(source: .object(object))
    }

    /// A request whose op is already known by name (`op`, the registry's own string) and whose `id` was read.
    package init(source: FieldSource, op: String, id: JSONValue?, readsTokenUnits: Bool = false) {
        fieldSource = source
        self.op = op
        self.id = id
        self.readsTokenUnits = readsTokenUnits
    }

    package init(source: FieldSource, readsTokenUnits: Bool = false) throws(RequestError) {
        fieldSource = source
        self.readsTokenUnits = readsTokenUnits
        // `null` included, as given: the id is echoed as it came.
        func member(_ name: String) -> JSONValue? {
            switch source {
            case .object(let object): return object[name]
            case .tape(let object): return object[name]?.value
            }
        }
        id = member("id")
        switch member("op") {
        case .string(let name)?: op = name
        case nil: throw .badRequest(field: "op", reason: "missing field 'op' (the name of the operation, a string)")
        case let other?: throw .badRequest(field: "op", reason: "field 'op' must be a string; got \(quoted(other))")
        }
    }
}
