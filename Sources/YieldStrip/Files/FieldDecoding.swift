import YieldStripJSON

/// How one kind of field is read from a JSON value.
///
/// ``read`` returns nil when the value is of the wrong type or malformed (the caller reports
/// `BadRequest` with ``expected``) and throws `Overflow` when it is well-formed but out of range.
package struct FieldDecoding<T>: Sendable {
    /// What the field must be, for messages: `an int256: a decimal string of wei or a JSON integer`.
    package let expected: String
    package let read: @Sendable (FieldValue, _ field: FieldPath) throws(RequestError) -> T?

    /// The field's value, or a `BadRequest` saying what was expected and what came.
    @inline(__always)  // specialized where it is called (a generic call asks the runtime for T?'s metadata)
    package func decode(_ value: FieldValue, field: FieldPath) throws(RequestError) -> T {
        guard let result = try read(value, field) else {
            let field = field.text
            throw .badRequest(field: field, reason: "field '\(field)' must be \(expected); got \(quoted(value.json))")
        }
        return result
    }
}

extension FieldDecoding where T == Int256 {
    package static var int256: FieldDecoding {
        FieldDecoding(expected: "an int256: a decimal string of wei or a JSON integer") { value, field throws(RequestError) in
            guard let (negative, magnitude) = try integerParts(value, field) else { return nil }
            guard let result = Int256(negative: negative, magnitude: magnitude) else {
                throw outOfRange(field, "the int256 range (-2^255 to 2^255 - 1)", value)
            }
            return result
        }
    }
}

extension FieldDecoding where T == UInt256 {
    package static var uint256: FieldDecoding {
        FieldDecoding(expected: "a uint256: a decimal string of wei or a JSON integer") { value, field throws(RequestError) in
            guard let (negative, magnitude) = try integerParts(value, field) else { return nil }
            guard !negative || magnitude.isZero else { throw outOfRange(field, "the uint256 range (0 to 2^256 - 1)", value) }
            return magnitude
        }
    }
}

extension FieldDecoding where T == Int256 {
    /// A wei field given in decimal token units of 10^18 wei (`"units": "token"`): a decimal string or a
    /// JSON number with at most 18 decimals (`"42.948"`, `42.948`, `-0.5`), read exactly.
    package static var tokenUnits: FieldDecoding {
        FieldDecoding(expected: "an amount in token units, as \"units\": \"token\" asks: a decimal with at most 18 decimals (\"42.948\")") {
            value, field throws(RequestError) in
            let text: String
            switch value.json {
            case .number(let number): text = number.text
            case .string(let string): text = string
            default: return nil
            }
            guard !text.contains(where: { $0 == "e" || $0 == "E" }), let wad = Wad(decimal: text) else {
                // A decimal in range, but with more than 18 decimals, or out of the int256 range.
                if let digits = text.split(separator: ".", maxSplits: 1).last, text.contains("."), digits.count > 18,
                    digits.allSatisfy({ $0.isASCII && $0.isNumber })
                {
                    let path = field.text
                    throw .badRequest(
                        field: path,
                        reason: "field '\(path)' has \(digits.count) decimals; token units hold at most 18 (one wei is 0.000000000000000001)")
                }
                return nil
            }
            return wad.raw
        }
    }
}

extension FieldDecoding where T == UInt256 {
    /// ``FieldDecoding/tokenUnits`` for a field that cannot be negative.
    package static var unsignedTokenUnits: FieldDecoding {
        FieldDecoding(expected: FieldDecoding<Int256>.tokenUnits.expected) { value, field throws(RequestError) in
            guard let signed = try FieldDecoding<Int256>.tokenUnits.read(value, field) else { return nil }
            guard !signed.isNegative else { throw outOfRange(field, "the uint256 range (0 or more)", value) }
            return signed.magnitude
        }
    }
}

extension FieldDecoding where T == Wad {
    package static var wad: FieldDecoding {
        FieldDecoding(expected: "a wad: a decimal string of wei or a JSON integer") { value, field throws(RequestError) in
            try FieldDecoding<Int256>.int256.read(value, field).map(Wad.init(raw:))
        }
    }
}

