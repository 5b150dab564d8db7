import YieldStripJSON

/// Typed access to the fields of a request object (or of an object nested in it).
///
/// Every accessor throws ``RequestError`` naming the field by its full path (`market.totalPt`):
/// `BadRequest` when it is missing or of the wrong type, `Overflow` when it is out of range.
/// The `…IfPresent` variants return nil for a missing or `null` field.
///
/// Encodings accepted:
/// - `int256`, `uint256`, `wad`: a decimal string of wei (`"123"`, `"-5"`) or a JSON integer.
/// - `int64`, `int`: a JSON integer or a decimal string (timestamps, small integers).
/// - `double`: a JSON number or a string holding one.
package protocol FieldReader {
    /// The object whose fields are read.
    var fieldSource: FieldSource { get }
    /// The path of that object in the request, ending with a dot (`market.`), or empty at top level.
    var fieldPath: String { get }
    /// True when wei fields (`int256`, `uint256`, `wad`) are given in decimal token units of 10^18 wei
    /// (a batch request's `"units": "token"`).
    var readsTokenUnits: Bool { get }
}

/// An object whose fields are read: a parsed ``JSONObject``, or an object of a ``JSONTape`` (the batch
/// door's plain requests), read without building its values until one is asked for as a ``JSONValue``.
package enum FieldSource: Sendable {
    case object(JSONObject)
    case tape(JSONTapeObject)

    /// The member `name`; nil when it is missing or `null`.
    package subscript(name: String) -> FieldValue? {
        switch self {
        case .object(let object):
            guard let value = object[name], value != .null else { return nil }
            return .json(value)
        case .tape(let object):
            guard let value = object[name], value.kind != .null else { return nil }
            return .tape(value)
        }
    }

    /// The object as a ``JSONObject``.
    package var object: JSONObject {
        switch self {
        case .object(let object): return object
        case .tape(let object): return object.materialized
        }
    }
}

/// A field's value: a ``JSONValue``, or a value of a ``JSONTape`` (decoded from its bytes).
package enum FieldValue: Sendable {
    case json(JSONValue)
    case tape(JSONTapeValue)

    /// The value as a ``JSONValue``.
    package var json: JSONValue {
        switch self {
        case .json(let value): return value
        case .tape(let value): return value.value
        }
    }
}

/// The fields of an object nested in a request.
package struct RequestFields: FieldReader, Sendable {
    package let fieldSource: FieldSource
    package let readsTokenUnits: Bool
    /// The path, kept in parts until a message needs it (`market` under the top level: "" and "market").
    private let parentPath: String, name: String?

    package var fieldPath: String { name.map { parentPath + $0 + "." } ?? parentPath }

    package init(_ object: JSONObject, path: String = "", readsTokenUnits: Bool = false) {
        fieldSource = .object(object)
        (parentPath, name, self.readsTokenUnits) = (path, nil, readsTokenUnits)
    }

    package init(source: FieldSource, path: String = "", readsTokenUnits: Bool = false) {
        fieldSource = source
        (parentPath, name, self.readsTokenUnits) = (path, nil, readsTokenUnits)
    }

    /// The object `name` nested in an object at `parentPath`.
    package init(source: FieldSource, parentPath: String, name: String, readsTokenUnits: Bool) {
        fieldSource = source
        (self.parentPath, self.name, self.readsTokenUnits) = (parentPath, name, readsTokenUnits)
    }
}

extension FieldReader {
    /// The object whose fields are read, as a ``JSONObject``.
    package var fieldObject: JSONObject { fieldSource.object }

    /// The field's value; nil when it is missing or `null`.
    package func value(_ name: String) -> JSONValue? { fieldSource[name]?.json }

    package func int256(_ name: String) throws(RequestError) -> Int256 {
        if readsTokenUnits { return try read(name, FieldDecoding.tokenUnits) }
        if let (negative, magnitude) = tapeInteger(name), let value = Int256(negative: negative, magnitude: magnitude) { return value }
        return try read(name, FieldDecoding.int256)
    }
    package func uint256(_ name: String) throws(RequestError) -> UInt256 {
        if readsTokenUnits { return try read(name, FieldDecoding.unsignedTokenUnits) }
        if let (negative, magnitude) = tapeInteger(name), !negative || magnitude.isZero { return magnitude }
        return try read(name, FieldDecoding.uint256)
    }
    package func wad(_ name: String) throws(RequestError) -> Wad {
        if readsTokenUnits { return Wad(raw: try read(name, FieldDecoding.tokenUnits)) }
        if let (negative, magnitude) = tapeInteger(name), let value = Int256(negative: negative, magnitude: magnitude) { return Wad(raw: value) }
        return try read(name, FieldDecoding.wad)
    }
    package func int64(_ name: String) throws(RequestError) -> Int64 {
        if let (negative, magnitude) = tapeInteger(name), let value = Int256(negative: negative, magnitude: magnitude)?.int64Value {
            return value
        }
        return try read(name, FieldDecoding.int64)
    }

