import YieldStripJSON

/// Every time the tool reads — command-line options (`--at`, `--now`, `--expiry`, `--from`, `--to`,
/// `--maturity`), market-file and batch fields (`blockTime`, `now`, `expiry`, `valuationTime`, `from`,
/// `to`, `maturity`, `market.expiry`) — goes through here: Unix seconds (integer text, or a JSON integer
/// in JSON) or ISO-8601 text, and always inside ``UnixTime/supportedRange`` (years 0000–9999), so no
/// later time difference can overflow.
package enum TimeInput {
    /// Why a text or JSON value is not a usable time.
    package enum Problem: Error, Equatable {
        /// Not a time at all; the reason says what is wrong (`month 13 is not 01–12`).
        case malformed(reason: String)
        /// A time after 9999-12-31T23:59:59Z.
        case tooLarge
        /// A time before 0000-01-01T00:00:00Z.
        case tooSmall

        /// The reason, for messages: what is wrong and what is accepted.
        package var reason: String {
            switch self {
            case .malformed(let reason): return "\(reason); expected \(UnixTime.acceptedFormats)"
            case .tooLarge: return "too large: a time must lie in \(TimeInput.rangeDescription)"
            case .tooSmall: return "too small: a time must lie in \(TimeInput.rangeDescription)"
            }
        }
    }

    /// The supported range, for messages.
    package static let rangeDescription =
        "years 0000–9999 (Unix seconds \(UnixTime.supportedRange.lowerBound) … \(UnixTime.supportedRange.upperBound))"

    /// Unix seconds of `text`: integer text (any length, optionally signed) is Unix seconds, anything else
    /// ISO-8601 as ``UnixTime/parse(_:)`` reads it; the result must lie in the supported range (an ISO time
    /// with a UTC offset can fall just outside it).
    package static func parse(_ text: String) throws(Problem) -> Int64 {
        let trimmed = trimmedOfWhitespace(text)
        if isIntegerText(trimmed), let seconds = try integer(trimmed) { return seconds }
        let seconds: Int64
        do {
            seconds = try UnixTime.parse(text)
        } catch {
            if case .invalidTimestamp(_, let reason) = error { throw .malformed(reason: reason) }
            throw .malformed(reason: error.message)
        }
        return try checked(Int256(seconds))
    }

    /// Integer text `-?[0-9]+` (a JSON integer's text) as Unix seconds in the supported range; nil when the
    /// text is not such an integer.
    package static func integer(_ text: String) throws(Problem) -> Int64? {
        switch DecimalInteger.parse(text) {
        case .value(let negative, let magnitude):
            guard let value = Int256(negative: negative, magnitude: magnitude) else { throw negative ? .tooSmall : .tooLarge }
            return try checked(value)
        case .tooLarge:
            throw text.hasPrefix("-") ? .tooSmall : .tooLarge
        case .malformed:
            return nil
        }
    }

    /// An integer number of Unix seconds, checked against the supported range.
    package static func checked(_ value: Int256) throws(Problem) -> Int64 {
        if value < Int256(UnixTime.supportedRange.lowerBound) { throw .tooSmall }
        if value > Int256(UnixTime.supportedRange.upperBound) { throw .tooLarge }
        return value.int64Value ?? 0
    }

    /// `text` without leading and trailing whitespace, as ``UnixTime/parse(_:)`` ignores it.
    private static func trimmedOfWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    /// `-?[0-9]+`.
    private static func isIntegerText(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

/// A time field of a batch request or a market file: Unix seconds (a JSON integer or a decimal string) or
/// ISO-8601 text, in the supported range (``TimeInput``).
package enum TimeField {
    /// What a time field holds, for messages.
    package static let expected = "a time: Unix seconds (a JSON integer or a decimal string) or ISO-8601 text such as \"2026-03-01\""

    /// The field's Unix seconds; nil when it is absent or `null`.
    ///
    /// - Throws: `BadRequest` naming the field for a value that is not a time (with the reason), `Overflow`
    ///   naming it for a time outside years 0000–9999, and `BadRequest` for one before 1970 when
    ///   `nonNegative` (block times and expiries).
    package static func read(_ fields: some FieldReader, _ name: String, nonNegative: Bool = false) throws(RequestError) -> Int64? {
        // A JSON integer in range on a tape: read from its bytes (anything else takes the path below,
        // which names what is wrong).
        if case .tape(let item)? = fields.fieldSource[name], item.kind == .number,
            case .value(let negative, let magnitude)? = item.withText(DecimalInteger.parseJSONInteger),
            let value = Int256(negative: negative, magnitude: magnitude), let seconds = try? TimeInput.checked(value),
            !nonNegative || seconds >= 0
        {
            return seconds
        }
        guard let value = fields.value(name) else { return nil }
        let path = fields.fieldPath + name
        let seconds: Int64
        do {
            switch value {
            case .number(let number) where number.isInteger:
                guard let integer = try TimeInput.integer(number.text) else { throw TimeInput.Problem.malformed(reason: "not an integer") }
                seconds = integer
            case .string(let text):
                seconds = try TimeInput.parse(text)
            default:
                throw RequestError.badRequest(field: path, reason: "field '\(path)' must be \(expected); got \(quoted(value))")
            }
        } catch let problem as TimeInput.Problem {
            switch problem {
            case .malformed(let reason):
                throw .badRequest(
                    field: path, reason: "field '\(path)' is not a time: \(reason) (\(quoted(value))); expected \(UnixTime.acceptedFormats)")
            case .tooLarge, .tooSmall:
                throw .overflow(field: path, reason: "field '\(path)' is \(problem.reason): \(quoted(value))")
            }
        } catch let error as RequestError {
            throw error
        } catch {
            throw .badRequest(field: path, reason: "field '\(path)': \(error)")
        }
        if nonNegative && seconds < 0 {
            throw .badRequest(field: path, reason: "field '\(path)' must be ≥ 0 (Unix seconds from 1970); got \(seconds)")
        }
        return seconds
    }

    /// A required time field.
    package static func required(_ fields: some FieldReader, _ name: String, nonNegative: Bool = false) throws(RequestError) -> Int64 {
        guard let seconds = try read(fields, name, nonNegative: nonNegative) else {
            let path = fields.fieldPath + name
            throw .badRequest(field: path, reason: "missing field '\(path)' (\(expected))")
        }
        return seconds
    }
}
