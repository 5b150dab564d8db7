import YieldStrip
import YieldStripJSON

/// One batch line: `{"op": NAME, "id": ANY?, ...fields}`, with typed access to its fields
/// (see ``FieldReader``).
public struct BatchRequest: FieldReader, Sendable {
    /// The op's name.
    public let op: String
    /// The `id` exactly as given (`null` included), echoed in the answer; nil when there was none.
    public let id: JSONValue?
    /// The whole request object, `op` and `id` included.
    public let fieldObject: JSONObject
    public var fieldPath: String { "" }

    /// Reads a request object: `op` must be a string. (A key given twice, at any depth, never gets here: the
    /// reader refuses it, ``JSONReader``.)
    package init(_ object: JSONObject) throws(RequestError) {
        fieldObject = object
        id = object["id"]
        switch object["op"] {
        case .string(let name)?: op = name
        case nil: throw .badRequest(field: "op", reason: "missing field 'op' (the name of the operation, a string)")
        case let other?: throw .badRequest(field: "op", reason: "field 'op' must be a string; got \(quoted(other))")
        }
    }
}