    /// An integer field of a tape (a decimal string or a JSON integer) decoded straight from its bytes; nil
    /// for anything else, which the general path reads and, when it is wrong, names (``FieldDecoding``
    /// accepts exactly these encodings, so both paths give the same value).
    @inline(__always)
    private func tapeInteger(_ name: String) -> (negative: Bool, magnitude: UInt256)? {
        guard case .tape(let object) = fieldSource, let item = object[name] else { return nil }
        let parsed: DecimalInteger.Parsed?
        switch item.kind {
        case .string: parsed = item.withText(DecimalInteger.parse)
        case .number: parsed = item.withText(DecimalInteger.parseJSONInteger)
        default: return nil
        }
        guard case .value(let negative, let magnitude)? = parsed else { return nil }
        return (negative, magnitude)
    }
    package func int(_ name: String) throws(RequestError) -> Int { try read(name, FieldDecoding.int) }
    package func double(_ name: String) throws(RequestError) -> Double { try read(name, FieldDecoding.double) }
    package func bool(_ name: String) throws(RequestError) -> Bool { try read(name, FieldDecoding.bool) }
    package func string(_ name: String) throws(RequestError) -> String { try read(name, FieldDecoding.string) }
    package func array(_ name: String) throws(RequestError) -> [JSONValue] { try read(name, FieldDecoding.array) }
    /// The nested object `name`, whose own accessors name fields as `name.field`.
    package func object(_ name: String) throws(RequestError) -> RequestFields {
        RequestFields(source: try read(name, FieldDecoding.object), parentPath: fieldPath, name: name, readsTokenUnits: readsTokenUnits)
    }

    package func int256IfPresent(_ name: String) throws(RequestError) -> Int256? {
        try readIfPresent(name, readsTokenUnits ? FieldDecoding.tokenUnits : FieldDecoding.int256)
    }
    package func uint256IfPresent(_ name: String) throws(RequestError) -> UInt256? {
        try readIfPresent(name, readsTokenUnits ? FieldDecoding.unsignedTokenUnits : FieldDecoding.uint256)
    }
    package func wadIfPresent(_ name: String) throws(RequestError) -> Wad? {
        try readIfPresent(name, readsTokenUnits ? FieldDecoding.tokenUnits : FieldDecoding.int256).map(Wad.init(raw:))
    }
    package func int64IfPresent(_ name: String) throws(RequestError) -> Int64? { try readIfPresent(name, FieldDecoding.int64) }
    package func intIfPresent(_ name: String) throws(RequestError) -> Int? { try readIfPresent(name, FieldDecoding.int) }
    package func doubleIfPresent(_ name: String) throws(RequestError) -> Double? { try readIfPresent(name, FieldDecoding.double) }
    package func boolIfPresent(_ name: String) throws(RequestError) -> Bool? { try readIfPresent(name, FieldDecoding.bool) }
    package func stringIfPresent(_ name: String) throws(RequestError) -> String? { try readIfPresent(name, FieldDecoding.string) }
    package func objectIfPresent(_ name: String) throws(RequestError) -> RequestFields? {
        try readIfPresent(name, FieldDecoding.object).map {
            RequestFields(source: $0, parentPath: fieldPath, name: name, readsTokenUnits: readsTokenUnits)
        }
    }

    @inline(__always)
    private func read<T>(_ name: String, _ decoding: FieldDecoding<T>) throws(RequestError) -> T {
        guard let value = fieldSource[name] else {
            throw .badRequest(field: fieldPath + name, reason: "missing field '\(fieldPath + name)' (\(decoding.expected))")
        }
        return try decoding.decode(value, field: FieldPath(prefix: fieldPath, name: name))
    }

    @inline(__always)
    private func readIfPresent<T>(_ name: String, _ decoding: FieldDecoding<T>) throws(RequestError) -> T? {
        guard let value = fieldSource[name] else { return nil }
        return try decoding.decode(value, field: FieldPath(prefix: fieldPath, name: name))
    }
}
