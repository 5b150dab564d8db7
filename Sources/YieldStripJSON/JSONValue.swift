import YieldStripMath

/// A JSON value as read from or written to a line of text.
///
/// Numbers keep their exact source text (``JSONNumber``), so a 78-digit integer or an id like `1.50`
/// comes back out unchanged; objects keep their members in order (``JSONObject``).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type's name, for messages: "null", "a boolean", "a number", "a string", "an array", "an object".
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The compact JSON text of this value.
    public var jsonText: String {
        var writer = JSONWriter()
        writer.write(self)
        return writer.text
    }
}

/// How exact amounts are written: in wei (the default), or in decimal token units of 10^18 wei while an
/// answer is built for a batch request that asks for them (`"units": "token"`).
public enum AmountText {
    /// True while an answer is built in token units: ``JSONValue/wei(_:)-(Int256)`` then writes `1.5` for
    /// 1.5e18 wei.
    @TaskLocal public static var inTokenUnits = false
}

extension JSONValue {
    /// A decimal string of wei, the encoding of every exact (wad or integer) result; in token units
    /// (``AmountText/inTokenUnits``) the same amount as a decimal of 10^18 wei (`"1.5"`).
    public static func wei(_ value: Int256) -> JSONValue {
        guard AmountText.inTokenUnits else { return .string(value.description) }
        return .string(DecimalDigits.unitsText(negative: value.isNegative, magnitude: value.magnitude))
    }

    /// A decimal string of wei for an unsigned value (in token units as ``wei(_:)-(Int256)``).
    public static func wei(_ value: UInt256) -> JSONValue {
        guard AmountText.inTokenUnits else { return .string(value.description) }
        return .string(DecimalDigits.unitsText(magnitude: value))
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
}