extension FieldDecoding where T == Int64 {
    package static var int64: FieldDecoding {
        FieldDecoding(expected: "an integer: a JSON integer or a decimal string") { value, field throws(RequestError) in
            guard let (negative, magnitude) = try integerParts(value, field) else { return nil }
            guard let wide = Int256(negative: negative, magnitude: magnitude), let result = wide.int64Value else {
                throw outOfRange(field, "the 64-bit integer range", value)
            }
            return result
        }
    }
}

extension FieldDecoding where T == Int {
    package static var int: FieldDecoding {
        FieldDecoding(expected: FieldDecoding<Int64>.int64.expected) { value, field throws(RequestError) in
            guard let wide = try FieldDecoding<Int64>.int64.read(value, field) else { return nil }
            guard let result = Int(exactly: wide) else { throw outOfRange(field, "the integer range", value) }
            return result
        }
    }
}

extension FieldDecoding where T == Double {
    package static var double: FieldDecoding {
        FieldDecoding(expected: "a number: a JSON number or a string holding one") { value, field throws(RequestError) in
            let text: String
            switch value.json {
            case .number(let number): text = number.text
            case .string(let string) where JSONNumber(text: string) != nil: text = string
            default: return nil
            }
            guard let result = Double(text), result.isFinite else { throw outOfRange(field, "the range of a double", value) }
            return result
        }
    }
}

extension FieldDecoding where T == Bool {
    package static var bool: FieldDecoding {
        FieldDecoding(expected: "true or false") { value, _ in
            if case .bool(let flag) = value.json { return flag }
            return nil
        }
    }
}

extension FieldDecoding where T == String {
    package static var string: FieldDecoding {
        FieldDecoding(expected: "a string") { value, _ in
            if case .string(let text) = value.json { return text }
            return nil
        }
    }
}

extension FieldDecoding where T == [JSONValue] {
    package static var array: FieldDecoding {
        FieldDecoding(expected: "an array") { value, _ in
            if case .array(let elements) = value.json { return elements }
            return nil
        }
    }
}

extension FieldDecoding where T == FieldSource {
    /// An object, kept as it was read (a tape's object stays on its tape).
    package static var object: FieldDecoding {
        FieldDecoding(expected: "an object") { value, _ in
            switch value {
            case .tape(let value): return value.object.map(FieldSource.tape)
            case .json(.object(let object)): return .object(object)
            case .json: return nil
            }
        }
    }
}

// MARK: - Shared pieces

/// A field's path in the request (`market.` and `totalPt`), joined only for a message: a read that succeeds
/// builds no string.
package struct FieldPath: Sendable {
    package let prefix: String
    package let name: String

    package init(prefix: String, name: String) {
        self.prefix = prefix
        self.name = name
    }

    /// `market.totalPt`.
    package var text: String { prefix + name }
}

/// Sign and magnitude of an integer given as a JSON integer or a decimal string; nil when the value
/// is neither, `Overflow` when the magnitude needs more than 256 bits.
private func integerParts(_ value: FieldValue, _ field: FieldPath) throws(RequestError) -> (negative: Bool, magnitude: UInt256)? {
    let parsed: DecimalInteger.Parsed
    switch value {
    case .tape(let item):
        switch item.kind {
        case .number:
            guard let integer = item.withText(DecimalInteger.parseJSONInteger) else { return nil }
            parsed = integer
        case .string: parsed = item.withText(DecimalInteger.parse)
        default: return nil
        }
    case .json(.number(let number)) where number.isInteger: parsed = DecimalInteger.parse(number.text)
    case .json(.string(let string)): parsed = DecimalInteger.parse(string)
    case .json: return nil
    }
    switch parsed {
    case .value(let negative, let magnitude): return (negative, magnitude)
    case .malformed: return nil
    case .tooLarge: throw outOfRange(field, "the 256-bit integer range", value)
    }
}

private func outOfRange(_ path: FieldPath, _ range: String, _ value: FieldValue) -> RequestError {
    let field = path.text
    return .overflow(field: field, reason: "field '\(field)' is outside \(range): \(quoted(value.json))")
}

/// The value's JSON text, shortened to 80 characters.
package func quoted(_ value: JSONValue) -> String {
    let text = value.jsonText
    return text.count <= 80 ? text : String(text.prefix(77)) + "..."
}
