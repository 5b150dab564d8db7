import YieldStripJSON

/// A batch request that cannot be answered as written.
///
/// - `BadRequest`: malformed JSON, a request that is not an object, a missing or ill-typed field, an
///   unknown op.
/// - `Overflow`: an integer beyond what its field holds (256 bits, or the field's narrower range).
///
/// ``errorArgs`` holds the field's path (`a`, `market.totalPt`) when one field is at fault.
package enum RequestError: DomainError, Hashable {
    case badRequest(field: String?, reason: String)
    case overflow(field: String, reason: String)

    /// A field given more than once (at the path `market.totalPt`): `BadRequest` naming it.
    package static func duplicateField(_ path: String) -> RequestError {
        .badRequest(field: path, reason: "field '\(path)' occurs more than once; give each field once")
    }

    package var errorName: String {
        switch self {
        case .badRequest: return "BadRequest"
        case .overflow: return "Overflow"
        }
    }

    package var errorArgs: [String] {
        switch self {
        case .badRequest(let field, _): return field.map { [$0] } ?? []
        case .overflow(let field, _): return [field]
        }
    }

    package var message: String {
        switch self {
        case .badRequest(_, let reason), .overflow(_, let reason): return reason
        }
    }
}

/// A result that is not a finite number (NaN or an infinity) and so cannot be written as JSON.
///
/// Computations should reject such inputs with a domain error of their own before this point; this
/// error is the last line of defence, naming the result field.
package struct NonFiniteResultError: DomainError, Hashable {
    package let field: String

    package init(field: String) { self.field = field }

    package var errorName: String { "NonFiniteResult" }
    package var errorArgs: [String] { [field] }
    package var message: String { "result '\(field)' is not a finite number" }
}

extension JSONObject {
    /// Appends a `Double` result as a JSON number in its shortest round-trip form; throws
    /// ``NonFiniteResultError`` for NaN and infinities.
    package mutating func append(_ key: String, finite value: Double) throws(NonFiniteResultError) {
        guard let number = JSONNumber(value) else { throw NonFiniteResultError(field: key) }
        append(key, .number(number))
    }
}
